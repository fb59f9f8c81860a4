import type { z } from 'zod';
import type { Db } from '@shop/platform-db';
import type { EventDefinition, Subscriber } from '@shop/platform-events';
import type { Router } from '@shop/platform-http';
import type { Logger } from '@shop/platform-logging';
import type { ApiDeclaration, ApiOf } from './define-api.js';
import type { ErrorDeclarations } from './define-errors.js';
import type { Worker } from './worker.js';

/** Why a module would leave the process; the three reasons the exit ramp accepts. */
export type ExtractionReason = 'independent-scaling' | 'fault-isolation' | 'technology-diversity';

/**
 * Where a module stands on the exit ramp. `candidate` and `service` name their reason and the
 * decision record (a path under docs/decisions/) that argues it.
 */
export type Extraction =
  | { status: 'module' }
  | { status: 'candidate' | 'service'; reason: ExtractionReason; decisionRecord: string };

/** The APIs a module needs, by the local name its factory uses for each. */
export type Needs = Record<string, ApiDeclaration>;

/** `'all'`: every event of every publisher, unvalidated (audit's need). */
export type Consumes = readonly EventDefinition[] | 'all';

/** Everything a module's `create` receives from its host. */
export interface ModuleContext<N extends Needs = Needs, C = Record<string, never>, P = Record<string, never>> {
  /** The module's name, as declared. */
  readonly name: string;
  /** Drizzle whose statements run as the module's own database role. */
  readonly db: Db;
  /** A logger whose lines carry `module: <name>`. */
  readonly logger: Logger;
  /** Subscriptions under the module's name; only events in `consumes` may be subscribed to. */
  readonly events: Subscriber;
  /** The APIs in `needs`, in process or over HTTP: the module cannot tell which. */
  readonly apis: { readonly [K in keyof N]: ApiOf<N[K]> };
  /** The module's configuration, parsed by the host with `config`. */
  readonly config: C;
  /** Adapters a host may supply instead of the module's defaults (tests, another provider). */
  readonly ports: Partial<P>;
}

/** What `create` returns: the API implementation (when the module provides one), routes, workers. */
export interface ModuleInstance<A = unknown> {
  api: A;
  routes?: Router;
  workers?: readonly Worker[];
}

type ApiImplementation<D> = D extends ApiDeclaration ? ApiOf<D> : undefined;

export interface ModuleDefinition<D extends ApiDeclaration | undefined, N extends Needs, C extends z.ZodObject | undefined, P> {
  /** The module's one name: its schema, roles, logger, history table and event prefix derive from it. */
  name: string;
  /** The owning team (a key of tools/teams.json); equal to the package's `team:` tag. */
  team: string;
  /** Folder of drizzle-kit migrations for the module's own schema only. */
  migrationsFolder: string;
  /** Modules whose migrations must run first (rare: schemas do not reference each other). */
  migrationsAfter?: readonly string[];
  /** Tables the module's runtime role may only read and insert into. */
  appendOnlyTables?: readonly string[];
  /** Views of the module's schema the read-only reporting role may read. */
  reportingViews?: readonly string[];
  /** The API this module implements for others. */
  provides?: D;
  /** The other modules' APIs this module calls, by local name. */
  needs?: N;
  /** Integration events this module writes to its outbox. */
  publishes?: readonly EventDefinition[];
  /** Integration events this module handles. */
  consumes?: Consumes;
  /** Expected failures, each with its HTTP status. */
  errors?: ErrorDeclarations;
  /** Environment variables the module reads (a zod object keyed by variable name). */
  config?: C;
  /** Where the module stands on the exit ramp (default: an in-process module). */
  extraction?: Extraction;
  create(context: ModuleContext<N, C extends z.ZodObject ? z.output<C> : Record<string, never>, P>): ModuleInstance<ApiImplementation<D>>;
}

/** A module as hosts, checks, docs and generators see it. */
export interface ModuleDescriptor<D extends ApiDeclaration | undefined = ApiDeclaration | undefined, N extends Needs = Needs, C extends z.ZodObject | undefined = z.ZodObject | undefined, P = unknown>
  extends Required<Omit<ModuleDefinition<D, N, C, P>, 'provides' | 'config'>> {
  readonly kind: 'module';
  readonly provides: D;
  readonly config: C;
}

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Declares a module: the single place its facts live. Hosts compose it, `pnpm boundaries` and
 * docs/architecture.md read it, and the generators write it. Fails fast on facts that cannot hold.
 */
export function defineModule<D extends ApiDeclaration | undefined = undefined, const N extends Needs = Record<string, never>, C extends z.ZodObject | undefined = undefined, P = Record<string, never>>(
  definition: ModuleDefinition<D, N, C, P>,
): ModuleDescriptor<D, N, C, P> {
  const { name } = definition;
  if (!NAME.test(name) || name.length > 40) throw new Error(`Module name "${name}" must be a lower-case identifier of at most 40 characters`);
  if (definition.provides && definition.provides.module !== name) {
    throw new Error(`Module "${name}" provides ${definition.provides.name}, which is declared by module "${definition.provides.module}"`);
  }
  for (const event of definition.publishes ?? []) {
    if (event.module !== name) throw new Error(`Module "${name}" publishes ${event.name}, whose type belongs to module "${event.module}"`);
  }
  for (const [local, api] of Object.entries(definition.needs ?? {})) {
    if (api.module === name) throw new Error(`Module "${name}" needs its own API (${local})`);
  }
  const extraction = definition.extraction ?? { status: 'module' };
  if (extraction.status !== 'module' && !extraction.decisionRecord.startsWith('docs/decisions/')) {
    throw new Error(`Module "${name}" is a ${extraction.status}: its decision record must be a file under docs/decisions/`);
  }
  return Object.freeze({
    kind: 'module',
    migrationsAfter: [],
    appendOnlyTables: [],
    reportingViews: [],
    needs: {} as N,
    publishes: [],
    consumes: [],
    errors: {},
    ...definition,
    provides: definition.provides as D,
    config: definition.config as C,
    extraction,
  });
}

/** True for what `defineModule` returned (docs and checks find descriptors among a file's exports). */
export function isModuleDescriptor(value: unknown): value is ModuleDescriptor {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'module' && typeof (value as { create?: unknown }).create === 'function';
}
