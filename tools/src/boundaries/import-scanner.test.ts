import { describe, expect, it } from 'vitest';
import { scanImports } from './import-scanner.js';

const specifiers = (source: string) => scanImports(source).imports;

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
    expect(specifiers(source)).toEqual([
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

  it.each([
    ['createRequire called at once', "import { createRequire } from 'node:module';\nconst c = createRequire(import.meta.url)('target');"],
    ['createRequire under another name', "import { createRequire as make } from 'module';\nconst load = make(import.meta.url);\nload('target');"],
    ['createRequire from a namespace', "import * as nodeModule from 'node:module';\nconst r = nodeModule.createRequire(import.meta.url);\nr('target');"],
    ['createRequire from a default import', "import mod from 'module';\nconst r = mod.createRequire(import.meta.url);\nr.resolve('target');"],
    ['createRequire destructured from a dynamic import', "const { createRequire: cr } = await import('node:module');\ncr(import.meta.url)('target');"],
    ['require under another name', "const load = require;\nload('target');"],
    ['import = require', "import x = require('target');"],
    ['a type-position import()', "type T = typeof import('target');"],
    ['import.meta.resolve', "const where = import.meta.resolve('target');"],
    ['a template literal without substitutions', 'await import(`target`);'],
  ])('finds a specifier carried by %s', (_syntax, source) => {
    expect(specifiers(source).filter((found) => found.specifier === 'target')).toHaveLength(1);
  });

  it('reports a specifier that is not a string literal as unresolvable, whatever calls it', () => {
    const source = [
      "import { createRequire } from 'node:module';",
      'const name = pick();',
      'await import(name);',
      'require(`./${name}.js`);',
      'createRequire(import.meta.url)(name);',
      "await import('fine');",
    ].join('\n');
    const { imports, unresolvable } = scanImports(source);
    expect(imports.map((found) => found.specifier)).toEqual(['node:module', 'fine']);
    expect(unresolvable).toEqual([
      { line: 3, syntax: 'import()', argument: 'name' },
      { line: 4, syntax: 'require()', argument: '`./${name}.js`' },
      { line: 5, syntax: 'createRequire(…)()', argument: 'name' },
    ]);
  });

  it('returns nothing for a file without imports', () => {
    expect(scanImports('export const x = 1;\n')).toEqual({ imports: [], unresolvable: [] });
  });
});
