import { serveMonolith } from './serve.js';

// The production entry: every module with its default adapters (`serve.ts` has the sequence).
await serveMonolith();
