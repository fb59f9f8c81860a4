import ts from 'typescript';

export interface ScannedImport {
  specifier: string;
  /** 1-based line of the module specifier. */
  line: number;
}

/**
 * Every module specifier a file imports: `import`, `import type`, `export … from`, side-effect
 * imports, dynamic `import()` and `require()`.
 *
 * Uses TypeScript's own pre-processing scanner rather than a regex: it tokenizes the file, so
 * `import` inside a comment or a string is not an import, a specifier split across lines still
 * is, and an `import()` inside a template literal is found. It does not parse or type-check,
 * so it costs about as much as reading the file.
 */
export function scanImports(sourceText: string): ScannedImport[] {
  const { importedFiles } = ts.preProcessFile(sourceText, /* readImportFiles */ true, /* detectJavaScriptImports (require, import()) */ true);
  if (importedFiles.length === 0) return [];
  const lineStarts = [0];
  for (let at = sourceText.indexOf('\n'); at >= 0; at = sourceText.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return importedFiles.map((imported) => ({ specifier: imported.fileName, line: lineOf(lineStarts, imported.pos) }));
}

/** 1-based line holding `position`, by binary search over the offsets where lines start. */
function lineOf(lineStarts: readonly number[], position: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] as number) <= position) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
