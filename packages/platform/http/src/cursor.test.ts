import { describe, expect, it } from 'vitest';
import { CursorSchema, decodeCursor, encodeCursor, LimitSchema } from './cursor.js';

describe('page cursors', () => {
  const position = { at: new Date('2026-01-02T03:04:05.678Z'), id: '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a' };

  it('round-trips a keyset position', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('rejects garbage', () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('yesterday|abc').toString('base64url'))).toBeNull();
    expect(CursorSchema.safeParse('%%%').success).toBe(false);
  });

  it('bounds the page size and defaults it', () => {
    expect(LimitSchema.parse(undefined)).toBe(20);
    expect(LimitSchema.parse('5')).toBe(5);
    expect(LimitSchema.safeParse('0').success).toBe(false);
    expect(LimitSchema.safeParse('101').success).toBe(false);
  });
});
