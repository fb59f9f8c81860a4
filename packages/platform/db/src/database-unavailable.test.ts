import { DependencyUnavailableError } from '@shop/platform-resilience';
import { describe, expect, it } from 'vitest';
import { asDatabaseUnavailable, isDatabaseUnavailable } from './database-unavailable.js';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['ECONNREFUSED'],
    ['ECONNRESET'],
    ['ETIMEDOUT'],
    ['CONNECTION_CLOSED'],
    ['CONNECTION_ENDED'],
    ['CONNECTION_DESTROYED'],
    ['CONNECT_TIMEOUT'],
    ['57P01'],
    ['57P02'],
    ['57P03'],
    ['53300'],
    ['08006'],
    ['08P01'],
  ])('%s means the database is unavailable', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it.each([['23505'], ['22P02'], ['42P01'], ['42501'], ['40001'], ['57014']])('%s is a statement failing, not an outage', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(false);
  });

  it('looks through drizzle-style causes, aggregate errors, and PGlite closed', () => {
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: withCode('57P01') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED')], 'connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('PGlite is closed'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('syntax error', { cause: withCode('42601') }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('asDatabaseUnavailable', () => {
  it('wraps an outage, keeping the driver error as cause, and leaves other errors alone', () => {
    const refused = withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
    const wrapped = asDatabaseUnavailable(refused) as DependencyUnavailableError;
    expect(wrapped).toBeInstanceOf(DependencyUnavailableError);
    expect(wrapped).toMatchObject({ dependency: 'database', reason: 'unreachable' });
    expect(wrapped.message).not.toContain('127.0.0.1');
    expect(wrapped.cause).toBe(refused);
    expect((asDatabaseUnavailable(new Error('PGlite is closed')) as DependencyUnavailableError).reason).toBe('closed');
    const unique = withCode('23505');
    expect(asDatabaseUnavailable(unique)).toBe(unique);
  });
});
