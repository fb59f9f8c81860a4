import nodemailer from 'nodemailer';
import type { Mailer } from '../mailer.js';

/**
 * Every SMTP exchange ends within these bounds (ms), well inside the mail sender's lease, so a
 * slow server cannot make another process send the same mail while this one still waits.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** `url` with the timeouts above as query options (nodemailer reads them there), unless it sets its own. */
export function smtpUrlWithTimeouts(url: string): string {
  const parsed = new URL(url);
  for (const [option, ms] of Object.entries(SMTP_TIMEOUTS)) {
    if (!parsed.searchParams.has(option)) parsed.searchParams.set(option, String(ms));
  }
  return parsed.toString();
}

/** Sends through SMTP (`smtp://user:pass@host:587`, `smtps://…`), used when `SMTP_URL` is set. */
export function smtpMailer(url: string, from = 'Shop <no-reply@shop.example>'): Mailer {
  const transport = nodemailer.createTransport(smtpUrlWithTimeouts(url));
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
    },
  };
}
