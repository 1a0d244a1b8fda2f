import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';

import { SuppressionIndex } from './index.ts';
import type { SuppressionChanges, SuppressionChunk, SuppressionLayoutHeader } from './types.ts';

export const SUPPRESSION_DB_NAME = 'dnc-guard-suppression';
const DB_VERSION = 1;

/** Sync position of the replica, saved in the same transaction as the entries it describes. */
export interface SuppressionState {
  /** Delta-feed cursor after the last applied delta; null before the first full load. */
  cursor: string | null;
  /** Server time of the list at that cursor, in ms since the epoch. */
  listUpdatedAt: number | null;
  entryCount: number;
}

/**
 * Journal size (added plus removed entries) above which `applyAndPersist`
 * rewrites the chunks: the larger of this and 1/8 of the list, so a full
 * download in small deltas still costs linear time.
 */
const MIN_JOURNAL_ENTRIES = 20_000;

const EMPTY_STATE: SuppressionState = { cursor: null, listUpdatedAt: null, entryCount: 0 };

const isArrayBuffer = (value: unknown): value is ArrayBuffer =>
  Object.prototype.toString.call(value) === '[object ArrayBuffer]';
const arrayBufferSchema = z.custom<ArrayBuffer>(isArrayBuffer, 'expected an ArrayBuffer');

const entryMetaSchema = z.object({
  reason: z.string(),
  source: z.string(),
  addedAt: z.number(),
});
const entrySchema = entryMetaSchema.extend({ e164: z.string() });

const stateSchema = z.object({
  cursor: z.string().nullable(),
  listUpdatedAt: z.number().nullable(),
  entryCount: z.number().int().nonnegative(),
});
const headerSchema = z.object({
  format: z.literal(1),
  bucketBits: z.number().int(),
  entryCount: z.number().int().nonnegative(),
  metas: z.array(entryMetaSchema),
  overflowKeys: arrayBufferSchema,
  overflowMetas: z.array(entryMetaSchema),
});
const chunkSchema = z.object({ slots: arrayBufferSchema });
const journalSchema = z.object({ added: z.array(entrySchema), removed: z.array(z.string()) });

interface JournalRecord {
  added: SuppressionChanges['added'];
  removed: SuppressionChanges['removed'];
}

interface SuppressionDb extends DBSchema {
  /** Packed slots in layout order, keyed 0, 1, 2 … */
  chunks: { key: number; value: SuppressionChunk };
  /** Deltas applied since the chunks were written, in order (auto-increment key). */
  journal: { key: number; value: JournalRecord };
  /** 'layout' → SuppressionLayoutHeader, 'state' → SuppressionState. */
  meta: { key: 'layout' | 'state'; value: SuppressionLayoutHeader | SuppressionState };
}

export interface SuppressionStore {
  /** Reads chunks, journal and state in one transaction and rebuilds the index. */
  loadIndex(): Promise<{ index: SuppressionIndex; state: SuppressionState }>;
  /** Replaces everything stored with `index` and `state` in one transaction. */
  saveIndex(
    index: SuppressionIndex,
    state: Omit<SuppressionState, 'entryCount'>,
  ): Promise<SuppressionState>;
  /**
   * Stores `changes` as a journal record in the same transaction as the new
   * state, so a cursor is never stored without its entries, then applies them
   * to `index`. When that transaction fails, `index` is left as it was and the
   * error is thrown. A large journal is then folded into rewritten chunks; if only
   * that rewrite fails, the thrown error states that the delta itself was stored.
   * Returns the stored state.
   */
  applyAndPersist(
    index: SuppressionIndex,
    changes: SuppressionChanges,
    newState: Omit<SuppressionState, 'entryCount'>,
  ): Promise<SuppressionState>;
  clearStore(): Promise<void>;
  close(): void;
}

export async function openSuppressionStore(
  name: string = SUPPRESSION_DB_NAME,
): Promise<SuppressionStore> {
  const db = await openDB<SuppressionDb>(name, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('chunks');
      database.createObjectStore('journal', { autoIncrement: true });
      database.createObjectStore('meta');
    },
  });
  return new IdbSuppressionStore(db);
}

