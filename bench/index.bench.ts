// Suppression index benchmark: lookup latency, memory and build time of the
// packed index against a sorted Float64Array and a Set of strings at 5M
// entries in Node, then IndexedDB bulk save and load in real Chromium against
// one record per number. Run with `npx tsx bench/index.bench.ts`; it enables
// gc() itself through v8.setFlagsFromString, so no --expose-gc flag is needed.
// Prints a Markdown section.

import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { z } from 'zod';

import { e164ToKey } from '../lib/suppression/key.ts';
import { SuppressionIndex } from '../lib/suppression/index.ts';
import { seededRandom, syntheticKey, syntheticList } from './index-data.ts';

const ENTRIES = 5_000_000;
const BATCH = 1000;
const BATCHES = 2000;
const WARMUP_BATCHES = 20;
const LOOKUP_ROUNDS = 10;
const PER_RECORD_COUNT = 50_000;
const IDB_RUNS = 2;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

setFlagsFromString('--expose-gc');
const gcFunction: unknown = runInNewContext('gc');
if (typeof gcFunction !== 'function')
  throw new Error('gc() is not available; run with node --expose-gc.');
const collectGarbage = gcFunction as () => void;

interface Structure {
  name: string;
  has: (e164: string) => boolean;
  bytes: number;
  buildMs: number;
}

function retainedBytes<T>(create: () => T): { value: T; bytes: number; ms: number } {
  collectGarbage();
  const before = process.memoryUsage();
  const start = performance.now();
  const value = create();
  const ms = performance.now() - start;
  collectGarbage();
  const after = process.memoryUsage();
  const bytes = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
  return { value, bytes, ms };
}

function buildStructures(list: ReturnType<typeof syntheticList>): Structure[] {
  const ours = retainedBytes(() => SuppressionIndex.build(list));
  const oursIndex = ours.value;

  const sorted = retainedBytes(() => Float64Array.from(list.keys).sort());
  const sortedKeys = sorted.value;
  const hasSorted = (e164: string): boolean => {
    const key = e164ToKey(e164);
    let low = 0;
    let high = sortedKeys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = sortedKeys[middle]!;
      if (value === key) return true;
      if (value < key) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  };

  const set = retainedBytes(() => {
    const strings = new Set<string>();
    for (const key of list.keys) strings.add(`+${key}`);
    return strings;
  });
  const strings = set.value;

  return [
    {
      name: 'Packed hash index (ours)',
      has: (e164) => oursIndex.has(e164),
      bytes: ours.bytes,
      buildMs: ours.ms,
    },
    {
      name: 'Sorted Float64Array, binary search',
      has: hasSorted,
      bytes: sorted.bytes,
      buildMs: sorted.ms,
    },
    {
      name: 'Set of E.164 strings',
      has: (e164) => strings.has(e164),
      bytes: set.bytes,
      buildMs: set.ms,
    },
  ];
}

/** Query strings for one batch, half present and half absent keys. */
function makeQueries(keys: Float64Array, random: () => number): string[] {
  const queries: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const key = i % 2 === 0 ? keys[Math.floor(random() * keys.length)]! : syntheticKey(random);
    queries.push(`+${key}`);
  }
  return queries;
}

