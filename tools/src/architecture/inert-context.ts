import type { ModuleDescriptor } from '@shop/platform-module';

/**
 * A stand-in for anything a module's `create` is handed that the docs do not exercise (database,
 * logger, other modules' APIs): any property is another stand-in, any call returns one, and it is
 * not a thenable. Building a module with it wires its routes and workers without touching anything.
 */
export function inert(): Record<string, unknown> {
  const target = function inertValue() {};
  return new Proxy(target, {
    get: (_target, property) => (property === 'then' ? undefined : property === Symbol.toPrimitive ? () => 'inert' : inert()),
    apply: () => inert(),
    construct: () => inert(),
  }) as unknown as Record<string, unknown>;
}

/** What `create` receives when the docs build a module: inert services, subscriptions recorded and dropped, default config. */
export function inertContext(module: ModuleDescriptor): Record<string, unknown> {
  const parsed = module.config?.safeParse({});
  return {
    name: module.name,
    db: inert(),
    logger: inert(),
    events: { subscribe() {}, subscribeAll() {} },
    apis: Object.fromEntries(Object.keys(module.needs).map((local) => [local, inert()])),
    config: parsed?.success ? parsed.data : inert(),
    ports: {},
  };
}
