import ts from 'typescript';

export interface ScannedImport {
  specifier: string;
  /** 1-based line of the module specifier. */
  line: number;
}

/** A module specifier no tool can read without running the code: `import(name)`, `require(\`./${x}\`)`. */
export interface UnresolvableImport {
  /** 1-based line of the call. */
  line: number;
  /** The syntax that carries it: `import()`, `require()` (any local name of require or of a createRequire result), `import.meta.resolve()`. */
  syntax: string;
  /** The argument as written, for the message. */
  argument: string;
}

export interface ScanResult {
  imports: ScannedImport[];
  unresolvable: UnresolvableImport[];
}

/**
 * Files that may carry a specifier the pre-processing scanner cannot see: a `require` under
 * another name, `createRequire(...)`, `import.meta.resolve()`, or a non-literal `import()`. Only
 * these are parsed in full; every other file costs one tokenizer pass (a full parse of every
 * file would triple the run time of `pnpm boundaries`).
 */
const NEEDS_PARSE = /\bimport\s*\(|\brequire\b|\bcreateRequire\b|\bimport\.meta\.resolve\b/;

/** Where `createRequire` comes from; any local name it is imported under is followed. */
const MODULE_BUILTINS = new Set(['module', 'node:module']);

/**
 * Every module specifier a file uses, whatever syntax carries it: `import`, `import type`,
 * `export … from`, side-effect imports, `import x = require()`, `import('…')` in code and in
 * types, `require()` under any local name, `createRequire(import.meta.url)` results (named or
 * called at once), `require.resolve()` and `import.meta.resolve()`. A specifier that is not a
 * string literal is returned as unresolvable: it hides an edge from every check.
 *
 * The common case is TypeScript's pre-processing scanner (a tokenizer: `import` inside a
 * comment or a string is not an import, a specifier split across lines still is); files that
 * may hold one of the other spellings are parsed in full.
 */
export function scanImports(sourceText: string, fileName = 'file.ts'): ScanResult {
  if (NEEDS_PARSE.test(sourceText)) return scanParsed(sourceText, fileName);
  const { importedFiles } = ts.preProcessFile(sourceText, /* readImportFiles */ true, /* detectJavaScriptImports */ true);
  if (importedFiles.length === 0) return { imports: [], unresolvable: [] };
  const lines = lineStarts(sourceText);
  return { imports: importedFiles.map((imported) => ({ specifier: imported.fileName, line: lineOf(lines, imported.pos) })), unresolvable: [] };
}

function scanParsed(sourceText: string, fileName: string): ScanResult {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const imports: ScannedImport[] = [];
  const unresolvable: UnresolvableImport[] = [];

  // Pass 1: the local names that load modules. `require` itself, aliases of it, the functions
  // createRequire returns, and the local names createRequire is imported under.
  const requireNames = new Set(['require']);
  const createRequireNames = new Set<string>();
  const moduleNamespaces = new Set<string>();
  const isCreateRequire = (callee: ts.Expression) =>
    (ts.isIdentifier(callee) && createRequireNames.has(callee.text)) ||
    (ts.isPropertyAccessExpression(callee) && callee.name.text === 'createRequire' && ts.isIdentifier(callee.expression) && moduleNamespaces.has(callee.expression.text));
  const collect = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && MODULE_BUILTINS.has(node.moduleSpecifier.text)) {
      const clause = node.importClause;
      if (clause?.name) moduleNamespaces.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) moduleNamespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 'createRequire') createRequireNames.add(element.name.text);
      }
    }
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = skipOuter(node.initializer);
      // const { createRequire: make } = await import('node:module') / require('module')
      if (ts.isObjectBindingPattern(node.name) && loadsModuleBuiltin(init, requireNames)) {
        for (const element of node.name.elements) {
          const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : ts.isIdentifier(element.name) ? element.name.text : '';
          if (imported === 'createRequire' && ts.isIdentifier(element.name)) createRequireNames.add(element.name.text);
        }
      }
      if (ts.isIdentifier(node.name)) {
        if (ts.isIdentifier(init) && requireNames.has(init.text)) requireNames.add(node.name.text);
        if (ts.isCallExpression(init) && isCreateRequire(init.expression)) requireNames.add(node.name.text);
        if (ts.isIdentifier(init) && createRequireNames.has(init.text)) createRequireNames.add(node.name.text);
        if (loadsModuleBuiltin(init, requireNames)) moduleNamespaces.add(node.name.text);
      }
    }
    node.forEachChild(collect);
  };
  collect(source);

  // Pass 2: every place a specifier is used.
  const literal = (node: ts.Expression | undefined) => (node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node : undefined);
  const take = (argument: ts.Expression | undefined, call: ts.Node, syntax: string) => {
    const found = literal(argument);
    if (found !== undefined) imports.push({ specifier: found.text, line: line(found) });
    else unresolvable.push({ line: line(call), syntax, argument: argument === undefined ? '' : argument.getText(source) });
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, line: line(node.moduleSpecifier) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      take(node.moduleReference.expression, node, 'import = require()');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      imports.push({ specifier: node.argument.literal.text, line: line(node.argument.literal) });
    } else if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const [argument] = node.arguments;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) take(argument, node, 'import()');
      else if (ts.isIdentifier(callee) && requireNames.has(callee.text)) take(argument, node, `${callee.text}()`);
      else if (ts.isCallExpression(callee) && isCreateRequire(skipOuter(callee.expression))) take(argument, node, 'createRequire(…)()');
      else if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve') {
        const owner = skipOuter(callee.expression);
        if (ts.isIdentifier(owner) && requireNames.has(owner.text)) take(argument, node, `${owner.text}.resolve()`);
        if (ts.isMetaProperty(owner) && owner.name.text === 'meta') take(argument, node, 'import.meta.resolve()');
        if (ts.isCallExpression(owner) && isCreateRequire(skipOuter(owner.expression))) take(argument, node, 'createRequire(…).resolve()');
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  imports.sort((a, b) => a.line - b.line);
  return { imports, unresolvable };
}

/** `await import('node:module')`, `require('module')`: an expression that loads the module builtin. */
function loadsModuleBuiltin(expression: ts.Expression, requireNames: ReadonlySet<string>): boolean {
  const call = skipOuter(expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = skipOuter(call.expression);
  const [argument] = call.arguments;
  const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && requireNames.has(callee.text));
  return loads && argument !== undefined && ts.isStringLiteralLike(argument) && MODULE_BUILTINS.has(argument.text);
}

/** Strips what does not change the value: parentheses, `await`, `as`, `!`, `satisfies`. */
function skipOuter(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAwaitExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  return ts.ScriptKind.TS;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line holding `position`, by binary search over the offsets where lines start. */
function lineOf(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] as number) <= position) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
