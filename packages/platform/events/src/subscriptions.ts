import type { DbTransaction } from '@shop/platform-db';
import type { z } from 'zod';
import type { EventDefinition } from './define-event.js';

/** What a handler learns about the event besides its payload. */
export interface EventMeta {
  eventId: string;
  type: string;
  version: number;
  /** The publishing module. */
  module: string;
  aggregateId: string;
  occurredAt: Date;
  /** 1 on first delivery. */
  attempt: number;
}

/**
 * Runs inside the dispatcher's transaction, after the inbox row is written: write the effect
 * with `tx` (and only in the subscriber's own schema); throw to have the whole effect undone
 * and the delivery retried.
 */
export type EventHandler<T> = (tx: DbTransaction, payload: T, meta: EventMeta) => Promise<void>;

/** An event as stored: what a subscriber to every event receives. */
export interface RawEvent {
  type: string;
  version: number;
  payload: unknown;
}

export interface Subscriber {
  /** Handles `definition`'s events; the payload has passed the definition's schema. */
  subscribe<S extends z.ZodType>(definition: EventDefinition<S>, handler: EventHandler<z.output<S>>): void;
  /** Handles every event of every publisher, unvalidated (audit's need). */
  subscribeAll(handler: EventHandler<RawEvent>): void;
}

/** Lets a module subscribe under its own name; a host hands one of these to each module. */
export interface EventSubscriptions {
  /** `name` is the subscribing module, whose schema holds its `inbox` table. */
  subscriber(name: string): Subscriber;
}

interface TypedRoute {
  definition: EventDefinition;
  handler: EventHandler<unknown>;
}

/** Every subscription of a process, by subscriber. */
export class SubscriptionRegistry implements EventSubscriptions {
  readonly #typed = new Map<string, Map<string, TypedRoute>>();
  readonly #wildcard = new Map<string, EventHandler<RawEvent>>();

  subscriber(name: string): Subscriber {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Subscriber name "${name}" must be a schema name`);
    const typed = this.#typed.get(name) ?? new Map<string, TypedRoute>();
    this.#typed.set(name, typed);
    return {
      subscribe: (definition, handler) => {
        if (typed.has(definition.name)) throw new Error(`${name} already subscribes to ${definition.name}`);
        typed.set(definition.name, { definition, handler: handler as EventHandler<unknown> });
      },
      subscribeAll: (handler) => {
        if (this.#wildcard.has(name)) throw new Error(`${name} already subscribes to every event`);
        this.#wildcard.set(name, handler);
      },
    };
  }

  /** Subscriber names that want an event of this type and version. */
  subscribersOf(type: string, version: number): string[] {
    const name = `${type}.v${version}`;
    return this.subscriberNames().filter((s) => this.#typed.get(s)?.has(name) || this.#wildcard.has(s));
  }

  subscriberNames(): string[] {
    return [...new Set([...this.#typed.keys(), ...this.#wildcard.keys()])].filter(
      (s) => (this.#typed.get(s)?.size ?? 0) > 0 || this.#wildcard.has(s),
    );
  }

  typedRoute(subscriber: string, type: string, version: number): TypedRoute | undefined {
    return this.#typed.get(subscriber)?.get(`${type}.v${version}`);
  }

  wildcardHandler(subscriber: string): EventHandler<RawEvent> | undefined {
    return this.#wildcard.get(subscriber);
  }
}
