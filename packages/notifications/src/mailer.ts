/** A message ready to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * The port through which notifications leave the shop. Called inside the delivering
 * transaction: a send that throws rolls the notification back and the event is retried, so
 * delivery is at least once.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
