import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from '@shop/platform-events';
import { defineApi, exposeApi } from './define-api.js';
import { defineErrors } from './define-errors.js';
import { defineModule, isModuleDescriptor } from './define-module.js';

const GiftsApi = defineApi({
  module: 'gifts',
  name: 'GiftsApi',
  operations: { wrap: { summary: 'Wraps a gift.', input: z.object({ id: z.uuid() }), output: z.boolean(), idempotent: true } },
});
const GiftWrapped = defineEvent({ module: 'gifts', event: 'gift-wrapped', version: 1, schema: z.object({ id: z.uuid() }) });
const base = { name: 'gifts', team: 'growth', migrationsFolder: '/tmp/gifts', create: () => ({ api: undefined }) };
const wrapping = { ...base, provides: GiftsApi, create: () => ({ api: { wrap: async () => true } }) };

describe('defineModule', () => {
  it('fills the defaults a host relies on and is recognisable among a file\'s exports', () => {
    const module = defineModule({ ...wrapping, publishes: [GiftWrapped] });
    expect(module).toMatchObject({ kind: 'module', needs: {}, consumes: [], appendOnlyTables: [], reportingViews: [], extraction: { status: 'module' } });
    expect(isModuleDescriptor(module)).toBe(true);
    expect(isModuleDescriptor({ kind: 'module' })).toBe(false);
    expect(Object.isFrozen(module)).toBe(true);
  });

  it('refuses facts that cannot hold: a bad name, another module\'s API or event, its own API as a need', () => {
    expect(() => defineModule({ ...base, name: 'Gift-Cards' })).toThrow(/must be a lower-case identifier/);
    expect(() => defineModule({ ...wrapping, name: 'wraps' })).toThrow(/provides GiftsApi, which is declared by module "gifts"/);
    expect(() => defineModule({ ...base, name: 'wraps', publishes: [GiftWrapped] })).toThrow(/publishes gifts\.gift-wrapped\.v1, whose type belongs to module "gifts"/);
    expect(() => defineModule({ ...wrapping, needs: { self: GiftsApi } })).toThrow(/needs its own API/);
  });

  it('wants a decision record under docs/decisions/ for a candidate or a service', () => {
    expect(() => defineModule({ ...base, extraction: { status: 'service', reason: 'fault-isolation', decisionRecord: 'notes.md' } })).toThrow(/docs\/decisions\//);
    expect(defineModule({ ...base, extraction: { status: 'candidate', reason: 'independent-scaling', decisionRecord: 'docs/decisions/0002-gifts.md' } }).extraction.status).toBe('candidate');
  });
});

describe('defineApi and exposeApi', () => {
  it('exposes exactly the declared operations, bound to the implementation', async () => {
    class Implementation {
      calls = 0;
      async wrap() {
        this.calls++;
        return true;
      }
      async secret() {
        return 'internal';
      }
    }
    const implementation = new Implementation();
    const api = exposeApi(GiftsApi, implementation);
    expect(await api.wrap({ id: '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a' })).toBe(true);
    expect(implementation.calls).toBe(1);
    expect(Object.keys(api)).toEqual(['wrap']);
    expect((api as unknown as Record<string, unknown>)['secret']).toBeUndefined();
  });

  it('refuses an implementation that lacks an operation, and a service path that is not absolute', () => {
    expect(() => exposeApi(GiftsApi, {} as never)).toThrow(/lacks operation "wrap"/);
    expect(() =>
      defineApi({ module: 'gifts', name: 'X', operations: { a: { summary: '', input: z.object({}), output: z.null(), idempotent: true, http: { method: 'get', path: 'v1/a' } } } }),
    ).toThrow(/must start with "\/"/);
  });
});

describe('defineErrors', () => {
  it('accepts snake_case codes with a 4xx or 5xx status only', () => {
    expect(defineErrors({ card_declined: { status: 402, title: 'Declined' } }).card_declined.status).toBe(402);
    expect(() => defineErrors({ CardDeclined: { status: 402, title: 'x' } })).toThrow(/snake_case/);
    expect(() => defineErrors({ ok: { status: 200, title: 'x' } })).toThrow(/4xx or 5xx/);
  });
});

describe('resultSchema', () => {
  it('accepts the success and each declared failure, and nothing else', async () => {
    const { resultSchema } = await import('./result-schema.js');
    const schema = resultSchema({ gift: z.string() }, { code: z.enum(['sold_out']) }, { code: z.enum(['declined']), reason: z.string() });
    expect(schema.parse({ ok: true, gift: 'a' })).toEqual({ ok: true, gift: 'a' });
    expect(schema.parse({ ok: false, code: 'declined', reason: 'r' })).toEqual({ ok: false, code: 'declined', reason: 'r' });
    expect(schema.safeParse({ ok: false, code: 'declined' }).success).toBe(false);
    expect(schema.safeParse({ ok: true }).success).toBe(false);
  });
});
