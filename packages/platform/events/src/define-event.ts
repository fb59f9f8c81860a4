import type { z } from 'zod';

/** `<module>.<event-name>`: the module part names the publisher and its outbox's schema. */
const EVENT_TYPE = /^([a-z][a-z0-9_]*)\.([a-z][a-z0-9-]*)$/;

/**
 * A versioned integration event. The publisher exports it from its public API; subscribers
 * import it (type and schema only) to subscribe. A breaking change is a new `version`.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** e.g. `customers.customer-registered` */
  readonly type: string;
  readonly version: number;
  /** The publishing module, which is also the Postgres schema holding its outbox. */
  readonly module: string;
  /** `<type>.v<version>`, e.g. `customers.customer-registered.v1`. */
  readonly name: string;
  readonly schema: S;
}

export type EventPayload<D extends EventDefinition> = z.output<D['schema']>;

export function defineEvent<S extends z.ZodType>(definition: { type: string; version: number; schema: S }): EventDefinition<S> {
  const match = EVENT_TYPE.exec(definition.type);
  if (!match?.[1]) throw new Error(`Event type "${definition.type}" must look like "<module>.<event-name>"`);
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`Event ${definition.type} needs a positive integer version`);
  }
  return {
    type: definition.type,
    version: definition.version,
    module: match[1],
    name: `${definition.type}.v${definition.version}`,
    schema: definition.schema,
  };
}
