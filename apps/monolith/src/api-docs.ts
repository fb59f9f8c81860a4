import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import getSwaggerUiDir from 'swagger-ui-dist/absolute-path.js';

/** The only files served from swagger-ui-dist, with their media types: nothing else is reachable. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

export const DOCS_PATH = '/docs';
export const DOCS_ASSETS_PATH = `${DOCS_PATH}/assets`;

function docsPage(specUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Shop API</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css">
  <link rel="stylesheet" href="${DOCS_ASSETS_PATH}/index.css">
  <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui" data-spec-url="${specUrl}"></div>
  <script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_ASSETS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="${DOCS_ASSETS_PATH}/init.js"></script>
</body>
</html>
`;
}

// A file rather than an inline script, so a strict Content-Security-Policy (script-src 'self') can apply.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.specUrl,
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

/**
 * Interactive API docs at `/docs`: Swagger UI, served from the installed `swagger-ui-dist` package
 * (not a CDN), so the page works offline. Assets are read once and kept in memory.
 */
export function mountApiDocs(app: OpenAPIHono, options: { specUrl: string }): void {
  const assetsDir = getSwaggerUiDir();
  const cache = new Map<string, Promise<Buffer>>();
  const page = docsPage(options.specUrl);

  app.get(DOCS_PATH, (c) => c.html(page));
  app.get(`${DOCS_ASSETS_PATH}/init.js`, (c) => c.body(INIT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get(`${DOCS_ASSETS_PATH}/:file`, async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    let content = cache.get(file);
    if (!content) {
      content = readFile(path.join(assetsDir, file));
      cache.set(file, content);
    }
    return c.body(new Uint8Array(await content), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
