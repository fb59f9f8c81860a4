import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './postgres-errors.js';

describe('isUniqueViolation', () => {
  it('recognises SQLSTATE 23505 directly or wrapped in cause', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation(new Error('wrapped', { cause: { code: '23505', constraint_name: 'x_key' } }), 'x_key')).toBe(true);
  });

  it('rejects other errors and other constraints', () => {
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
    expect(isUniqueViolation({ code: '23505', constraint_name: 'a' }, 'b')).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
