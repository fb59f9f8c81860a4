import { describe, expect, it } from 'vitest';
import { toCustomer } from './customer-service.js';

describe('toCustomer', () => {
  it('maps a row to the public DTO with an ISO timestamp and nothing else', () => {
    const row = { id: '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a', email: 'a@b.co', name: 'A', createdAt: new Date('2026-01-01T00:00:00.000Z') };
    expect(toCustomer(row)).toEqual({ ...row, createdAt: '2026-01-01T00:00:00.000Z' });
  });
});