interface LookupFigures {
  p50: number;
  p99: number;
  /** p99 over all batches, preempted ones included. */
  p99All: number;
  preempted: number;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

/**
 * Times batches of 1,000 lookups. Query strings are made fresh for every
 * batch, outside the timed part, because pages hand the index new strings,
 * and reused strings would let the Set skip hashing. The structures take
 * turns in rounds, after a gc(), so background GC work falls on all alike.
 * This machine is shared, so a batch during which the kernel preempted the
 * process (its involuntary context switch count changed) is repeated; such
 * batches count only in `p99All`.
 */
function measureLookups(structures: readonly Structure[], keys: Float64Array): LookupFigures[] {
  const random = seededRandom(42);
  const clean = structures.map((): number[] => []);
  const all = structures.map((): number[] => []);
  const found = structures.map(() => 0);
  const cleanPerTurn = BATCHES / LOOKUP_ROUNDS;

  for (let round = 0; round < LOOKUP_ROUNDS; round++) {
    structures.forEach((structure, s) => {
      collectGarbage();
      let cleanInTurn = 0;
      for (let batch = 0; cleanInTurn < cleanPerTurn && batch < cleanPerTurn * 10; batch++) {
        const queries = makeQueries(keys, random);

        const switchesBefore = process.resourceUsage().involuntaryContextSwitches;
        const start = performance.now();
        for (const query of queries) if (structure.has(query)) found[s]!++;
        const elapsedNs = (performance.now() - start) * 1e6;
        const preempted = process.resourceUsage().involuntaryContextSwitches !== switchesBefore;

        if (batch < WARMUP_BATCHES) continue;
        all[s]!.push(elapsedNs / BATCH);
        if (!preempted) {
          clean[s]!.push(elapsedNs / BATCH);
          cleanInTurn++;
        }
      }
    });
  }

  return structures.map((structure, s) => {
    if (found[s] === 0)
      throw new Error(`${structure.name} found nothing; the benchmark is broken.`);
    const sortedClean = clean[s]!.sort((a, b) => a - b);
    const sortedAll = all[s]!.sort((a, b) => a - b);
    return {
      p50: percentile(sortedClean, 0.5),
      p99: percentile(sortedClean, 0.99),
      p99All: percentile(sortedAll, 0.99),
      preempted: sortedAll.length - sortedClean.length,
    };
  });
}

const browserFiguresSchema = z.object({
  entries: z.number(),
  buildMs: z.number(),
  saveMs: z.array(z.number()),
  loadMs: z.array(z.number()),
  loadedEntries: z.number(),
  perRecordCount: z.number(),
  perRecordSaveMs: z.number(),
  perRecordLoadMs: z.number(),
});

async function measureInChromium(): Promise<
  z.infer<typeof browserFiguresSchema> & { version: string }
> {
  const outdir = mkdtempSync(join(tmpdir(), 'dnc-index-bench-'));
  await build({
    entryPoints: [resolve(root, 'bench/index-browser.ts')],
    bundle: true,
    format: 'iife',
    outfile: join(outdir, 'bench.js'),
    logLevel: 'warning',
  });
  const script = readFileSync(join(outdir, 'bench.js'));

  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>index bench</title><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Bench server has no port.');

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/`);
    const figures = await page.evaluate(
      ([count, perRecord, runs]) =>
        (
          globalThis as unknown as {
            runSuppressionBench: (a: number, b: number, c: number) => Promise<unknown>;
          }
        ).runSuppressionBench(count, perRecord, runs),
      [ENTRIES, PER_RECORD_COUNT, IDB_RUNS] as const,
    );
    return { ...browserFiguresSchema.parse(figures), version: browser.version() };
  } finally {
    await browser.close();
    server.close();
    rmSync(outdir, { recursive: true, force: true });
  }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const ms = (value: number): string => value.toFixed(0);
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const list = syntheticList(ENTRIES);
  const structures = buildStructures(list);
  const lookups = measureLookups(structures, list.keys);
  const browserFigures = await measureInChromium();

  const scale = browserFigures.entries / browserFigures.perRecordCount;
  const lines = [
    '### Suppression index (5M entries)',
    '',
    `${ENTRIES.toLocaleString('en')} synthetic E.164 numbers (US 40 %, GB, DE, CN and IN mobiles 15 % each) from one bulk import with 4 import dates. ` +
      `Lookups: ${BATCHES} batches of ${BATCH} \`has()\` calls on fresh strings, half present and half absent, timed with performance.now(), the structures taking turns in ${LOOKUP_ROUNDS} rounds, each turn after gc() and ${WARMUP_BATCHES} untimed batches; ` +
      'p50/p99 are of the per-lookup mean of each batch, over batches the kernel did not preempt (this 2-core machine is shared; preempted batches were repeated). Memory is heapUsed + arrayBuffers retained after gc(). ' +
      `Node ${process.version} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; IndexedDB figures from headless Chromium ${browserFigures.version} on the same machine, median of ${IDB_RUNS} runs.`,
    '',
    '| Structure | Lookup p50 (ns) | Lookup p99 (ns) | p99 incl. preempted batches (ns) | Memory (MB) | Build (ms) |',
    '|---|---:|---:|---:|---:|---:|',
    ...structures.map(
      (structure, i) =>
        `| ${structure.name} | ${lookups[i]!.p50.toFixed(0)} | ${lookups[i]!.p99.toFixed(0)} | ${lookups[i]!.p99All.toFixed(0)} (${lookups[i]!.preempted} batches) | ${mb(structure.bytes)} | ${ms(structure.buildMs)} |`,
    ),
    '',
    '| IndexedDB, Chromium | Save (ms) | Load (ms) |',
    '|---|---:|---:|',
    `| Chunks of 50,000 packed entries (ours), ${browserFigures.entries.toLocaleString('en')} entries | ${ms(median(browserFigures.saveMs))} | ${ms(median(browserFigures.loadMs))} |`,
    `| One record per number, ${browserFigures.perRecordCount.toLocaleString('en')} measured | ${ms(browserFigures.perRecordSaveMs)} | ${ms(browserFigures.perRecordLoadMs)} |`,
    `| One record per number, extrapolated ×${scale.toFixed(0)} to ${browserFigures.entries.toLocaleString('en')} (estimate) | ${ms(browserFigures.perRecordSaveMs * scale)} | ${ms(browserFigures.perRecordLoadMs * scale)} |`,
    '',
    `Load includes rebuilding the in-memory index (ours: ${browserFigures.loadedEntries.toLocaleString('en')} entries back) or a Set from \`getAll\` (baseline); the page built the index in ${ms(browserFigures.buildMs)} ms before saving.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
