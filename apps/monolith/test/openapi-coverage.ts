import type { OpenAPIHono } from '@hono/zod-openapi';

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
}

/** Routes that serve the documentation itself; everything else must be described. */
export const DOCUMENTATION_ROUTES = new Set(['GET /openapi.json', 'GET /docs', 'GET /docs/assets/init.js', 'GET /docs/assets/:file']);

/** `/orders/:id/pay` → `/orders/{id}/pay`. */
const toOpenApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Every `METHOD path` the app routes, from Hono's own route table (middleware excluded). */
export function mountedRoutes(app: OpenAPIHono): string[] {
  const routes = app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`);
  return [...new Set(routes)].sort();
}

/**
 * What is wrong with the document for the app's mounted routes: routes missing from it, routes with
 * no success response, and error responses that are not problem+json.
 */
export function openApiGaps(app: OpenAPIHono, document: OpenApiDocument): string[] {
  const gaps: string[] = [];
  for (const route of mountedRoutes(app)) {
    if (DOCUMENTATION_ROUTES.has(route)) continue;
    const [method = '', path = ''] = route.split(' ');
    const operation = document.paths[toOpenApiPath(path)]?.[method.toLowerCase()];
    if (!operation) {
      gaps.push(`${route}: not in the document`);
      continue;
    }
    const responses = Object.entries(operation.responses ?? {});
    if (!responses.some(([status]) => status.startsWith('2'))) gaps.push(`${route}: no success response`);
    for (const [status, response] of responses) {
      if (Number(status) >= 400 && !response.content?.['application/problem+json']) gaps.push(`${route}: ${status} is not problem+json`);
    }
  }
  return gaps;
}
