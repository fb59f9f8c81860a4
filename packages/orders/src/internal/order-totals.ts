import type { OrderLine } from '../schemas.js';

/** Line totals and the order total, in integer cents, from quantities and unit prices only. */
export function priceLines(lines: readonly { sku: string; quantity: number; unitPriceCents: number }[]): { items: OrderLine[]; totalCents: number } {
  const items = lines.map((line) => ({ sku: line.sku, quantity: line.quantity, unitPriceCents: line.unitPriceCents, lineTotalCents: line.quantity * line.unitPriceCents }));
  return { items, totalCents: items.reduce((sum, line) => sum + line.lineTotalCents, 0) };
}
