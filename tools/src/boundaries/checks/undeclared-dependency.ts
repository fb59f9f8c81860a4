import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';

export const undeclaredDependencyRule: Rule = {
  id: 'undeclared-dependency',
  why: 'package.json is where a dependency between packages is declared, reviewed and linked by pnpm; an import it does not list works only by accident and hides the edge from the graph.',
  fix: 'Add the package to dependencies (devDependencies if only tests import it) as "workspace:*" and run `pnpm install`, or remove the import.',
};

/** Imports of a workspace package the importer's package.json does not list. */
export const undeclaredDependencyCheck: BoundaryCheck = {
  name: 'declared-dependencies',
  rules: [undeclaredDependencyRule],
  run(index) {
    return index.resolvedImports.flatMap((resolved) => {
      if (resolved.kind !== 'package') return [];
      const { site, target } = resolved;
      const importer = index.project(site.project);
      const name = target.packageJson?.name ?? target.name;
      if (index.declaresDependency(importer, name)) return [];
      return [
        finding(undeclaredDependencyRule, {
          message: `${importer.name} imports '${site.specifier}' but its package.json does not list ${name}.`,
          where: { project: site.project, file: site.file, line: site.line },
          owner: index.ownerOf(target.name),
        }),
      ];
    });
  },
};
