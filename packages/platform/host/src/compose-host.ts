import type { OpenAPIHono } from '@hono/zod-openapi';
import { moduleRoles, type Database } from '@shop/platform-db';
import { Dispatcher } from '@shop/platform-events';
import { createHttpApp, type HttpAppOptions, type ReadinessCheck } from '@shop/platform-http';
import type { Logger } from '@shop/platform-logging';
import type { ModuleDescriptor, Worker } from '@shop/platform-module';
import { composeModules, type ComposedModules } from './compose-modules.js';

export interface ComposeHostOptions {
  /** The modules this host runs in process, in any order. */
  modules: readonly ModuleDescriptor[];
  database: Database;
  logger: Logger;
  /** API implementations of modules that run elsewhere, by module name (see `composeModules`). */
  remoteApis?: Readonly<Record<string, unknown>>;
  /** Modules in other processes whose events reach this host. */
  remotePublishers?: readonly string[];
  ports?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The parsed environment; each module reads the variables it declares. */
  environment?: Readonly<Record<string, unknown>>;
  bodyLimitBytes?: number;
  /** Dispatcher poll period (its fallback when no NOTIFY arrives). */
  eventsPollIntervalMs?: number;
  /** Readiness checks besides the database and the event backlog. */
  readiness?: readonly ReadinessCheck[];
  /** The HTTP bounds: request deadline, in-flight requests, readiness check timeout. */
  http?: Pick<HttpAppOptions, 'requestTimeoutMs' | 'maxInFlightRequests' | 'readinessTimeoutMs'>;
}

export interface Host {
  app: OpenAPIHono;
  /** Not started: start it after migrations and stop it before closing the database. */
  dispatcher: Dispatcher;
  /** Every module's background workers, named `<module>/<worker>`; start after the dispatcher. */
  workers: readonly { name: string; worker: Worker }[];
  modules: ComposedModules;
  /** The modules whose outboxes this host's dispatcher delivers, in delivery-pass order. */
  publishers: readonly string[];
}

/** The modules among `modules` that publish events, in list order: the host's dispatcher delivers each. */
export function publishersOf(modules: readonly ModuleDescriptor[]): string[] {
  return modules.filter((module) => module.publishes.length > 0).map((module) => module.name);
}

/**
 * A host from a list of descriptors: the dispatcher delivers every composed publisher's outbox to
 * every composed subscriber (each handler as its module's role), the HTTP app mounts every
 * module's routes with `/health` and `/ready` (database and event backlog), and the workers are
 * handed back for the host to start. What differs between hosts is only the list and the wiring.
 */
export function composeHost(options: ComposeHostOptions): Host {
  const { database, logger, modules } = options;
  const publishers = publishersOf(modules);
  const dispatcher = new Dispatcher({
    database,
    logger: logger.child({ component: 'dispatcher' }),
    publishers,
    // A subscriber's handler runs as its module's role, like the rest of the module's statements.
    handlerRole: (subscriber) => moduleRoles(subscriber, database.rolePrefix).runtime,
    ...(options.eventsPollIntervalMs === undefined ? {} : { pollIntervalMs: options.eventsPollIntervalMs }),
  });
  const app = createHttpApp({
    logger,
    ...options.http,
    // `/ready` shows each database pool's bounds (size, wait queue) next to the HTTP ones.
    limits: () => ({ databasePools: database.limits() }),
    ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
    readiness: [
      { name: 'database', check: () => database.ping() },
      // Informational: a backlog does not make the process unready, a failing query does.
      { name: 'events', check: async () => ({ ...(await dispatcher.backlog()) }) },
      ...(options.readiness ?? []),
    ],
  });
  const composed = composeModules({
    modules,
    database,
    logger,
    events: dispatcher,
    ...(options.remoteApis ? { remoteApis: options.remoteApis } : {}),
    ...(options.remotePublishers ? { remotePublishers: options.remotePublishers } : {}),
    ...(options.ports ? { ports: options.ports } : {}),
    ...(options.environment ? { environment: options.environment } : {}),
  });
  for (const routes of composed.routes) app.route('/', routes);
  return { app, dispatcher, workers: composed.workers, modules: composed, publishers };
}
