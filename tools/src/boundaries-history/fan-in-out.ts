/**
 * Each project's fan-in (how many other workspace projects depend on it) and fan-out (how many
 * it depends on), counting distinct projects over Nx's graph edges of any type.
 */
export function fanInOut(projects: readonly string[], edges: readonly { source: string; target: string }[]): { fanIn: Record<string, number>; fanOut: Record<string, number> } {
  const dependents = new Map(projects.map((p) => [p, new Set<string>()]));
  const dependencies = new Map(projects.map((p) => [p, new Set<string>()]));
  for (const { source, target } of edges) {
    if (source === target) continue;
    dependencies.get(source)?.add(target);
    dependents.get(target)?.add(source);
  }
  const count = (sets: Map<string, Set<string>>) => Object.fromEntries([...sets].sort(([a], [b]) => a.localeCompare(b)).map(([p, s]) => [p, s.size]));
  return { fanIn: count(dependents), fanOut: count(dependencies) };
}
