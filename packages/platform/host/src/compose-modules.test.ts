import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '@shop/platform-db';
import { defineEvent, SubscriptionRegistry } from '@shop/platform-events';
import { createLogger } from '@shop/platform-logging';
import { defineApi, defineModule, type ModuleDescriptor } from '@shop/platform-module';
import { checkComposition, CompositionError } from './check-composition.js';
import { composeModules } from './compose-modules.js';
import { hostConfigSchema } from './host-config.js';
import { orderByNeeds } from './order-by-needs.js';

const Id = z.object({ id: z.string() });
const StockApi = defineApi({ module: 'stock', name: 'StockApi', operations: { level: { summary: '', input: Id, output: z.number(), idempotent: true } } });
const CartApi = defineApi({ module: 'cart', name: 'CartApi', operations: { size: { summary: '', input: Id, output: z.number(), idempotent: true } } });
const ItemReserved = defineEvent({ module: 'stock', event: 'item-reserved', version: 1, schema: z.object({ id: z.string() }) });
const CartOpened = defineEvent({ module: 'cart', event: 'cart-opened', version: 1, schema: z.object({ id: z.string() }) });

const stock = defineModule({
  name: 'stock',
  team: 't',
  migrationsFolder: '/tmp',
  provides: StockApi,
  publishes: [ItemReserved],
  config: z.object({ STOCK_LIMIT: z.coerce.number().default(3) }),
  create: ({ config }) => ({ api: { level: async () => config.STOCK_LIMIT } }),
});
const cart = defineModule({
  name: 'cart',
  team: 't',
  migrationsFolder: '/tmp',
  provides: CartApi,
  needs: { stock: StockApi },
  consumes: [ItemReserved],
  publishes: [CartOpened],
  create: ({ apis, events }) => {
    events.subscribe(ItemReserved, async () => {});
    return { api: { size: async ({ id }) => apis.stock.level({ id }) } };
  },
});

/** Just enough of a Database for composition, which only asks for each module's drizzle handle. */
const database = { forModule: (name: string) => ({ module: name }) } as unknown as Database;
const logger = createLogger({ level: 'silent' });

describe('checkComposition', () => {
  it('is empty for modules that serve each other', () => {
    expect(checkComposition({ modules: [stock, cart] as ModuleDescriptor[] })).toEqual([]);
  });

  it('names the module and what it misses: an API, an event, a double', () => {
    expect(checkComposition({ modules: [cart, cart] as ModuleDescriptor[] })).toEqual([
      'module "cart" is composed twice',
      'module "cart" needs StockApi (as "stock") from module "stock", which is neither composed in process nor configured as a remote API',
      'module "cart" consumes stock.item-reserved.v1, but no composed module publishes it and no remote publisher "stock" is configured',
      'module "cart" needs StockApi (as "stock") from module "stock", which is neither composed in process nor configured as a remote API',
      'module "cart" consumes stock.item-reserved.v1, but no composed module publishes it and no remote publisher "stock" is configured',
    ]);
  });

  it('accepts remote APIs and remote publishers, and refuses a module both in process and remote', () => {
    expect(checkComposition({ modules: [cart] as ModuleDescriptor[], remoteApis: ['stock'], remotePublishers: ['stock'] })).toEqual([]);
    expect(checkComposition({ modules: [stock] as ModuleDescriptor[], remoteApis: ['stock'] })).toEqual([
      'module "stock" is composed in process and also configured as a remote API; choose one',
    ]);
  });
});

describe('orderByNeeds', () => {
  it('builds a module after the modules whose APIs it needs, and refuses a cycle', () => {
    expect(orderByNeeds([cart, stock] as ModuleDescriptor[]).map((m) => m.name)).toEqual(['stock', 'cart']);
    const a = defineModule({ name: 'a', team: 't', migrationsFolder: '/', provides: defineApi({ module: 'a', name: 'A', operations: {} }), needs: { b: defineApi({ module: 'b', name: 'B', operations: {} }) }, create: () => ({ api: {} }) });
    const b = defineModule({ name: 'b', team: 't', migrationsFolder: '/', provides: defineApi({ module: 'b', name: 'B', operations: {} }), needs: { a: defineApi({ module: 'a', name: 'A', operations: {} }) }, create: () => ({ api: {} }) });
    expect(() => orderByNeeds([a, b] as ModuleDescriptor[])).toThrow(/in a cycle: a → b → a/);
  });
});

describe('composeModules', () => {
  it('hands each module its own database handle, config and the APIs it needs, in process', async () => {
    const events = new SubscriptionRegistry();
    const composed = composeModules({ modules: [cart, stock] as ModuleDescriptor[], database, logger, events, environment: { STOCK_LIMIT: 7 } });
    expect(composed.modules.map((m) => m.descriptor.name)).toEqual(['stock', 'cart']);
    expect(await composed.apiOf(cart).size({ id: 'x' })).toBe(7);
    expect(events.subscribersOf('stock.item-reserved', 1)).toEqual(['cart']);
  });

  it('serves a need from a remote client when the provider is not composed', async () => {
    const composed = composeModules({ modules: [cart] as ModuleDescriptor[], database, logger, events: new SubscriptionRegistry(), remoteApis: { stock: { level: async () => 42 } }, remotePublishers: ['stock'] });
    expect(await composed.apiOf(cart).size({ id: 'x' })).toBe(42);
  });

  it('refuses to compose what cannot work, listing every problem', () => {
    const attempt = () => composeModules({ modules: [cart] as ModuleDescriptor[], database, logger, events: new SubscriptionRegistry() });
    expect(attempt).toThrow(CompositionError);
    expect(attempt).toThrow(/needs StockApi[\s\S]*consumes stock\.item-reserved\.v1/);
  });

  it('refuses a subscription the descriptor does not declare, and a declared event left without a handler', () => {
    const sneaky = defineModule({ name: 'sneaky', team: 't', migrationsFolder: '/', create: ({ events }) => (events.subscribe(CartOpened, async () => {}), { api: undefined }) });
    expect(() => composeModules({ modules: [sneaky, cart, stock] as ModuleDescriptor[], database, logger, events: new SubscriptionRegistry() })).toThrow(
      /module "sneaky" subscribes to cart\.cart-opened\.v1, which its descriptor does not list in "consumes"/,
    );
    const forgetful = defineModule({ name: 'forgetful', team: 't', migrationsFolder: '/', consumes: [ItemReserved], create: () => ({ api: undefined }) });
    expect(() => composeModules({ modules: [forgetful, stock] as ModuleDescriptor[], database, logger, events: new SubscriptionRegistry() })).toThrow(
      /module "forgetful" declares it consumes stock\.item-reserved\.v1 but subscribed no handler/,
    );
  });
});

describe('hostConfigSchema', () => {
  it('reads the host\'s and every module\'s variables with one schema', () => {
    const schema = hostConfigSchema(z.object({ PORT: z.coerce.number().default(3000) }), [stock] as ModuleDescriptor[]);
    expect(schema.parse({ STOCK_LIMIT: '9' })).toEqual({ PORT: 3000, STOCK_LIMIT: 9 });
  });

  it('refuses two different schemas for one variable', () => {
    const other = defineModule({ name: 'other', team: 't', migrationsFolder: '/', config: z.object({ STOCK_LIMIT: z.string() }), create: () => ({ api: undefined }) });
    expect(() => hostConfigSchema(z.object({}), [stock, other] as ModuleDescriptor[])).toThrow(/module "other" declares STOCK_LIMIT with a schema different/);
  });
});
