import { describe, expect, it } from 'vitest';

import { SuppressionIndex, type SuppressionEntry } from '../../lib/suppression/index.ts';
import { MAX_TABLE_METAS } from '../../lib/suppression/layout.ts';
import { seededRandom, syntheticKey, syntheticList } from '../../bench/index-data.ts';

const IMPORT = { reason: 'Registry', source: 'import', addedAt: Date.UTC(2025, 0, 1) };

function entry(e164: string, reason = IMPORT.reason): SuppressionEntry {
  return { ...IMPORT, reason, e164 };
}

function sortedNumbers(index: SuppressionIndex): string[] {
  return Array.from(index, (item) => item.e164).sort();
}

describe('SuppressionIndex lookups', () => {
  const list = syntheticList(200_000, 7);
  const index = SuppressionIndex.build(list);
  const present = new Set(Array.from(list.keys, (key) => key));

  it('finds every built key', () => {
    const missing = Array.from(list.keys).filter((key) => !index.has(`+${key}`));

    expect(missing).toEqual([]);
  });

  it('counts each distinct key once', () => {
    expect(index.size).toBe(present.size);
  });

  it('finds no absent key', () => {
    const random = seededRandom(99);
    const absent: string[] = [];
    while (absent.length < 10_000) {
      const key = syntheticKey(random);
      if (!present.has(key)) absent.push(`+${key}`);
    }

    expect(absent.filter((e164) => index.has(e164))).toEqual([]);
    expect(absent.filter((e164) => index.get(e164) !== undefined)).toEqual([]);
  });

  it('returns the meta of a built key', () => {
    const key = list.keys[123]!;
    const meta = list.metas[list.metaIds![123]!]!;

    expect(index.get(`+${key}`)).toEqual({ e164: `+${key}`, ...meta });
  });
});

describe('SuppressionIndex.build', () => {
  it('keeps the last entry of a repeated number', () => {
    const index = SuppressionIndex.build([
      entry('+12125550100', 'first'),
      entry('+12125550100', 'last'),
    ]);

    expect(index.size).toBe(1);
    expect(index.get('+12125550100')?.reason).toBe('last');
  });

  it.each([
    ['missing plus', '12125550100'],
    ['leading zero', '+02125550100'],
    ['too short', '+123456'],
    ['too long', '+1234567890123456'],
    ['letters', '+1212555O100'],
    ['spaces', '+1 212 555 0100'],
  ])('rejects key with %s', (_case, e164) => {
    expect(() => SuppressionIndex.build([entry(e164)])).toThrow(/Invalid E\.164 number/);
  });

  it('rejects a non-finite addedAt', () => {
    const bad = { ...entry('+12125550100'), addedAt: Number.NaN };

    expect(() => SuppressionIndex.build([bad])).toThrow(/addedAt/);
  });

  it('rejects packed meta ids out of range', () => {
    const packed = {
      keys: Float64Array.of(12125550100),
      metaIds: Uint16Array.of(3),
      metas: [IMPORT],
    };

    expect(() => SuppressionIndex.build(packed)).toThrow(/out of range/);
  });

  it('builds an empty index', () => {
    const index = SuppressionIndex.build([]);

    expect(index.size).toBe(0);
    expect(index.has('+12125550100')).toBe(false);
  });
});

describe('SuppressionIndex lookups with invalid input', () => {
  const index = SuppressionIndex.build([entry('+12125550100')]);

  it.each(['', '+', '2125550100', '+1 212 555 0100', '+12125550100x'])(
    'has() throws for %j',
    (value) => {
      expect(() => index.has(value)).toThrow(/Invalid E\.164 number/);
    },
  );
});

