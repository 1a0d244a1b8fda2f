import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { SuppressionIndex, type SuppressionEntry } from '../../lib/suppression/index.ts';
import { openSuppressionStore, type SuppressionStore } from '../../lib/suppression/store.ts';
import { syntheticList } from '../../bench/index-data.ts';

const IMPORT = { reason: 'Registry', source: 'import', addedAt: Date.UTC(2025, 0, 1) };
const SYNCED = { cursor: 'seq-100', listUpdatedAt: Date.UTC(2025, 5, 1) };

let databaseCount = 0;
const openStores: SuppressionStore[] = [];

/** Each test gets its own database, so none sees another's records. */
async function freshStore(): Promise<{ store: SuppressionStore; name: string }> {
  const name = `suppression-test-${++databaseCount}`;
  const store = await openSuppressionStore(name);
  openStores.push(store);
  return { store, name };
}

async function reopen(name: string): Promise<SuppressionStore> {
  const store = await openSuppressionStore(name);
  openStores.push(store);
  return store;
}

function entry(e164: string, reason = IMPORT.reason): SuppressionEntry {
  return { ...IMPORT, reason, e164 };
}

function sortedEntries(index: SuppressionIndex): SuppressionEntry[] {
  return Array.from(index).sort((a, b) => a.e164.localeCompare(b.e164));
}

async function countRecords(name: string, storeName: 'chunks' | 'journal'): Promise<number> {
  const db = await openDB(name);
  const count = await db.count(storeName);
  db.close();
  return count;
}

/** Aborts the transaction right after the journal record is written, as a failure half-way would. */
function abortAfterJournalWrite(): void {
  const add = IDBObjectStore.prototype.add;
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['add']>
  ) {
    const request = add.apply(this, args);
    request.addEventListener('success', () => request.transaction?.abort());
    return request;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of openStores.splice(0)) store.close();
});

