import nodemailer from 'nodemailer';
import type { Mailer } from '../mailer.js';

/** Sends through SMTP (`smtp://user:pass@host:587`, `smtps://…`), used when `SMTP_URL` is set. */
export function smtpMailer(url: string, from = 'Shop <no-reply@shop.example>'): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
