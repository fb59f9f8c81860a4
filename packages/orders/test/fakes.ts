import { randomUUID } from 'node:crypto';
import type {
  BillingApi,
  Charge,
  ChargeList,
  ChargeOrderInput,
  ChargeOrderResult,
  ListChargesQuery,
  Refund,
  RefundInput,
  RefundResult,
  ResolveOrderChargeInput,
} from '@shop/billing';
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
 * one charge per order, amounts ending in 13 cents declined, refunds once per charge, a pending
 * charge settled when asked again. Two ways to play a crash: `loseNextAnswer(operation)` performs
 * the next call's effect and then throws, as if the caller died before reading the answer; and
 * `leavePending(orderId, amountCents)` leaves a charge whose provider answer was never recorded.
 */
export class FakeBilling implements BillingApi {
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  /** How often money actually moved (new charges), whatever the number of calls. */
  chargesMade = 0;
  refundCalls = 0;
  resolveCalls = 0;
  readonly #lose = new Set<'chargeOrder' | 'refund'>();
  #hold: Promise<void> | undefined;
  /** Billing is down: every call throws. */
  unreachable = false;

  loseNextAnswer(operation: 'chargeOrder' | 'refund'): void {
    this.#lose.add(operation);
  }

  #answer<T>(operation: 'chargeOrder' | 'refund', answer: T): T {
    if (this.#lose.delete(operation)) throw new Error(`connection lost after ${operation}`);
    return answer;
  }

  /**
   * Makes the next `chargeOrder` wait, before charging, until the returned function is called: a
   * pay caught mid-flight, for another request to overtake it.
   */
  holdNextCharge(): () => void {
    let release = () => {};
    this.#hold = new Promise((resolve) => (release = resolve));
    return release;
  }

  #reachable(): void {
    if (this.unreachable) throw new Error('billing unreachable');
  }

  chargeOf(orderId: string): Charge | undefined {
    return [...this.charges.values()].find((c) => c.orderId === orderId);
  }

  leavePending(orderId: string, amountCents: number): Charge {
    const now = new Date().toISOString();
    const charge: Charge = { id: randomUUID(), orderId, amountCents, status: 'pending', declineCode: null, refundId: null, createdAt: now, updatedAt: now };
    this.charges.set(charge.id, charge);
    return charge;
  }

  /** A pending charge gets the provider's answer, decided by its amount. */
  #settle(charge: Charge): Charge {
    if (charge.status !== 'pending') return charge;
    this.chargesMade++;
    const declined = charge.amountCents % 100 === 13;
    const settled: Charge = { ...charge, status: declined ? 'declined' : 'succeeded', declineCode: declined ? 'card_declined' : null, updatedAt: new Date().toISOString() };
    this.charges.set(charge.id, settled);
    return settled;
  }

  async chargeOrder({ orderId, amountCents }: ChargeOrderInput): Promise<ChargeOrderResult> {
    this.#reachable();
    const hold = this.#hold;
    this.#hold = undefined;
    await hold;
    const charge = this.#settle(this.chargeOf(orderId) ?? this.leavePending(orderId, amountCents));
    if (charge.amountCents !== amountCents) return { ok: false, code: 'amount_mismatch', chargeId: charge.id };
    if (charge.status === 'declined') return this.#answer('chargeOrder', { ok: false, code: 'card_declined', chargeId: charge.id });
    return this.#answer('chargeOrder', { ok: true, charge });
  }

  async resolveOrderCharge({ orderId }: ResolveOrderChargeInput): Promise<Charge | null> {
    this.#reachable();
    this.resolveCalls++;
    const charge = this.chargeOf(orderId);
    return charge ? this.#settle(charge) : null;
  }

  async refund({ chargeId }: RefundInput): Promise<RefundResult> {
    this.#reachable();
    this.refundCalls++;
    const charge = this.charges.get(chargeId);
    if (!charge) return { ok: false, code: 'unknown_charge' };
    const existing = this.refunds.get(chargeId);
    if (existing) return { ok: true, refund: existing };
    if (charge.status !== 'succeeded') return { ok: false, code: 'not_refundable' };
    const refund: Refund = { id: randomUUID(), chargeId, amountCents: charge.amountCents, createdAt: new Date().toISOString() };
    this.refunds.set(chargeId, refund);
    this.charges.set(chargeId, { ...charge, status: 'refunded', refundId: refund.id });
    return this.#answer('refund', { ok: true, refund });
  }

  async getCharge({ id }: { id: string }): Promise<Charge | null> {
    return this.charges.get(id) ?? null;
  }

  async listCharges(query: ListChargesQuery): Promise<ChargeList> {
    return { items: [...this.charges.values()].filter((c) => c.orderId === query.orderId) };
  }
}
