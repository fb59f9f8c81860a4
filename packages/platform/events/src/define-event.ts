import type { z } from 'zod';

const MODULE = /^[a-z][a-z0-9_]*$/;
const EVENT = /^[a-z][a-z0-9-]*$/;

/**
 * A versioned integration event. The publisher exports it from its `./events` entry; subscribers
 * import it (type and schema only) to subscribe. A breaking change is a new `version`.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** `<module>.<event>`, e.g. `customers.customer-registered`. */
  readonly type: string;
  readonly version: number;
  /** The publishing module, which is also the Postgres schema holding its outbox. */
  readonly module: string;
  /** `<type>.v<version>`, e.g. `customers.customer-registered.v1`. */
  readonly name: string;
  readonly schema: S;
}

export type EventPayload<D extends EventDefinition> = z.output<D['schema']>;

/**
 * Defines `<module>.<event>` version `version`. `module` is the publisher's name constant, so the
 * type prefix cannot drift from the module that publishes it.
 */
export function defineEvent<S extends z.ZodType>(definition: { module: string; event: string; version: number; schema: S }): EventDefinition<S> {
  const { module, event, version } = definition;
  if (!MODULE.test(module)) throw new Error(`Event module "${module}" must be a module name`);
  if (!EVENT.test(event)) throw new Error(`Event name "${event}" must be kebab-case (e.g. "order-placed")`);
  if (!Number.isInteger(version) || version < 1) throw new Error(`Event ${module}.${event} needs a positive integer version`);
  const type = `${module}.${event}`;
  return { type, version, module, name: `${type}.v${version}`, schema: definition.schema };
}
