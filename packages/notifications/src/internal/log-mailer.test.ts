import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@shop/platform-logging';
import { logMailer } from './log-mailer.js';

describe('logMailer', () => {
  it('writes the whole message to the log as one JSON line', async () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    await logMailer(createLogger({ destination })).send({ to: 'a@b.co', subject: 'Hi', text: 'Body', messageId: '<n-1@shop>' });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ mail: { to: 'a@b.co', subject: 'Hi', text: 'Body', messageId: '<n-1@shop>' }, msg: 'mail to a@b.co: Hi' });
  });
});
