import { describe, expect, it } from 'vitest';
import { explainAffected, shortestDependencyPath, type DependencyEdges } from './explain-affected.js';

// e2e → app → orders → customers → platform-db; app → customers; billing → platform-db;
// customers → npm:drizzle-orm
const edges: DependencyEdges = {
  e2e: [{ target: 'app' }],
  app: [{ target: 'orders' }, { target: 'customers' }, { target: 'billing' }],
  orders: [{ target: 'customers' }, { target: 'platform-db' }],
  customers: [{ target: 'platform-db' }, { target: 'npm:drizzle-orm' }],
  billing: [{ target: 'platform-db' }],
  'platform-db': [],
};

describe('shortestDependencyPath', () => {
  it('follows dependencies from the project to the changed node', () => {
    expect(shortestDependencyPath(edges, 'e2e', (n) => n === 'platform-db')).toEqual(['e2e', 'app', 'billing', 'platform-db']);
  });

  it('takes the shortest chain when there are several', () => {
    // app → orders → customers is longer than app → customers.
    expect(shortestDependencyPath(edges, 'app', (n) => n === 'customers')).toEqual(['app', 'customers']);
  });

  it('reaches npm packages the lock file changed', () => {
    expect(shortestDependencyPath(edges, 'orders', (n) => n === 'npm:drizzle-orm')).toEqual(['orders', 'customers', 'npm:drizzle-orm']);
  });

  it('does not walk edges backwards: a dependency never reaches its dependents', () => {
    expect(shortestDependencyPath(edges, 'customers', (n) => n === 'orders')).toBeUndefined();
  });

  it('survives cycles', () => {
    const cyclic: DependencyEdges = { a: [{ target: 'b' }], b: [{ target: 'a' }, { target: 'c' }], c: [] };
    expect(shortestDependencyPath(cyclic, 'a', (n) => n === 'c')).toEqual(['a', 'b', 'c']);
    expect(shortestDependencyPath(cyclic, 'a', (n) => n === 'd')).toBeUndefined();
  });

  it('does not count the starting project as its own target', () => {
    expect(shortestDependencyPath(edges, 'customers', (n) => n === 'customers')).toBeUndefined();
  });
});

describe('explainAffected', () => {
  it('gives changed files for touched projects and the chain for the rest', () => {
    const touched = new Map([
      ['customers', ['packages/customers/src/index.ts']],
      ['npm:drizzle-orm', ['pnpm-lock.yaml']],
    ]);
    expect(explainAffected(edges, ['e2e', 'customers', 'orders', 'app'], touched)).toEqual([
      { project: 'app', kind: 'depends', path: ['app', 'customers'], files: ['packages/customers/src/index.ts'] },
      { project: 'customers', kind: 'changed', files: ['packages/customers/src/index.ts'] },
      { project: 'e2e', kind: 'depends', path: ['e2e', 'app', 'customers'], files: ['packages/customers/src/index.ts'] },
      { project: 'orders', kind: 'depends', path: ['orders', 'customers'], files: ['packages/customers/src/index.ts'] },
    ]);
  });

  it('says so when Nx marked a project affected for a reason the graph does not show', () => {
    expect(explainAffected(edges, ['billing'], new Map([['customers', ['x.ts']]]))).toEqual([{ project: 'billing', kind: 'unexplained' }]);
  });
});
