import type { ModuleDescriptor } from '@shop/platform-module';

/** What a host composes: modules in process, plus what it reaches in other processes. */
export interface Composition {
  modules: readonly ModuleDescriptor[];
  /** Modules whose API the host reaches over HTTP (their `./client`), by module name. */
  remoteApis?: readonly string[];
  /** Modules in other processes whose events reach this host through the broker, by module name. */
  remotePublishers?: readonly string[];
}

/**
 * Every reason the composition cannot work, one line each naming the module and what is missing:
 * a needed API nobody provides, a consumed event nobody publishes, a module composed twice. A host
 * refuses to start while this is not empty.
 */
export function checkComposition({ modules, remoteApis = [], remotePublishers = [] }: Composition): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) problems.push(`module "${module.name}" is composed twice`);
    names.add(module.name);
  }
  const providers = new Map(modules.flatMap((m) => (m.provides ? [[m.provides.module, m.provides.name] as const] : [])));
  for (const remote of remoteApis) {
    if (names.has(remote)) problems.push(`module "${remote}" is composed in process and also configured as a remote API; choose one`);
  }
  const publishedHere = new Set(modules.flatMap((m) => m.publishes.map((event) => event.name)));
  for (const module of modules) {
    for (const [local, api] of Object.entries(module.needs)) {
      if (!providers.has(api.module) && !remoteApis.includes(api.module)) {
        problems.push(
          `module "${module.name}" needs ${api.name} (as "${local}") from module "${api.module}", which is neither composed in process nor configured as a remote API`,
        );
      }
    }
    if (module.consumes === 'all') continue;
    for (const event of module.consumes) {
      if (!publishedHere.has(event.name) && !remotePublishers.includes(event.module)) {
        problems.push(
          `module "${module.name}" consumes ${event.name}, but no composed module publishes it and no remote publisher "${event.module}" is configured`,
        );
      }
    }
  }
  return problems;
}

/** Thrown by a host whose composition cannot work; the message lists every problem. */
export class CompositionError extends Error {
  override readonly name = 'CompositionError';
  constructor(readonly problems: readonly string[]) {
    super(`The host cannot compose its modules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
