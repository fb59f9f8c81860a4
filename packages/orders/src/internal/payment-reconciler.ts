import { ChargeListSchema, type BillingApi, type Charge } from '@shop/billing';
import type { Logger } from '@shop/platform-logging';
import { PeriodicPasses, type Worker } from '@shop/platform-module';
import type { OrderRepository } from './order-repository.js';
import { triggerOfCharge, type PaymentProcess } from './payment-process.js';
import { isResting, transitionFor, type Stage, type Trigger } from './payment-workflow.js';
import type { OrderRow } from './schema.js';

export interface PaymentReconcilerOptions {
  /** Pause between two sweeps. */
  intervalMs: number;
  /** An order still in between this long after entering its stage (or after a failed attempt) is swept. */
  stuckAfterMs: number;
  /** Orders taken per sweep. */
  batchSize?: number;
  now?: () => Date;
}

/** What one sweep did (or, dry, would do) to one order. */
export interface ReconciledOrder {
  orderId: string;
  from: Stage;
  /** Where the order came to rest (absent on a dry run or a failure). */
  to?: Stage;
  /** Dry run: what reconciling it would do. */
  plan?: string;
  /** Why it could not be reconciled now (it is tried again later). */
  error?: string;
}

/** The worker's name in the descriptor (`orders/payment-reconciler` in logs and `/ready`). */
export const PAYMENT_RECONCILER = 'payment-reconciler';

/**
 * The sweep: finishes or compensates every order stuck in an in-between stage past its timer (a
 * request that died, a billing that did not answer) by driving it through the process manager,
 * which asks billing (its API only, so it works the same when billing is remote). Runs in the
 * serving process every `intervalMs`, first right after start; its state is the orders' timers,
 * so it survives restarts. Two processes sweeping at once are harmless: every step is a
 * conditional update and every billing call idempotent.
 */
export class PaymentReconciler implements Worker {
  readonly name = PAYMENT_RECONCILER;
  readonly #now: () => Date;
  readonly #passes: PeriodicPasses;

  constructor(
    private readonly repository: OrderRepository,
    private readonly process: PaymentProcess,
    private readonly billing: BillingApi,
    private readonly logger: Logger,
    private readonly options: PaymentReconcilerOptions,
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#passes = new PeriodicPasses({
      intervalMs: options.intervalMs,
      pass: async () => {
        for (const entry of await this.sweep()) {
          if (entry.error) this.logger.warn({ ...entry }, 'order not reconciled yet; tried again later');
          else this.logger.info({ ...entry }, 'order reconciled');
        }
      },
      // The database or billing is away: the next sweep tries again.
      onError: (error) => this.logger.warn({ err: error }, 'payment reconciliation sweep failed'),
    });
  }

  async start(): Promise<void> {
    this.#passes.start();
  }

  async stop(): Promise<void> {
    await this.#passes.stop();
  }

  /** One sweep over the due orders; with `dryRun`, says what it would do and changes nothing (billing is only read). */
  async sweep(options: { dryRun?: boolean } = {}): Promise<ReconciledOrder[]> {
    const due = await this.repository.ordersInBetweenSince(new Date(this.#now().getTime() - this.options.stuckAfterMs), this.options.batchSize ?? 100);
    const report: ReconciledOrder[] = [];
    for (const orderId of due) {
      const order = await this.repository.findRow(orderId);
      if (!order || isResting(order.stage)) continue;
      if (options.dryRun) {
        report.push({ orderId, from: order.stage, plan: await this.plan(order) });
        continue;
      }
      try {
        const after = await this.process.drive(orderId);
        report.push({ orderId, from: order.stage, ...(after ? { to: after.stage } : {}) });
      } catch (error) {
        await this.repository.restartTimer(orderId, this.#now());
        report.push({ orderId, from: order.stage, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }

  /** What driving `order` would do, from what billing holds now (read only: the provider is not asked). */
  private async plan(order: OrderRow): Promise<string> {
    const charge: Charge | undefined = ChargeListSchema.parse(await this.billing.listCharges({ orderId: order.id })).items[0];
    const known = (trigger: Trigger) => {
      const transition = transitionFor(order, trigger.on);
      return transition ? `${trigger.on}: ${order.stage} → ${transition.to}` : `${trigger.on}: stays ${order.stage}`;
    };
    if (charge?.status === 'pending') return `ask billing to settle pending charge ${charge.id} (the provider is asked again with its idempotency key)`;
    switch (order.stage) {
      case 'payment_requested':
        return charge ? known(triggerOfCharge(charge)) : `ask billing to charge ${order.totalCents} cents`;
      case 'cancel_requested':
        return charge ? known(triggerOfCharge(charge)) : known({ on: 'no_charge' });
      default:
        return charge?.status === 'refunded' ? known(triggerOfCharge(charge)) : `ask billing to refund charge ${order.chargeId}`;
    }
  }
}
