import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { Logger } from '@shop/platform-logging';

type Fetch = (request: Request) => Response | Promise<Response>;

export interface BoundPort {
  server: ServerType;
  port: number;
  /** Hands requests to the composed app from now on. */
  serve(fetch: Fetch): void;
}

/** What a request gets while the process is still starting (migrations running). */
const starting: Fetch = () =>
  new Response(JSON.stringify({ type: '/problems/starting', title: 'Service Unavailable', status: 503, detail: 'The service is starting; retry shortly.' }), {
    status: 503,
    headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
  });

/**
 * Takes the HTTP port first thing, before the database is opened and migrations run, so a port
 * in use is found in a second with one log line and exit 1, not after every migration ran. Until
 * `serve` is called, requests are answered 503 "starting".
 */
export async function bindPort(options: { port: number; host: string; logger: Logger; exit?: (code: number) => never }): Promise<BoundPort> {
  let handler: Fetch = starting;
  const server = createAdaptorServer({ fetch: (request: Request) => handler(request), hostname: options.host });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    options.logger.fatal({ port: options.port, host: options.host, code }, `cannot listen on ${options.host}:${options.port}: ${code}`);
    return (options.exit ?? process.exit)(1);
  }
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    serve(fetch) {
      handler = fetch;
    },
  };
}
