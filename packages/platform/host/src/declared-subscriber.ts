import type { Subscriber } from '@shop/platform-events';
import type { ModuleDescriptor } from '@shop/platform-module';

/**
 * The subscriber a module's `create` receives: it may subscribe only to what its descriptor's
 * `consumes` declares, so the descriptor (and the docs drawn from it) cannot omit a subscription.
 * `subscribed()` lists what was subscribed, so the host can also refuse a declared event left
 * without a handler.
 */
export function declaredSubscriber(module: ModuleDescriptor, subscriber: Subscriber): Subscriber & { subscribed(): ReadonlySet<string> } {
  const subscribed = new Set<string>();
  return {
    subscribe(definition, handler) {
      if (module.consumes !== 'all' && !module.consumes.some((event) => event.name === definition.name)) {
        throw new Error(`module "${module.name}" subscribes to ${definition.name}, which its descriptor does not list in "consumes"`);
      }
      subscriber.subscribe(definition, handler);
      subscribed.add(definition.name);
    },
    subscribeAll(handler) {
      if (module.consumes !== 'all') throw new Error(`module "${module.name}" subscribes to every event, but its descriptor does not say consumes: 'all'`);
      subscriber.subscribeAll(handler);
      subscribed.add('*');
    },
    subscribed: () => subscribed,
  };
}

/** Declared events the module's `create` did not subscribe to, one line each. */
export function unhandledConsumes(module: ModuleDescriptor, subscribed: ReadonlySet<string>): string[] {
  if (module.consumes === 'all') return subscribed.has('*') ? [] : [`module "${module.name}" declares consumes: 'all' but did not subscribe to every event`];
  return module.consumes
    .filter((event) => !subscribed.has(event.name))
    .map((event) => `module "${module.name}" declares it consumes ${event.name} but subscribed no handler`);
}
