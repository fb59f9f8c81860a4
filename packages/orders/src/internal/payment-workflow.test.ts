import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isResting, STAGES, statusOf, transitionFor, TRIGGERS, workflowDiagram, type Stage, type TriggerName } from './payment-workflow.js';

/**
 * The workflow written out again, independently of `TRANSITIONS`: `from trigger → to`, with `*`
 * marking one that applies only while no refund is recorded. Every other pair is refused.
 */
const ALLOWED = `
  placed pay → payment_requested
  placed cancel → cancelled
  placed charge_succeeded → paid
  placed charge_declined → payment_failed
  payment_requested charge_succeeded → paid
  payment_requested charge_declined → payment_failed
  payment_requested refund_issued → cancelled
  payment_requested cancel → cancel_requested
  paid cancel → refund_requested
  paid refund_issued → cancelled
  cancel_requested no_charge → cancelled
  cancel_requested charge_declined → cancelled
  cancel_requested charge_succeeded → refund_requested
  cancel_requested refund_issued → cancelled
  refund_requested refund_issued → cancelled
  cancelled charge_succeeded → late_refund_requested *
  late_refund_requested refund_issued → cancelled
`;
const expected = new Map(
  ALLOWED.trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([from, on, , to, guard]) => [`${from} ${on}`, { to: to as Stage, onlyWithoutRefund: guard === '*' }]),
);

const cases = STAGES.flatMap((stage) => TRIGGERS.flatMap((trigger) => [false, true].map((refundRecorded) => [stage, trigger, refundRecorded] as const)));

describe('the payment workflow', () => {
  it.each(cases)('%s + %s (refund recorded: %s)', (stage: Stage, trigger: TriggerName, refundRecorded: boolean) => {
    const allowed = expected.get(`${stage} ${trigger}`);
    const transition = transitionFor({ stage, refundId: refundRecorded ? 'a-refund' : null }, trigger);
    if (!allowed || (allowed.onlyWithoutRefund && refundRecorded)) expect(transition).toBeUndefined();
    else expect(transition?.to).toBe(allowed.to);
  });

  it('leaves every in-between stage on some fact from billing, and never leaves a closed order', () => {
    for (const stage of STAGES.filter((s) => !isResting(s))) {
      expect([...expected.keys()].some((key) => key.startsWith(`${stage} `) && !key.endsWith(' pay') && !key.endsWith(' cancel')), stage).toBe(true);
    }
    expect([...expected.keys()].filter((key) => key.startsWith('payment_failed '))).toEqual([]);
  });

  it('shows the public status each stage stands for', () => {
    expect(STAGES.map((stage) => [stage, statusOf(stage, 'paid')])).toEqual([
      ['placed', 'placed'],
      ['payment_requested', 'placed'],
      ['paid', 'paid'],
      ['payment_failed', 'payment_failed'],
      ['cancel_requested', 'placed'],
      ['refund_requested', 'paid'],
      ['cancelled', 'cancelled'],
      ['late_refund_requested', 'cancelled'],
    ]);
    expect(statusOf('refund_requested', 'placed')).toBe('placed');
  });

  it('is drawn in the orders README exactly as the code has it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const drawn = /<!-- payment-workflow:start -->\n```mermaid\n([\s\S]*?)\n```\n<!-- payment-workflow:end -->/.exec(readme)?.[1];
    expect(drawn, `paste this between the payment-workflow markers of packages/orders/README.md:\n${workflowDiagram()}`).toBe(workflowDiagram());
  });
});
