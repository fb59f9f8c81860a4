import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

describe('loadConfig', () => {
  it('applies defaults when variables are unset', () => {
    expect(loadConfig(schema, {})).toEqual({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('coerces and validates the values that are set', () => {
    expect(loadConfig(schema, { PORT: '8080', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://u@h/db',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(schema, { PORT: '' }).PORT).toBe(3000);
  });

  it('names the variable, the expectation and the received value in one line', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Invalid environment: PORT: .+ \(got "eighty"\)$/);
    expect(message).not.toContain('\n');
    expect((error as ConfigError).variable).toBe('PORT');
  });

  it('reports a required variable that is missing', () => {
    const required = z.object({ SMTP_URL: z.url() });
    expect(() => loadConfig(required, {})).toThrow(/SMTP_URL: .*\(it is not set\)/);
  });

  it('ignores variables the schema does not name', () => {
    expect(loadConfig(schema, { HOME: '/root' })).not.toHaveProperty('HOME');
  });
});
