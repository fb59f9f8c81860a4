export { checkComposition, CompositionError, type Composition } from './check-composition.js';
export { composeModules, type ComposeModulesOptions, type ComposedModule, type ComposedModules } from './compose-modules.js';
export { declaredSubscriber, unhandledConsumes } from './declared-subscriber.js';
export { hostConfigSchema, moduleConfigOf } from './host-config.js';
export { moduleMigrationsOf } from './module-migrations.js';
export { orderByNeeds } from './order-by-needs.js';
export { composeHost, publishersOf, type ComposeHostOptions, type Host } from './compose-host.js';
export { startWorkers } from './start-workers.js';
