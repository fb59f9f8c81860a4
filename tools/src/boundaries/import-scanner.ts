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
  const file: ts.SourceFileLike = { text: sourceText }; // TypeScript caches the line map on it
  return importedFiles.map((imported) => ({ specifier: imported.fileName, line: ts.getLineAndCharacterOfPosition(file, imported.pos).line + 1 }));
}
