/** The NOTIFY channel `publish` signals on; the payload is the publishing module's name. */
export const OUTBOX_CHANNEL = 'shop_outbox';