describe('suppression store', () => {
  it('loads an empty index before any save', async () => {
    const { store } = await freshStore();

    const { index, state } = await store.loadIndex();

    expect(index.size).toBe(0);
    expect(state).toEqual({ cursor: null, listUpdatedAt: null, entryCount: 0 });
  });

  it('round-trips a saved index and state', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build(syntheticList(120_000, 21));
    index.apply({ added: [entry('+8613812345678', 'Customer request')], removed: [] });

    const saved = await store.saveIndex(index, SYNCED);
    const loaded = await (await reopen(name)).loadIndex();

    expect(saved).toEqual({ ...SYNCED, entryCount: index.size });
    expect(loaded.state).toEqual(saved);
    expect(loaded.index.size).toBe(index.size);
    expect(loaded.index.get('+8613812345678')?.reason).toBe('Customer request');
    expect(sortedEntries(loaded.index)).toEqual(sortedEntries(index));
  });

  it('stores entries in bulk chunks', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build(syntheticList(120_000, 22));

    await store.saveIndex(index, SYNCED);

    expect(await countRecords(name, 'chunks')).toBe(3);
  });

  it('persists a delta with its cursor', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build([entry('+12125550100'), entry('+447400123456')]);
    await store.saveIndex(index, SYNCED);

    const state = await store.applyAndPersist(
      index,
      { added: [entry('+4915112345678', 'Objection')], removed: ['+12125550100'] },
      { cursor: 'seq-101', listUpdatedAt: SYNCED.listUpdatedAt + 1000 },
    );
    const loaded = await (await reopen(name)).loadIndex();

    expect(state.entryCount).toBe(2);
    expect(loaded.state).toEqual(state);
    expect(loaded.state.cursor).toBe('seq-101');
    expect(loaded.index.get('+4915112345678')?.reason).toBe('Objection');
    expect(loaded.index.has('+12125550100')).toBe(false);
    expect(await countRecords(name, 'journal')).toBe(1);
  });

  it('replays deltas in order', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build([entry('+12125550100')]);
    await store.saveIndex(index, SYNCED);

    await store.applyAndPersist(
      index,
      { added: [entry('+919876543210')], removed: [] },
      { ...SYNCED, cursor: 'a' },
    );
    await store.applyAndPersist(
      index,
      { added: [], removed: ['+919876543210'] },
      { ...SYNCED, cursor: 'b' },
    );
    await store.applyAndPersist(
      index,
      { added: [entry('+919876543210', 'Back')], removed: [] },
      { ...SYNCED, cursor: 'c' },
    );
    const loaded = await (await reopen(name)).loadIndex();

    expect(loaded.state.cursor).toBe('c');
    expect(loaded.index.get('+919876543210')?.reason).toBe('Back');
    expect(sortedEntries(loaded.index)).toEqual(sortedEntries(index));
  });

  it('stores neither entries nor cursor when the delta transaction aborts', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build([entry('+12125550100'), entry('+447400123456')]);
    await store.saveIndex(index, SYNCED);
    const before = sortedEntries(index);

    abortAfterJournalWrite();
    await expect(
      store.applyAndPersist(
        index,
        { added: [entry('+4915112345678')], removed: ['+12125550100'] },
        { cursor: 'seq-101', listUpdatedAt: null },
      ),
    ).rejects.toThrow();
    vi.restoreAllMocks();
    const loaded = await (await reopen(name)).loadIndex();

    expect(sortedEntries(index)).toEqual(before);
    expect(loaded.state).toEqual({ ...SYNCED, entryCount: 2 });
    expect(sortedEntries(loaded.index)).toEqual(before);
    expect(await countRecords(name, 'journal')).toBe(0);
  });

  it('accepts the same delta again after a failed attempt', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build([entry('+12125550100')]);
    await store.saveIndex(index, SYNCED);
    const delta = { added: [entry('+4915112345678')], removed: [] };

    abortAfterJournalWrite();
    await expect(
      store.applyAndPersist(index, delta, { cursor: 'seq-101', listUpdatedAt: null }),
    ).rejects.toThrow();
    vi.restoreAllMocks();
    await store.applyAndPersist(index, delta, { cursor: 'seq-101', listUpdatedAt: null });
    const loaded = await (await reopen(name)).loadIndex();

    expect(loaded.state.cursor).toBe('seq-101');
    expect(loaded.index.has('+4915112345678')).toBe(true);
    expect(loaded.index.size).toBe(2);
  });

  it('keeps the previous save when a bulk save aborts', async () => {
    const { store, name } = await freshStore();
    const first = SuppressionIndex.build([entry('+12125550100')]);
    await store.saveIndex(first, SYNCED);

    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const request = put.apply(this, args);
      if (this.name === 'chunks' && args[1] === 1)
        request.addEventListener('success', () => request.transaction?.abort());
      return request;
    });
    await expect(
      store.saveIndex(SuppressionIndex.build(syntheticList(120_000, 23)), {
        cursor: 'x',
        listUpdatedAt: 1,
      }),
    ).rejects.toThrow();
    vi.restoreAllMocks();
    const loaded = await (await reopen(name)).loadIndex();

    expect(loaded.state).toEqual({ ...SYNCED, entryCount: 1 });
    expect(sortedEntries(loaded.index)).toEqual(sortedEntries(first));
  });

  it('folds a large journal into rewritten chunks', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build([entry('+12125550100')]);
    await store.saveIndex(index, SYNCED);
    const list = syntheticList(25_000, 24);
    const added = Array.from(new Set(list.keys), (key) => entry(`+${key}`, 'Sync'));

    await store.applyAndPersist(
      index,
      { added: added.slice(0, 100), removed: [] },
      { ...SYNCED, cursor: 'a' },
    );
    const journalBefore = await countRecords(name, 'journal');
    await store.applyAndPersist(
      index,
      { added: added.slice(100), removed: [] },
      { ...SYNCED, cursor: 'b' },
    );
    const loaded = await (await reopen(name)).loadIndex();

    expect(journalBefore).toBe(1);
    expect(await countRecords(name, 'journal')).toBe(0);
    expect(loaded.state).toEqual({ ...SYNCED, cursor: 'b', entryCount: added.length + 1 });
    expect(sortedEntries(loaded.index)).toEqual(sortedEntries(index));
  });

  it('drops the cursor when the stored count disagrees', async () => {
    const { store, name } = await freshStore();
    await store.saveIndex(SuppressionIndex.build([entry('+12125550100')]), SYNCED);
    const db = await openDB(name);
    await db.put('meta', { ...SYNCED, entryCount: 5 }, 'state');
    db.close();

    const loaded = await (await reopen(name)).loadIndex();

    expect(loaded.state).toEqual({ cursor: null, listUpdatedAt: null, entryCount: 1 });
    expect(loaded.index.has('+12125550100')).toBe(true);
  });

  it('rejects a malformed stored state', async () => {
    const { store, name } = await freshStore();
    await store.saveIndex(SuppressionIndex.build([entry('+12125550100')]), SYNCED);
    const db = await openDB(name);
    await db.put('meta', { cursor: 7 }, 'state');
    db.close();

    await expect((await reopen(name)).loadIndex()).rejects.toThrow();
  });

  it('clears everything', async () => {
    const { store, name } = await freshStore();
    const index = SuppressionIndex.build([entry('+12125550100')]);
    await store.saveIndex(index, SYNCED);
    await store.applyAndPersist(index, { added: [entry('+447400123456')], removed: [] }, SYNCED);

    await store.clearStore();
    const loaded = await (await reopen(name)).loadIndex();

    expect(loaded.index.size).toBe(0);
    expect(loaded.state.cursor).toBeNull();
    expect(await countRecords(name, 'journal')).toBe(0);
  });
});
