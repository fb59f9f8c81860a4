import { describe, expect, it } from 'vitest';
import { MAX_LINES, MAX_QUANTITY, MAX_UNIT_PRICE_CENTS } from '../schemas.js';
import { priceLines } from './order-totals.js';

describe('priceLines', () => {
  it('multiplies each line and sums them', () => {
    const priced = priceLines([
      { sku: 'A', quantity: 3, unitPriceCents: 250 },
      { sku: 'B', quantity: 1, unitPriceCents: 0 },
      { sku: 'C', quantity: 2, unitPriceCents: 1999 },
    ]);
    expect(priced.items.map((line) => line.lineTotalCents)).toEqual([750, 0, 3998]);
    expect(priced.totalCents).toBe(4748);
  });

  it('stays exact at the largest possible order (10^12 cents)', () => {
    const line = { sku: 'MAX', quantity: MAX_QUANTITY, unitPriceCents: MAX_UNIT_PRICE_CENTS };
    const priced = priceLines(Array.from({ length: MAX_LINES }, () => line));
    expect(priced.totalCents).toBe(1_000_000_000_000);
    expect(Number.isSafeInteger(priced.totalCents)).toBe(true);
  });
});
