import { hashKey, invalidE164Error, isValidKey, joinKey, keyHigh, keyLow } from './key.ts';
import type { EntryMeta } from './types.ts';

/**
 * The packed, hash-ordered form of the index.
 *
 * Entry i occupies `slots[2i]` (low 32 key bits) and `slots[2i + 1]` (high 18
 * key bits, then a 14-bit meta id). Entries are grouped by bucket, the top
 * bits of `hashKey`, and bucket b spans entries `offsets[b]` to
 * `offsets[b + 1]`, so a lookup reads one offset pair and a few adjacent slots.
 */
export interface PackedLayout {
  slots: Uint32Array;
  offsets: Uint32Array;
  /** 32 minus the number of bucket bits, so `hash >>> bucketShift` is the bucket. */
  bucketShift: number;
  /** Meta table indexed by meta id; `OVERFLOW_META_ID` is never an index. */
  metas: EntryMeta[];
  /** Metas of entries whose meta id is `OVERFLOW_META_ID`, by key. */
  overflow: Map<number, EntryMeta>;
  count: number;
}

export const KEY_HIGH_BITS = 18;
export const KEY_HIGH_MASK = (1 << KEY_HIGH_BITS) - 1;
/** Meta id meaning "look the meta up in `overflow`". */
export const OVERFLOW_META_ID = (1 << (32 - KEY_HIGH_BITS)) - 1;
/** Distinct metas that fit the table; rarer ones go to the overflow map. */
export const MAX_TABLE_METAS = OVERFLOW_META_ID;

/** About eight entries per bucket keeps the offset table near 4 MB at 5M entries. */
const ENTRIES_PER_BUCKET = 8;
const MIN_BUCKET_BITS = 4;
const MAX_BUCKET_BITS = 26;

export function bucketBitsFor(count: number): number {
  const bits = Math.ceil(Math.log2(Math.max(1, count / ENTRIES_PER_BUCKET)));
  return Math.min(MAX_BUCKET_BITS, Math.max(MIN_BUCKET_BITS, bits));
}

function tupleKey(reason: string, source: string, addedAt: number): string {
  return `${addedAt}\u0000${source.length}\u0000${source}${reason}`;
}

/**
 * Collects keys with their metas, then lays them out. A key added twice keeps
 * the meta added last.
 */
export class LayoutBuilder {
  private keys: Float64Array;
  private metaRefs: Uint32Array;
  private count = 0;

  private readonly metas: EntryMeta[] = [];
  private readonly refByTuple = new Map<string, number>();
  private readonly refByObject = new Map<EntryMeta, number>();
  private lastReason = '';
  private lastSource = '';
  private lastAddedAt = Number.NaN;
  private lastRef = -1;

  constructor(expectedCount = 1024) {
    const capacity = Math.max(16, expectedCount);
    this.keys = new Float64Array(capacity);
    this.metaRefs = new Uint32Array(capacity);
  }

  /** Adds a key whose meta is given by value; consecutive equal metas are cheap. */
  addWithFields(key: number, reason: string, source: string, addedAt: number): void {
    if (reason !== this.lastReason || source !== this.lastSource || addedAt !== this.lastAddedAt) {
      this.lastRef = this.refForTuple(reason, source, addedAt);
      this.lastReason = reason;
      this.lastSource = source;
      this.lastAddedAt = addedAt;
    }
    this.push(key, this.lastRef);
  }

  /** Adds a key whose meta object is shared with other keys (from a table or chunk). */
  addWithMeta(key: number, meta: EntryMeta): void {
    this.addWithRef(key, this.refOf(meta));
  }

  /** Returns the reference of a meta for `addWithRef`, so bulk callers can skip per-key lookups. */
  refOf(meta: EntryMeta): number {
    let ref = this.refByObject.get(meta);
    if (ref === undefined) {
      ref = this.refForTuple(meta.reason, meta.source, meta.addedAt);
      this.refByObject.set(meta, ref);
    }
    return ref;
  }

  addWithRef(key: number, ref: number): void {
    this.push(key, ref);
  }

  private refForTuple(reason: string, source: string, addedAt: number): number {
    const tuple = tupleKey(reason, source, addedAt);
    let ref = this.refByTuple.get(tuple);
    if (ref === undefined) {
      ref = this.metas.length;
      this.metas.push({ reason, source, addedAt });
      this.refByTuple.set(tuple, ref);
    }
    return ref;
  }

  private push(key: number, ref: number): void {
    if (this.count === this.keys.length) this.grow();
    this.keys[this.count] = key;
    this.metaRefs[this.count] = ref;
    this.count++;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;

    const metaRefs = new Uint32Array(this.metaRefs.length * 2);
    metaRefs.set(this.metaRefs);
    this.metaRefs = metaRefs;
  }

  finish(): PackedLayout {
    const { keys, metaRefs, count } = this;
    const { tableMetas, idByRef } = this.assignMetaIds();

    const bucketBits = bucketBitsFor(count);
    const bucketShift = 32 - bucketBits;
    const bucketCount = 2 ** bucketBits;

    // Counting sort by bucket: sizes, then start offsets, then placement.
    const offsets = new Uint32Array(bucketCount + 1);
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const low = keyLow(key);
      offsets[(hashKey(low, keyHigh(key, low)) >>> bucketShift) + 1]!++;
    }
    for (let b = 0; b < bucketCount; b++) offsets[b + 1]! += offsets[b]!;

