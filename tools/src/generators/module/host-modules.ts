import * as ts from 'typescript';

/** The file listing the modules a host composes, and the array in it the generator appends to. */
export const HOST_MODULES_FILE = 'apps/monolith/src/modules.ts';
export const HOST_MODULES_ARRAY = 'modules';

/**
 * Adds `import { <exportName> } from '<from>'` and `<exportName>` as the last element of the
 * exported `modules` array literal, located with the TypeScript parser (not a pattern), keeping
 * the file's formatting. Returns null when the file has no such array; unchanged when present.
 */
export function addHostModule(source: string, exportName: string, from: string): string | null {
  const file = ts.createSourceFile('modules.ts', source, ts.ScriptTarget.Latest, true);
  const array = modulesArray(file);
  if (!array) return null;
  if (array.elements.some((element) => ts.isIdentifier(element) && element.text === exportName)) return source;

  const last = array.elements.at(-1);
  const insertAt = last ? last.getEnd() : array.getStart(file) + 1;
  const multiline = source.slice(array.getStart(file), array.getEnd()).includes('\n');
  const indent = last ? /[ \t]*$/.exec(source.slice(0, last.getStart(file)))?.[0] ?? '  ' : '  ';
  const element = last ? (multiline ? `,\n${indent}${exportName}` : `, ${exportName}`) : exportName;
  let result = `${source.slice(0, insertAt)}${element}${source.slice(insertAt)}`;

  const imports = file.statements.filter(ts.isImportDeclaration);
  const afterImports = imports.length > 0 ? (imports.at(-1) as ts.ImportDeclaration).getEnd() : 0;
  const importLine = `import { ${exportName} } from '${from}';`;
  result = afterImports > 0 ? `${result.slice(0, afterImports)}\n${importLine}${result.slice(afterImports)}` : `${importLine}\n${result}`;
  return result;
}

function modulesArray(file: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== HOST_MODULES_ARRAY) continue;
      let initializer = declaration.initializer;
      while (initializer && (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))) initializer = initializer.expression;
      if (initializer && ts.isArrayLiteralExpression(initializer)) return initializer;
    }
  }
  return undefined;
}
