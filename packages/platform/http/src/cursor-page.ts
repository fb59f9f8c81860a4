import { decodeCursor, encodeCursor } from './cursor.js';

/** A page position as module APIs exchange it (plain data, ISO time). */
export interface PagePositionData {
  at: string;
  id: string;
}

/** The API position an opaque `cursor` query parameter stands for (validated by `CursorSchema`). */
export function positionOfCursor(cursor: string | undefined): PagePositionData | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  if (!position) throw new TypeError('positionOfCursor: validate the cursor with CursorSchema first');
  return { at: position.at.toISOString(), id: position.id };
}

/** An API page (`{ items, next }`) as the HTTP contract shows it: `{ items, nextCursor }`. */
export function cursorPage<T>(page: { items: T[]; next: PagePositionData | null }): { items: T[]; nextCursor: string | null } {
  return { items: page.items, nextCursor: page.next ? encodeCursor({ at: new Date(page.next.at), id: page.next.id }) : null };
}