class IdbSuppressionStore implements SuppressionStore {
  /** Entries in the stored journal; null until read. */
  private journalEntries: number | null = null;
  /** Serialises writes, because each one assumes the stored and in-memory index agree. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: IDBPDatabase<SuppressionDb>) {}

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  loadIndex(): Promise<{ index: SuppressionIndex; state: SuppressionState }> {
    return this.serialised(async () => {
      const tx = this.db.transaction(['chunks', 'journal', 'meta'], 'readonly');
      const [chunkRecords, journalRecords, headerRecord, stateRecord] = await Promise.all([
        tx.objectStore('chunks').getAll(),
        tx.objectStore('journal').getAll(),
        tx.objectStore('meta').get('layout'),
        tx.objectStore('meta').get('state'),
        tx.done,
      ]);

      const state = stateRecord === undefined ? EMPTY_STATE : stateSchema.parse(stateRecord);
      const index =
        headerRecord === undefined
          ? SuppressionIndex.empty()
          : SuppressionIndex.fromStorage(
              headerSchema.parse(headerRecord),
              z.array(chunkSchema).parse(chunkRecords),
            );

      const journal = z.array(journalSchema).parse(journalRecords);
      for (const delta of journal) index.apply(delta);
      this.journalEntries = countJournalEntries(journal);

      // A count that disagrees means the replica is not what the cursor
      // describes. Dropping the cursor makes the next sync start over, and the
      // entries stay so their numbers are still blocked until then.
      if (state.entryCount !== index.size) {
        return { index, state: { cursor: null, listUpdatedAt: null, entryCount: index.size } };
      }
      return { index, state };
    });
  }

  saveIndex(
    index: SuppressionIndex,
    state: Omit<SuppressionState, 'entryCount'>,
  ): Promise<SuppressionState> {
    return this.serialised(() => this.writeAll(index, state));
  }

  private async writeAll(
    index: SuppressionIndex,
    state: Omit<SuppressionState, 'entryCount'>,
  ): Promise<SuppressionState> {
    const { header, chunks } = index.toStorage();
    const saved: SuppressionState = {
      cursor: state.cursor,
      listUpdatedAt: state.listUpdatedAt,
      entryCount: index.size,
    };

    const tx = this.db.transaction(['chunks', 'journal', 'meta'], 'readwrite');
    const chunkStore = tx.objectStore('chunks');
    const requests: Promise<unknown>[] = [
      chunkStore.clear(),
      tx.objectStore('journal').clear(),
      ...chunks.map((chunk, position) => chunkStore.put(chunk, position)),
      tx.objectStore('meta').put(header, 'layout'),
      tx.objectStore('meta').put(saved, 'state'),
    ];
    await Promise.all([...requests, tx.done]);

    this.journalEntries = 0;
    return saved;
  }

  applyAndPersist(
    index: SuppressionIndex,
    changes: SuppressionChanges,
    newState: Omit<SuppressionState, 'entryCount'>,
  ): Promise<SuppressionState> {
    return this.serialised(async () => {
      const journalEntries = this.journalEntries ?? (await this.readJournalEntries());
      // Plain copies, so extra properties on the caller's objects cannot fail the structured clone.
      const record: JournalRecord = {
        added: changes.added.map(({ e164, reason, source, addedAt }) => ({
          e164,
          reason,
          source,
          addedAt,
        })),
        removed: [...changes.removed],
      };
      // Checked first, stored next, applied last: applying a checked delta
      // cannot fail, so the index never contains a delta the store lacks.
      const sizeAfter = index.sizeAfter(record);
      const saved: SuppressionState = {
        cursor: newState.cursor,
        listUpdatedAt: newState.listUpdatedAt,
        entryCount: sizeAfter,
      };

      const tx = this.db.transaction(['journal', 'meta'], 'readwrite');
      await Promise.all([
        tx.objectStore('journal').add(record),
        tx.objectStore('meta').put(saved, 'state'),
        tx.done,
      ]);
      index.apply(record);

      this.journalEntries = journalEntries + record.added.length + record.removed.length;
      if (this.journalEntries > Math.max(MIN_JOURNAL_ENTRIES, index.size / 8)) {
        try {
          return await this.writeAll(index, saved);
        } catch (error) {
          throw new Error(
            'The delta and cursor were stored, but rewriting the suppression chunks failed; ' +
              'the next delta retries it.',
            { cause: error },
          );
        }
      }
      return saved;
    });
  }

  private async readJournalEntries(): Promise<number> {
    const records = await this.db.getAll('journal');
    return countJournalEntries(z.array(journalSchema).parse(records));
  }

  clearStore(): Promise<void> {
    return this.serialised(async () => {
      const tx = this.db.transaction(['chunks', 'journal', 'meta'], 'readwrite');
      await Promise.all([
        tx.objectStore('chunks').clear(),
        tx.objectStore('journal').clear(),
        tx.objectStore('meta').clear(),
        tx.done,
      ]);
      this.journalEntries = 0;
    });
  }

  close(): void {
    this.db.close();
  }
}

function countJournalEntries(journal: readonly JournalRecord[]): number {
  return journal.reduce((sum, delta) => sum + delta.added.length + delta.removed.length, 0);
}
