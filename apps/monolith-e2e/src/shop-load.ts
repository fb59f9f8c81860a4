import { shopClient, type Exchange, type ShopClientOptions } from './shop-client.js';

export interface ShopLoad {
  /** Every exchange so far, in the order they finished. */
  readonly exchanges: Exchange[];
  /** Customers and orders the server acknowledged (201), and orders it reported paid (200). */
  readonly acknowledged: { customers: Set<string>; orders: Set<string>; paid: Set<string> };
  /** Stops the clients after their current request and resolves when all have stopped. */
  stop(): Promise<void>;
}

/**
 * `clients` concurrent shoppers, each looping register → place an order → pay it, as fast as
 * answers come, over real HTTP. A refused step (503 while the database is away, say) moves the
 * shopper on to a new registration after a short pause; nothing is retried, so every
 * acknowledgement is one the server gave once. Amounts never end in 13 cents (the sandbox
 * provider's decline).
 */
export function startShopLoad(options: ShopClientOptions & { clients?: number; pauseAfterRefusalMs?: number }): ShopLoad {
  const request = shopClient(options);
  const exchanges: Exchange[] = [];
  const acknowledged = { customers: new Set<string>(), orders: new Set<string>(), paid: new Set<string>() };
  let stopping = false;
  const record = async (exchange: Promise<Exchange>) => {
    const done = await exchange;
    exchanges.push(done);
    return done;
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.pauseAfterRefusalMs ?? 50));
  const shopper = async (client: number) => {
    for (let round = 0; !stopping; round++) {
      const email = `load.${client}.${round}.${process.pid}.${Date.now()}@example.com`;
      const registered = await record(request('POST', '/customers', { body: { email, name: `Load ${client}.${round}` } }));
      if (registered.status !== 201) {
        await pause();
        continue;
      }
      acknowledged.customers.add(registered.body.id);
      const items = [{ sku: `SKU-${client}-${round}`, quantity: 1 + (round % 3), unitPriceCents: 500 }];
      const placed = await record(request('POST', '/orders', { body: { customerId: registered.body.id, items } }));
      if (placed.status !== 201) {
        await pause();
        continue;
      }
      acknowledged.orders.add(placed.body.id);
      const paid = await record(request('POST', `/orders/${placed.body.id}/pay`));
      if (paid.status === 200) acknowledged.paid.add(placed.body.id);
      else await pause();
    }
  };
  const running = Array.from({ length: options.clients ?? 4 }, (_, client) => shopper(client));
  return {
    exchanges,
    acknowledged,
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}
