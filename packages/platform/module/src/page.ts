import { z } from 'zod';

/** A timestamp PostgreSQL can store and compare exactly: a real instant in years 0001–9999. */
const StorableInstantSchema = z.iso.datetime().refine(
  (value) => {
    const instant = new Date(value);
    const year = instant.getUTCFullYear();
    return !Number.isNaN(instant.getTime()) && year >= 1 && year <= 9999;
  },
  { message: 'Expected an instant between years 0001 and 9999' },
);

/**
 * Where a page of a time-ordered list ended: the last item's creation time and id. APIs take and
 * return positions as plain data; HTTP routes turn them into opaque cursors.
 */
export const PagePositionSchema = z.object({ at: StorableInstantSchema, id: z.uuid() });
export type PagePosition = z.infer<typeof PagePositionSchema>;

/** How many items a page may hold; lists default to 20. */
export const PageLimitSchema = z.number().int().min(1).max(100);

/** `{ items, next }` of a keyset-paginated list; `next` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: PagePositionSchema.nullable() });
}
