import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, smtpUrlWithTimeouts } from './smtp-mailer.js';

/** A minimal SMTP server on a free port that records every DATA it accepts. */
function recordingSmtpServer() {
  const received: string[] = [];
  const server = createServer((socket: Socket) => {
    let data: string | undefined;
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString().split('\r\n')) {
        if (data !== undefined) {
          if (line === '.') {
            received.push(data);
            data = undefined;
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        if (!line) continue;
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return { server, received };
}

describe('smtpMailer', () => {
  const smtp = recordingSmtpServer();
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  it('sends the message with the notification\'s Message-ID', async () => {
    await smtpMailer(`smtp://127.0.0.1:${port}`).send({ to: 'ada@example.com', subject: 'Hi', text: 'Body', messageId: '<0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a@shop>' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatch(/^Message-ID: <0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a@shop>$/m);
    expect(smtp.received[0]).toMatch(/^Subject: Hi$/m);
  });

  it('bounds every SMTP exchange unless the URL says otherwise', () => {
    const url = new URL(smtpUrlWithTimeouts('smtps://u:p@mail.example:465?socketTimeout=5000'));
    expect(Object.fromEntries(url.searchParams)).toEqual({ socketTimeout: '5000', connectionTimeout: '10000', greetingTimeout: '10000' });
    expect(url.username).toBe('u');
  });
});
