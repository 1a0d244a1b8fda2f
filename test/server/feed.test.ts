import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FeedPage, type SuppressionChange } from '../../lib/api/schemas.ts';
import { startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

function ukMobile(n: number): string {
  return `+447400${String(n).padStart(6, '0')}`;
}

/** Writes over HTTP in batches, removing some numbers it added earlier. */
async function httpWriter(rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const entries = Array.from({ length: 150 }, (_, i) => ({
      phone: ukMobile(round * 150 + i),
      reason: `round ${round}`,
    }));
    await t.api('/v1/suppressions', { method: 'POST', body: { entries } });
    if (round > 0) {
      const e164 = ukMobile((round - 1) * 150 + 7);
      await t.api(`/v1/suppressions/${e164}`, {
        method: 'DELETE',
        token: 'lead',
        body: { reason: 'test remove' },
      });
    }
  }
}

/** Imports a CSV through the CLI in another process, so a second connection writes to the file. */
function cliWriter(file: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      join(process.cwd(), 'node_modules/.bin/tsx'),
      [
        'server/cli.ts',
        'import-dnc',
        file,
        '--reason',
        'bulk',
        '--batch-size',
        '250',
        '--db',
        t.dir,
      ],
      { cwd: process.cwd(), stdio: 'ignore' },
    );
    child.on('exit', (code) => resolve(code));
  });
}

it('paging during concurrent writes misses nothing', async () => {
  const csv = join(t.dir, 'bulk.csv');
  writeFileSync(
    csv,
    ['phone', ...Array.from({ length: 5_000 }, (_, i) => ukMobile(500_000 + i))].join('\n'),
  );

  const received: SuppressionChange[] = [];
  let cursor = '';
  let writersDone = false;
  const pull = async () => {
    const page = FeedPage.parse((await t.api(`/v1/suppressions?since=${cursor}&limit=37`)).json);
    received.push(...page.changes);
    cursor = page.nextCursor;
    return page.hasMore;
  };

  const writers = Promise.all([httpWriter(30), cliWriter(csv)]).then(([, code]) => {
    writersDone = true;
    return code;
  });
  let pagesDuringWrites = 0;
  while (!writersDone) {
    await pull();
    pagesDuringWrites += 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(await writers).toBe(0);
  expect(pagesDuringWrites).toBeGreaterThan(10);
  while (await pull());

  const seqs = received.map((change) => change.seq);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));

  const replica = new Set<string>();
  for (const change of received) {
    if (change.op === 'add') replica.add(change.e164);
    else replica.delete(change.e164);
  }
  const serverSet = t.server.stores.db
    .prepare('SELECT e164 FROM suppressions')
    .pluck()
    .all() as string[];
  expect(replica.size).toBe(serverSet.length);
  expect([...replica].sort()).toEqual(serverSet.sort());
  expect(serverSet.length).toBe(30 * 150 - 29 + 5_000);
  expect(received.filter((change) => change.op === 'remove')).toHaveLength(29);
});
