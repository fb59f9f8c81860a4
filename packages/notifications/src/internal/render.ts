import type { MailMessage } from '../mailer.js';

/** The welcome message a newly registered customer receives. */
export function renderWelcome(contact: { email: string; name: string }): MailMessage & { kind: 'welcome' } {
  return {
    kind: 'welcome',
    to: contact.email,
    subject: 'Welcome to the shop',
    text: `Hello ${contact.name},\n\nyour account is ready. Happy shopping!\n`,
  };
}
