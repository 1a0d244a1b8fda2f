import { Writable } from 'node:stream';
import { rmSync } from 'node:fs';
import pino from 'pino';
import { expect, it } from 'vitest';
import { startServer } from '../../server/index.ts';
import { createToken } from '../../server/tokens.ts';
import { makeTempDir } from './helpers.ts';

it('request logs carry an id but no token or full number', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const dir = makeTempDir();
  const server = await startServer({ dbPath: dir, logger: pino({ level: 'info' }, sink) });
  const { token } = createToken(server.stores.db, 'lead', 'lead-log');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  try {
    await fetch(`${server.url}/v1/suppressions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ entries: [{ phone: '+447400123456', reason: 'r' }] }),
    });
    const removed = await fetch(`${server.url}/v1/suppressions/+447400123456`, {
      method: 'DELETE',
      headers: { ...headers, 'x-request-id': 'req-42' },
      body: JSON.stringify({ reason: 'r' }),
    });
    expect(removed.headers.get('x-request-id')).toBe('req-42');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const log = lines.join('');
  expect(log).not.toContain(token);
  expect(log).not.toContain('447400123456');
  expect(log).toContain('"requestId":"req-42"');
  expect(log).toContain('/v1/suppressions/+44••••••••56');
});