describe('SuppressionIndex.apply', () => {
  const base = ['+12125550100', '+12125550101', '+447400123456', '+4915112345678'];

  function baseIndex(): SuppressionIndex {
    return SuppressionIndex.build(base.map((e164) => entry(e164)));
  }

  it('adds and removes through the overlay', () => {
    const index = baseIndex();

    index.apply({
      added: [entry('+8613812345678', 'Customer request')],
      removed: ['+12125550100'],
    });

    expect(index.has('+8613812345678')).toBe(true);
    expect(index.get('+8613812345678')?.reason).toBe('Customer request');
    expect(index.has('+12125550100')).toBe(false);
    expect(index.size).toBe(4);
    expect(index.overlaySize).toBe(2);
  });

  it('replaces the meta of a present number', () => {
    const index = baseIndex();

    index.apply({ added: [entry('+447400123456', 'Complaint')], removed: [] });

    expect(index.get('+447400123456')?.reason).toBe('Complaint');
    expect(index.size).toBe(4);
  });

  it('ignores removal of an absent number', () => {
    const index = baseIndex();

    index.apply({ added: [], removed: ['+919876543210'] });

    expect(index.size).toBe(4);
  });

  it('keeps a number both removed and added', () => {
    const index = baseIndex();

    index.apply({ added: [entry('+12125550100', 'Again')], removed: ['+12125550100'] });

    expect(index.get('+12125550100')?.reason).toBe('Again');
    expect(index.size).toBe(4);
  });

  it('removes a number added earlier', () => {
    const index = baseIndex();
    index.apply({ added: [entry('+8613812345678')], removed: [] });

    index.apply({ added: [], removed: ['+8613812345678'] });

    expect(index.has('+8613812345678')).toBe(false);
    expect(index.size).toBe(4);
  });

  it('re-adds a removed packed number', () => {
    const index = baseIndex();
    index.apply({ added: [], removed: ['+12125550101'] });

    index.apply({ added: [entry('+12125550101', 'Back')], removed: [] });

    expect(index.get('+12125550101')?.reason).toBe('Back');
    expect(index.size).toBe(4);
  });

  it('changes nothing when one number is invalid', () => {
    const index = baseIndex();

    expect(() =>
      index.apply({
        added: [entry('+8613812345678'), entry('not a number')],
        removed: ['+12125550100'],
      }),
    ).toThrow(/Invalid E\.164 number/);
    expect(index.has('+8613812345678')).toBe(false);
    expect(index.has('+12125550100')).toBe(true);
    expect(index.overlaySize).toBe(0);
  });

  it.each([
    ['a new number', { added: [entry('+8613812345678')], removed: [] }],
    ['a number already listed', { added: [entry('+12125550100', 'Again')], removed: [] }],
    [
      'a number given twice',
      { added: [entry('+8613812345678'), entry('+8613812345678')], removed: [] },
    ],
    ['a removal', { added: [], removed: ['+12125550100'] }],
    ['a removal of an unlisted number', { added: [], removed: ['+8613812345678'] }],
    [
      'a number removed and added back',
      { added: [entry('+12125550100')], removed: ['+12125550100'] },
    ],
  ])('predicts its size after %s without changing', (_, delta) => {
    const index = baseIndex();
    const before = sortedNumbers(index);

    const predicted = index.sizeAfter(delta);

    expect(sortedNumbers(index)).toEqual(before);
    index.apply(delta);
    expect(predicted).toBe(index.size);
  });

  it('rejects invalid deltas in sizeAfter', () => {
    expect(() => baseIndex().sizeAfter({ added: [entry('+0123')], removed: [] })).toThrow(
      /Invalid E\.164 number/,
    );
  });

  it('returns a delta that undoes it', () => {
    const index = baseIndex();
    const before = Array.from(index).sort((a, b) => a.e164.localeCompare(b.e164));

    const undo = index.applyWithUndo({
      added: [entry('+8613812345678'), entry('+447400123456', 'Changed')],
      removed: ['+12125550100', '+919876543210'],
    });
    index.apply(undo);

    expect(Array.from(index).sort((a, b) => a.e164.localeCompare(b.e164))).toEqual(before);
    expect(index.size).toBe(4);
  });

  it('merges the overlay with the same result', () => {
    const index = baseIndex();
    index.apply({
      added: [entry('+8613812345678', 'New'), entry('+447400123456', 'Changed')],
      removed: ['+12125550100'],
    });
    const beforeMerge = Array.from(index).sort((a, b) => a.e164.localeCompare(b.e164));

    index.merge();

    expect(index.overlaySize).toBe(0);
    expect(Array.from(index).sort((a, b) => a.e164.localeCompare(b.e164))).toEqual(beforeMerge);
    expect(index.get('+447400123456')?.reason).toBe('Changed');
    expect(index.has('+12125550100')).toBe(false);
    expect(index.size).toBe(4);
  });

  it('merges by itself once the overlay grows large', () => {
    const list = syntheticList(50_000, 3);
    const index = SuppressionIndex.build(list);
    const random = seededRandom(5);
    const added = Array.from({ length: 5000 }, () => entry(`+${syntheticKey(random)}`, 'Delta'));
    const removed = Array.from(list.keys.subarray(0, 2000), (key) => `+${key}`);

    index.apply({ added, removed });

    expect(index.overlaySize).toBe(0);
    expect(added.every((item) => index.get(item.e164)?.reason === 'Delta')).toBe(true);
    expect(
      removed.filter((e164) => index.has(e164) && !added.some((a) => a.e164 === e164)),
    ).toEqual([]);
    expect(index.size).toBe(Array.from(index).length);
  });

  it('keeps small deltas in the overlay of a large index', () => {
    const index = SuppressionIndex.build(syntheticList(50_000, 3));

    index.apply({ added: [entry('+8613812345678')], removed: [] });

    expect(index.overlaySize).toBe(1);
  });
});

