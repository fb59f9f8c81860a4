import { describe, expect, it } from 'vitest';
import { loadConfig } from '@shop/platform-config';
import { monolithEnvironmentSchema, MonolithConfigSchema } from './config.js';

describe('monolith configuration', () => {
  it('starts on port 3000 with the embedded database under .data/ when nothing is set', () => {
    const config = loadConfig(MonolithConfigSchema, {});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toMatch(/\/\.data\/pglite$/);
  });

  it('accepts a PostgreSQL URL and a PORT', () => {
    const config = loadConfig(MonolithConfigSchema, { DATABASE_URL: 'postgresql://app@db:5432/shop', PORT: '8080' });
    expect(config).toMatchObject({ DATABASE_URL: 'postgresql://app@db:5432/shop', PORT: 8080 });
  });

  it('rejects a DATABASE_URL that is not PostgreSQL, naming the variable', () => {
    expect(() => loadConfig(MonolithConfigSchema, { DATABASE_URL: 'mysql://x@y/z' })).toThrow(/^Invalid environment: DATABASE_URL: /);
  });

  it('takes the module role prefix from DB_ROLE_PREFIX, shop_ by default, and rejects one that needs quoting', () => {
    expect(loadConfig(MonolithConfigSchema, {}).DB_ROLE_PREFIX).toBe('shop_');
    expect(loadConfig(MonolithConfigSchema, { DB_ROLE_PREFIX: 'acme_' }).DB_ROLE_PREFIX).toBe('acme_');
    expect(() => loadConfig(MonolithConfigSchema, { DB_ROLE_PREFIX: 'Acme-' })).toThrow(/DB_ROLE_PREFIX/);
  });

  it('rejects an out-of-range PORT', () => {
    expect(() => loadConfig(MonolithConfigSchema, { PORT: '70000' })).toThrow(/PORT/);
  });

  it('validates the variables the composed modules declare, such as notifications\' SMTP_URL', () => {
    expect(loadConfig(monolithEnvironmentSchema, { SMTP_URL: 'smtp://mail:2525' })).toMatchObject({ SMTP_URL: 'smtp://mail:2525', PORT: 3000 });
    expect(() => loadConfig(monolithEnvironmentSchema, { SMTP_URL: 'http://mail' })).toThrow(/^Invalid environment: SMTP_URL: /);
  });

  it('bounds every request, the in-flight requests, the pool wait queue and the readiness checks, each overridable', () => {
    expect(loadConfig(MonolithConfigSchema, {})).toMatchObject({
      REQUEST_TIMEOUT_MS: 5_000,
      MAX_IN_FLIGHT_REQUESTS: 256,
      DB_POOL_MAX_WAITING: 100,
      DB_CONNECT_TIMEOUT_MS: 10_000,
      READY_CHECK_TIMEOUT_MS: 1_000,
    });
    expect(loadConfig(MonolithConfigSchema, { REQUEST_TIMEOUT_MS: '2000', MAX_IN_FLIGHT_REQUESTS: '8' })).toMatchObject({ REQUEST_TIMEOUT_MS: 2_000, MAX_IN_FLIGHT_REQUESTS: 8 });
    expect(() => loadConfig(MonolithConfigSchema, { REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig(MonolithConfigSchema, { MAX_IN_FLIGHT_REQUESTS: 'lots' })).toThrow(/MAX_IN_FLIGHT_REQUESTS/);
  });
});
