import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { tagValue } from '../workspace.js';

export const moduleEntryRule: Rule = {
  id: 'module-entry',
  why: "A module's `./module` entry builds its implementation, and only a host app may compose modules; everyone else receives other modules' APIs injected, which keeps each module replaceable by a service.",
  fix: "Import only types and schemas from the module's root entry and take its API as a dependency of your factory; let the host (apps/monolith/src/compose.ts) wire the implementation in.",
};

/** The `./module` entry (a module's factory) imported by anything but an app. */
export const moduleEntryCheck: BoundaryCheck = {
  name: 'module-entry',
  rules: [moduleEntryRule],
  run(index) {
    return index.resolvedImports.flatMap((resolved) => {
      if (resolved.kind !== 'package' || resolved.subpath !== './module') return [];
      const importer = index.project(resolved.site.project);
      const type = tagValue(importer, 'type:');
      if (type === 'app') return [];
      const { site, target } = resolved;
      return [
        finding(moduleEntryRule, {
          message: `${importer.name} (${type === undefined ? 'no type tag' : `type:${type}`}) imports '${site.specifier}', the factory entry of ${target.name}; only type:app packages may.`,
          where: { project: site.project, file: site.file, line: site.line },
          owner: index.ownerOf(target.name),
        }),
      ];
    });
  },
};
