import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';

export const hiddenEdgeConfigRule: Rule = {
  id: 'hidden-edge-config',
  why: "Configuration can create a dependency the graph does not show (a tsconfig `paths` alias into another package's folder bypasses its exports map and package.json) or hide one it should (`implicitDependencies: [\"!x\"]` removes an edge Nx found), so the rules stop seeing it.",
  fix: 'Delete the alias or the negated entry: depend on a package by its name, declared in package.json, and import its public entry; if an edge is wrong, remove the import that makes it.',
};

/** tsconfig `paths` aliases into a package (from the root, or from another package), and negated `implicitDependencies`. */
export const hiddenEdgeConfigCheck: BoundaryCheck = {
  name: 'hidden-edges',
  rules: [hiddenEdgeConfigRule],
  run(index) {
    const aliases = index.workspace.pathAliases.flatMap((alias) => {
      const into = [...new Set(alias.targets.map((target) => index.projectOfPath(target)?.name).filter((name): name is string => name !== undefined && name !== alias.project))];
      if (into.length === 0) return [];
      const project = alias.project ?? index.projectOfPath(alias.file)?.name ?? (into[0] as string);
      return [
        finding(hiddenEdgeConfigRule, {
          message: `tsconfig paths alias "${alias.pattern}" → ${alias.targets.map((t) => `"${t}"`).join(', ')} points into ${into.join(', ')}${alias.project === undefined ? ', for every project' : ''}.`,
          where: { project, file: alias.file, line: alias.line },
          owner: index.ownerOf(into[0] as string),
        }),
      ];
    });
    const negations = [...index.workspace.projects.values()].flatMap((project) =>
      (project.packageJson?.nx?.implicitDependencies ?? [])
        .filter((entry) => entry.startsWith('!'))
        .map((entry) => {
          const line = index.packageJsonLine(project, 'implicitDependencies');
          return finding(hiddenEdgeConfigRule, {
            message: `${project.name} declares implicitDependencies "${entry}", which removes its edge to ${entry.slice(1)} from the project graph.`,
            where: line === undefined ? { project: project.name } : { project: project.name, file: index.packageJsonPath(project), line },
            owner: index.ownerOf(project.name),
          });
        }),
    );
    return [...aliases, ...negations];
  },
};
