import type { ShopRequest } from './shop-client.js';

export interface MoneyOrder {
  id: string;
  customerId: string;
  status: 'placed' | 'paid' | 'payment_failed' | 'cancelled';
  chargeId: string | null;
  refundId: string | null;
}
export interface MoneyCharge {
  id: string;
  orderId: string;
  status: 'pending' | 'succeeded' | 'declined' | 'refunded';
  refundId: string | null;
}
export interface MoneyNotification {
  id: string;
  kind: string;
  subject: string;
  body: string;
  messageId: string;
  sentAt: string | null;
}

async function getOk(request: ShopRequest, path: string) {
  const res = await request('GET', path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every customer's orders, each with billing's charges for it and the customer's notifications, through the public HTTP API. */
export async function readMoney(request: ShopRequest) {
  const customerIds: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await getOk(request, `/customers?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    customerIds.push(...(page.items as { id: string }[]).map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  const orders: { order: MoneyOrder; charges: MoneyCharge[]; told: MoneyNotification[] }[] = [];
  const notifications: MoneyNotification[] = [];
  for (const customerId of customerIds) {
    const mine = ((await getOk(request, `/notifications?customerId=${customerId}`)).items ?? []) as MoneyNotification[];
    notifications.push(...mine);
    for (const order of (await getOk(request, `/orders?customerId=${customerId}&limit=100`)).items as MoneyOrder[]) {
      const charges = (await getOk(request, `/billing/charges?orderId=${order.id}`)).items as MoneyCharge[];
      orders.push({ order, charges, told: mine.filter((n) => n.subject.includes(order.id)) });
    }
  }
  return { orders, notifications };
}

/**
 * The end-state invariants of the payment workflow (packages/orders/README.md), one line per
 * violation: `paid` ⇔ exactly one succeeded charge, recorded on the order; `cancelled` ⇒ no
 * succeeded charge, every refund recorded on the order and told to the customer; `payment_failed`
 * ⇒ a declined charge; `placed` ⇒ no charge; each message told once.
 */
export function moneyViolations(orders: Awaited<ReturnType<typeof readMoney>>['orders']): string[] {
  const problems: string[] = [];
  for (const { order, charges, told } of orders) {
    const say = (what: string) => problems.push(`order ${order.id} (${order.status}): ${what}`);
    const succeeded = charges.filter((c) => c.status === 'succeeded');
    const kinds = told.map((n) => n.kind);
    if (charges.length > 1) say(`${charges.length} charges`);
    if ((order.status === 'paid') !== (succeeded.length === 1)) say(`${succeeded.length} succeeded charges`);
    if (order.status === 'paid' && order.chargeId !== succeeded[0]?.id) say('its succeeded charge is not recorded');
    if (order.status === 'paid' && kinds.filter((k) => k === 'payment-receipt').length !== 1) say(`receipts: ${kinds.join(', ')}`);
    if (order.status === 'cancelled') {
      const refund = charges.find((c) => c.refundId)?.refundId;
      if (refund && order.refundId !== refund) say(`refund ${refund} not recorded (the order has ${order.refundId})`);
      if (refund && !told.some((n) => (n.kind === 'order-cancelled' || n.kind === 'order-refunded') && n.body.includes(refund))) say(`refund ${refund} not told`);
      if (kinds.filter((k) => k === 'order-cancelled').length !== 1) say(`cancellation notices: ${kinds.join(', ')}`);
    }
    if (order.status === 'payment_failed' && (charges[0]?.status !== 'declined' || order.chargeId !== charges[0]?.id)) say('no recorded declined charge');
    if (order.status === 'placed' && charges.length > 0) say(`a ${charges[0]?.status} charge`);
    if (kinds.filter((k) => k === 'order-confirmation').length !== 1) say(`confirmations: ${kinds.join(', ')}`);
  }
  return problems;
}
