import type { OpenAPIHono } from '@hono/zod-openapi';
import { moduleRoles, openDatabase, runMigrations, setupDatabase, type Database, type Db, type ModuleMigrations } from '@shop/platform-db';
import { Dispatcher, type BackoffOptions } from '@shop/platform-events';
import { checkComposition, composeModules, CompositionError, moduleMigrationsOf } from '@shop/platform-host';
import { createHttpApp } from '@shop/platform-http';
import { createLogger, type Logger } from '@shop/platform-logging';
import type { ApiOf, ModuleDescriptor, Worker } from '@shop/platform-module';
import { provisionTestDatabase, type TestDatabaseTarget } from '@shop/platform-testing';

export interface ModuleTestbedOptions<D extends ModuleDescriptor> {
  module: D;
  /** Stand-ins for the APIs the module needs, by providing module name (built from their public API). */
  fakes?: Readonly<Record<string, unknown>>;
  /** Adapters to hand the module instead of its defaults (a mailer that records, a provider that declines). */
  ports?: Readonly<Record<string, unknown>>;
  /** The module's configuration, as the parsed environment would give it. */
  environment?: Readonly<Record<string, unknown>>;
  /**
   * Publishers whose events the module consumes, as stand-ins: migrations creating just their
   * outbox (test fixtures), so the test can publish what they would and the dispatcher delivers it.
   */
  publisherStandIns?: readonly ModuleMigrations[];
  /** Dispatcher retry pacing; tests that exercise retries use 0 and run passes themselves. */
  backoff?: Partial<BackoffOptions>;
  /** Run on this existing database (a restored export, say) instead of a fresh one. */
  databaseUrl?: string;
  logger?: Logger;
}

export interface ModuleTestbed<D extends ModuleDescriptor> {
  database: Database;
  /** Drizzle as the module's own role, as the module itself runs. */
  db: Db;
  /** The module's API as other modules receive it. */
  api: D['provides'] extends infer P extends NonNullable<ModuleDescriptor['provides']> ? ApiOf<P> : undefined;
  /** An HTTP app with only this module's routes mounted. */
  app: OpenAPIHono;
  /** Delivers every due event of the module (as publisher) and of the stand-ins, until none is due. */
  dispatcher: Dispatcher;
  /** The module's background workers, not started: a test starts, stops or calls them itself. */
  workers: readonly Worker[];
  /** `app.request` with a JSON body. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A module on a database of its own, composed exactly as a host composes it (own role, own
 * logger, declared subscriptions, needed APIs) but with fakes for the other modules and only its
 * own schema migrated: the proof that it works with every other module absent.
 */
export async function moduleTestbed<D extends ModuleDescriptor>(options: ModuleTestbedOptions<D>): Promise<ModuleTestbed<D>> {
  const { module } = options;
  const standIns = options.publisherStandIns ?? [];
  // Before any database work: a missing fake is a mistake in the test, said at once.
  const problems = checkComposition({ modules: [module], remoteApis: Object.keys(options.fakes ?? {}), remotePublishers: standIns.map((s) => s.name) });
  if (problems.length > 0) throw new CompositionError(problems);
  const target: TestDatabaseTarget = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await provisionTestDatabase(module.name);
  const database = await openDatabase({ url: target.url });
  try {
    const migrations = [moduleMigrationsOf(module), ...standIns];
    await setupDatabase(database, migrations);
    await runMigrations(database, migrations);
    const logger = options.logger ?? createLogger({ level: 'silent' });
    const dispatcher = new Dispatcher({
      database,
      logger,
      publishers: [...(module.publishes.length > 0 ? [module.name] : []), ...standIns.map((s) => s.name)],
      // As in a host: a subscriber's handler runs as its module's role.
      handlerRole: (subscriber) => moduleRoles(subscriber, database.rolePrefix).runtime,
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
    const composed = composeModules({
      modules: [module],
      database,
      logger,
      events: dispatcher,
      remoteApis: options.fakes ?? {},
      remotePublishers: standIns.map((s) => s.name),
      ports: { [module.name]: options.ports ?? {} },
      environment: options.environment ?? {},
    });
    const app = createHttpApp({ logger });
    for (const routes of composed.routes) app.route('/', routes);
    return {
      database,
      db: database.forModule(module.name),
      api: composed.api(module.name) as ModuleTestbed<D>['api'],
      app,
      dispatcher,
      workers: composed.workers.map(({ worker }) => worker),
      send: (method, path, body, headers = {}) =>
        Promise.resolve(
          app.request(path, {
            method,
            headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        ),
      async close() {
        await database.close();
        await target.drop();
      },
    };
  } catch (error) {
    await database.close();
    await target.drop();
    throw error;
  }
}
