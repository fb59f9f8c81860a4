export interface ModuleNode {
  name: string;
  dependsOn?: readonly string[];
}

/**
 * Orders modules so that each comes after the modules it depends on (stable for independent
 * ones). Unknown dependencies and cycles are errors, since either means a mis-declared module.
 */
export function orderModules<T extends ModuleNode>(modules: readonly T[]): T[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (module: T, trail: string[]) => {
    const seen = state.get(module.name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`Module dependency cycle: ${[...trail, module.name].join(' -> ')}`);
    state.set(module.name, 'visiting');
    for (const dependency of module.dependsOn ?? []) {
      const target = byName.get(dependency);
      if (!target) throw new Error(`Module "${module.name}" depends on "${dependency}", which is not composed`);
      visit(target, [...trail, module.name]);
    }
    state.set(module.name, 'done');
    ordered.push(module);
  };
  for (const module of modules) visit(module, []);
  return ordered;
}
