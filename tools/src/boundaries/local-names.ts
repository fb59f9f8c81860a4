import ts from 'typescript';

/** What a file calls the symbols it imports from some modules: local name → exported name, and namespace objects. */
export interface ImportedNames {
  named: Map<string, string>;
  namespaces: Set<string>;
}

/**
 * The local names a file gives to the exports of the modules `fromModule` accepts, whatever the
 * spelling: `import { sql as q }`, `import * as orm`, a default import, `import orm = require()`,
 * `const { sql: q } = await import()` or `require()`, `const orm = await import()`, and plain
 * aliases of those (`const q = sql`). Checks that look for a symbol (drizzle's `sql`, a platform
 * function) ask `importedSymbol` instead of comparing identifier text.
 */
export function importedNames(source: ts.SourceFile, fromModule: (specifier: string) => boolean): ImportedNames {
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  const isLoad = (expression: ts.Expression): boolean => {
    const call = unwrap(expression);
    if (!ts.isCallExpression(call)) return false;
    const callee = unwrap(call.expression);
    const [argument] = call.arguments;
    const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
    return loads && argument !== undefined && ts.isStringLiteralLike(argument) && fromModule(argument.text);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && fromModule(node.moduleSpecifier.text)) {
      const clause = node.importClause;
      if (clause?.name) namespaces.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) named.set(element.name.text, (element.propertyName ?? element.name).text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const specifier = node.moduleReference.expression;
      if (ts.isStringLiteral(specifier) && fromModule(specifier.text)) namespaces.add(node.name.text);
    } else if (ts.isVariableDeclaration(node) && node.initializer !== undefined) {
      if (ts.isIdentifier(node.name)) {
        const init = unwrap(node.initializer);
        if (isLoad(init)) namespaces.add(node.name.text);
        else if (ts.isIdentifier(init) || ts.isPropertyAccessExpression(init)) {
          const symbol = importedSymbol(init, { named, namespaces });
          if (symbol !== undefined) named.set(node.name.text, symbol);
        }
      } else if (ts.isObjectBindingPattern(node.name) && (isLoad(node.initializer) || isNamespace(node.initializer, namespaces))) {
        for (const element of node.name.elements) {
          if (!ts.isIdentifier(element.name)) continue;
          const exported = element.propertyName === undefined ? element.name.text : ts.isIdentifier(element.propertyName) || ts.isStringLiteral(element.propertyName) ? element.propertyName.text : undefined;
          if (exported !== undefined) named.set(element.name.text, exported);
        }
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  return { named, namespaces };
}

/** The exported name an expression stands for (`q` → `sql`, `orm.sql` → `sql`), or `undefined` when it is not one of the imports. */
export function importedSymbol(expression: ts.Expression, names: ImportedNames): string | undefined {
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) return names.named.get(node.text);
  if (ts.isPropertyAccessExpression(node) && isNamespace(node.expression, names.namespaces)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isNamespace(node.expression, names.namespaces) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

function isNamespace(expression: ts.Expression, namespaces: ReadonlySet<string>): boolean {
  const node = unwrap(expression);
  return ts.isIdentifier(node) && namespaces.has(node.text);
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAwaitExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}
