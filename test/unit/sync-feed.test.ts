import { describe, expect, it } from 'vitest';
import type { SuppressionChange } from '../../lib/api/schemas.ts';
import { SyncError } from '../../lib/sync/errors.ts';
import { assertPageAdvances, feedPageToChanges, feedPath } from '../../lib/sync/pull.ts';

const X = '+447700900101';
const Y = '+447700900102';
const Z = '+447700900103';

let nextSeq = 1;
function change(op: 'add' | 'remove', e164: string, reason: string = op): SuppressionChange {
  return {
    seq: nextSeq++,
    op,
    e164,
    reason,
    source: 'test',
    addedAt: '2025-03-01T09:30:00.000Z',
  };
}

describe('feedPageToChanges', () => {
  it('drops a number added then removed in one page', () => {
    const delta = feedPageToChanges([change('add', X), change('remove', X)]);
    expect(delta.added).toEqual([]);
    expect(delta.removed).toEqual([X]);
  });

  it('keeps a number removed then added in one page', () => {
    const delta = feedPageToChanges([change('remove', X), change('add', X, 'again')]);
    expect(delta.removed).toEqual([]);
    expect(delta.added.map((entry) => [entry.e164, entry.reason])).toEqual([[X, 'again']]);
  });

  it('keeps only the last of many changes per number', () => {
    const delta = feedPageToChanges([
      change('add', X, 'first'),
      change('add', Y),
      change('remove', X),
      change('remove', Y),
      change('add', X, 'third'),
      change('add', Z),
    ]);
    expect(delta.added.map((entry) => [entry.e164, entry.reason])).toEqual([
      [X, 'third'],
      [Z, 'add'],
    ]);
    expect(delta.removed).toEqual([Y]);
  });

  it('converts addedAt to milliseconds', () => {
    const delta = feedPageToChanges([change('add', X)]);
    expect(delta.added[0]?.addedAt).toBe(Date.UTC(2025, 2, 1, 9, 30));
    expect(delta.added[0]?.source).toBe('test');
  });

  it('rejects sequence numbers that do not rise', () => {
    const first = change('add', X);
    const second = change('add', Y);
    expect(() => feedPageToChanges([second, first])).toThrow(SyncError);
    expect(() => feedPageToChanges([first, first])).toThrow(/out of order/);
  });
});

describe('assertPageAdvances', () => {
  it.each([
    { name: 'empty page claiming more', changes: [], nextCursor: 'a', cursor: 'a' },
    {
      name: 'unmoved cursor claiming more',
      changes: [change('add', X)],
      nextCursor: 'a',
      cursor: 'a',
    },
  ])('rejects $name', ({ changes, nextCursor, cursor }) => {
    expect(() => assertPageAdvances({ changes, nextCursor, hasMore: true }, cursor)).toThrow(
      expect.objectContaining({ code: 'invalid_response' }),
    );
  });

  it('accepts an empty last page', () => {
    expect(() =>
      assertPageAdvances({ changes: [], nextCursor: '', hasMore: false }, null),
    ).not.toThrow();
  });
});

describe('feedPath', () => {
  it('omits since before the first sync', () => {
    expect(feedPath(null, 250)).toBe('/v1/suppressions?limit=250');
  });

  it('passes the cursor and clamps the page size', () => {
    expect(feedPath('2s', 1_000_000)).toBe('/v1/suppressions?since=2s&limit=50000');
  });
});
