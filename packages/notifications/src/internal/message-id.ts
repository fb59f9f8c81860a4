/** The domain part of every `Message-ID` the shop sends. */
export const MESSAGE_ID_DOMAIN = 'shop';

/** The stable `Message-ID` of a notification's mail: one per notification, whatever the attempt. */
export function messageIdOf(notificationId: string): string {
  return `<${notificationId}@${MESSAGE_ID_DOMAIN}>`;
}
