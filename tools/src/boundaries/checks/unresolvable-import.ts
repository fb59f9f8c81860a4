import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { tagValue } from '../workspace.js';

export const unresolvableImportRule: Rule = {
  id: 'unresolvable-import',
  why: 'A module specifier computed at run time (`import(name)`, `require(path)`) is an edge no check, no graph and no reviewer can see: it could reach any package, internals included.',
  fix: "Write the specifier as a string literal (`import('@shop/customers')`); to choose between a few modules at run time, import each by name and pick one in a `switch` or a map.",
};

/**
 * Every `import()`, `require()` (under any name) or `createRequire(…)()` whose argument is not a
 * string literal, in the code the boundaries protect: every project but the `type:tool` ones,
 * which are the guard rails themselves and load workspace code by path by design (the
 * architecture docs build each module's router from its file; the checks read every file).
 */
export const unresolvableImportCheck: BoundaryCheck = {
  name: 'unresolvable-imports',
  rules: [unresolvableImportRule],
  run(index) {
    return index.workspace.unresolvableImports.filter((site) => tagValue(index.project(site.project), 'type:') !== 'tool').map((site) =>
      finding(unresolvableImportRule, {
        message: `${site.syntax} with a specifier that is not a string literal (${site.argument || 'no argument'}): the module it loads cannot be known without running the code.`,
        where: { project: site.project, file: site.file, line: site.line },
        owner: index.ownerOf(site.project),
      }),
    );
  },
};
