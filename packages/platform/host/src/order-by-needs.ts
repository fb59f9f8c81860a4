import type { ModuleDescriptor } from '@shop/platform-module';

/**
 * The modules in an order where each comes after the in-process modules whose APIs it needs,
 * so a module's factory always receives built APIs. Needs served remotely impose no order.
 */
export function orderByNeeds(modules: readonly ModuleDescriptor[]): ModuleDescriptor[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const ordered: ModuleDescriptor[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (module: ModuleDescriptor, path: string[]) => {
    if (state.get(module.name) === 'done') return;
    if (state.get(module.name) === 'visiting') throw new Error(`modules need each other's APIs in a cycle: ${[...path, module.name].join(' → ')}`);
    state.set(module.name, 'visiting');
    for (const api of Object.values(module.needs)) {
      const provider = byName.get(api.module);
      if (provider) visit(provider, [...path, module.name]);
    }
    state.set(module.name, 'done');
    ordered.push(module);
  };
  for (const module of modules) visit(module, []);
  return ordered;
}
