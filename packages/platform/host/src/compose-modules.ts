import type { Database, Db } from '@shop/platform-db';
import type { EventSubscriptions } from '@shop/platform-events';
import type { Router } from '@shop/platform-http';
import { moduleLogger, type Logger } from '@shop/platform-logging';
import { exposeApi, type ApiDeclaration, type ApiOf, type ModuleDescriptor, type ModuleInstance, type Worker } from '@shop/platform-module';
import { checkComposition, CompositionError } from './check-composition.js';
import { declaredSubscriber, unhandledConsumes } from './declared-subscriber.js';
import { moduleConfigOf } from './host-config.js';
import { orderByNeeds } from './order-by-needs.js';

export interface ComposeModulesOptions {
  modules: readonly ModuleDescriptor[];
  database: Database;
  logger: Logger;
  /** Where modules subscribe (the host's dispatcher). */
  events: EventSubscriptions;
  /**
   * The hand-written wiring: API implementations of modules that run elsewhere (their HTTP
   * clients, or test fakes), by providing module name. Every other need is served in process.
   */
  remoteApis?: Readonly<Record<string, unknown>>;
  /** Modules in other processes whose events reach this host (through the broker). */
  remotePublishers?: readonly string[];
  /** Adapters a host hands a module instead of its defaults, by module name. */
  ports?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The parsed environment (see `hostConfigSchema`); each module reads its declared variables. */
  environment?: Readonly<Record<string, unknown>>;
  /** The drizzle handle each module gets; default `database.forModule(name)`, its own role (benchmarks compare others). */
  dbFor?: (module: string) => Db;
}

export interface ComposedModule {
  descriptor: ModuleDescriptor;
  instance: ModuleInstance;
}

export interface ComposedModules {
  /** In creation order (a module after the modules whose APIs it needs). */
  modules: readonly ComposedModule[];
  /** Every composed module's routes, to mount on the host's app. */
  routes: readonly Router[];
  /** Every module's background workers, named `<module>/<worker>`. */
  workers: readonly { name: string; worker: Worker }[];
  /** The API a module provides (in process), as other modules receive it. */
  api(module: string): unknown;
  /** The same, typed by the module's descriptor. */
  apiOf<D extends ApiDeclaration>(module: ModuleDescriptor<D>): ApiOf<D>;
}

/**
 * Builds every module from its descriptor: each gets its own database role, logger, subscriber,
 * configuration and the APIs it needs (in process, or the host's remote clients). Refuses, with
 * every problem listed, a composition that cannot work (see `checkComposition`) or a module that
 * subscribes to something else than it declares.
 */
export function composeModules(options: ComposeModulesOptions): ComposedModules {
  const { modules, database, logger } = options;
  const remoteApis = options.remoteApis ?? {};
  const problems = checkComposition({ modules, remoteApis: Object.keys(remoteApis), ...(options.remotePublishers ? { remotePublishers: options.remotePublishers } : {}) });
  if (problems.length > 0) throw new CompositionError(problems);

  const apis = new Map<string, unknown>(Object.entries(remoteApis));
  const composed: ComposedModule[] = [];
  for (const descriptor of orderByNeeds(modules)) {
    const events = declaredSubscriber(descriptor, options.events.subscriber(descriptor.name));
    const context = {
      name: descriptor.name,
      db: options.dbFor ? options.dbFor(descriptor.name) : database.forModule(descriptor.name),
      logger: moduleLogger(logger, descriptor.name),
      events,
      apis: Object.fromEntries(Object.entries(descriptor.needs).map(([local, declaration]) => [local, apis.get(declaration.module)])),
      config: moduleConfigOf(descriptor, options.environment ?? {}),
      ports: options.ports?.[descriptor.name] ?? {},
    };
    const instance = (descriptor.create as (context: unknown) => ModuleInstance)(context);
    const unhandled = unhandledConsumes(descriptor, events.subscribed());
    if (unhandled.length > 0) throw new CompositionError(unhandled);
    if (descriptor.provides) {
      apis.set(descriptor.name, exposeApi(descriptor.provides, instance.api as never));
    }
    composed.push({ descriptor, instance });
  }
  return {
    modules: composed,
    routes: composed.flatMap(({ instance }) => (instance.routes ? [instance.routes] : [])),
    workers: composed.flatMap(({ descriptor, instance }) => (instance.workers ?? []).map((worker) => ({ name: `${descriptor.name}/${worker.name}`, worker }))),
    api: (module) => apis.get(module),
    apiOf: <D extends ApiDeclaration>(module: ModuleDescriptor<D>) => {
      const api = apis.get(module.name);
      if (!api) throw new Error(`module "${module.name}" is not composed here or provides no API`);
      return api as ApiOf<D>;
    },
  };
}
