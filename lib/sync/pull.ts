import { API_LIMITS, FeedPage, type SuppressionChange } from '../api/schemas.ts';
import type { SuppressionChanges, SuppressionEntry } from '../suppression/types.ts';
import { SyncError } from './errors.ts';

/**
 * Turns one feed page into a delta for the list. The list applies removals
 * before additions, so a number added and removed in the same page would end
 * up added. Each number therefore keeps only its last change in the page.
 * Throws when the page's sequence numbers do not rise, because then "last"
 * has no meaning.
 */
export function feedPageToChanges(changes: readonly SuppressionChange[]): SuppressionChanges {
  const lastPosition = new Map<string, number>();
  let previousSeq = 0;
  changes.forEach((change, position) => {
    if (change.seq <= previousSeq) {
      const detail = `the feed lists change ${change.seq} after change ${previousSeq}, out of order`;
      throw new SyncError(
        'invalid_response',
        `Downloading the DNC list failed: ${detail}. Ask your administrator to check the API server.`,
        { detail },
      );
    }
    previousSeq = change.seq;
    lastPosition.set(change.e164, position);
  });

  // Walking the page in order and keeping each number's last change keeps
  // the feed's order of last changes. Bulk imports share one timestamp, so
  // the last parsed one is reused.
  const added: SuppressionEntry[] = [];
  const removed: string[] = [];
  let lastStamp = '';
  let lastTime = Number.NaN;
  changes.forEach((change, position) => {
    if (lastPosition.get(change.e164) !== position) return;
    if (change.op === 'remove') {
      removed.push(change.e164);
      return;
    }
    if (change.addedAt !== lastStamp) {
      lastStamp = change.addedAt;
      lastTime = Date.parse(change.addedAt);
    }
    added.push({
      e164: change.e164,
      reason: change.reason,
      source: change.source,
      addedAt: lastTime,
    });
  });
  return { added, removed };
}

export function feedPath(cursor: string | null, pageSize: number): string {
  const limit = Math.min(Math.max(1, Math.floor(pageSize)), API_LIMITS.feedMaxLimit);
  const since = cursor ? `since=${encodeURIComponent(cursor)}&` : '';
  return `/v1/suppressions?${since}limit=${limit}`;
}

/**
 * Pages in a row that may leave the cursor where it was. A repeated page
 * (a retry, or a proxy that sends one response twice) is harmless because applying a page
 * again changes nothing, but a server that never moves the cursor would
 * keep the sync looping.
 */
export const MAX_STALLED_PAGES = 3;

/**
 * Checks what the schema cannot: a page that claims more must carry changes,
 * and the cursor must move within MAX_STALLED_PAGES pages. Returns the new
 * count of pages in a row that did not move it.
 */
export function checkPageProgress(page: FeedPage, cursor: string | null, stalled: number): number {
  if (page.hasMore && page.changes.length === 0) {
    const detail = 'the feed says more changes follow but sent none';
    throw new SyncError(
      'invalid_response',
      `Downloading the DNC list failed: ${detail}. Ask your administrator to check the API server.`,
      { detail },
    );
  }
  if (page.nextCursor !== (cursor ?? '')) return 0;
  if (page.hasMore && stalled + 1 >= MAX_STALLED_PAGES) {
    const detail = `the feed says more changes follow but its cursor did not move in ${MAX_STALLED_PAGES} pages`;
    throw new SyncError(
      'invalid_response',
      `Downloading the DNC list failed: ${detail}. Ask your administrator to check the API server.`,
      { detail },
    );
  }
  return stalled + 1;
}
