import { describe, expect, it } from 'vitest';
import { CursorSchema, decodeCursor, encodeCursor, LimitSchema } from './cursor.js';

const raw = (text: string) => Buffer.from(text).toString('base64url');
const ID = '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a';

describe('page cursors', () => {
  const position = { at: new Date('2026-01-02T03:04:05.678Z'), id: ID };

  it('round-trips a keyset position, at both ends of the range PostgreSQL parses', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    for (const iso of ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(decodeCursor(raw(`${iso}|${ID}`))?.at.toISOString()).toBe(iso);
    }
  });

  it('rejects garbage', () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(raw('yesterday|abc'))).toBeNull();
    expect(CursorSchema.safeParse('%%%').success).toBe(false);
  });

  it.each([
    ['year 0', encodeCursor({ at: new Date('0000-06-01T00:00:00.000Z'), id: ID })],
    ['a negative year', encodeCursor({ at: new Date(-1e14), id: ID })],
    ['a year past 9999', encodeCursor({ at: new Date(8.64e15), id: ID })],
    ['a date the calendar lacks', raw(`2026-02-30T00:00:00.000Z|${ID}`)],
    ['a date in another format', raw(`2026-01-02 03:04:05|${ID}`)],
    ['an id that is not a UUID', raw('2026-01-02T03:04:05.678Z|not-a-uuid')],
    ['an id with a NUL', raw(`2026-01-02T03:04:05.678Z|${ID}\u0000`)],
    ['a third part', raw(`2026-01-02T03:04:05.678Z|${ID}|x`)],
    ['base64 that is not base64url', `${encodeCursor(position)}+/=`],
  ])('rejects a cursor carrying %s, which PostgreSQL would refuse', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
    expect(CursorSchema.safeParse(cursor).success).toBe(false);
  });

  it('bounds the page size and defaults it', () => {
    expect(LimitSchema.parse(undefined)).toBe(20);
    expect(LimitSchema.parse('5')).toBe(5);
    expect(LimitSchema.safeParse('0').success).toBe(false);
    expect(LimitSchema.safeParse('101').success).toBe(false);
  });
});
