import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '@shop/platform-db';
import type { Logger } from '@shop/platform-logging';
import { PeriodicPasses, type Worker } from '@shop/platform-module';
import type { Mailer } from '../mailer.js';
import { messageIdOf } from './message-id.js';
import { mailOutbox, notifications } from './schema.js';

export interface MailSenderOptions {
  /** Pause between two passes when nothing is due. */
  pollIntervalMs: number;
  /** How long a claimed mail is left to its sender before another pass may send it again. */
  leaseMs: number;
  /** Delay after the first failed send; doubles with each failure, capped at `MAX_RETRY_DELAY_MS`. */
  retryBaseMs: number;
  /** Failed sends after which a mail is given up (`failed_at`). */
  maxAttempts: number;
  /** Mails sent per pass before the next pass is scheduled (at once when the pass was full). */
  batchSize?: number;
  now?: () => Date;
}

/** The longest a failing mail waits between two attempts. */
export const MAX_RETRY_DELAY_MS = 15 * 60_000;

/** What one pass did. */
export interface MailPass {
  sent: number;
  failed: number;
}

interface ClaimedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  attempts: number;
}

/**
 * Sends the notifications' mails after their transaction committed: the outbox's sender. One mail
 * at a time: claim the next due `mail_outbox` row (a short transaction, `FOR UPDATE SKIP LOCKED`,
 * pushing its `next_attempt_at` a lease ahead), hand it to the mailer with its stable Message-ID,
 * then remove the row and set `sent_at` in one transaction. A crash before the send leaves the row
 * due again after the lease; a crash after the server accepted the mail and before the mark sends
 * it once more, with the same Message-ID. A refused send is retried with backoff, then given up.
 */
export class MailSender implements Worker {
  readonly name = 'mail-sender';
  readonly #now: () => Date;
  readonly #passes: PeriodicPasses;

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
    private readonly options: MailSenderOptions,
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#passes = new PeriodicPasses({
      intervalMs: options.pollIntervalMs,
      // A full pass: more may be due, so the next starts at once.
      pass: async () => {
        const pass = await this.sendDue();
        return pass.sent + pass.failed >= (options.batchSize ?? 50);
      },
      // The database is away: the next pass tries again.
      onError: (error) => this.logger.warn({ err: error }, 'mail sender pass failed'),
    });
  }

  async start(): Promise<void> {
    this.#passes.start();
  }

  async stop(): Promise<void> {
    await this.#passes.stop();
  }

  /** Sends due mails, one by one, until none is due or `batchSize` were tried. */
  async sendDue(): Promise<MailPass> {
    const pass = { sent: 0, failed: 0 };
    for (let i = 0; i < (this.options.batchSize ?? 50); i++) {
      const mail = await this.#claimNext();
      if (!mail) break;
      if (await this.#send(mail)) pass.sent++;
      else pass.failed++;
    }
    return pass;
  }

  async #claimNext(): Promise<ClaimedMail | undefined> {
    const now = this.#now();
    return this.db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: notifications.id, to: notifications.recipient, subject: notifications.subject, text: notifications.body, attempts: mailOutbox.attempts })
        .from(mailOutbox)
        .innerJoin(notifications, eq(notifications.id, mailOutbox.notificationId))
        .where(and(isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, now)))
        .orderBy(asc(mailOutbox.nextAttemptAt), asc(notifications.position))
        .limit(1)
        // Locks the notification's row too (drizzle cannot name a schema's table in `OF`); only the sender writes it.
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      const attempts = due.attempts + 1;
      await tx
        .update(mailOutbox)
        .set({ attempts, nextAttemptAt: new Date(now.getTime() + this.options.leaseMs) })
        .where(eq(mailOutbox.notificationId, due.id));
      return { ...due, attempts };
    });
  }

  /** True when the mailer accepted it (and it is marked sent). */
  async #send(mail: ClaimedMail): Promise<boolean> {
    const messageId = messageIdOf(mail.id);
    try {
      await this.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text, messageId });
    } catch (error) {
      const now = this.#now();
      const giveUp = mail.attempts >= this.options.maxAttempts;
      const delay = Math.min(MAX_RETRY_DELAY_MS, this.options.retryBaseMs * 2 ** (mail.attempts - 1));
      await this.db
        .update(mailOutbox)
        .set({ lastError: error instanceof Error ? error.message : String(error), nextAttemptAt: new Date(now.getTime() + delay), ...(giveUp ? { failedAt: now } : {}) })
        .where(eq(mailOutbox.notificationId, mail.id));
      this.logger[giveUp ? 'error' : 'warn']({ err: error, notificationId: mail.id, messageId, attempts: mail.attempts }, giveUp ? 'mail given up' : 'mail not sent; retrying later');
      return false;
    }
    await this.db.transaction(async (tx) => {
      await tx.delete(mailOutbox).where(eq(mailOutbox.notificationId, mail.id));
      await tx.update(notifications).set({ sentAt: this.#now() }).where(eq(notifications.id, mail.id));
    });
    this.logger.info({ notificationId: mail.id, messageId, to: mail.to }, 'mail sent');
    return true;
  }
}
