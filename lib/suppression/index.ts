import {
  describeValue,
  e164ToKey,
  hashKey,
  invalidE164Error,
  isValidKey,
  joinKey,
  keyHigh,
  keyLow,
  keyToE164,
} from './key.ts';
import {
  KEY_HIGH_BITS,
  KEY_HIGH_MASK,
  LayoutBuilder,
  OVERFLOW_META_ID,
  layoutFromSortedSlots,
  type PackedLayout,
} from './layout.ts';
import {
  assertEntryMeta,
  type EntryMeta,
  type PackedSuppressionEntries,
  type SuppressionChanges,
  type SuppressionChunk,
  type SuppressionEntry,
  type SuppressionLayoutHeader,
} from './types.ts';

export type {
  EntryMeta,
  PackedSuppressionEntries,
  SuppressionChanges,
  SuppressionChunk,
  SuppressionEntry,
  SuppressionLayoutHeader,
} from './types.ts';

export const DEFAULT_CHUNK_ENTRIES = 50_000;

/** Overlay size up to which `apply` leaves the overlay unmerged, whatever the list size. */
const MIN_MERGE_THRESHOLD = 4096;
/**
 * Above the minimum, the overlay is merged once it outgrows 1/16 of the packed
 * layout. A merge costs time linear in the list, so a list downloaded in
 * pages of fixed size still costs linear time in all (about 16 merges' worth
 * of entries), while the overlay stays small beside the packed entries.
 */
const MERGE_FRACTION_SHIFT = 4;

/**
 * The DNC list in memory: E.164 number → reason, source and time added.
 *
 * Most entries live in a packed hash-ordered layout of 8 bytes each (see
 * layout.ts). Deltas go to a small overlay of added entries and removed keys.
 * The overlay is merged into the packed layout only once it outgrows 1/16 of
 * it, so a delta of a few hundred entries costs a few hundred map operations.
 * Invariants: `removed` only contains keys of the packed layout, and no key is
 * both in `added` and in `removed`.
 */
export class SuppressionIndex {
  private layout: PackedLayout;
  private readonly added = new Map<number, SuppressionEntry>();
  private readonly removed = new Set<number>();
  private entryCount: number;

  private constructor(layout: PackedLayout) {
    this.layout = layout;
    this.entryCount = layout.count;
  }

  static empty(): SuppressionIndex {
    return new SuppressionIndex(new LayoutBuilder(0).finish());
  }

  /**
   * Builds an index from entries or packed columns. A number given twice keeps
   * the entry given last. Throws on an invalid number or meta.
   */
  static build(input: Iterable<SuppressionEntry> | PackedSuppressionEntries): SuppressionIndex {
    if (isPacked(input)) return SuppressionIndex.fromPacked(input);

    const builder = new LayoutBuilder(Array.isArray(input) ? input.length : undefined);
    let position = 0;
    for (const entry of input) {
      assertEntryMeta(entry, `entry ${position}`);
      builder.addWithFields(e164ToKey(entry.e164), entry.reason, entry.source, entry.addedAt);
      position++;
    }
    return new SuppressionIndex(builder.finish());
  }

  /**
   * Rebuilds an index saved with `toStorage`. Slots still in bucket order are
   * used as they are; otherwise they are re-sorted. Throws on malformed data.
   */
  static fromStorage(
    header: SuppressionLayoutHeader,
    chunks: readonly SuppressionChunk[],
  ): SuppressionIndex {
    const overflowKeys = new Float64Array(header.overflowKeys);
    if (overflowKeys.length !== header.overflowMetas.length) {
      throw new Error('Invalid suppression layout: overflow keys and metas differ in length.');
    }
    header.metas.forEach((meta, id) => assertEntryMeta(meta, `meta ${id}`));
    const overflow = new Map<number, EntryMeta>();
    header.overflowMetas.forEach((meta, i) => {
      assertEntryMeta(meta, `overflow meta ${i}`);
      overflow.set(overflowKeys[i]!, meta);
    });

    const wordCount = chunks.reduce((sum, chunk) => sum + chunk.slots.byteLength / 4, 0);
    if (!Number.isInteger(wordCount) || wordCount % 2 !== 0) {
      throw new Error(
        'Invalid suppression chunks: slot data is not a whole number of 8-byte entries.',
      );
    }
    const slots = new Uint32Array(wordCount);
    let offset = 0;
    for (const chunk of chunks) {
      slots.set(new Uint32Array(chunk.slots), offset);
      offset += chunk.slots.byteLength / 4;
    }

    const layout =
      layoutFromSortedSlots(slots, header.bucketBits, header.metas, overflow) ??
      relayout(slots, header.metas, overflow);
    return new SuppressionIndex(layout);
  }

