import ts from 'typescript';
import { parseSource } from './parse-source.js';
import { importedNames, importedSymbol, type ImportedNames } from '../boundaries/local-names.js';
import { isDrizzle } from './check-source-sql.js';
import type { Finding } from './finding.js';
import { DB_RULES } from './rules.js';

export interface SourceFile {
  file: string;
  text: string;
}

/** drizzle-orm/pg-core constructors that put an object in the public schema. */
const PUBLIC_SCHEMA_CONSTRUCTORS = new Set(['pgTable', 'pgView', 'pgMaterializedView', 'pgEnum', 'pgSequence', 'pgTableCreator']);
/** Members of a `pgSchema(...)` that declare an object in it. */
const SCHEMA_MEMBERS = new Set(['table', 'view', 'materializedView', 'enum', 'sequence']);

type Located = Omit<Finding, 'owner'>;

/**
 * Checks a module's drizzle declarations across its source files: every table (view, enum, ...)
 * lives in `pgSchema('<module>')`, and every `.references()` / `foreignKey()` points at a table
 * declared on that schema. Reads the syntax only, so it needs neither a build nor a database.
 */
export function checkDrizzleSchema(files: readonly SourceFile[], module: string): Located[] {
  const findings: Located[] = [];
  const parsed = files.map(({ file, text }) => {
    const source = parseSource(file, text);
    return { file, source, drizzle: importedNames(source, isDrizzle) };
  });
  const at = (file: string, source: ts.SourceFile, node: ts.Node) => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });

  // Pass 1: which variables are this module's pgSchema, and which tables are declared on it.
  const ownSchemas = new Set<string>();
  const ownTables = new Set<string>();
  const constants = stringConstants(parsed.map((p) => p.source));
  for (const { file, source, drizzle } of parsed) {
    const imported = relativeImportNames(source);
    visit(source, (node) => {
      if (ts.isCallExpression(node) && calleeName(node.expression, drizzle) === 'pgSchema') {
        const [name] = node.arguments;
        const schema = name ? schemaNameOf(name, imported, constants) : null;
        if (schema === module && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) ownSchemas.add(node.parent.name.text);
        if (schema !== module) {
          findings.push({
            rule: 'db/table-outside-module-schema',
            ...at(file, source, node),
            message: `pgSchema(${schema === null ? '<not a string literal>' : `'${schema}'`}) in module "${module}": its objects must live in pgSchema('${module}').`,
            ...DB_RULES['db/table-outside-module-schema'],
          });
        }
      }
      const constructor = ts.isCallExpression(node) ? calleeName(node.expression, drizzle) : undefined;
      if (constructor !== undefined && PUBLIC_SCHEMA_CONSTRUCTORS.has(constructor)) {
        findings.push({
          rule: 'db/table-outside-module-schema',
          ...at(file, source, node),
          message: `${constructor}() declares an object in the public schema, outside module "${module}"'s schema.`,
          ...DB_RULES['db/table-outside-module-schema'],
        });
      }
    });
  }
  for (const { source } of parsed) {
    visit(source, (node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isCallExpression(node.initializer) &&
        ts.isPropertyAccessExpression(node.initializer.expression) &&
        ts.isIdentifier(node.initializer.expression.expression) &&
        ownSchemas.has(node.initializer.expression.expression.text) &&
        SCHEMA_MEMBERS.has(node.initializer.expression.name.text)
      ) {
        ownTables.add(node.name.text);
      }
    });
  }

  // Pass 2: every referenced table must be one of those.
  for (const { file, source, drizzle } of parsed) {
    visit(source, (node) => {
      if (!ts.isCallExpression(node)) return;
      const targets: ts.Expression[] = [];
      if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'references') {
        const [callback] = node.arguments;
        if (callback && ts.isArrowFunction(callback) && !ts.isBlock(callback.body)) targets.push(callback.body);
        if (callback && ts.isArrowFunction(callback) && ts.isBlock(callback.body)) {
          visit(callback.body, (inner) => {
            if (ts.isReturnStatement(inner) && inner.expression) targets.push(inner.expression);
          });
        }
      }
      if (calleeName(node.expression, drizzle) === 'foreignKey') {
        const [config] = node.arguments;
        if (config && ts.isObjectLiteralExpression(config)) {
          for (const property of config.properties) {
            if (ts.isPropertyAssignment(property) && property.name.getText(source) === 'foreignColumns' && ts.isArrayLiteralExpression(property.initializer)) {
              targets.push(...property.initializer.elements);
            }
          }
        }
      }
      for (const target of targets) {
        const table = rootIdentifier(target);
        if (table && !ownTables.has(table)) {
          findings.push({
            rule: 'db/cross-module-reference',
            ...at(file, source, target),
            message: `A foreign key in module "${module}" points at "${target.getText(source)}", which is not a table of pgSchema('${module}').`,
            ...DB_RULES['db/cross-module-reference'],
          });
        }
      }
    });
  }
  return findings;
}

/**
 * The schema name a `pgSchema(...)` argument stands for: a string literal, or a constant of the
 * module (`pgSchema(moduleName)`, the name written once in `src/module-name.ts`), followed
 * through an import's renaming. Anything else is not resolvable statically, and refused.
 */
function schemaNameOf(argument: ts.Expression, imported: ReadonlyMap<string, string>, constants: ReadonlyMap<string, string>): string | null {
  if (ts.isStringLiteralLike(argument)) return argument.text;
  if (!ts.isIdentifier(argument)) return null;
  return constants.get(imported.get(argument.text) ?? argument.text) ?? null;
}

/** Top-level `const name = '<literal>'` declarations across the module's files, by name. */
function stringConstants(sources: readonly ts.SourceFile[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const source of sources) {
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const declaration of statement.declarationList.declarations) {
        let initializer = declaration.initializer;
        while (initializer && (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))) initializer = initializer.expression;
        if (ts.isIdentifier(declaration.name) && initializer && ts.isStringLiteralLike(initializer)) constants.set(declaration.name.text, initializer.text);
      }
    }
  }
  return constants;
}

/** Local name → imported name for a file's relative named imports (`import { moduleName as n } from './x.js'`). */
function relativeImportNames(source: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.moduleSpecifier.text.startsWith('.')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) names.set(element.name.text, (element.propertyName ?? element.name).text);
  }
  return names;
}

/** The drizzle function a callee stands for, under any local name (`t` for `pgTable as t`, `core.pgTable`), else its identifier. */
function calleeName(callee: ts.Expression, drizzle: ImportedNames): string | undefined {
  return importedSymbol(callee, drizzle) ?? (ts.isIdentifier(callee) ? callee.text : undefined);
}

/** `customers.id`, `(customers.id as X)`, `customers['id']` → `customers`. */
function rootIdentifier(expression: ts.Expression): string | null {
  let current: ts.Expression = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
    else if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = current.expression;
    else return ts.isIdentifier(current) ? current.text : null;
  }
}

export function visit(node: ts.Node, callback: (node: ts.Node) => void): void {
  callback(node);
  node.forEachChild((child) => visit(child, callback));
}
