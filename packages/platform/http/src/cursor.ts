import { z } from 'zod';

/** Position of the last item of a page in a `(createdAt, id)` keyset ordering. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/**
 * What `Date.prototype.toISOString` writes for years 0001–9999, which PostgreSQL's `timestamptz`
 * parses back exactly. Year 0, negative and six-digit years (`+275760-…`) are valid JavaScript
 * dates that PostgreSQL refuses ("date/time field value out of range"): they are not cursors.
 */
const ISO_TIMESTAMP = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const Uuid = z.uuid();

/** Opaque page cursor: base64url of `<iso timestamp>|<uuid>`. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

/** The position a cursor holds, or null unless it is exactly what `encodeCursor` could have written. */
export function decodeCursor(cursor: string): KeysetPosition | null {
  if (!/^[A-Za-z0-9_-]*$/.test(cursor)) return null;
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !iso || !id) return null;
  const year = ISO_TIMESTAMP.exec(iso)?.[1];
  if (!year || Number(year) < 1) return null;
  const at = new Date(iso);
  // Round-tripping rejects what the pattern lets through but the calendar does not (2026-02-30).
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso || !Uuid.safeParse(id).success) return null;
  return { at, id };
}

/** Query-string schemas shared by every paginated list. */
export const CursorSchema = z.string().max(200).refine((value) => decodeCursor(value) !== null, { message: 'Invalid cursor' });
export const LimitSchema = z.coerce.number().int().min(1).max(100).default(20);
