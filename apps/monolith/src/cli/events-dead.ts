import { parseArgs } from 'node:util';
import { createLogger } from '@shop/platform-logging';
import { Dispatcher } from '@shop/platform-events';
import { eventPublishers } from '../compose.js';
import { openConfiguredDatabase } from './open-configured-database.js';

// `pnpm events:dead` lists dead deliveries with their last error;
// `pnpm events:dead --redeliver <event id> [--subscriber <name>]` puts one back in line.
const { values } = parseArgs({ options: { redeliver: { type: 'string' }, subscriber: { type: 'string' } } });
const database = await openConfiguredDatabase();
try {
  const dispatcher = new Dispatcher({ database, logger: createLogger({ level: 'silent' }), publishers: eventPublishers });
  if (values.redeliver) {
    const revived = await dispatcher.redeliver(values.redeliver, values.subscriber);
    console.log(`${revived} dead deliver${revived === 1 ? 'y' : 'ies'} of ${values.redeliver} queued again`);
    if (revived === 0) process.exitCode = 1;
  } else {
    const dead = await dispatcher.deadEvents();
    console.log(JSON.stringify({ backlog: await dispatcher.backlog(), dead }, null, 2));
  }
} finally {
  await database.close();
}
