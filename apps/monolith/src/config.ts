import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { hostConfigSchema } from '@shop/platform-host';
import { modules } from './modules.js';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));

/** The monolith's own environment variables; each module declares its own (see `monolithEnvironmentSchema`). */
export const MonolithConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  /** Module roles are `<prefix><module>` and `<prefix><module>_owner`; reporting is `<prefix>reporting`. */
  DB_ROLE_PREFIX: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'expected a lower-case SQL identifier prefix such as shop_')
    .max(40)
    .default('shop_'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  EVENTS_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  /** Every request is answered within this bound: 503 + Retry-After when the database cannot. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Requests in the handlers at once; the next gets 503 + Retry-After at once (backpressure). */
  MAX_IN_FLIGHT_REQUESTS: z.coerce.number().int().positive().default(256),
  /** Operations that may wait for a connection of one database pool; the next gets 503 at once. */
  DB_POOL_MAX_WAITING: z.coerce.number().int().nonnegative().default(100),
  /** Give up opening a PostgreSQL connection after this long (at start-up: exit 1). */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Each `/ready` check's own timeout. */
  READY_CHECK_TIMEOUT_MS: z.coerce.number().int().min(50).default(1_000),
});
export type MonolithConfig = z.output<typeof MonolithConfigSchema>;

/** Everything the monolith reads: its own variables and every composed module's, validated at once. */
export const monolithEnvironmentSchema = hostConfigSchema(MonolithConfigSchema, modules);
