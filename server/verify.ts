import { verifyAuditChain, type AuditVerifyResult } from './audit.ts';
import type { Db } from './db.ts';
import { digestChanges } from './suppressions.ts';

interface FeedRange {
  firstSeq: number;
  lastSeq: number;
  digest: string;
}

function feedRange(payload: Record<string, unknown>): FeedRange | null {
  const { firstSeq, lastSeq, digest } = payload;
  if (typeof firstSeq !== 'number' || typeof lastSeq !== 'number' || typeof digest !== 'string')
    return null;
  return { firstSeq, lastSeq, digest };
}

/**
 * Verifies the audit hash chain and, for every event that wrote feed rows,
 * that those rows still match the digest recorded in the event. Reports the
 * first audit seq whose link is broken.
 */
export function verifyAudit(db: Db): AuditVerifyResult {
  const chain = verifyAuditChain(db);
  if (!chain.ok) return chain;

  const rowsInRange = db.prepare(
    'SELECT op, e164, reason, source, at FROM suppression_changes WHERE seq BETWEEN ? AND ? ORDER BY seq',
  );
  const events = db.prepare(
    "SELECT seq, payload FROM audit_events WHERE type IN ('suppressions.added', 'suppression.removed') ORDER BY seq",
  );
  for (const event of events.iterate() as IterableIterator<{ seq: number; payload: string }>) {
    const range = feedRange(JSON.parse(event.payload) as Record<string, unknown>);
    if (!range) continue;

    const digest = digestChanges(
      rowsInRange.iterate(range.firstSeq, range.lastSeq) as IterableIterator<{
        op: 'add' | 'remove';
        e164: string;
        reason: string;
        source: string;
        at: string;
      }>,
    );
    if (digest !== range.digest) {
      return {
        ok: false,
        events: chain.events,
        brokenSeq: event.seq,
        problem: `feed rows ${range.firstSeq}..${range.lastSeq} no longer match the digest recorded in this event`,
      };
    }
  }
  return chain;
}
