import { z } from 'zod';
import type { EventDefinition } from './define-event.js';

/** A published event version's contract: what its payload may look like, as JSON Schema. */
export interface EventContract {
  /** `<type>.v<version>` */
  name: string;
  type: string;
  version: number;
  schema: Record<string, unknown>;
}

/** True for what `defineEvent` returned (tools find definitions among a module's `./events` exports). */
export function isEventDefinition(value: unknown): value is EventDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EventDefinition>;
  return typeof candidate.type === 'string' && typeof candidate.version === 'number' && typeof candidate.name === 'string' && candidate.schema instanceof z.ZodType;
}

/**
 * The JSON Schema of an event's payload, from its zod schema, as subscribers (and a broker, a
 * warehouse) see it. `pnpm boundaries` compares it with the snapshot kept beside the module.
 */
export function eventContractOf(definition: EventDefinition): EventContract {
  return {
    name: definition.name,
    type: definition.type,
    version: definition.version,
    schema: z.toJSONSchema(definition.schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>,
  };
}
