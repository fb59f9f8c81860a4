import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventContractOf, isEventDefinition, type EventContract } from '@shop/platform-events';

/** Where a module keeps the recorded contracts of the events it publishes. */
export const CONTRACTS_FILE = 'contracts/events.json';
/** A module's `./events` entry. */
export const EVENTS_FILE = 'src/events.ts';

export interface ContractSnapshot {
  $comment: string;
  events: Record<string, Record<string, unknown>>;
}

export interface PublishedContract extends EventContract {
  /** The definition's export name in the module's `./events` entry (`OrderPlacedV1`). */
  exportName: string;
  /** Workspace-relative file and line of its `defineEvent`. */
  file: string;
  line: number;
}

/**
 * Every event a module publishes through its `./events` entry, with its JSON Schema. It runs the
 * entry (zod schemas are code), so the tools import it by path, as they do descriptors.
 */
export async function publishedContracts(workspaceRoot: string, moduleRoot: string): Promise<PublishedContract[]> {
  const file = path.join(workspaceRoot, moduleRoot, EVENTS_FILE);
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  return Object.entries(exports)
    .filter((entry): entry is [string, Parameters<typeof eventContractOf>[0]] => isEventDefinition(entry[1]))
    .map(([exportName, definition]) => ({
      ...eventContractOf(definition),
      exportName,
      file: `${moduleRoot}/${EVENTS_FILE}`,
      line: lineOf(text, new RegExp(`export const ${exportName}\\b`)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The module's recorded snapshot, or an empty one. */
export function readSnapshot(workspaceRoot: string, moduleRoot: string): ContractSnapshot {
  const file = path.join(workspaceRoot, moduleRoot, CONTRACTS_FILE);
  if (!existsSync(file)) return { $comment: SNAPSHOT_COMMENT, events: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as ContractSnapshot;
}

export const SNAPSHOT_COMMENT =
  'The JSON Schema of every event this module publishes, recorded by `pnpm events:snapshot`. `pnpm boundaries` fails when a recorded version changes incompatibly (publish a new version instead) or when this file is stale.';

/** The snapshot file's content for these contracts (stable order, one trailing newline). */
export function renderSnapshot(contracts: readonly EventContract[]): string {
  const events = Object.fromEntries([...contracts].sort((a, b) => a.name.localeCompare(b.name)).map((c) => [c.name, c.schema]));
  return `${JSON.stringify({ $comment: SNAPSHOT_COMMENT, events }, null, 2)}\n`;
}

function lineOf(text: string, pattern: RegExp): number {
  const index = text.search(pattern);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}