  private static fromPacked(packed: PackedSuppressionEntries): SuppressionIndex {
    const { keys, metaIds, metas } = packed;
    metas.forEach((meta, id) => assertEntryMeta(meta, `packed input, meta ${id}`));
    if (metaIds === null ? keys.length > 0 && metas.length === 0 : metaIds.length !== keys.length) {
      throw new Error(
        'Invalid packed input: expected one meta id per key, or metaIds null and one meta.',
      );
    }

    const builder = new LayoutBuilder(keys.length);
    const refs = metas.map((meta) => builder.refOf(meta));
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!isValidKey(key)) throw invalidE164Error(`+${key}`);
      const ref = refs[metaIds === null ? 0 : metaIds[i]!];
      if (ref === undefined) {
        throw new Error(
          `Invalid packed input: meta id ${describeValue(metaIds?.[i])} at ${i} is out of range.`,
        );
      }
      builder.addWithRef(key, ref);
    }
    return new SuppressionIndex(builder.finish());
  }

  get size(): number {
    return this.entryCount;
  }

  /** Number of added entries and removed keys not yet merged into the packed layout. */
  get overlaySize(): number {
    return this.added.size + this.removed.size;
  }

  /** Throws an Error when `e164` is not a valid E.164 string. */
  has(e164: string): boolean {
    return this.hasKey(e164ToKey(e164));
  }

  private hasKey(key: number): boolean {
    if (this.added.size + this.removed.size !== 0) {
      if (this.added.has(key)) return true;
      if (this.removed.has(key)) return false;
    }
    return this.findSlot(key) !== -1;
  }

  /** Returns a fresh entry object. Throws an Error when `e164` is not a valid E.164 string. */
  get(e164: string): SuppressionEntry | undefined {
    return this.entryForKey(e164ToKey(e164));
  }

  /**
   * Returns the size the index would have after `apply(changes)`, without changing
   * anything. Throws the error `apply` would throw for an invalid number or
   * meta, so a caller can store a delta first and then apply it knowing the
   * apply cannot fail.
   */
  sizeAfter(changes: SuppressionChanges): number {
    const present = new Map<number, boolean>();
    for (const e164 of changes.removed) present.set(e164ToKey(e164), false);
    changes.added.forEach((entry, position) => {
      assertEntryMeta(entry, `added[${position}]`);
      present.set(e164ToKey(entry.e164), true);
    });

    let size = this.entryCount;
    for (const [key, after] of present) {
      if (after !== this.hasKey(key)) size += after ? 1 : -1;
    }
    return size;
  }

  /**
   * Applies a delta: `removed` first, then `added`, so a number in both stays
   * suppressed (a stale flag is safer than a wrong allow). Validates the whole
   * delta before changing anything.
   */
  apply(changes: SuppressionChanges): void {
    this.applyKeys(changes, null);
  }

  /** Like `apply`, and returns the delta that undoes this one. */
  applyWithUndo(changes: SuppressionChanges): SuppressionChanges {
    const previous = new Map<number, SuppressionEntry | undefined>();
    this.applyKeys(changes, previous);

    const undo: { added: SuppressionEntry[]; removed: string[] } = { added: [], removed: [] };
    for (const [key, entry] of previous) {
      if (entry === undefined) undo.removed.push(keyToE164(key));
      else undo.added.push(entry);
    }
    return undo;
  }

  /** Applies `changes`; when `previous` is given, records there each touched key's entry from before. */
  private applyKeys(
    changes: SuppressionChanges,
    previous: Map<number, SuppressionEntry | undefined> | null,
  ): void {
    const removedKeys = changes.removed.map((e164) => e164ToKey(e164));
    const addedEntries = changes.added.map((entry, position) => {
      assertEntryMeta(entry, `added[${position}]`);
      const key = e164ToKey(entry.e164);
      const copy: SuppressionEntry = {
        e164: entry.e164,
        reason: entry.reason,
        source: entry.source,
        addedAt: entry.addedAt,
      };
      return { key, entry: copy };
    });

    for (const key of removedKeys) {
      if (previous !== null && !previous.has(key)) previous.set(key, this.entryForKey(key));
      this.removeKey(key);
    }
    for (const { key, entry } of addedEntries) {
      if (previous !== null && !previous.has(key)) previous.set(key, this.entryForKey(key));
      this.addEntry(key, entry);
    }

    const mergeAt = Math.max(MIN_MERGE_THRESHOLD, this.layout.count >>> MERGE_FRACTION_SHIFT);
    if (this.overlaySize > mergeAt) this.merge();
  }

  /** Returns the entry stored under `key`, as `get` returns it, without a string round trip. */
  private entryForKey(key: number): SuppressionEntry | undefined {
    if (this.added.size + this.removed.size !== 0) {
      const entry = this.added.get(key);
      if (entry !== undefined) return { ...entry };
      if (this.removed.has(key)) return undefined;
    }
    const slot = this.findSlot(key);
    if (slot === -1) return undefined;
    const { reason, source, addedAt } = this.metaAt(slot, key);
    return { e164: keyToE164(key), reason, source, addedAt };
  }

  private removeKey(key: number): void {
    const inPacked = this.findSlot(key) !== -1;
    const wasPresent = this.added.delete(key) || (inPacked && !this.removed.has(key));
    if (inPacked) this.removed.add(key);
    if (wasPresent) this.entryCount--;
  }

  private addEntry(key: number, entry: SuppressionEntry): void {
    const inPacked = this.findSlot(key) !== -1;
    const wasPresent = this.added.has(key) || (inPacked && !this.removed.has(key));
    this.removed.delete(key);
    this.added.set(key, entry);
    if (!wasPresent) this.entryCount++;
  }

  /** Rebuilds the packed layout with the overlay folded in (linear in the list size). */
  merge(): void {
    if (this.overlaySize === 0) return;

    const { layout } = this;
    const dropped = new Uint8Array(layout.count);
    for (const key of this.removed) dropped[this.findSlot(key)] = 1;
    for (const key of this.added.keys()) {
      const slot = this.findSlot(key);
      if (slot !== -1) dropped[slot] = 1;
    }

    const builder = new LayoutBuilder(this.entryCount);
    for (let slot = 0; slot < layout.count; slot++) {
      if (dropped[slot] === 1) continue;
      const key = this.keyAt(slot);
      builder.addWithMeta(key, this.metaAt(slot, key));
    }
    for (const [key, entry] of this.added) {
      builder.addWithFields(key, entry.reason, entry.source, entry.addedAt);
    }

    this.layout = builder.finish();
    this.added.clear();
    this.removed.clear();
  }

  /** Yields every entry once, in no particular order. */
  *entries(): Generator<SuppressionEntry> {
    const { layout } = this;
    const hasOverlay = this.overlaySize !== 0;
    for (let slot = 0; slot < layout.count; slot++) {
      const key = this.keyAt(slot);
      if (hasOverlay && (this.removed.has(key) || this.added.has(key))) continue;
      const { reason, source, addedAt } = this.metaAt(slot, key);
      yield { e164: keyToE164(key), reason, source, addedAt };
    }
    for (const entry of this.added.values()) yield { ...entry };
  }

  [Symbol.iterator](): Generator<SuppressionEntry> {
    return this.entries();
  }

  /**
   * Merges the overlay, then returns the packed layout as a header and chunks
   * of at most `chunkEntries` entries each (copies, safe to store).
   */
  toStorage(chunkEntries = DEFAULT_CHUNK_ENTRIES): {
    header: SuppressionLayoutHeader;
    chunks: SuppressionChunk[];
  } {
    if (!Number.isInteger(chunkEntries) || chunkEntries < 1) {
      throw new Error(`Invalid chunk size ${chunkEntries}: expected a positive integer.`);
    }
    this.merge();

    const { layout } = this;
    const chunks: SuppressionChunk[] = [];
    for (let start = 0; start < layout.count; start += chunkEntries) {
      const end = Math.min(layout.count, start + chunkEntries);
      chunks.push({ slots: layout.slots.slice(2 * start, 2 * end).buffer });
    }

    const header: SuppressionLayoutHeader = {
      format: 1,
      bucketBits: 32 - layout.bucketShift,
      entryCount: layout.count,
      metas: layout.metas.map((meta) => ({ ...meta })),
      overflowKeys: Float64Array.from(layout.overflow.keys()).buffer,
      overflowMetas: Array.from(layout.overflow.values(), (meta) => ({ ...meta })),
    };
    return { header, chunks };
  }

  private findSlot(key: number): number {
    const { slots, offsets, bucketShift } = this.layout;
    const low = keyLow(key);
    const high = keyHigh(key, low);
    const bucket = hashKey(low, high) >>> bucketShift;

    const end = offsets[bucket + 1]!;
    for (let slot = offsets[bucket]!; slot < end; slot++) {
      if (slots[2 * slot] === low && (slots[2 * slot + 1]! & KEY_HIGH_MASK) === high) return slot;
    }
    return -1;
  }

  private keyAt(slot: number): number {
    const { slots } = this.layout;
    return joinKey(slots[2 * slot]!, slots[2 * slot + 1]! & KEY_HIGH_MASK);
  }

  private metaAt(slot: number, key: number): EntryMeta {
    const id = this.layout.slots[2 * slot + 1]! >>> KEY_HIGH_BITS;
    const meta = id === OVERFLOW_META_ID ? this.layout.overflow.get(key) : this.layout.metas[id];
    if (meta === undefined)
      throw new Error(`Suppression index is corrupt: no meta for slot ${slot}.`);
    return meta;
  }
}

