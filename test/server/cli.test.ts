import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedPage, Health } from '../../lib/api/schemas.ts';
import { startServer } from '../../server/index.ts';
import { makeTempDir, runCli } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('token create', () => {
  it('prints a working token alone on the last line', async () => {
    const result = runCli(['token', 'create', '--role', 'agent', '--name', 'desk 4', '--db', dir]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const token = lines.at(-1) ?? '';
    expect(token).toMatch(/^dncg_[A-Za-z0-9_-]{43}$/);

    const server = await startServer({ dbPath: dir, logger: pino({ level: 'silent' }) });
    try {
      const res = await fetch(`${server.url}/v1/suppressions`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const stored = server.stores.db
        .prepare('SELECT token_hash FROM tokens')
        .pluck()
        .get() as string;
      expect(stored).not.toContain(token);
    } finally {
      await server.close();
    }
  });

  it('rejects an unknown role with usage help', () => {
    const result = runCli(['token', 'create', '--role', 'boss', '--name', 'x', '--db', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--role must be agent, lead or admin');
  });
});

describe('import-dnc', () => {
  it('loads valid rows and reports broken ones by line', async () => {
    const csv = join(dir, 'list.csv');
    writeFileSync(
      csv,
      [
        '\uFEFFName;Telephone;Note',
        'Ann;07400 123456;ok',
        '"Smith; Bob";"+44 7400 123457";quoted',
        'Cy;not a number;bad',
        'Di;;empty',
        '',
        'Ed;+1 (202) 555-0147;foreign',
        'Fi;07400 123456;repeat',
      ].join('\r\n'),
    );

    const result = runCli([
      'import-dnc',
      csv,
      '--reason',
      'customer list',
      '--country',
      'GB',
      '--db',
      dir,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('6 rows, 3 added, 1 already present, 2 rejected');
    expect(result.stdout).toContain('line 4: "not a number"');
    expect(result.stdout).toContain('line 5: ""');

    const server = await startServer({ dbPath: dir, logger: pino({ level: 'silent' }) });
    try {
      const token = runCli(['token', 'create', '--role', 'agent', '--name', 'a', '--db', dir])
        .stdout.trimEnd()
        .split('\n')
        .at(-1);
      const res = await fetch(`${server.url}/v1/suppressions`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const page = FeedPage.parse(await res.json());
      expect(page.changes.map((change) => change.e164)).toEqual([
        '+447400123456',
        '+447400123457',
        '+12025550147',
      ]);
      expect(page.changes[0]).toMatchObject({ reason: 'customer list', source: 'import:list.csv' });
    } finally {
      await server.close();
    }
  });

  it('lists the first 20 rejected rows and counts the rest', () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, Array.from({ length: 25 }, (_, i) => `12-0${i}`).join('\n'));
    const result = runCli(['import-dnc', csv, '--reason', 'r', '--db', dir]);
    expect(result.stdout).toContain('25 rejected');
    expect(result.stdout.match(/^ {2}line \d+/gm)).toHaveLength(20);
    expect(result.stdout).toContain('and 5 more rejected rows');
  });

  it('requires --reason', () => {
    writeFileSync(join(dir, 'a.csv'), '+447400123456\n');
    const result = runCli(['import-dnc', join(dir, 'a.csv'), '--db', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--reason is required');
  });
});

describe('serve', () => {
  it('logs its URL and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      join(process.cwd(), 'node_modules/.bin/tsx'),
      ['server/cli.ts', '--port', '0', '--db', dir],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`server exited early: ${output}`)));
    });

    const health = Health.parse(await (await fetch(`${url}/v1/health`)).json());
    expect(health.status).toBe('ok');

    const exitCode = await new Promise<number | null>((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
    expect(output).toContain('DNC Guard API stopped');
  });

  it('--help documents every subcommand', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const word of [
      'token create',
      'token list',
      'token revoke',
      'import-dnc',
      'audit verify',
      '--port',
      '--host',
      '--db',
      '--rate-limit',
      '--burst',
      '--country',
      '--reason',
    ]) {
      expect(result.stdout).toContain(word);
    }
  });
});
