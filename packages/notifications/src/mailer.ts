/** A message ready to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * The `Message-ID` header, `<notification id>@shop`: the same for every attempt at one
   * notification, so a relay can drop a copy sent again after a crash.
   */
  messageId: string;
}

/**
 * The port through which notifications leave the shop. Called by the mail sender after the
 * notification was committed, never inside a database transaction: resolving means the server
 * accepted the message; throwing means it did not and the sender tries again later.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
