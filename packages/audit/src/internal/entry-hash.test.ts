import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './entry-hash.js';

const content = {
  position: 1,
  eventId: '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a',
  type: 'customers.customer-registered',
  version: 1,
  module: 'customers',
  aggregateId: 'a',
  payload: { b: 1, a: [{ y: 2, x: 1 }] },
  occurredAt: new Date('2026-01-01T00:00:00.000Z'),
  recordedAt: new Date('2026-01-01T00:00:01.000Z'),
};

describe('entry hashing', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it('changes with any field and with the previous hash, not with key order', () => {
    const base = entryHash(GENESIS_HASH, content);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, { ...content, payload: { a: [{ x: 1, y: 2 }], b: 1 } })).toBe(base);
    expect(entryHash(GENESIS_HASH, { ...content, payload: { b: 2, a: [{ y: 2, x: 1 }] } })).not.toBe(base);
    expect(entryHash(GENESIS_HASH, { ...content, position: 2 })).not.toBe(base);
    expect(entryHash('f'.repeat(64), content)).not.toBe(base);
  });
});