function isPacked(
  input: Iterable<SuppressionEntry> | PackedSuppressionEntries,
): input is PackedSuppressionEntries {
  return 'keys' in input && input.keys instanceof Float64Array;
}

/** Re-sorts slots that are valid but not in bucket order. */
function relayout(
  slots: Uint32Array,
  metas: EntryMeta[],
  overflow: Map<number, EntryMeta>,
): PackedLayout {
  const builder = new LayoutBuilder(slots.length / 2);
  const refs = metas.map((meta) => builder.refOf(meta));

  for (let slot = 0; slot < slots.length / 2; slot++) {
    const key = joinKey(slots[2 * slot]!, slots[2 * slot + 1]! & KEY_HIGH_MASK);
    if (!isValidKey(key)) throw invalidE164Error(`+${key}`);

    const id = slots[2 * slot + 1]! >>> KEY_HIGH_BITS;
    const meta = id === OVERFLOW_META_ID ? overflow.get(key) : undefined;
    const ref = id === OVERFLOW_META_ID ? undefined : refs[id];
    if (meta !== undefined) builder.addWithMeta(key, meta);
    else if (ref !== undefined) builder.addWithRef(key, ref);
    else throw new Error(`Invalid suppression chunk data: no meta for slot ${slot}.`);
  }
  return builder.finish();
}
