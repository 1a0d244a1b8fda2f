// Server feed benchmark: bulk import through the import-dnc code path, a full
// initial sync by paging the feed over HTTP, and delta-poll latency under
// autocannon. The server and importer run in child processes so their peak
// RSS and CPU are their own; the client runs in this process.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pino from 'pino';
import { FeedPage } from '../lib/api/schemas.ts';
import { openDatabase } from '../server/db.ts';
import { importDncFile } from '../server/importer.ts';
import { startServer } from '../server/index.ts';
import { createStores } from '../server/stores.ts';
import { createToken } from '../server/tokens.ts';

const SIZES = [1_000_000, 5_000_000];

/** UK mobile numbers +447900000000…; 7900–7909 are all valid mobile ranges in libphonenumber's metadata. */
function syntheticNumber(index: number): string {
  return `+4479${String(index).padStart(8, '0')}`;
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('phone\n');
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(syntheticNumber(i));
    if (chunk.length === 100_000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match?.[1] ? Number(match[1]) / 1024 : NaN;
}

/** Runs this file in a child Node process in one of the child modes below. */
function spawnChild(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function readLine(child: ChildProcess): Promise<string> {
  let buffer = '';
  for await (const chunk of child.stdout!) {
    buffer += String(chunk);
    const newline = buffer.indexOf('\n');
    if (newline >= 0) return buffer.slice(0, newline);
  }
  throw new Error('child exited without output');
}

// ---------------------------------------------------------------- child modes

async function childImport(file: string, dbDir: string): Promise<void> {
  const db = openDatabase(dbDir);
  const started = performance.now();
  const report = await importDncFile(db, createStores(db).suppressions, file, { reason: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  db.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ seconds, added: report.added, rejected: report.rejectedCount, maxRssMb }) +
      '\n',
  );
}

async function childServe(dbDir: string): Promise<void> {
  const server = await startServer({
    dbPath: dbDir,
    rateLimit: false,
    logger: pino({ level: 'silent' }),
  });
  const { token } = createToken(server.stores.db, 'agent', 'bench');
  process.stdout.write(JSON.stringify({ url: server.url, token }) + '\n');
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

// ---------------------------------------------------------------- main

async function fullSync(
  url: string,
  token: string,
): Promise<{ seconds: number; changes: number; pages: number }> {
  const started = performance.now();
  let cursor = '';
  let changes = 0;
  let pages = 0;
  for (;;) {
    const response = await fetch(`${url}/v1/suppressions?since=${cursor}&limit=50000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // Validated with the shared schema, as the extension's sync engine does.
    const page = FeedPage.parse(await response.json());
    changes += page.changes.length;
    pages += 1;
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  return { seconds: (performance.now() - started) / 1000, changes, pages };
}

const POLL_CONNECTIONS = 200;
const POLL_RATE = 500;
/**
 * autocannon's rate limit lets each connection send its whole per-second
 * quota at the start of every second, so one instance with 200 connections
 * sends 500 requests in one burst. Polling extensions are spread in time, so
 * the load is split over instances started evenly across one second.
 */
const POLL_GROUPS = 50;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function deltaPoll(url: string, token: string, cursor: string) {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;

  const groups = Array.from({ length: POLL_GROUPS }, async (_, group) => {
    await new Promise((resolve) => setTimeout(resolve, (group * 1000) / POLL_GROUPS));
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${url}/v1/suppressions?since=${cursor}`,
          connections: POLL_CONNECTIONS / POLL_GROUPS,
          overallRate: POLL_RATE / POLL_GROUPS,
          duration: 10,
          // Its correction assumes a 1 ms send interval at these rates, which
          // would add samples that were never sent; every real response is kept.
          ignoreCoordinatedOmission: true,
          headers: { authorization: `Bearer ${token}` },
        },
        (error: unknown, finished: autocannon.Result) =>
          error ? reject(error) : resolve(finished),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        else non2xx += 1;
      });
    });
    errors += result.errors;
  });
  await Promise.all(groups);

  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / 10,
    non2xx,
    errors,
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dncg-bench-'));
  const rows: string[] = [];
  try {
    let lastServe: { url: string; token: string; child: ChildProcess; size: number } | null = null;

    for (const size of SIZES) {
      const csv = join(work, `list-${size}.csv`);
      const dbDir = join(work, `db-${size}`);
      await writeCsv(csv, size);

      const importer = spawnChild(['--child', 'import', csv, dbDir]);
      const imported = JSON.parse(await readLine(importer)) as {
        seconds: number;
        added: number;
        maxRssMb: number;
      };
      await once(importer, 'exit');
      rmSync(csv);
      if (imported.added !== size)
        throw new Error(`expected ${size} imported, got ${imported.added}`);

      const server = spawnChild(['--child', 'serve', dbDir]);
      const { url, token } = JSON.parse(await readLine(server)) as { url: string; token: string };
      const sync = await fullSync(url, token);
      const serverRss = peakRssMb(server.pid!);

      rows.push(
        `| import ${size.toLocaleString('en-US')} rows | ${imported.seconds.toFixed(1)} s (${Math.round(size / imported.seconds).toLocaleString('en-US')} rows/s) | peak RSS ${imported.maxRssMb.toFixed(0)} MB | — |`,
        `| full sync of ${size.toLocaleString('en-US')} (${sync.pages} pages of 50,000, zod-validated) | ${sync.seconds.toFixed(1)} s | server peak RSS ${serverRss.toFixed(0)} MB | ${size === 5_000_000 ? '≤ 60 s' : '—'} |`,
      );

      if (lastServe) {
        lastServe.child.kill('SIGTERM');
        await once(lastServe.child, 'exit');
      }
      lastServe = { url, token, child: server, size };
    }

    if (lastServe) {
      const latest = FeedPage.parse(
        await (
          await fetch(
            `${lastServe.url}/v1/suppressions?since=${(lastServe.size - 1).toString(36)}&limit=1`,
            {
              headers: { authorization: `Bearer ${lastServe.token}` },
            },
          )
        ).json(),
      ).nextCursor;
      const poll = await deltaPoll(lastServe.url, lastServe.token, latest);
      rows.push(
        `| delta poll at head, 200 connections, ~500 req/s for 10 s | p50 ${poll.p50.toFixed(1)} ms, p99 ${poll.p99.toFixed(1)} ms (${poll.rps.toFixed(0)} req/s, ${poll.non2xx} non-2xx, ${poll.errors} errors) | — | p99 ≤ 20 ms |`,
      );
      lastServe.child.kill('SIGTERM');
      await once(lastServe.child, 'exit');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  process.stdout.write(
    [
      '### Server: bulk import, full feed sync, delta polling',
      '',
      `Synthetic E.164 UK mobile numbers are imported from CSV through \`importDncFile\` (the import-dnc code path, batches of 50,000) into a fresh SQLite database in a child process; a second child process serves that database and this process pages the whole feed over HTTP on 127.0.0.1 with limit 50,000, validating each page with the shared zod schema; then 50 autocannon instances, started evenly over one second (4 connections and 10 req/s each), poll the feed at its head and every response time is kept. Machine: ${process.platform}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}.`,
      '',
      '| measurement | result | memory | target |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

const [flag, mode, ...args] = process.argv.slice(2);
if (flag === '--child' && mode === 'import') await childImport(args[0]!, args[1]!);
else if (flag === '--child' && mode === 'serve') await childServe(args[0]!);
else await main();
