import { serveMonolith } from '../../src/serve.js';
import { faultPorts } from './fault-ports.js';

// The monolith as `src/main.ts` serves it, with the crash tests' fault points as its billing
// provider and mailer (`fault-ports.ts`). Test-only: nothing in src/ imports it.
await serveMonolith({ ports: (database) => faultPorts(database) });
