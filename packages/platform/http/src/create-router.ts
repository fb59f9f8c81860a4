import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './validation-hook.js';

export type Router = OpenAPIHono;

/**
 * A module's HTTP router. Routes are declared with `createRoute` and zod schemas, so the host's
 * OpenAPI document lists them; invalid input becomes 400 problem+json.
 */
export function createRouter(): Router {
  return new OpenAPIHono({ defaultHook: validationHook });
}
