import { describeValue } from './key.ts';

/** Reason, source and time of a suppression, shared by all entries of one import. */
export interface EntryMeta {
  reason: string;
  source: string;
  /** Milliseconds since the Unix epoch. */
  addedAt: number;
}

export interface SuppressionEntry extends EntryMeta {
  e164: string;
}

/** A delta from sync: numbers added to and removed from the list. */
export interface SuppressionChanges {
  added: readonly SuppressionEntry[];
  removed: readonly string[];
}

/** Many entries in columns, the input for bulk builds without an object per number. */
export interface PackedSuppressionEntries {
  /** E.164 digits without "+" as integers (see key.ts). */
  keys: Float64Array;
  /** Index into `metas` for each key; null when every key uses `metas[0]`. */
  metaIds: Uint16Array | Uint32Array | null;
  metas: readonly EntryMeta[];
}

/**
 * A run of packed slots (see layout.ts), the unit stored in IndexedDB: a
 * Uint32Array buffer with two words per entry. Meta ids in it index the
 * `metas` of the `SuppressionLayoutHeader` saved with it.
 */
export interface SuppressionChunk {
  slots: ArrayBuffer;
}

/** Layout parameters and meta tables of a saved index, stored beside its chunks. */
export interface SuppressionLayoutHeader {
  format: 1;
  bucketBits: number;
  entryCount: number;
  metas: EntryMeta[];
  /** Entries whose meta did not fit the table: keys as a Float64Array buffer, metas in the same order. */
  overflowKeys: ArrayBuffer;
  overflowMetas: EntryMeta[];
}

export function assertEntryMeta(meta: EntryMeta, where: string): void {
  if (typeof meta.reason !== 'string' || typeof meta.source !== 'string') {
    throw new Error(`Invalid suppression entry at ${where}: reason and source must be strings.`);
  }
  if (!Number.isFinite(meta.addedAt)) {
    throw new Error(
      `Invalid suppression entry at ${where}: addedAt ${describeValue(meta.addedAt)} is not a time in milliseconds.`,
    );
  }
}
