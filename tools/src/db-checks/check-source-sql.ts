import ts from 'typescript';
import { parseSource } from './parse-source.js';
import { importedNames, importedSymbol } from '../boundaries/local-names.js';
import { visit, type SourceFile } from './check-drizzle-schema.js';
import type { Finding } from './finding.js';
import { DB_RULES } from './rules.js';
import { schemaReferences } from './sql-text.js';

/** A raw string counts as SQL when it has one of these words; `'orders.placed'` (an event name) does not. */
const SQL_WORDS = /\b(select|insert|update|delete|from|join|into|references|create|alter|drop|grant|truncate|table|view)\b/i;

/**
 * Finds SQL in a module's source that names another module's schema: drizzle `sql` templates
 * (always SQL), raw strings and templates that read as SQL, and `sql.identifier('<other>')`.
 */
export function checkSourceSql({ file, text }: SourceFile, module: string, otherModules: readonly string[]): Omit<Finding, 'owner'>[] {
  const others = new Set(otherModules.filter((m) => m !== module));
  const source = parseSource(file, text);
  const findings: Omit<Finding, 'owner'>[] = [];
  // drizzle's `sql` under whatever name the file gives it (`sql as q`, `orm.sql`), and any tag
  // spelled `sql` (a local re-export of it).
  const drizzle = importedNames(source, isDrizzle);
  const isSql = (tag: ts.Expression) => importedSymbol(tag, drizzle) === 'sql' || tagName(tag) === 'sql';
  const report = (node: ts.Node, offsetInNode: number, schema: string, kind: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source) + offsetInNode).line + 1;
    findings.push({
      rule: 'db/cross-module-sql-in-source',
      file,
      line,
      message: `${kind} in module "${module}" names schema "${schema}" of another module.`,
      crossed: schema,
      ...DB_RULES['db/cross-module-sql-in-source'],
    });
  };
  visit(source, (node) => {
    if (ts.isTaggedTemplateExpression(node) && isSql(node.tag)) {
      const raw = node.template.getText(source);
      for (const reference of schemaReferences(raw, others)) report(node.template, reference.offset, reference.schema, 'A drizzle sql template');
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'identifier' && isSql(node.expression.expression)) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument) && others.has(argument.text)) report(argument, 0, argument.text, 'sql.identifier()');
      return;
    }
    const insideSqlTag = node.parent !== undefined && ts.isTaggedTemplateExpression(node.parent);
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !insideSqlTag) {
      const raw = node.getText(source);
      if (!SQL_WORDS.test(raw)) return;
      for (const reference of schemaReferences(raw, others)) report(node, reference.offset, reference.schema, 'A raw SQL string');
    }
  });
  return findings;
}

/** `drizzle-orm` and its subpaths (`drizzle-orm/pg-core`). */
export function isDrizzle(specifier: string): boolean {
  return specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/');
}

function tagName(tag: ts.Node): string | null {
  if (ts.isIdentifier(tag)) return tag.text;
  if (ts.isPropertyAccessExpression(tag)) return tag.name.text;
  return null;
}
