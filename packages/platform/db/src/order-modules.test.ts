import { describe, expect, it } from 'vitest';
import { orderModules } from './order-modules.js';

describe('orderModules', () => {
  it('puts dependencies first and keeps independent modules in their given order', () => {
    const ordered = orderModules([
      { name: 'orders', dependsOn: ['customers', 'billing'] },
      { name: 'customers' },
      { name: 'billing' },
      { name: 'audit' },
    ]);
    expect(ordered.map((m) => m.name)).toEqual(['customers', 'billing', 'orders', 'audit']);
  });

  it('rejects a dependency that is not composed', () => {
    expect(() => orderModules([{ name: 'orders', dependsOn: ['customers'] }])).toThrow(/depends on "customers", which is not composed/);
  });

  it('rejects cycles and names them', () => {
    expect(() =>
      orderModules([
        { name: 'a', dependsOn: ['b'] },
        { name: 'b', dependsOn: ['a'] },
      ]),
    ).toThrow('Module dependency cycle: a -> b -> a');
  });
});
