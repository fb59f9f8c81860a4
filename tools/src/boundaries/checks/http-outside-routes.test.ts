import { describe, expect, it } from 'vitest';
import { findingsOf, projectsWith } from '../check-fixture.js';
import { httpOutsideRoutesCheck } from './http-outside-routes.js';

const withHttp = () => [
  ...projectsWith((p) => {
    p.orders.packageJson.dependencies = { ...p.orders.packageJson.dependencies, '@shop/platform-http': 'workspace:*' };
  }),
  { name: '@shop/platform-http', root: 'packages/platform/http', tags: ['scope:platform-http', 'type:platform', 'team:platform'], packageJson: { name: '@shop/platform-http', exports: { '.': './src/index.ts' } } },
];

describe('http-outside-routes', () => {
  it('lets a module\'s routes and its descriptor import @shop/platform-http', async () => {
    const files = {
      'packages/orders/src/internal/order-routes.ts': "import { createRouter } from '@shop/platform-http';\n",
      'packages/orders/src/module.ts': "import type { Router } from '@shop/platform-http';\n",
    };
    expect(await findingsOf(httpOutsideRoutesCheck, { projects: withHttp(), files })).toEqual([]);
  });

  it('reports a service, a repository or the public API importing it, in any spelling, owned by the module', async () => {
    const files = {
      'packages/orders/src/internal/order-service.ts': "\nimport { encodeCursor as enc } from '@shop/platform-http';\n",
      'packages/orders/src/internal/order-repository.ts': "const http = require('@shop/platform-http');\n",
      'packages/orders/src/schemas.ts': "export type { Router } from '@shop/platform-http';\n",
      'packages/orders/src/internal/routes/helper-routes.ts': "await import('@shop/platform-http');\n",
    };
    const findings = await findingsOf(httpOutsideRoutesCheck, { projects: withHttp(), files });
    expect(findings.map((f) => `${f.where.file}:${f.where.line}`).sort()).toEqual([
      'packages/orders/src/internal/order-repository.ts:1',
      'packages/orders/src/internal/order-service.ts:2',
      'packages/orders/src/internal/routes/helper-routes.ts:1',
      'packages/orders/src/schemas.ts:1',
    ]);
    expect(findings[0]).toMatchObject({ rule: 'http-outside-routes', owner: { project: '@shop/orders', team: 'sales' } });
  });

  it('leaves platform packages and apps alone', async () => {
    const files = { 'apps/monolith/src/compose.ts': "import { createHttpApp } from '@shop/platform-http';\n" };
    const projects = withHttp().map((p) => (p.name === '@shop/monolith' ? { ...p, packageJson: { ...p.packageJson, dependencies: { ...p.packageJson?.dependencies, '@shop/platform-http': 'workspace:*' } } } : p));
    expect(await findingsOf(httpOutsideRoutesCheck, { projects, files })).toEqual([]);
  });
});
