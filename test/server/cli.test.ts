import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedPage, Health } from '../../lib/api/schemas.ts';
import { MAX_LISTED_REJECTS } from '../../server/importer.ts';
import { startServer } from '../../server/index.ts';
import { GBK_CSV, WORKBOOK_STARTS } from '../fixtures/csv-bytes.ts';
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

  it('lines up the columns of the token list', () => {
    runCli(['token', 'create', '--role', 'admin', '--name', '王芳', '--db', dir]);
    const second = runCli([
      'token',
      'create',
      '--role',
      'agent',
      '--name',
      'Oliver Hughes',
      '--db',
      dir,
    ]);
    const id = /\(id (\S+)\)/.exec(second.stdout)?.[1] ?? '';
    runCli(['token', 'revoke', id, '--db', dir]);

    const lines = runCli(['token', 'list', '--db', dir]).stdout.trimEnd().split('\n');

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\S+ {2}admin {2}created \S+ {2}active {10,} {2}王芳$/);
    expect(lines[1]).toMatch(/^\S+ {2}agent {2}created \S+ {2}revoked \S+ {2}Oliver Hughes$/);
    expect(lines[0]?.indexOf('王芳')).toBe(lines[1]?.indexOf('Oliver Hughes'));
  });

  it('keeps the database in DIR/dnc-guard.sqlite', () => {
    const folder = join(dir, 'new', 'data');

    const result = runCli(['token', 'create', '--role', 'agent', '--name', 'a', '--db', folder]);

    expect(result.status).toBe(0);
    expect(readdirSync(folder)).toContain('dnc-guard.sqlite');
  });

  it('rejects an unknown role with usage help', () => {
    const result = runCli(['token', 'create', '--role', 'boss', '--name', 'x', '--db', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--role must be agent, lead or admin');
  });
});