describe('SuppressionIndex meta overflow', () => {
  // Each entry has its own addedAt, as when numbers arrive one by one from sync.
  const count = MAX_TABLE_METAS + 500;
  const entries = Array.from({ length: count }, (_, i) => ({
    e164: `+4420${String(70_000_000 + i)}`,
    reason: `r${i % 3}`,
    source: 'sync',
    addedAt: 1_700_000_000_000 + i,
  }));
  const index = SuppressionIndex.build(entries);

  it('keeps the meta of every entry', () => {
    const wrong = entries.filter((item) => {
      const found = index.get(item.e164);
      return found?.addedAt !== item.addedAt || found.reason !== item.reason;
    });

    expect(wrong).toEqual([]);
    expect(index.size).toBe(count);
  });

  it('survives a storage round trip', () => {
    const { header, chunks } = index.toStorage(4096);
    const restored = SuppressionIndex.fromStorage(header, chunks);

    expect(header.overflowMetas.length).toBeGreaterThan(0);
    expect(Array.from(restored).sort((a, b) => a.e164.localeCompare(b.e164))).toEqual(
      Array.from(index).sort((a, b) => a.e164.localeCompare(b.e164)),
    );
  });
});

describe('SuppressionIndex storage conversion', () => {
  it('round-trips entries and overlay through chunks', () => {
    const index = SuppressionIndex.build(syntheticList(120_000, 11));
    index.apply({ added: [entry('+8613812345678', 'Late')], removed: [] });

    const { header, chunks } = index.toStorage(50_000);
    const restored = SuppressionIndex.fromStorage(header, chunks);

    expect(chunks).toHaveLength(Math.ceil(index.size / 50_000));
    expect(restored.size).toBe(index.size);
    expect(restored.get('+8613812345678')?.reason).toBe('Late');
    expect(sortedNumbers(restored)).toEqual(sortedNumbers(index));
  });

  it('re-sorts chunks saved with another bucket size', () => {
    const index = SuppressionIndex.build(syntheticList(10_000, 12));
    const { header, chunks } = index.toStorage();

    const restored = SuppressionIndex.fromStorage(
      { ...header, bucketBits: header.bucketBits + 1 },
      chunks,
    );

    expect(sortedNumbers(restored)).toEqual(sortedNumbers(index));
    expect(Array.from(index).every((item) => restored.has(item.e164))).toBe(true);
  });

  it('rejects a slot with an unknown meta id', () => {
    const index = SuppressionIndex.build([entry('+12125550100')]);
    const { header, chunks } = index.toStorage();

    expect(() => SuppressionIndex.fromStorage({ ...header, metas: [] }, chunks)).toThrow(/no meta/);
  });

  it('rejects truncated slot data', () => {
    const index = SuppressionIndex.build([entry('+12125550100')]);
    const { header } = index.toStorage();

    expect(() => SuppressionIndex.fromStorage(header, [{ slots: new ArrayBuffer(12) }])).toThrow(
      /8-byte entries/,
    );
  });
});
