export { defineEvent, type EventDefinition, type EventPayload } from './define-event.js';
export { outboxTables, inboxTable, DeliveryStatus } from './tables.js';
export { publish, type PublishOptions } from './publish.js';
export { Dispatcher, type DispatcherOptions } from './dispatcher.js';
export { SubscriptionRegistry, type EventSubscriptions, type Subscriber, type EventHandler, type EventMeta, type RawEvent } from './subscriptions.js';
export { readBacklog, listDeadEvents, redeliver, type Backlog, type DeadEvent } from './operations.js';
export { OUTBOX_CHANNEL } from './channel.js';
export type { BackoffOptions } from './backoff.js';
export { eventContractOf, isEventDefinition, type EventContract } from './event-contract.js';
