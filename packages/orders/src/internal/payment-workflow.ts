import type { OrderStatus } from '../schemas.js';

/**
 * Where an order stands in its payment workflow. The four resting stages are the public statuses;
 * the others are in between: orders has asked billing for something (or must) and does not know
 * the answer yet. An order leaves an in-between stage only through a transition of `TRANSITIONS`.
 */
export const STAGES = ['placed', 'payment_requested', 'paid', 'payment_failed', 'cancel_requested', 'refund_requested', 'cancelled', 'late_refund_requested'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages in which nothing is owed to or by billing: requests answer from them, the sweep leaves them alone. */
export const RESTING_STAGES: readonly Stage[] = ['placed', 'paid', 'payment_failed', 'cancelled'];

export function isResting(stage: Stage): boolean {
  return RESTING_STAGES.includes(stage);
}

/**
 * What can happen to an order: a customer's request (`pay`, `cancel`) or a fact learnt from billing
 * (from its answer to a call, or from its events). Facts carry billing's ids.
 */
export type Trigger =
  | { on: 'pay' }
  | { on: 'cancel' }
  | { on: 'charge_succeeded'; chargeId: string }
  | { on: 'charge_declined'; chargeId: string }
  /** Billing holds no charge for the order (asked while a cancel waits for a payment's outcome). */
  | { on: 'no_charge' }
  | { on: 'refund_issued'; chargeId: string; refundId: string };
export type TriggerName = Trigger['on'];
export const TRIGGERS: readonly TriggerName[] = ['pay', 'cancel', 'charge_succeeded', 'charge_declined', 'no_charge', 'refund_issued'];

/** The integration event a transition publishes, in its transaction. */
export type Announcement = 'paid' | 'payment_failed' | 'cancelled' | 'refunded';

export interface Transition {
  from: Stage;
  on: TriggerName;
  to: Stage;
  announces?: Announcement;
  /** Only when this holds of the order (else the trigger changes nothing). */
  when?: { refundRecorded: false };
  /** Why the transition exists: the case it handles. */
  why: string;
}

/**
 * Every transition of the payment workflow. Anything else is refused: the order stays where it
 * is (a request then answers from the order as it is, a fact was already applied). Charges and
 * refunds are asked of billing only by the process manager, and only to leave an in-between stage:
 * `payment_requested` (charge), `cancel_requested` (settle whatever charge there is),
 * `refund_requested` and `late_refund_requested` (refund the recorded charge).
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'placed', on: 'pay', to: 'payment_requested', why: 'a pay claims the order before billing is asked, so a cancel cannot miss the charge' },
  { from: 'placed', on: 'cancel', to: 'cancelled', announces: 'cancelled', why: 'no payment was ever requested: nothing to refund' },
  { from: 'placed', on: 'charge_succeeded', to: 'paid', announces: 'paid', why: 'a charge orders did not request is adopted as the payment' },
  { from: 'placed', on: 'charge_declined', to: 'payment_failed', announces: 'payment_failed', why: 'likewise for a declined one' },
  { from: 'payment_requested', on: 'charge_succeeded', to: 'paid', announces: 'paid', why: 'the charge succeeded (answer of billing, its event, or the sweep)' },
  { from: 'payment_requested', on: 'charge_declined', to: 'payment_failed', announces: 'payment_failed', why: 'the charge was declined: the order is closed' },
  { from: 'payment_requested', on: 'refund_issued', to: 'cancelled', announces: 'cancelled', why: 'the charge was refunded before orders saw it succeed' },
  { from: 'payment_requested', on: 'cancel', to: 'cancel_requested', why: 'cancel wins over a payment whose outcome is unknown yet' },
  { from: 'paid', on: 'cancel', to: 'refund_requested', why: 'a paid order is refunded before it is cancelled' },
  { from: 'paid', on: 'refund_issued', to: 'cancelled', announces: 'cancelled', why: 'a refund orders did not request: the order is not paid any more' },
  { from: 'cancel_requested', on: 'no_charge', to: 'cancelled', announces: 'cancelled', why: 'billing holds no charge for the order' },
  { from: 'cancel_requested', on: 'charge_declined', to: 'cancelled', announces: 'cancelled', why: 'the payment was declined: nothing to refund' },
  { from: 'cancel_requested', on: 'charge_succeeded', to: 'refund_requested', why: 'the payment succeeded after all: refund it' },
  { from: 'cancel_requested', on: 'refund_issued', to: 'cancelled', announces: 'cancelled', why: 'the payment succeeded and was refunded already' },
  { from: 'refund_requested', on: 'refund_issued', to: 'cancelled', announces: 'cancelled', why: 'the refund is recorded and told in the cancellation' },
  {
    from: 'cancelled',
    on: 'charge_succeeded',
    to: 'late_refund_requested',
    when: { refundRecorded: false },
    why: 'a pay charged after the cancel found no charge: refund it',
  },
  { from: 'late_refund_requested', on: 'refund_issued', to: 'cancelled', announces: 'refunded', why: 'the late refund is recorded and told in a follow-up' },
];

/** The transition `trigger` takes an order in `order.stage` through, or undefined when it changes nothing. */
export function transitionFor(order: { stage: Stage; refundId: string | null }, trigger: TriggerName): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === order.stage && t.on === trigger && (t.when === undefined || t.when.refundRecorded === (order.refundId !== null)));
}

/** The public status an order shows in `stage`; `previous` when the stage keeps the status it was entered with. */
export function statusOf(stage: Stage, previous: OrderStatus): OrderStatus {
  switch (stage) {
    case 'placed':
    case 'payment_requested':
    case 'cancel_requested':
      return 'placed';
    case 'paid':
    case 'payment_failed':
    case 'cancelled':
      return stage;
    case 'late_refund_requested':
      return 'cancelled';
    case 'refund_requested':
      // Entered from `paid` (still paid until refunded) or `cancel_requested` (still placed).
      return previous;
  }
}

/** The workflow as a Mermaid state diagram, generated from `TRANSITIONS` (the orders README embeds it). */
export function workflowDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> placed'];
  for (const t of TRANSITIONS) {
    const guard = t.when ? ' (no refund recorded)' : '';
    const announces = t.announces ? ` / order-${t.announces.replace('_', '-')}` : '';
    lines.push(`  ${t.from} --> ${t.to}: ${t.on}${guard}${announces}`);
  }
  return lines.join('\n');
}
