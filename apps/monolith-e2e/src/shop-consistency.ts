import { eventually } from '@shop/platform-testing';
import type { ShopRequest } from './shop-client.js';

interface Customer {
  id: string;
}
interface Order {
  id: string;
  customerId: string;
  status: string;
}
interface AuditEntry {
  eventId: string;
  module: string;
  type: string;
  aggregateId: string;
  payload: { orderId?: string };
}
interface Notification {
  kind: string;
}

export interface ShopSnapshot {
  customers: Customer[];
  orders: Order[];
  audit: AuditEntry[];
  notifications: Map<string, Notification[]>;
}

async function getOk(request: ShopRequest, path: string) {
  const res = await request('GET', path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function everyPage<T>(request: ShopRequest, path: string, cursorParam: 'cursor' | 'after'): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await getOk(request, `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&${cursorParam}=${cursor}` : ''}`);
    items.push(...(page.items as T[]));
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Everything the shop's API says it holds: customers, their orders and notifications, the audit log. */
export async function readShop(request: ShopRequest): Promise<ShopSnapshot> {
  const customers = await everyPage<Customer>(request, '/customers', 'cursor');
  const orders: Order[] = [];
  const notifications = new Map<string, Notification[]>();
  for (const customer of customers) {
    orders.push(...(await everyPage<Order>(request, `/orders?customerId=${customer.id}`, 'cursor')));
    notifications.set(customer.id, (await getOk(request, `/notifications?customerId=${customer.id}`)).items);
  }
  const audit = await everyPage<AuditEntry>(request, '/audit/events', 'after');
  return { customers, orders, audit, notifications };
}

/** Waits until `/ready` reports no undelivered events (or throws after `timeoutMs`). */
export function waitForEventsDelivered(request: ShopRequest, timeoutMs = 60_000): Promise<{ undelivered: number; dead: number }> {
  return eventually(
    async () => {
      const ready = await request('GET', '/ready');
      const events = ready.body?.checks?.events as { undelivered: number; dead: number } | undefined;
      if (ready.status === 200 && events && events.undelivered === 0) return events;
      throw new Error(`events still undelivered after ${timeoutMs} ms: ${JSON.stringify(ready.body)}`);
    },
    { timeoutMs, intervalMs: 200 },
  );
}

const sorted = (values: string[]) => [...values].sort();
const same = (a: string[], b: string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/**
 * What must hold once every event is delivered, for a shop whose customers registered, placed
 * orders and paid them (the load's flows): each customer and each order is audited exactly once
 * per state change it went through, and notified exactly once per message it warrants. Returns
 * one line per violation (empty: all good).
 */
export function exactlyOnceViolations(shop: ShopSnapshot): string[] {
  const problems: string[] = [];
  const eventIds = shop.audit.map((e) => e.eventId);
  if (new Set(eventIds).size !== eventIds.length) problems.push('the audit log holds an event twice');
  const registered = shop.audit.filter((e) => e.type === 'customers.customer-registered').map((e) => e.aggregateId);
  if (!same(registered, shop.customers.map((c) => c.id))) problems.push(`registrations audited ${registered.length} times for ${shop.customers.length} customers`);
  const kindsByCustomer = new Map(shop.customers.map((c) => [c.id, ['welcome']]));
  for (const order of shop.orders) {
    const ofOrder = shop.audit.filter((e) => e.aggregateId === order.id).map((e) => e.type);
    const charges = shop.audit.filter((e) => e.module === 'billing' && e.payload.orderId === order.id).map((e) => e.type);
    const kinds = kindsByCustomer.get(order.customerId) ?? [];
    kinds.push('order-confirmation');
    if (order.status === 'paid') {
      if (!same(ofOrder, ['orders.order-placed', 'orders.order-paid'])) problems.push(`paid order ${order.id} audited as ${ofOrder.join(', ')}`);
      if (!same(charges, ['billing.charge-succeeded'])) problems.push(`paid order ${order.id} has charge entries ${charges.join(', ')}`);
      kinds.push('payment-receipt');
    } else if (order.status === 'placed') {
      // Perhaps charged already: a pay whose answer was lost between the charge and the order's update.
      if (!same(ofOrder, ['orders.order-placed'])) problems.push(`placed order ${order.id} audited as ${ofOrder.join(', ')}`);
      if (charges.length > 1) problems.push(`placed order ${order.id} has ${charges.length} charge entries`);
    } else {
      problems.push(`order ${order.id} is ${order.status}, which this load never does`);
    }
  }
  for (const customer of shop.customers) {
    const got = (shop.notifications.get(customer.id) ?? []).map((n) => n.kind);
    const expected = kindsByCustomer.get(customer.id) ?? [];
    if (!same(got, expected)) problems.push(`customer ${customer.id} was notified ${sorted(got).join(', ')}; expected ${sorted(expected).join(', ')}`);
  }
  return problems;
}

/**
 * What the server acknowledged to a client (a 201 for a customer, a 200 for a payment) but no
 * longer shows: a lost write. One line per loss (empty: nothing lost).
 */
export function lostAcknowledgements(shop: ShopSnapshot, acknowledged: { customers: Set<string>; paid: Set<string> }): string[] {
  const customers = new Set(shop.customers.map((c) => c.id));
  const paid = new Set(shop.orders.filter((o) => o.status === 'paid').map((o) => o.id));
  return [
    ...[...acknowledged.customers].filter((id) => !customers.has(id)).map((id) => `customer ${id} was acknowledged but is gone`),
    ...[...acknowledged.paid].filter((id) => !paid.has(id)).map((id) => `order ${id} was acknowledged as paid but is not`),
  ];
}
