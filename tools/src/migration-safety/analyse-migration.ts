import { blankCommentsAndStrings, lineAt, statements } from '../db-checks/sql-text.js';
import type { MigrationHazard } from './hazards.js';

/** One destructive step of a migration. */
export interface HazardFinding {
  hazard: MigrationHazard;
  line: number;
  message: string;
}

/** What the migrations already on main say about a module's database. */
export interface Baseline {
  /** Tables created by migrations already on main (`schema.table`): they may hold rows and be large. */
  tables: ReadonlySet<string>;
  /** Column types in the newest snapshot on main: `schema.table` → column → type. */
  columnTypes: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Migration names (`0003_add_email`) already on main: what a contract step may name. */
  migrations: ReadonlySet<string>;
}

const NAME = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)`;
const QNAME = String.raw`(${NAME})(?:\s*\.\s*(${NAME}))?`;
const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase());
/** `-- contract-of: 0003_add_email` anywhere in the file. */
const CONTRACT_MARKER = /^\s*--\s*contract-of:\s*([\w.-]+)/m;

/**
 * The destructive steps of one new migration of `module`, against what is already on main: a
 * step on a table created by this same migration (or another new one) touches no rows nobody
 * depends on yet and is fine. A migration marked `-- contract-of: <expand migration>` is the
 * contract half of an expand/contract sequence: drops, type changes and SET NOT NULL are allowed
 * in it when the named migration is already on main; renames and blocking index builds never are.
 */
export function analyseMigration(source: string, module: string, baseline: Baseline): HazardFinding[] {
  const text = blankCommentsAndStrings(source);
  const marker = CONTRACT_MARKER.exec(source)?.[1];
  const contract = marker !== undefined && baseline.migrations.has(marker.replace(/\.sql$/, ''));
  const findings: HazardFinding[] = [];
  if (marker !== undefined && !contract) {
    findings.push({ hazard: 'migration/contract-too-early', line: lineAt(source, source.indexOf('contract-of')), message: `The migration says it is the contract step of ${marker}, which is not on main yet.` });
  }
  const table = (schema: string | undefined, name: string | undefined) => (name === undefined ? `${module}.${unquote(schema ?? '')}` : `${unquote(schema ?? '')}.${unquote(name)}`);
  const populated = (key: string) => baseline.tables.has(key);
  for (const statement of statements(text)) {
    const at = lineAt(text, statement.offset);
    const add = (hazard: MigrationHazard, message: string, allowedInContract: boolean) => {
      if (!(allowedInContract && contract)) findings.push({ hazard, line: at, message });
    };
    const sql = statement.text.replace(/\s+/g, ' ');

    const drop = new RegExp(String.raw`^drop table (?:if exists )?([^;]+)`, 'i').exec(sql);
    if (drop) {
      for (const part of (drop[1] ?? '').replace(/\b(cascade|restrict)\b/gi, '').split(',')) {
        const m = new RegExp(`^\\s*${QNAME}`).exec(part);
        const key = table(m?.[1], m?.[2]);
        if (populated(key)) add('migration/drop-table', `DROP TABLE ${key}, which the running release may still use.`, true);
      }
      continue;
    }

    const index = new RegExp(String.raw`^create (?:unique )?index (concurrently )?(?:if not exists )?(?:${NAME} )?on (?:only )?${QNAME}`, 'i').exec(sql);
    if (index) {
      const key = table(index[2], index[3]);
      if (index[1] === undefined && populated(key)) add('migration/blocking-index', `CREATE INDEX on ${key} without CONCURRENTLY: writes to the table wait for the whole build.`, false);
      continue;
    }

    const alter = new RegExp(String.raw`^alter table (?:if exists )?(?:only )?${QNAME} (.*)$`, 'i').exec(sql);
    if (!alter) continue;
    const key = table(alter[1], alter[2]);
    if (!populated(key)) continue;
    for (const action of splitTopLevel(alter[3] ?? '')) {
      const renameColumn = new RegExp(String.raw`^rename (?:column )?(${NAME}) to (${NAME})`, 'i').exec(action);
      const renameTable = /^rename to (\S+)/i.exec(action);
      const dropColumn = new RegExp(String.raw`^drop (?:column )?(?:if exists )?(${NAME})`, 'i').exec(action);
      const typeChange = new RegExp(String.raw`^alter (?:column )?(${NAME}) (?:set data )?type (.+?)(?: using .*)?$`, 'i').exec(action);
      const setNotNull = new RegExp(String.raw`^alter (?:column )?(${NAME}) set not null`, 'i').exec(action);
      const addColumn = new RegExp(String.raw`^add (?:column )?(?:if not exists )?(${NAME}) (.*)$`, 'i').exec(action);
      if (renameTable) add('migration/rename', `ALTER TABLE ${key} RENAME TO ${renameTable[1]}: the running release still names ${key}.`, false);
      else if (renameColumn) add('migration/rename', `RENAME COLUMN ${unquote(renameColumn[1] ?? '')} of ${key} to ${unquote(renameColumn[2] ?? '')}: the running release still names the old column.`, false);
      else if (dropColumn && !/^drop constraint/i.test(action)) add('migration/drop-column', `DROP COLUMN ${unquote(dropColumn[1] ?? '')} of ${key}, which the running release still selects.`, true);
      else if (typeChange) {
        const column = unquote(typeChange[1] ?? '');
        const from = baseline.columnTypes.get(key)?.get(column);
        const to = (typeChange[2] ?? '').trim();
        if (from === undefined || !isWidening(from, to)) add('migration/type-change', `${column} of ${key} changes type ${from === undefined ? '(from a type not in the snapshot on main)' : `from ${from}`} to ${to}, not a strict widening.`, true);
      } else if (setNotNull) add('migration/not-null', `SET NOT NULL on ${unquote(setNotNull[1] ?? '')} of ${key}, a table that may hold rows: a full scan under an exclusive lock.`, true);
      else if (addColumn && /\bnot null\b/i.test(addColumn[2] ?? '') && !/\bdefault\b/i.test(addColumn[2] ?? '') && !/\bgenerated\b/i.test(addColumn[2] ?? '')) {
        add('migration/not-null', `ADD COLUMN ${unquote(addColumn[1] ?? '')} NOT NULL without a DEFAULT on ${key}, a table that may hold rows: the migration fails when it has any.`, false);
      }
    }
  }
  return findings;
}

/** The comma-separated actions of an ALTER TABLE, commas inside parentheses left alone. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

const INTEGER_WIDTH: Record<string, number> = { smallint: 2, int2: 2, integer: 4, int: 4, int4: 4, bigint: 8, int8: 8 };

/** Whether `to` holds every value of `from` without a rewrite that can fail: longer varchar, text, wider integers, larger numeric precision. */
export function isWidening(from: string, to: string): boolean {
  const a = from.toLowerCase().replace(/\s+/g, ' ').replace(/"/g, '').trim();
  const b = to.toLowerCase().replace(/\s+/g, ' ').replace(/"/g, '').trim();
  if (a === b) return true;
  const varchar = (type: string) => /^(?:varchar|character varying)(?:\s*\((\d+)\))?$/.exec(type);
  const [va, vb] = [varchar(a), varchar(b)];
  if (va && (b === 'text' || (vb && (vb[1] === undefined || (va[1] !== undefined && Number(vb[1]) >= Number(va[1])))))) return true;
  if (INTEGER_WIDTH[a] !== undefined && INTEGER_WIDTH[b] !== undefined) return (INTEGER_WIDTH[b] as number) >= (INTEGER_WIDTH[a] as number);
  const numeric = (type: string) => /^(?:numeric|decimal)\s*\((\d+)\s*(?:,\s*(\d+))?\)$/.exec(type);
  const [na, nb] = [numeric(a), numeric(b)];
  if (na && (b === 'numeric' || (nb && Number(nb[1]) - Number(nb[2] ?? 0) >= Number(na[1]) - Number(na[2] ?? 0) && Number(nb[2] ?? 0) >= Number(na[2] ?? 0)))) return true;
  return false;
}

/** `schema.table` of every CREATE TABLE in a migration (unqualified ones in the module's schema). */
export function createdTables(source: string, module: string): string[] {
  const text = blankCommentsAndStrings(source);
  return statements(text).flatMap((statement) => {
    const m = new RegExp(String.raw`^create (?:unlogged )?table (?:if not exists )?${QNAME}`, 'i').exec(statement.text.replace(/\s+/g, ' '));
    if (!m) return [];
    return [m[2] === undefined ? `${module}.${unquote(m[1] ?? '')}` : `${unquote(m[1] ?? '')}.${unquote(m[2])}`];
  });
}
