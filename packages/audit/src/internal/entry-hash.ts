import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  position: number;
  eventId: string;
  type: string;
  version: number;
  module: string;
  aggregateId: string;
  payload: unknown;
  occurredAt: Date;
  recordedAt: Date;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 over the previous entry's hash and this entry's whole content. */
export function entryHash(prevHash: string, content: HashedContent): string {
  const body = canonicalJson({ ...content, occurredAt: content.occurredAt.toISOString(), recordedAt: content.recordedAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
