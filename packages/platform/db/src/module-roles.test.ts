import { describe, expect, it } from 'vitest';
import { moduleRoles, reportingRole } from './module-roles.js';

describe('moduleRoles', () => {
  it('derives a runtime and an owner role from the prefix and the module name', () => {
    expect(moduleRoles('customers')).toEqual({ runtime: 'shop_customers', owner: 'shop_customers_owner' });
    expect(moduleRoles('orders', 'acme_')).toEqual({ runtime: 'acme_orders', owner: 'acme_orders_owner' });
    expect(reportingRole('acme_')).toBe('acme_reporting');
  });

  it('refuses names that would need quoting in SQL', () => {
    expect(() => moduleRoles('Orders')).toThrow(/Module name "Orders" is not a plain lower-case SQL identifier/);
    expect(() => moduleRoles('x"; drop table y; --')).toThrow(/not a plain/);
    expect(() => moduleRoles('orders', 'Bad-')).toThrow(/Role name "Bad-orders"/);
  });
});
