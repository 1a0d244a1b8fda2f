import type { CheckResult, SuppressionChange } from '../lib/api/schemas.ts';
import { sha256Hex, type AuditLog } from './audit.ts';
import { reserveSequence, type Db } from './db.ts';

export interface SuppressionInput {
  e164: string;
  reason: string;
  source: string;
}

export interface AddResult {
  added: number;
  alreadyPresent: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

interface ChangeRow {
  seq: number;
  op: 'add' | 'remove';
  e164: string;
  reason: string;
  source: string;
  at: string;
}

/**
 * Digest of feed rows, stored in the audit event that created them so that
 * audit verification also covers the (unchained) suppression_changes table.
 */
export function digestChanges(rows: Iterable<Omit<ChangeRow, 'seq'>>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push([row.op, row.e164, row.reason, row.source, row.at].join('\t'));
  return sha256Hex(lines.join('\n'));
}

/** Cursors are the last delivered seq in base 36; the empty cursor means "from the start". */
export function encodeCursor(seq: number): string {
  return seq.toString(36);
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^[0-9a-z]{1,12}$/.test(cursor)) return null;
  return parseInt(cursor, 36);
}

/** The suppression list and its change feed. Write methods expect the caller's transaction. */
export class SuppressionStore {
  private readonly insertEntry;
  private readonly insertChange;
  private readonly findEntry;
  private readonly deleteEntry;
  private readonly feedPage;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.insertEntry = db.prepare(
      `INSERT INTO suppressions (e164, reason, source, added_at, added_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (e164) DO NOTHING`,
    );
    this.insertChange = db.prepare(
      'INSERT INTO suppression_changes (seq, op, e164, reason, source, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.findEntry = db.prepare(
      'SELECT e164, reason, source, added_at FROM suppressions WHERE e164 = ?',
    );
    this.deleteEntry = db.prepare('DELETE FROM suppressions WHERE e164 = ?');
    this.feedPage = db
      .prepare(
        'SELECT seq, op, e164, reason, source, at FROM suppression_changes WHERE seq > ? ORDER BY seq LIMIT ?',
      )
      .raw();
  }

  /**
   * Adds numbers not yet on the list, writes one feed row per added number
   * and one audit event for the batch. Must run inside a write transaction.
   */
  addMany(
    entries: readonly SuppressionInput[],
    actor: string,
    auditDetails: Record<string, unknown> & { caseId?: string },
  ): AddResult {
    const at = new Date().toISOString();
    const added: SuppressionInput[] = [];
    for (const entry of entries) {
      const result = this.insertEntry.run(entry.e164, entry.reason, entry.source, at, actor);
      if (result.changes === 1) added.push(entry);
    }

    let firstSeq: number | null = null;
    if (added.length > 0) {
      firstSeq = reserveSequence(this.db, 'feed', added.length);
      let seq = firstSeq;
      for (const entry of added) {
        this.insertChange.run(seq, 'add', entry.e164, entry.reason, entry.source, at);
        seq += 1;
      }
    }
    const lastSeq = firstSeq === null ? null : firstSeq + added.length - 1;

    const { caseId, ...details } = auditDetails;
    this.audit.append({
      actor,
      type: 'suppressions.added',
      caseId: caseId ?? null,
      at,
      payload: {
        ...details,
        added: added.length,
        alreadyPresent: entries.length - added.length,
        firstSeq,
        lastSeq,
        digest: digestChanges(added.map((entry) => ({ ...entry, op: 'add' as const, at }))),
      },
    });

    return {
      added: added.length,
      alreadyPresent: entries.length - added.length,
      firstSeq,
      lastSeq,
    };
  }

  /** Takes a number off the list; returns null when it is not on it. Must run inside a write transaction. */
  remove(e164: string, reason: string, actor: string): { seq: number } | null {
    const current = this.findEntry.get(e164) as
      { e164: string; reason: string; source: string; added_at: string } | undefined;
    if (!current) return null;

    const at = new Date().toISOString();
    this.deleteEntry.run(e164);
    const seq = reserveSequence(this.db, 'feed', 1);
    this.insertChange.run(seq, 'remove', e164, reason, current.source, at);

    this.audit.append({
      actor,
      type: 'suppression.removed',
      at,
      payload: {
        e164,
        reason,
        previousReason: current.reason,
        previousSource: current.source,
        addedAt: current.added_at,
        firstSeq: seq,
        lastSeq: seq,
        digest: digestChanges([{ op: 'remove', e164, reason, source: current.source, at }]),
      },
    });
    return { seq };
  }

  /** Returns up to `limit` changes after `afterSeq`, in commit order. */
  feed(afterSeq: number, limit: number): { changes: SuppressionChange[]; hasMore: boolean } {
    const rows = this.feedPage.all(afterSeq, limit + 1) as Array<
      [number, 'add' | 'remove', string, string, string, string]
    >;
    const hasMore = rows.length > limit;
    const changes: SuppressionChange[] = [];
    const count = Math.min(rows.length, limit);
    for (let i = 0; i < count; i++) {
      const row = rows[i]!;
      changes.push({
        seq: row[0],
        op: row[1],
        e164: row[2],
        reason: row[3],
        source: row[4],
        addedAt: row[5],
      });
    }
    return { changes, hasMore };
  }

  lookup(e164: string): Omit<CheckResult, 'phone'> {
    const row = this.findEntry.get(e164) as
      { reason: string; source: string; added_at: string } | undefined;
    if (!row) return { e164, status: 'allowed' };
    return {
      e164,
      status: 'suppressed',
      reason: row.reason,
      source: row.source,
      addedAt: row.added_at,
    };
  }
}
