import { appendFileSync } from 'node:fs';
import { createSandboxPaymentProvider, type PaymentProvider } from '@shop/billing/module';
import type { Database } from '@shop/platform-db';
import type { Mailer, MailMessage } from '@shop/notifications';

/**
 * Fault points for the crash tests, wired as module ports by the test-only entry
 * `main-with-fault-points.ts` and nowhere else. Each `FAULT_KILL_AFTER_*=n` SIGKILLs the process
 * right after the n-th such step of this process succeeded and before anything recorded it:
 * - `FAULT_KILL_AFTER_CHARGE`: the provider approved (or declined) a charge; billing has not recorded the answer;
 * - `FAULT_KILL_AFTER_REFUND`: the provider refunded; billing has not recorded the refund;
 * - `FAULT_KILL_AFTER_MAIL`: the mail server accepted a mail; it is not marked sent.
 * `FAULT_LOG` names a file where every provider answer, every accepted mail and every kill is
 * appended as a JSON line, synchronously, so it survives the kill: the test's record of what left
 * the process, in order.
 */
export function faultPorts(database: Database, env: NodeJS.ProcessEnv = process.env) {
  const log = env['FAULT_LOG'];
  const record = (entry: Record<string, unknown>) => {
    if (log) appendFileSync(log, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);
  };
  const counts = { charge: 0, refund: 0, mail: 0 };
  /** Counts a step and dies when it is the one `FAULT_KILL_AFTER_<STEP>` names. */
  const afterStep = async (step: keyof typeof counts, detail: Record<string, unknown>) => {
    counts[step]++;
    if (Number(env[`FAULT_KILL_AFTER_${step.toUpperCase()}`] ?? 0) !== counts[step]) return;
    record({ fault: `kill-after-${step}`, ...detail });
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL to ourselves is not caught; nothing after it may run.
    await new Promise(() => {});
  };

  const sandbox = createSandboxPaymentProvider(database.forModule('billing'));
  const paymentProvider: PaymentProvider = {
    name: sandbox.name,
    async charge(request) {
      const answer = await sandbox.charge(request);
      record({ provider: 'charge', key: request.idempotencyKey, ...answer });
      await afterStep('charge', { key: request.idempotencyKey });
      return answer;
    },
    async refund(request) {
      const answer = await sandbox.refund(request);
      record({ provider: 'refund', key: request.idempotencyKey, ...answer });
      await afterStep('refund', { key: request.idempotencyKey });
      return answer;
    },
  };
  const mailer: Mailer = {
    async send(message: MailMessage) {
      record({ mail: message.messageId, to: message.to, subject: message.subject, text: message.text });
      await afterStep('mail', { mail: message.messageId });
    },
  };
  return { billing: { paymentProvider }, notifications: { mailer } };
}
