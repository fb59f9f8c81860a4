import type { Finding } from './finding.js';
import { DB_RULES } from './rules.js';
import { blankCommentsAndStrings, lineAt, schemaReferences, statements } from './sql-text.js';

const NAME = String.raw`(?:"[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QNAME = String.raw`(${NAME})(?:\s*\.\s*(${NAME}))?`;
const IF_EXISTS = String.raw`(?:if\s+(?:not\s+)?exists\s+)?`;
const HEAD = /^(create|alter|drop)\s+(?:or\s+replace\s+)?(?:unique\s+)?(?:temp(?:orary)?\s+)?(materialized\s+view|table|view|sequence|type|function|procedure|domain|trigger|index|schema|extension|policy|rule|aggregate|role|publication|server|event\s+trigger)\b/i;
/** Objects that exist once per database, never inside a module's schema. */
const DATABASE_WIDE = new Set(['extension', 'role', 'publication', 'server', 'event trigger']);
const KEYWORDS = ['references', 'join', 'view', 'function', 'trigger', 'grant', 'alter'];

const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1) : name.toLowerCase());

/**
 * Checks one module's SQL migration: no statement names another module's schema, and every
 * CREATE/ALTER/DROP targets an object in the module's own schema.
 */
export function checkSqlMigration(source: string, file: string, module: string, otherModules: readonly string[]): Omit<Finding, 'owner'>[] {
  const findings: Omit<Finding, 'owner'>[] = [];
  const text = blankCommentsAndStrings(source);
  const others = new Set(otherModules.filter((m) => m !== module));
  for (const statement of statements(text)) {
    for (const reference of schemaReferences(statement.text, others)) {
      const keyword = KEYWORDS.find((k) => new RegExp(`\\b${k}\\b`, 'i').test(statement.text));
      findings.push({
        rule: 'db/cross-module-sql-in-migration',
        file,
        line: lineAt(text, statement.offset + reference.offset),
        message: `Migration of module "${module}" names schema "${reference.schema}" of another module${keyword ? ` (${keyword.toUpperCase()})` : ''}.`,
        crossed: reference.schema,
        ...DB_RULES['db/cross-module-sql-in-migration'],
      });
    }
    const target = ddlTarget(statement.text);
    if (target && target.schema !== module) {
      findings.push({
        rule: 'db/ddl-outside-module-schema',
        file,
        line: lineAt(text, statement.offset),
        message:
          target.schema === null
            ? `${target.verb} ${target.kind} "${target.name}" is not qualified with schema "${module}", so it lands in the search_path (public).`
            : target.schema === '*'
              ? `${target.verb} ${target.kind} "${target.name}" is a database-wide object, outside schema "${module}".`
              : `${target.verb} ${target.kind} "${target.name}" is in schema "${target.schema}", not in this module's schema "${module}".`,
        ...DB_RULES['db/ddl-outside-module-schema'],
      });
    }
  }
  return findings;
}

interface DdlTarget {
  verb: string;
  kind: string;
  name: string;
  /** The object's schema; `null` when unqualified, `*` for database-wide objects. */
  schema: string | null;
}

function ddlTarget(statement: string): DdlTarget | null {
  const head = HEAD.exec(statement);
  if (!head) return null;
  const verb = (head[1] ?? '').toUpperCase();
  const kind = (head[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const rest = statement.slice(head[0].length);
  if (DATABASE_WIDE.has(kind)) {
    return { verb, kind, name: unquote(new RegExp(`^\\s*${IF_EXISTS}(${NAME})`, 'i').exec(rest)?.[1] ?? '?'), schema: '*' };
  }
  if (kind === 'schema') {
    const name = unquote(new RegExp(`^\\s*${IF_EXISTS}(${NAME})`, 'i').exec(rest)?.[1] ?? '?');
    return { verb, kind, name, schema: name };
  }
  // Indexes, triggers, policies and rules live with the table they are ON.
  const on = ['index', 'trigger', 'policy', 'rule'].includes(kind)
    ? new RegExp(String.raw`\bon\s+(?:only\s+)?${QNAME}`, 'i').exec(rest)
    : new RegExp(String.raw`^\s*(?:concurrently\s+)?${IF_EXISTS}(?:only\s+)?${QNAME}`, 'i').exec(rest);
  if (!on) return null;
  const [first, second] = [on[1], on[2]];
  if (second) return { verb, kind, name: unquote(second), schema: unquote(first ?? '') };
  return { verb, kind, name: unquote(first ?? '?'), schema: null };
}
