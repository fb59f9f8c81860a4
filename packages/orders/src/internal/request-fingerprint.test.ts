import { describe, expect, it } from 'vitest';
import { PlaceOrderSchema } from '../schemas.js';
import { requestFingerprint } from './request-fingerprint.js';

const fingerprint = (body: unknown) => requestFingerprint(PlaceOrderSchema.parse(body));
const base = { customerId: '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a', items: [{ sku: 'A', quantity: 1, unitPriceCents: 100 }] };

describe('requestFingerprint', () => {
  it('is equal for the same request however it is spelled', () => {
    const respelled = { items: [{ unitPriceCents: 100, quantity: 1, sku: ' A ' }], customerId: base.customerId.toUpperCase(), totalCents: 5 };
    expect(fingerprint(respelled)).toBe(fingerprint(base));
  });

  it('differs when anything that matters differs', () => {
    const variants = [
      { ...base, customerId: '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3b' },
      { ...base, items: [{ sku: 'B', quantity: 1, unitPriceCents: 100 }] },
      { ...base, items: [{ sku: 'A', quantity: 2, unitPriceCents: 100 }] },
      { ...base, items: [{ sku: 'A', quantity: 1, unitPriceCents: 101 }] },
      { ...base, items: [...base.items, ...base.items] },
    ];
    for (const variant of variants) expect(fingerprint(variant)).not.toBe(fingerprint(base));
  });
});
