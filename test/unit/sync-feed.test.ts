import { describe, expect, it } from 'vitest';
import type { SuppressionChange } from '../../lib/api/schemas.ts';
import { SyncError } from '../../lib/sync/errors.ts';
import {
  checkPageProgress,
  feedPageToChanges,
  feedPath,
  MAX_STALLED_PAGES,
} from '../../lib/sync/pull.ts';

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

describe('checkPageProgress', () => {
  const page = (changes: SuppressionChange[], nextCursor: string, hasMore: boolean) => ({
    changes,
    nextCursor,
    hasMore,
  });

  it('rejects an empty page claiming more', () => {
    expect(() => checkPageProgress(page([], 'b', true), 'a', 0)).toThrow(
      expect.objectContaining({ code: 'invalid_response' }),
    );
  });

  it('resets the count when the cursor moves', () => {
    expect(checkPageProgress(page([change('add', X)], 'b', true), 'a', 2)).toBe(0);
  });

  it('allows a repeated page a few times', () => {
    const repeated = page([change('add', X)], 'a', true);
    expect(checkPageProgress(repeated, 'a', 0)).toBe(1);
    expect(checkPageProgress(repeated, 'a', MAX_STALLED_PAGES - 2)).toBe(MAX_STALLED_PAGES - 1);
  });

  it('rejects a cursor stuck for too many pages', () => {
    const repeated = page([change('add', X)], 'a', true);
    expect(() => checkPageProgress(repeated, 'a', MAX_STALLED_PAGES - 1)).toThrow(
      /did not move in 3 pages/,
    );
  });

  it('accepts an empty last page', () => {
    expect(checkPageProgress(page([], '', false), null, 0)).toBe(1);
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
