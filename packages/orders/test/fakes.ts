import { randomUUID } from 'node:crypto';
import type { BillingApi, Charge, ChargeList, ChargeOrderInput, ChargeOrderResult, ListChargesQuery, Refund, RefundInput, RefundResult } from '@shop/billing';
import type { Customer, CustomerPage, CustomersApi, RegisterCustomerResult } from '@shop/customers';

/** A `CustomersApi` built from the public types alone: a set of known ids. */
export class FakeCustomers implements CustomersApi {
  readonly known = new Set<string>();
  existsCalls = 0;

  add(): string {
    const id = randomUUID();
    this.known.add(id);
    return id;
  }

  async register(input: { email: string; name: string }): Promise<RegisterCustomerResult> {
    const customer: Customer = { id: this.add(), email: input.email, name: input.name, createdAt: new Date().toISOString() };
    return { ok: true, customer };
  }
  async get({ id }: { id: string }): Promise<Customer | null> {
    return this.known.has(id) ? { id, email: `${id}@example.com`, name: 'Fake', createdAt: new Date(0).toISOString() } : null;
  }
  async exists({ id }: { id: string }): Promise<boolean> {
    this.existsCalls++;
    return this.known.has(id);
  }
  async list(): Promise<CustomerPage> {
    return { items: [], next: null };
  }
}

/**
 * A `BillingApi` built from the public types alone, honouring billing's published contract:
 * one charge per order, amounts ending in 13 cents declined, refunds once per charge.
 */
export class FakeBilling implements BillingApi {
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  /** How often money actually moved (new charges), whatever the number of calls. */
  chargesMade = 0;
  refundCalls = 0;

  async chargeOrder({ orderId, amountCents }: ChargeOrderInput): Promise<ChargeOrderResult> {
    let charge = [...this.charges.values()].find((c) => c.orderId === orderId);
    if (!charge) {
      this.chargesMade++;
      const now = new Date().toISOString();
      const declined = amountCents % 100 === 13;
      charge = { id: randomUUID(), orderId, amountCents, status: declined ? 'declined' : 'succeeded', declineCode: declined ? 'card_declined' : null, createdAt: now, updatedAt: now };
      this.charges.set(charge.id, charge);
    }
    if (charge.amountCents !== amountCents) return { ok: false, code: 'amount_mismatch', chargeId: charge.id };
    if (charge.status === 'declined') return { ok: false, code: 'card_declined', chargeId: charge.id };
    return { ok: true, charge };
  }

  async refund({ chargeId }: RefundInput): Promise<RefundResult> {
    this.refundCalls++;
    const charge = this.charges.get(chargeId);
    if (!charge) return { ok: false, code: 'unknown_charge' };
    const existing = this.refunds.get(chargeId);
    if (existing) return { ok: true, refund: existing };
    if (charge.status !== 'succeeded') return { ok: false, code: 'not_refundable' };
    const refund: Refund = { id: randomUUID(), chargeId, amountCents: charge.amountCents, createdAt: new Date().toISOString() };
    this.refunds.set(chargeId, refund);
    this.charges.set(chargeId, { ...charge, status: 'refunded' });
    return { ok: true, refund };
  }

  async getCharge({ id }: { id: string }): Promise<Charge | null> {
    return this.charges.get(id) ?? null;
  }

  async listCharges(query: ListChargesQuery): Promise<ChargeList> {
    return { items: [...this.charges.values()].filter((c) => c.orderId === query.orderId) };
  }
}
