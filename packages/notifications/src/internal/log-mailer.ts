import type { Logger } from '@shop/platform-logging';
import type { Mailer } from '../mailer.js';

/** The default mailer: writes each message to the log instead of sending it. */
export function logMailer(logger: Logger): Mailer {
  return {
    async send(message) {
      logger.info({ mail: message }, `mail to ${message.to}: ${message.subject}`);
    },
  };
}