    const next = offsets.slice(0, bucketCount);
    const overflow = new Map<number, EntryMeta>();
    let slots = new Uint32Array(count * 2);
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const low = keyLow(key);
      const high = keyHigh(key, low);
      const ref = metaRefs[i]!;
      const id = idByRef[ref]!;
      const position = next[hashKey(low, high) >>> bucketShift]!++;
      slots[2 * position] = low;
      slots[2 * position + 1] = (high | (id << KEY_HIGH_BITS)) >>> 0;

      // Input order is kept within a bucket and here, so the last meta wins in both.
      if (id === OVERFLOW_META_ID) overflow.set(key, this.metas[ref]!);
      else if (overflow.size !== 0) overflow.delete(key);
    }

    const unique = removeDuplicates(slots, offsets, bucketCount);
    if (unique < count) slots = slots.slice(0, unique * 2);

    return { slots, offsets, bucketShift, metas: tableMetas, overflow, count: unique };
  }

  /** Gives table ids to the most used metas; the rest get `OVERFLOW_META_ID`. */
  private assignMetaIds(): { tableMetas: EntryMeta[]; idByRef: Uint32Array } {
    const refCount = this.metas.length;
    const idByRef = new Uint32Array(refCount);

    if (refCount <= MAX_TABLE_METAS) {
      for (let ref = 0; ref < refCount; ref++) idByRef[ref] = ref;
      return { tableMetas: this.metas.slice(), idByRef };
    }

    const uses = new Uint32Array(refCount);
    for (let i = 0; i < this.count; i++) uses[this.metaRefs[i]!]!++;
    const byUse = Array.from({ length: refCount }, (_, ref) => ref).sort(
      (a, b) => uses[b]! - uses[a]!,
    );

    idByRef.fill(OVERFLOW_META_ID);
    const tableMetas: EntryMeta[] = [];
    for (const ref of byUse.slice(0, MAX_TABLE_METAS)) {
      idByRef[ref] = tableMetas.length;
      tableMetas.push(this.metas[ref]!);
    }
    return { tableMetas, idByRef };
  }
}

/**
 * Wraps slots saved from a layout with `bucketBits` bucket bits without
 * re-sorting them: one sequential pass checks each key and meta id and
 * rebuilds the offsets. Returns null when the slots are not in bucket order,
 * so the caller can fall back to a full build.
 */
export function layoutFromSortedSlots(
  slots: Uint32Array,
  bucketBits: number,
  metas: EntryMeta[],
  overflow: Map<number, EntryMeta>,
): PackedLayout | null {
  if (
    !Number.isInteger(bucketBits) ||
    bucketBits < MIN_BUCKET_BITS ||
    bucketBits > MAX_BUCKET_BITS
  ) {
    return null;
  }
  const bucketShift = 32 - bucketBits;
  const bucketCount = 2 ** bucketBits;
  const count = slots.length / 2;
  const offsets = new Uint32Array(bucketCount + 1);

  let bucket = 0;
  for (let slot = 0; slot < count; slot++) {
    const low = slots[2 * slot]!;
    const word = slots[2 * slot + 1]!;
    const high = word & KEY_HIGH_MASK;
    const key = joinKey(low, high);
    if (!isValidKey(key)) throw invalidE164Error(`+${key}`);

    const id = word >>> KEY_HIGH_BITS;
    if (id === OVERFLOW_META_ID ? !overflow.has(key) : id >= metas.length) {
      throw new Error(`Invalid suppression chunk data: no meta for slot ${slot}.`);
    }

    const slotBucket = hashKey(low, high) >>> bucketShift;
    if (slotBucket < bucket) return null;
    while (bucket < slotBucket) offsets[++bucket] = slot;
  }
  while (bucket < bucketCount) offsets[++bucket] = count;

  const unique = removeDuplicates(slots, offsets, bucketCount);
  const packed = unique < count ? slots.slice(0, unique * 2) : slots;
  return { slots: packed, offsets, bucketShift, metas, overflow, count: unique };
}

/**
 * Drops repeated keys inside each bucket, keeping the last slot's meta in the
 * first slot's place, compacts the slots and rewrites `offsets`. Returns the
 * number of unique entries.
 */
function removeDuplicates(slots: Uint32Array, offsets: Uint32Array, bucketCount: number): number {
  let write = 0;
  let start = offsets[0]!;
  for (let b = 0; b < bucketCount; b++) {
    const end = offsets[b + 1]!;
    const bucketStart = write;

    for (let read = start; read < end; read++) {
      const low = slots[2 * read]!;
      const word = slots[2 * read + 1]!;
      const high = word & KEY_HIGH_MASK;

      let j = bucketStart;
      while (j < write && !(slots[2 * j] === low && (slots[2 * j + 1]! & KEY_HIGH_MASK) === high)) {
        j++;
      }
      slots[2 * j] = low;
      slots[2 * j + 1] = word;
      if (j === write) write++;
    }

    offsets[b] = bucketStart;
    start = end;
  }
  offsets[bucketCount] = write;
  return write;
}
