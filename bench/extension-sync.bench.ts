// Initial sync of a large list into the built extension: the reference
// server holds 1,000,000 numbers, Chromium runs the extension with the API
// configured, and "Sync now" pulls the whole feed into IndexedDB. Measures
// the time until the popup reports the full list and the peak resident
// memory (VmHWM) of the extension's process, which hosts the service worker.
// Run with `npx tsx bench/extension-sync.bench.ts` after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startServer } from '../server/index.ts';
import { importDncFile } from '../server/importer.ts';
import { createToken } from '../server/tokens.ts';
import { configureApi, launchWithExtension, waitUntil } from '../scripts/lib/chromium.ts';

const SIZES = (process.env.DNC_BENCH_SIZES ?? '1000000').split(',').map(Number);

/** Peak resident memory in MB of the Chromium processes started for extensions. */
function extensionProcessPeakMb(): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('--extension-process')) continue;
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // The process ended while being read.
    }
  }
  return peak;
}

async function measure(size: number): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'dnc-guard-extsync-'));
  try {
    const csv = join(folder, 'list.csv');
    const lines = ['phone'];
    // New York numbers with exchanges 200–999: valid under the North American plan.
    for (let i = 0; i < size; i++) {
      lines.push(`+1212${200 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, '0')}`);
    }
    writeFileSync(csv, lines.join('\n'));

    const server = await startServer({
      dbPath: join(folder, 'db'),
      logger: pino({ level: 'silent' }),
      rateLimit: false,
    });
    await importDncFile(server.stores.db, server.stores.suppressions, csv, { reason: 'bench' });
    const token = createToken(server.stores.db, 'agent', 'bench').token;

    const session = await launchWithExtension();
    try {
      await configureApi(session, server.url, token);
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const started = Date.now();
      await popup.getByRole('button', { name: 'Sync now' }).click();
      const expected = `${size.toLocaleString('en-US')} numbers on the list`;
      await waitUntil(
        async () => {
          const check = await session.context.newPage();
          await check.goto(`chrome-extension://${session.extensionId}/popup.html`);
          await check.locator('.list-summary').waitFor();
          const text = (await check.locator('.list-summary').textContent()) ?? '';
          await check.close();
          return text;
        },
        (text) => text.includes(expected),
        `${expected} in the popup`,
        600_000,
      );
      const seconds = (Date.now() - started) / 1000;
      return `| ${size.toLocaleString('en-US')} | ${seconds.toFixed(1)} | ${extensionProcessPeakMb().toFixed(0)} |`;
    } finally {
      await session.close();
      await server.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
const rows: string[] = [];
for (const size of SIZES) rows.push(await measure(size));

console.log(`### Extension: initial sync into IndexedDB (Chromium)

The reference server on 127.0.0.1 holds the list. The built extension, configured through its Options page, pulls the whole delta feed after "Sync now". It reads pages of 50,000 and stores each with its cursor in one IndexedDB transaction, asking for the next page while it stores the current one. Time runs from the click until the popup reports the full list; memory is the peak resident set (VmHWM) of Chromium's extension process, which runs the service worker.

| numbers | time to full list (s) | extension process peak RSS (MB) |
|---:|---:|---:|
${rows.join('\n')}

Target: 5,000,000 numbers in 60 s or less. Run with \`DNC_BENCH_SIZES=1000000,5000000\` to measure both sizes (the default is 1,000,000 only).`);
