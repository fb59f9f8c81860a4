import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database, ModuleMigrations } from '@shop/platform-db';
import type { Dispatcher } from '@shop/platform-events';
import { composeHost, moduleMigrationsOf, publishersOf, type ComposeHostOptions, type Host } from '@shop/platform-host';
import type { Logger } from '@shop/platform-logging';
import { mountApiDocs } from './api-docs.js';
import { modules } from './modules.js';

/** Every module's migrations, in any order: the runner sorts them by their declared order. */
export const moduleMigrations: readonly ModuleMigrations[] = modules.map(moduleMigrationsOf);

/** The modules with an outbox: the monolith's dispatcher delivers their events. */
export const eventPublishers: readonly string[] = publishersOf(modules);

export const OPENAPI_PATH = '/openapi.json';

export interface Monolith {
  app: OpenAPIHono;
  /** Not started: the host starts it after migrations and stops it before closing the database. */
  dispatcher: Dispatcher;
  /** Started after the dispatcher, stopped before it. */
  workers: Host['workers'];
}

export interface ComposeOptions {
  database: Database;
  logger: Logger;
  /** The parsed environment (see `monolithConfigSchema`); modules read what they declare from it. */
  environment?: Readonly<Record<string, unknown>>;
  bodyLimitBytes?: number;
  /** Dispatcher poll period (its fallback when no NOTIFY arrives). */
  eventsPollIntervalMs?: number;
  /** The HTTP bounds: request deadline, in-flight requests, readiness check timeout. */
  http?: ComposeHostOptions['http'];
  /** Adapters handed to modules instead of their defaults, by module (tests only: production passes none). */
  ports?: ComposeHostOptions['ports'];
}

/**
 * The composition root: every module of `modules.ts`, in process, plus the wiring of one
 * module's API into another. Every API a module needs is served by the module that provides it;
 * a module moved to its own service is wired here with its `./client` instead (`remoteApis`).
 */
export function composeMonolith(options: ComposeOptions): Monolith {
  const host = composeHost({
    modules,
    database: options.database,
    logger: options.logger,
    ...(options.environment ? { environment: options.environment } : {}),
    ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
    ...(options.eventsPollIntervalMs === undefined ? {} : { eventsPollIntervalMs: options.eventsPollIntervalMs }),
    ...(options.http ? { http: options.http } : {}),
    ...(options.ports ? { ports: options.ports } : {}),
  });
  host.app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: { title: 'Shop monolith', version: '0.0.0', description: 'Every module of the shop, served by one process.' },
  });
  mountApiDocs(host.app, { specUrl: OPENAPI_PATH });
  return { app: host.app, dispatcher: host.dispatcher, workers: host.workers };
}
