import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';

export const suppressedImportRule: Rule = {
  id: 'suppressed-import',
  why: "TypeScript refuses an import outside a package's exports map (TS2307); `@ts-ignore` or `@ts-expect-error` on the import silences exactly that guard, and the import then fails at run time or reaches internals.",
  fix: 'Remove the directive and import what the package exports; if a type is missing from its public entry, ask the owning team to export it.',
};

/** A statement that starts an import or re-export, or a dynamic import / require on the line. */
const IMPORT_LINE = /^(?:import\b|export\b.*\bfrom\b|export\s*\*)|\bimport\s*\(|\brequire\s*\(/;

/** `@ts-ignore` / `@ts-expect-error` on the line before an import, whatever syntax the import uses. */
export const suppressedImportCheck: BoundaryCheck = {
  name: 'suppressed-imports',
  rules: [suppressedImportRule],
  run(index) {
    const importLines = new Set(index.workspace.imports.map((site) => `${site.file}:${site.line}`));
    return index.workspace.directives.flatMap((directive) => {
      if (directive.kind !== 'ts-ignore' && directive.kind !== 'ts-expect-error') return [];
      if (!IMPORT_LINE.test(directive.next) && !importLines.has(`${directive.file}:${directive.line + 1}`)) return [];
      return [
        finding(suppressedImportRule, {
          message: `\`${directive.text}\` silences TypeScript on the import \`${directive.next}\`.`,
          where: { project: directive.project, file: directive.file, line: directive.line },
          owner: index.ownerOf(directive.project),
        }),
      ];
    });
  },
};