describe('import-dnc', () => {
  it('skips rows its Do Not Call column marks false', async () => {
    const csv = join(dir, 'report.csv');
    writeFileSync(
      csv,
      ['Name,Phone,Do Not Call', 'Ann,+442079460018,true', 'Bo,+442079460019,false'].join('\n'),
    );

    const result = runCli(['import-dnc', csv, '--db', dir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('do-not-call flag "Do Not Call" (rows marked false skipped)');
    expect(result.stdout).toContain('line 3: "+442079460019"');
  });

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
    expect(result.stdout).toContain(
      '6 rows, 3 added, 0 already on the list, 1 repeated in the file, 2 rejected',
    );
    expect(result.stdout).toContain(
      '1 repeated row in the file (listed with the line it repeats):\n' +
        '  line 8: "07400 123456" (duplicate of line 2)\n',
    );
    expect(result.stdout).toContain('Columns: phone "Telephone".');
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

  it('lists the first rejected rows and counts the rest', () => {
    const csv = join(dir, 'bad.csv');
    // National numbers, which need --country.
    const rows = Array.from(
      { length: MAX_LISTED_REJECTS + 5 },
      (_, i) => `020 7946 ${String(i).padStart(4, '0')}`,
    );
    writeFileSync(csv, [...rows, '+447400123456', '"+447400123457'].join('\n'));

    const result = runCli(['import-dnc', csv, '--reason', 'r', '--db', dir]);

    expect(result.stdout).toContain(`${MAX_LISTED_REJECTS + 6} rejected`);
    expect(result.stdout.match(/^ {2}line \d+/gm)).toHaveLength(MAX_LISTED_REJECTS);
    expect(result.stdout).toContain('and 6 more rejected rows');
    expect(result.stdout).toContain(
      `Rejected rows by problem: national number without --country (${MAX_LISTED_REJECTS + 5}), unclosed quote (1)`,
    );
    expect(result.stdout).toContain('Numbers without a country code need --country');
    expect(result.stdout).toContain('line 1: "020 7946 0000" (national number without --country)');
  });

  it('tells numbers already listed from rows repeated in the file', () => {
    const csv = join(dir, 'twice.csv');
    writeFileSync(csv, 'phone\n+447400123456\n');
    runCli(['import-dnc', csv, '--reason', 'r', '--db', dir]);
    const rows = Array.from(
      { length: MAX_LISTED_REJECTS + 2 },
      (_, i) => `+4474001${String(i).padStart(5, '0')}`,
    );
    writeFileSync(csv, ['phone', '+447400123456', ...rows, ...rows].join('\n'));

    const result = runCli(['import-dnc', csv, '--reason', 'r', '--db', dir]);

    expect(result.stdout).toContain(
      `${MAX_LISTED_REJECTS + 2} added, 1 already on the list, ${MAX_LISTED_REJECTS + 2} repeated in the file`,
    );
    expect(result.stdout).toContain(
      `${MAX_LISTED_REJECTS + 2} repeated rows in the file (first ${MAX_LISTED_REJECTS} listed with the line they repeat):\n` +
        `  line ${MAX_LISTED_REJECTS + 5}: "+447400100000" (duplicate of line 3)\n`,
    );
    expect(result.stdout).toContain('  … and 2 more repeated rows');
  });

  it('prints a multi-line cell on one line', () => {
    const csv = join(dir, 'notes.csv');
    writeFileSync(csv, 'phone,note\n"+44 7400\n123456",x\n');

    const result = runCli(['import-dnc', csv, '--reason', 'r', '--db', dir]);

    expect(result.stdout).toContain('line 2: "+44 7400\\n123456" (invalid phone number)');
  });

  it('keeps row reasons without --reason', async () => {
    const csv = join(dir, 'reasons.csv');
    writeFileSync(csv, 'phone,reason\n+447400123456,Asked by phone\n+447400123457,\n');

    const result = runCli(['import-dnc', csv, '--db', dir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 rows, 2 added');
    expect(result.stdout).toContain(
      '1 row had no reason and was stored with "Imported do-not-call list"; give --reason to choose another.',
    );
    const server = await startServer({ dbPath: dir, logger: pino({ level: 'silent' }) });
    try {
      const reasons = server.stores.db
        .prepare('SELECT reason FROM suppressions ORDER BY e164')
        .pluck()
        .all();
      expect(reasons).toEqual(['Asked by phone', 'Imported do-not-call list']);
    } finally {
      await server.close();
    }
  });

  it('fills empty reasons from --reason', () => {
    const csv = join(dir, 'reasons.csv');
    writeFileSync(csv, 'phone,reason\n+447400123456,Asked by phone\n+447400123457,\n');

    const result = runCli(['import-dnc', csv, '--reason', 'registry', '--db', dir]);

    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('had no reason');
  });

  it.each(['XX', 'gbr', 'U1'])('rejects unknown country %s', (country) => {
    writeFileSync(join(dir, 'a.csv'), '07400 123456\n');

    const result = runCli(['import-dnc', join(dir, 'a.csv'), '--country', country, '--db', dir]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `invalid --country "${country}": expected an ISO 3166-1 alpha-2 code that libphonenumber-js supports, such as GB, US or DE`,
    );
    expect(result.stdout).toBe('');
  });

  it('accepts a lower-case country', () => {
    writeFileSync(join(dir, 'a.csv'), '07400 123456\n');

    const result = runCli(['import-dnc', join(dir, 'a.csv'), '--country', 'gb', '--db', dir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain(', 1 added,');
  });

  async function storedReasons(): Promise<unknown[]> {
    const server = await startServer({ dbPath: dir, logger: pino({ level: 'silent' }) });
    try {
      return server.stores.db
        .prepare('SELECT reason FROM suppressions ORDER BY e164')
        .pluck()
        .all();
    } finally {
      await server.close();
    }
  }

  it('keeps GBK reasons with --encoding gb18030', async () => {
    const csv = join(dir, 'dnc-gbk.csv');
    writeFileSync(csv, GBK_CSV);

    const result = runCli([
      'import-dnc',
      csv,
      '--encoding',
      'gb18030',
      '--country',
      'CN',
      '--db',
      dir,
    ]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 rows, 2 added');
    expect(result.stdout).toContain('Columns: phone "电话", reason "原因".');
    expect(result.stdout).toContain('Text encoding: gb18030 (from --encoding).');
    expect(await storedReasons()).toEqual(['不要再打', '客户投诉（GBK文件）']);
  });

  it('stops at non-UTF-8 file, importing nothing', () => {
    const csv = join(dir, 'dnc-gbk.csv');
    writeFileSync(csv, GBK_CSV);
    const db = join(dir, 'db');

    const result = runCli(['import-dnc', csv, '--country', 'CN', '--db', db]);

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error: ${csv} is not UTF-8 text, so nothing was imported.`);
    expect(result.stderr).toContain('"CSV UTF-8 (Comma delimited)"');
    expect(result.stderr).toContain('--encoding gb18030');
    expect(result.stderr).toContain('windows-1252');
    expect(existsSync(db)).toBe(false);
  });

  it('reads a UTF-16 file with a byte order mark', async () => {
    const csv = join(dir, 'unicode.txt');
    writeFileSync(
      csv,
      Buffer.from('\uFEFFphone\treason\r\n+8613800138010\t客户投诉\r\n', 'utf16le'),
    );

    const result = runCli(['import-dnc', csv, '--db', dir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Text encoding: utf-16le (from the byte order mark).');
    expect(await storedReasons()).toEqual(['客户投诉']);
  });

  it.each(WORKBOOK_STARTS)('rejects an %s workbook, importing nothing', (kind, start) => {
    const file = join(dir, `list${kind.split(' ')[0]}`);
    writeFileSync(file, Buffer.concat([start, Buffer.from('+447400123456\n')]));
    const db = join(dir, 'db');

    const result = runCli(['import-dnc', file, '--encoding', 'gb18030', '--db', db]);

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `error: ${file} is a spreadsheet workbook, not a CSV: save it as CSV UTF-8`,
    );
    expect(existsSync(db)).toBe(false);
  });

  it.each(['klingon', 'iso-2022-kr'])('rejects unknown encoding %s at once', (label) => {
    const missing = join(dir, 'nowhere.csv');

    const result = runCli(['import-dnc', missing, '--encoding', label, '--db', dir]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`unknown --encoding "${label}"`);
    expect(result.stderr).toContain('gb18030');
  });

  it('reports a missing file', () => {
    const missing = join(dir, 'nowhere.csv');

    const result = runCli(['import-dnc', missing, '--reason', 'r', '--db', join(dir, 'db')]);

    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: file not found: ${missing}\n`);
    expect(existsSync(join(dir, 'db'))).toBe(false);
  });

  it('reports a folder as not a file', () => {
    const result = runCli(['import-dnc', dir, '--db', join(dir, 'db')]);

    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: not a file: ${dir}\n`);
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

  it('stops when its parent exits', async () => {
    // A shell that dies without passing a signal on, as npm's shell does.
    const log = join(dir, 'server.log');
    const shell = spawn(
      'sh',
      [
        '-c',
        `node --import tsx server/cli.ts --port 0 --db "${dir}" > "${log}" 2>&1 & echo $!; wait`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const serverPid = await new Promise<number>((resolve) => {
      shell.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    try {
      await waitFor(() => readFileSync(log, 'utf8').includes('listening'));
      shell.kill('SIGKILL');

      await waitFor(() => readFileSync(log, 'utf8').includes('DNC Guard API stopped'));
      expect(readFileSync(log, 'utf8')).toContain('parent process exited');
      await waitFor(() => !isRunning(serverPid));
    } finally {
      if (isRunning(serverPid)) process.kill(serverPid, 'SIGKILL');
    }
  }, 30_000);

  it('--help documents every subcommand', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const word of [
      'token create',
      'token list',
      'token revoke',
      'import-dnc',
      'semicolon, tab or pipe',
      'audit verify',
      '--port',
      '--host',
      '--db',
      '--rate-limit',
      '--burst',
      '--country',
      '--reason',
      '--encoding',
      'CSV UTF-8',
    ]) {
      expect(result.stdout).toContain(word);
    }
  });
});

/** Polls `check` every 100 ms until it holds; fails after 15 s. */
async function waitFor(check: () => boolean): Promise<void> {
  const until = Date.now() + 15_000;
  while (!holds(check)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function holds(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
