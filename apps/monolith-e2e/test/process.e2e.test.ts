import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { eventually } from '@shop/platform-testing';
import { freshMonolithDatabase, startMonolith } from '../src/monolith-process.js';

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
});
