import { isDatabaseUnavailable, type Database } from '@shop/platform-db';
import type { Logger } from '@shop/platform-logging';
import { withDeadline } from '@shop/platform-resilience';
import { backoffDelayMs, type BackoffOptions } from './backoff.js';
import { OUTBOX_CHANNEL } from './channel.js';
import { deliverBatch } from './deliver.js';
import { fanOut } from './fan-out.js';
import { listDeadEvents, readBacklog, redeliver, type Backlog, type DeadEvent } from './operations.js';
import { SubscriptionRegistry, type EventSubscriptions, type Subscriber } from './subscriptions.js';

export interface DispatcherOptions {
  database: Database;
  logger: Logger;
  /** Modules whose schema holds an outbox. */
  publishers: readonly string[];
  /** Attempts before a delivery is dead (default 8). */
  maxAttempts?: number;
  backoff?: Partial<BackoffOptions>;
  /** Deliveries claimed per transaction (default 100). */
  batchSize?: number;
  /** Poll period when no NOTIFY arrives (default 1000 ms); also paces retries. */
  pollIntervalMs?: number;
  /**
   * While passes fail because the database is unavailable, the wait between them doubles from
   * `pollIntervalMs` up to this (default 5000 ms). LISTEN coming back wakes it at once.
   */
  outageBackoffMaxMs?: number;
  /** A pass that has not finished by then is abandoned and retried (default 30 000 ms): a dead socket cannot hold it. */
  passTimeoutMs?: number;
  /**
   * The role a subscriber's inbox write and handler run as (`SET LOCAL ROLE` inside the event's
   * savepoint), e.g. its module's runtime role; absent: the login. The delivery bookkeeping in
   * the publisher's schema stays with the login.
   */
  handlerRole?: (subscriber: string) => string;
}

/**
 * Delivers committed outbox events to subscribers. Every piece of state is in the database, so a
 * restarted process resumes where the last one stopped, and several processes can run at once.
 */
export class Dispatcher implements EventSubscriptions {
  readonly #registry = new SubscriptionRegistry();
  readonly #options: Required<Omit<DispatcherOptions, 'backoff' | 'handlerRole'>> & Pick<DispatcherOptions, 'handlerRole'> & { backoff: BackoffOptions };
  #running: Promise<void> | null = null;
  #stopping = false;
  #wake: (() => void) | null = null;
  #wakeRequested = false;
  #unlisten: (() => Promise<void>) | null = null;
  /** Consecutive passes that failed because the database was unavailable. */
  #outagePasses = 0;

  constructor(options: DispatcherOptions) {
    this.#options = {
      maxAttempts: 8,
      batchSize: 100,
      pollIntervalMs: 1_000,
      outageBackoffMaxMs: 5_000,
      passTimeoutMs: 30_000,
      ...options,
      backoff: { baseMs: 1_000, maxMs: 5 * 60_000, ...options.backoff },
    };
  }

  subscriber(name: string): Subscriber {
    return this.#registry.subscriber(name);
  }

  /** One pass: fan out every publisher's new events, then one batch per (publisher, subscriber). Returns events handled. */
  async runOnce(): Promise<number> {
    const { database, logger, publishers } = this.#options;
    let work = 0;
    for (const publisher of publishers) work += await fanOut(database, publisher, this.#registry);
    for (const publisher of publishers) {
      for (const subscriber of this.#registry.subscriberNames()) {
        const outcome = await deliverBatch(database, this.#registry, publisher, subscriber, this.#options, logger);
        work += outcome.delivered + outcome.failed + outcome.dead;
      }
    }
    return work;
  }

  /** Runs passes until one finds nothing due (events waiting out a backoff are not due). */
  async runUntilIdle(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  /** Starts delivering in the background: woken by NOTIFY, polling as a fallback. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#stopping = false;
    await this.#listen();
    this.#running = this.#loop();
    this.#options.logger.info({ publishers: this.#options.publishers, subscribers: this.#registry.subscriberNames() }, 'dispatcher started');
  }

  /** Finishes the batch in hand, then stops; call before closing the database. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#stopping = true;
    this.#signal();
    await this.#running;
    this.#running = null;
    await this.#unlisten?.().catch(() => {});
    this.#unlisten = null;
    this.#options.logger.info('dispatcher stopped');
  }

  backlog(): Promise<Backlog> {
    return readBacklog(this.#options.database, this.#options.publishers);
  }

  deadEvents(): Promise<DeadEvent[]> {
    return listDeadEvents(this.#options.database, this.#options.publishers);
  }

  redeliver(eventId: string, subscriber?: string): Promise<number> {
    return redeliver(this.#options.database, this.#options.publishers, eventId, subscriber);
  }

  #signal(): void {
    this.#wakeRequested = true;
    this.#wake?.();
  }

  /**
   * LISTEN for NOTIFYs. The database listens again by itself after losing the connection and
   * calls back each time: NOTIFYs sent meanwhile were missed, so that is a wake-up too (and how
   * the dispatcher learns the database is back before its backoff runs out).
   */
  async #listen(): Promise<void> {
    try {
      this.#unlisten = await this.#options.database.listen(
        OUTBOX_CHANNEL,
        () => this.#signal(),
        () => this.#signal(),
      );
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'LISTEN unavailable for now; polling until it can be set up');
    }
  }

  async #loop(): Promise<void> {
    const { logger, pollIntervalMs, outageBackoffMaxMs, passTimeoutMs } = this.#options;
    while (!this.#stopping) {
      this.#wakeRequested = false;
      let work = 0;
      try {
        work = await withDeadline(passTimeoutMs, () => this.runOnce());
        if (this.#outagePasses > 0) logger.info({ failedPasses: this.#outagePasses }, 'database reachable again; dispatcher resumed');
        this.#outagePasses = 0;
        if (!this.#unlisten) await this.#listen();
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          // An outage: one line when it starts, then quiet exponential backoff until it ends.
          if (this.#outagePasses++ === 0) logger.warn({ err: error }, 'database unavailable; dispatcher backing off');
        } else {
          logger.error({ err: error }, 'dispatcher pass failed');
        }
      }
      if (work > 0 || this.#stopping) continue;
      const delayMs = this.#outagePasses > 0 ? backoffDelayMs(this.#outagePasses, { baseMs: pollIntervalMs, maxMs: outageBackoffMaxMs }) : pollIntervalMs;
      await this.#sleep(delayMs);
    }
  }

  /** True while the background loop waits for a NOTIFY or its next poll (nothing was due). */
  get idle(): boolean {
    return this.#wake !== null;
  }

  #sleep(delayMs: number): Promise<void> {
    if (this.#wakeRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      const timer = setTimeout(done, delayMs);
      this.#wake = done;
    });
  }
}
