import type { BoundaryCheck } from '../check.js';
import { finding, formatLocation, type Rule } from '../finding.js';
import { edgeLocations, projectEdges, type ProjectEdge } from '../project-edges.js';

export const cycleRule: Rule = {
  id: 'cycle',
  why: 'Packages that depend on each other in a circle are really one package: none of them can be built, tested, changed or extracted into a service without the others.',
  fix: 'Break the circle at one edge: move what both need into a lower package, or invert the edge by injecting an API or publishing an integration event.',
};

/** Dependency cycles between projects, over every edge (imports, package.json, implicit); one finding per cycle. */
export const cycleCheck: BoundaryCheck = {
  name: 'cycles',
  rules: [cycleRule],
  run(index) {
    const edges = projectEdges(index);
    const outgoing = new Map<string, ProjectEdge[]>();
    for (const edge of edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
    return stronglyConnected([...index.workspace.projects.keys()], (node) => (outgoing.get(node) ?? []).map((edge) => edge.target))
      .filter((component) => component.length > 1)
      .map((component) => {
        const cycle = cycleThrough(component, outgoing);
        const first = cycle[0] as ProjectEdge;
        const path = [...cycle.map((edge) => edge.source), first.source].join(' → ');
        const via = cycle.map((edge) => `${edge.source} → ${edge.target} at ${formatLocation(edgeLocations(index, edge)[0])}`).join('; ');
        return finding(cycleRule, {
          message: `dependency cycle ${path} (${via}).`,
          where: edgeLocations(index, first)[0],
          owner: index.ownerOf(first.target),
        });
      });
  },
};

/** Tarjan's algorithm: the strongly connected components of a directed graph, each a list of nodes. */
export function stronglyConnected(nodes: readonly string[], successors: (node: string) => readonly string[]): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    indexOf.set(node, next);
    lowLink.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const successor of successors(node)) {
      if (!indexOf.has(successor)) {
        visit(successor);
        lowLink.set(node, Math.min(lowLink.get(node) as number, lowLink.get(successor) as number));
      } else if (onStack.has(successor)) {
        lowLink.set(node, Math.min(lowLink.get(node) as number, indexOf.get(successor) as number));
      }
    }
    if (lowLink.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of [...nodes].sort()) if (!indexOf.has(node)) visit(node);
  return components;
}

/** A shortest cycle through the component's first node, as the edges that make it. */
function cycleThrough(component: readonly string[], outgoing: ReadonlyMap<string, ProjectEdge[]>): ProjectEdge[] {
  const members = new Set(component);
  const start = component[0] as string;
  const cameBy = new Map<string, ProjectEdge>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const edge of outgoing.get(node) ?? []) {
      if (!members.has(edge.target)) continue;
      if (edge.target === start) {
        const path = [edge];
        for (let at = node; at !== start; at = (cameBy.get(at) as ProjectEdge).source) path.unshift(cameBy.get(at) as ProjectEdge);
        return path;
      }
      if (!cameBy.has(edge.target)) {
        cameBy.set(edge.target, edge);
        queue.push(edge.target);
      }
    }
  }
  throw new Error(`no cycle through ${start}`);
}
