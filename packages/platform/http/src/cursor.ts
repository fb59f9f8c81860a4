import { z } from 'zod';

/** Position of the last item of a page in a `(createdAt, id)` keyset ordering. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/** Opaque page cursor: base64url of `<iso timestamp>|<uuid>`. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition | null {
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !iso || !id) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || !z.uuid().safeParse(id).success) return null;
  return { at, id };
}

/** Query-string schemas shared by every paginated list. */
export const CursorSchema = z.string().refine((value) => decodeCursor(value) !== null, { message: 'Invalid cursor' });
export const LimitSchema = z.coerce.number().int().min(1).max(100).default(20);
