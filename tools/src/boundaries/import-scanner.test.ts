import { describe, expect, it } from 'vitest';
import { scanImports } from './import-scanner.js';

describe('scanImports', () => {
  it('finds every kind of import with its line, and nothing in comments or strings', () => {
    const source = [
      "import a from 'static';",
      "import type { B } from 'type-only';",
      "export * from 're-export-all';",
      "export { d } from 're-export';",
      "export type { T } from 'type-re-export';",
      "import 'side-effect';",
      "// import x from 'in-a-comment';",
      "const s = \"import y from 'in-a-string'\";",
      "async function f() { return [await import('dynamic'), require('required')]; }",
      'const lazy = () => import(',
      "  'split-across-lines'",
      ');',
    ].join('\n');
    expect(scanImports(source)).toEqual([
      { specifier: 'static', line: 1 },
      { specifier: 'type-only', line: 2 },
      { specifier: 're-export-all', line: 3 },
      { specifier: 're-export', line: 4 },
      { specifier: 'type-re-export', line: 5 },
      { specifier: 'side-effect', line: 6 },
      { specifier: 'dynamic', line: 9 },
      { specifier: 'required', line: 9 },
      { specifier: 'split-across-lines', line: 11 },
    ]);
  });

  it('returns nothing for a file without imports', () => {
    expect(scanImports('export const x = 1;\n')).toEqual([]);
  });
});
