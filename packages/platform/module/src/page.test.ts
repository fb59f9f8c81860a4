import { describe, expect, it } from 'vitest';
import { PagePositionSchema } from './page.js';

const id = '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a';

describe('PagePositionSchema', () => {
  it('accepts an instant PostgreSQL can store and a uuid', () => {
    expect(PagePositionSchema.parse({ at: '2026-01-02T03:04:05.678Z', id })).toEqual({ at: '2026-01-02T03:04:05.678Z', id });
  });

  it('refuses year 0, impossible dates and ids that are not uuids', () => {
    expect(PagePositionSchema.safeParse({ at: '0000-01-01T00:00:00.000Z', id }).success).toBe(false);
    expect(PagePositionSchema.safeParse({ at: '2026-13-01T00:00:00.000Z', id }).success).toBe(false);
    expect(PagePositionSchema.safeParse({ at: '2026-01-02T03:04:05.678Z', id: 'x' }).success).toBe(false);
  });
});
