/**
 * Page half of the IndexedDB benchmark in bench/index.bench.ts: bundled with
 * esbuild and run in Chromium, because fake-indexeddb says nothing about
 * the speed of a real browser's IndexedDB.
 */
import { openDB } from 'idb';

import { SuppressionIndex } from '../lib/suppression/index.ts';
import { openSuppressionStore } from '../lib/suppression/store.ts';
import { syntheticList } from './index-data.ts';

export interface BrowserFigures {
  entries: number;
  buildMs: number;
  saveMs: number[];
  loadMs: number[];
  loadedEntries: number;
  perRecordCount: number;
  perRecordSaveMs: number;
  perRecordLoadMs: number;
}

const STATE = { cursor: 'bench', listUpdatedAt: 0 };

async function measureStore(
  count: number,
  runs: number,
): Promise<Omit<BrowserFigures, 'perRecordCount' | 'perRecordSaveMs' | 'perRecordLoadMs'>> {
  const list = syntheticList(count);
  let start = performance.now();
  const index = SuppressionIndex.build(list);
  const buildMs = performance.now() - start;

  const saveMs: number[] = [];
  const loadMs: number[] = [];
  let loadedEntries = 0;
  const store = await openSuppressionStore('dnc-guard-suppression-bench');
  await store.clearStore();

  for (let run = 0; run < runs; run++) {
    start = performance.now();
    await store.saveIndex(index, STATE);
    saveMs.push(performance.now() - start);

    start = performance.now();
    const loaded = await store.loadIndex();
    loadMs.push(performance.now() - start);
    loadedEntries = loaded.index.size;
  }

  await store.clearStore();
  store.close();
  return { entries: index.size, buildMs, saveMs, loadMs, loadedEntries };
}

/** The baseline layout: one IndexedDB record per number, keyed by E.164. */
async function measurePerRecord(
  count: number,
): Promise<Pick<BrowserFigures, 'perRecordCount' | 'perRecordSaveMs' | 'perRecordLoadMs'>> {
  const list = syntheticList(count, 2);
  const db = await openDB('dnc-guard-per-record-bench', 1, {
    upgrade(database) {
      database.createObjectStore('entries', { keyPath: 'e164' });
    },
  });
  await db.clear('entries');

  let start = performance.now();
  const tx = db.transaction('entries', 'readwrite');
  const puts: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const meta = list.metas[list.metaIds?.[i] ?? 0]!;
    puts.push(tx.store.put({ e164: `+${list.keys[i]}`, ...meta }));
  }
  await Promise.all([...puts, tx.done]);
  const perRecordSaveMs = performance.now() - start;

  start = performance.now();
  const records = await db.getAll('entries');
  const rebuilt = new Set(records.map((record: { e164: string }) => record.e164));
  const perRecordLoadMs = performance.now() - start;

  if (rebuilt.size === 0) throw new Error('Per-record baseline read back no records.');
  await db.clear('entries');
  db.close();
  return { perRecordCount: count, perRecordSaveMs, perRecordLoadMs };
}

async function runSuppressionBench(
  count: number,
  perRecordCount: number,
  runs: number,
): Promise<BrowserFigures> {
  const perRecord = await measurePerRecord(perRecordCount);
  const ours = await measureStore(count, runs);
  return { ...ours, ...perRecord };
}

Object.assign(globalThis, { runSuppressionBench });
