import type { z } from 'zod';

/** Where an operation is served once its module runs as a service (`/v1/...`). */
export interface OperationRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI-style path; `{name}` segments are filled from the input's fields of that name. */
  path: string;
}

/** One operation of a module's API: what goes in, what comes out, whether a retry is safe. */
export interface OperationDeclaration<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Validates the operation's one argument (plain data). */
  input: I;
  /** Validates its answer (plain data: typed results for expected failures, never a throw). */
  output: O;
  /** True when calling twice with the same input has the effect of calling once: a client may retry it. */
  idempotent: boolean;
  summary: string;
  /** The service route, once the module can run as a service (exit ramp); absent while it has none. */
  http?: OperationRoute;
}

export type Operations = Record<string, OperationDeclaration>;

/**
 * A module's API as data available at run time: hosts check that every API a module needs is
 * provided, the architecture doc lists the operations, and an HTTP client can be derived from it.
 * The TypeScript interface is derived from the same declaration (`ApiOf`), so the two cannot drift.
 */
export interface ApiDeclaration<O extends Operations = Operations> {
  readonly kind: 'api';
  /** The module that provides it. */
  readonly module: string;
  /** e.g. `BillingApi`. */
  readonly name: string;
  readonly operations: O;
}

/** The interface a declaration describes: one async method per operation, one argument each. */
export type ApiOf<D extends ApiDeclaration> = {
  [K in keyof D['operations']]: (input: z.input<D['operations'][K]['input']>) => Promise<z.output<D['operations'][K]['output']>>;
};

export function defineApi<const O extends Operations>(declaration: { module: string; name: string; operations: O }): ApiDeclaration<O> {
  for (const [operation, { http }] of Object.entries(declaration.operations)) {
    if (http && !http.path.startsWith('/')) throw new Error(`${declaration.name}.${operation}: http.path must start with "/"`);
  }
  return { kind: 'api', ...declaration };
}

/**
 * The object a caller receives for `declaration`: exactly the declared operations of
 * `implementation`, bound, so nothing beyond the declared surface is reachable through it.
 */
export function exposeApi<D extends ApiDeclaration>(declaration: D, implementation: ApiOf<D>): ApiOf<D> {
  const exposed: Record<string, unknown> = {};
  for (const operation of Object.keys(declaration.operations)) {
    const method = (implementation as Record<string, unknown>)[operation];
    if (typeof method !== 'function') throw new Error(`${declaration.name} implementation lacks operation "${operation}"`);
    exposed[operation] = method.bind(implementation);
  }
  return Object.freeze(exposed) as ApiOf<D>;
}
