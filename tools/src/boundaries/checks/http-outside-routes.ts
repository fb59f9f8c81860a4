import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { tagValue } from '../workspace.js';

/** The package that makes HTTP routes; inside a module, only the route files and the descriptor import it. */
export const HTTP_PACKAGE = '@shop/platform-http';

export const httpOutsideRoutesRule: Rule = {
  id: 'http-outside-routes',
  why: "A module's services and repositories speak its API (plain data, typed results); only its routes know HTTP. Kept apart, the same service serves an in-process caller, a route and a service client, and no status code or cursor leaks into the domain.",
  fix: 'Move the HTTP concern (cursor encoding, problem responses, query schemas, routers) into src/internal/<name>-routes.ts, and have the service take and return plain data; declare failures with defineErrors and map them to problems in the routes.',
};

/** `src/internal/<name>-routes.ts` or `src/module.ts` of the importing module. */
function mayImportHttp(file: string, root: string): boolean {
  const relative = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  return relative === 'src/module.ts' || /^src\/internal\/[^/]+-routes\.ts$/.test(relative);
}

/** @shop/platform-http imported, in any spelling, by a module file other than its routes and its descriptor. */
export const httpOutsideRoutesCheck: BoundaryCheck = {
  name: 'http-outside-routes',
  rules: [httpOutsideRoutesRule],
  run(index) {
    return index.resolvedImports.flatMap((resolved) => {
      if (resolved.target.packageJson?.name !== HTTP_PACKAGE) return [];
      const importer = index.project(resolved.site.project);
      if (tagValue(importer, 'type:') !== 'module' || mayImportHttp(resolved.site.file, importer.root)) return [];
      const { site } = resolved;
      return [
        finding(httpOutsideRoutesRule, {
          message: `${site.file} (module ${importer.name}) imports '${site.specifier}': only src/internal/*-routes.ts and src/module.ts of a module may.`,
          where: { project: site.project, file: site.file, line: site.line },
          owner: index.ownerOf(importer.name),
        }),
      ];
    });
  },
};
