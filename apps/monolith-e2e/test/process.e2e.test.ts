import { connect, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { eventually } from '@shop/platform-testing';
import { freshMonolithDatabase, runMonolithToExit, startMonolith } from '../src/monolith-process.js';

describe('the monolith process', () => {
  it('stops gracefully on SIGTERM: finishes the in-flight request, closes the database, exits 0', async () => {
    const database = await freshMonolithDatabase('e2e_shutdown');
    try {
      const monolith = await startMonolith(database.env);
      // An in-flight request: headers and half the body sent before the signal, the rest after.
      const body = JSON.stringify({ email: `inflight.${Date.now()}@example.com`, name: 'In Flight' });
      const socket = connect(Number(new URL(monolith.baseUrl).port), '127.0.0.1');
      let response = '';
      socket.on('data', (chunk) => (response += chunk.toString()));
      const closed = new Promise((resolve) => socket.on('close', resolve));
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /customers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
      );
      socket.write(body.slice(0, 10));
      // A round trip through the server after the partial request: by its answer, the server has
      // taken the earlier connection and read what was sent on it.
      expect((await fetch(`${monolith.baseUrl}/health`)).status).toBe(200);
      const exit = monolith.stop('SIGTERM');
      await eventually(() => expect(monolith.logs.map((l) => l['msg'])).toContain('shutting down'));
      socket.write(body.slice(10));
      await closed;
      expect(response).toMatch(/^HTTP\/1\.1 201/);
      expect(await exit).toEqual({ code: 0, signal: null });
      expect(monolith.logs.map((l) => l['msg'])).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    } finally {
      await database.cleanup();
    }
  });

  it('refuses to start with a malformed variable, naming it in one line', async () => {
    await expect(startMonolith({ PORT: 'eighty' })).rejects.toThrow(/code 78[\s\S]*Invalid environment: PORT: .*"eighty"/);
  });

  it('an unreachable database at start-up: one fatal line naming DATABASE_URL\'s host and port, never the password; exit 1', async () => {
    // A port nothing listens on: connections are refused at once.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runMonolithToExit({ DATABASE_URL: `postgres://shop:hunter2secret@127.0.0.1:${port}/shop` });
    expect(run.code).toBe(1);
    expect(run.logs.filter((l) => l['level'] === 60)).toHaveLength(1);
    const fatal = run.logs.find((l) => l['level'] === 60) ?? {};
    expect(fatal['msg']).toMatch(new RegExp(`cannot reach the database at DATABASE_URL \\(127\\.0\\.0\\.1:${port}, database "shop"\\)`));
    expect(run.stdout + run.stderr).not.toContain('hunter2secret');
    expect(run.stderr).toBe('');
    expect(run.logs.map((l) => l['msg'])).not.toContain('database opened');
  });

  it('a port in use: one fatal line and exit 1 before the database is opened or any migration runs', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const database = await freshMonolithDatabase('e2e_port_taken');
      try {
        const run = await runMonolithToExit({ ...database.env, PORT: String(port) });
        expect(run.code).toBe(1);
        expect(run.logs.map((l) => l['msg'])).toEqual([`cannot listen on 127.0.0.1:${port}: EADDRINUSE`]);
        expect(run.stderr).toBe('');
      } finally {
        await database.cleanup();
      }
    } finally {
      taken.close();
    }
  });
});
