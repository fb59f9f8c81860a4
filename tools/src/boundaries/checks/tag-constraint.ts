import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { edgeLocations, projectEdges } from '../project-edges.js';
import { tagMatches, tagViolation, type DepConstraint } from '../tag-rules.js';

export const tagConstraintRule: Rule = {
  id: 'tag-constraint',
  why: 'Tags say which kinds of package may depend on which, so shared platform code never reaches up into business modules or apps and the codebase stays layered.',
  fix: 'Remove the dependency (move the shared code down into a package both may use, or have the host inject what you need); if the architecture really changed, change the tags or tools/tag-rules.json in a reviewed change.',
};

/**
 * The tag rules on every edge of the project graph (the free equivalent of Nx's paid
 * conformance rule): imports, dynamic imports, package.json dependencies and implicit
 * dependencies alike, not only the imports ESLint happens to lint.
 */
export const tagConstraintCheck: BoundaryCheck = {
  name: 'tags',
  rules: [tagConstraintRule],
  run(index) {
    return projectEdges(index).flatMap((edge) => {
      const source = index.project(edge.source);
      const target = index.project(edge.target);
      const violation = tagViolation(index.workspace.tagRules, source.tags, target.tags);
      if (violation === undefined) return [];
      const how = edge.sites.length > 0 ? 'imports' : edge.declared ? 'declares a dependency on' : 'depends (implicitly) on';
      const tags = (tagged: readonly string[]) => relevantTags(index.workspace.tagRules, tagged).join(', ') || 'no tags';
      const message = `${source.name} (${tags(source.tags)}) ${how} ${target.name} (${tags(target.tags)}): ${violation}.`;
      return edgeLocations(index, edge).map((where) => finding(tagConstraintRule, { message, where, owner: index.ownerOf(target.name) }));
    });
  },
};

/** The tags some rule mentions (`type:module`), leaving out the ones no rule reads (`team:`, Nx's `npm:private`). */
function relevantTags(constraints: readonly DepConstraint[], tags: readonly string[]): string[] {
  const patterns = constraints.flatMap((c) => [c.sourceTag, ...(c.onlyDependOnLibsWithTags ?? []), ...(c.notDependOnLibsWithTags ?? [])]);
  const relevant = tags.filter((tag) => patterns.some((pattern) => tagMatches(pattern, tag)));
  return relevant.length > 0 ? relevant : tags.filter((tag) => !tag.startsWith('npm:'));
}
