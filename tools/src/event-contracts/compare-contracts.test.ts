import { describe, expect, it } from 'vitest';
import { breakingChanges, sameContract } from './compare-contracts.js';

const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required, additionalProperties: false });
const uuid = { type: 'string', format: 'uuid' };
const cents = { type: 'integer', minimum: 0 };

describe('breakingChanges', () => {
  const recorded = object({ orderId: uuid, totalCents: cents, status: { type: 'string', enum: ['placed', 'paid'] }, note: { type: 'string' } }, ['orderId', 'totalCents', 'status']);

  it('finds a removed field, a retyped field, a narrowed enum and a new required field', () => {
    const current = object({ orderId: { type: 'integer' }, status: { type: 'string', enum: ['placed'] }, note: { type: 'string' }, currency: { type: 'string' } }, ['orderId', 'status', 'currency']);
    expect(breakingChanges(recorded, current)).toEqual([
      'orderId: retyped from "string" to "integer"',
      'totalCents: removed',
      'status: no longer allows "paid"',
      'currency: new required field',
    ]);
  });

  it('finds an optional field made required and a changed constraint, inside arrays and nested objects', () => {
    const nested = (item: Record<string, unknown>, required?: string[]) => object({ items: { type: 'array', items: object(item, required) } });
    expect(breakingChanges(nested({ sku: { type: 'string' }, qty: cents }, ['sku']), nested({ sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } }, ['sku', 'qty']))).toEqual([
      'items[].qty: constraints changed ({"minimum":0,"type":"integer"} → {"minimum":1,"type":"integer"})',
      'items[].qty: was optional, now required',
    ]);
  });

  it('accepts a new optional field, a widened enum and changed prose', () => {
    const current = object(
      { orderId: { ...uuid, description: 'the order' }, totalCents: cents, status: { type: 'string', enum: ['placed', 'paid', 'refunded'] }, note: { type: 'string' }, channel: { type: 'string' } },
      ['orderId', 'totalCents', 'status'],
    );
    expect(breakingChanges(recorded, current)).toEqual([]);
    expect(sameContract(recorded, current)).toBe(false);
    expect(sameContract(recorded, { ...recorded, description: 'x' })).toBe(true);
  });
});
