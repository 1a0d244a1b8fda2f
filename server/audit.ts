import { createHash } from 'node:crypto';
import type { AuditEvent, AuditQuery } from '../lib/api/schemas.ts';
import { reserveSequence, type Db } from './db.ts';

/** prev_hash of the first event in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Serialises JSON with object keys sorted at every level and no whitespace, so
 * equal values always give the same bytes (and the same hash). Keys whose
 * value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot serialise ${typeof value} as JSON`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }

  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface HashedFields {
  seq: number;
  at: string;
  actor: string;
  type: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  prevHash: string;
}

export function hashAuditEvent(fields: HashedFields): string {
  return sha256Hex(canonicalJson(fields));
}

export interface NewAuditEvent {
  actor: string;
  type: string;
  caseId?: string | null;
  payload: Record<string, unknown>;
  at?: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  case_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

function rowToEvent(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    type: row.type,
    caseId: row.case_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Appends to and reads the hash-chained audit log. */
export class AuditLog {
  private readonly lastHash;
  private readonly insert;

  constructor(private readonly db: Db) {
    this.lastHash = db.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').pluck();
    this.insert = db.prepare(
      `INSERT INTO audit_events (seq, at, actor, type, case_id, payload, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /**
   * Appends one event. Call it inside the write transaction of the change it
   * records, so the change and its audit entry commit together or not at all.
   */
  append(event: NewAuditEvent): AuditEvent {
    if (!this.db.inTransaction)
      throw new Error('audit events must be appended inside a transaction');

    const seq = reserveSequence(this.db, 'audit', 1);
    const prevHash = (this.lastHash.get() as string | undefined) ?? GENESIS_HASH;
    const fields: HashedFields = {
      seq,
      at: event.at ?? new Date().toISOString(),
      actor: event.actor,
      type: event.type,
      caseId: event.caseId ?? null,
      payload: event.payload,
      prevHash,
    };
    const hash = hashAuditEvent(fields);

    this.insert.run(
      seq,
      fields.at,
      fields.actor,
      fields.type,
      fields.caseId,
      canonicalJson(fields.payload),
      prevHash,
      hash,
    );
    return { ...fields, hash };
  }

  /** Returns events in sequence order, filtered by time range and case. */
  list(query: Pick<AuditQuery, 'from' | 'to' | 'caseId' | 'limit'> & { afterSeq: number }): {
    events: AuditEvent[];
    lastSeq: number | null;
    hasMore: boolean;
  } {
    const conditions = ['seq > @afterSeq'];
    if (query.from) conditions.push('at >= @from');
    if (query.to) conditions.push('at < @to');
    if (query.caseId) conditions.push('case_id = @caseId');

    const rows = this.db
      .prepare(
        `SELECT * FROM audit_events WHERE ${conditions.join(' AND ')} ORDER BY seq LIMIT @limit`,
      )
      .all({
        afterSeq: query.afterSeq,
        from: normaliseTime(query.from),
        to: normaliseTime(query.to),
        caseId: query.caseId ?? null,
        limit: query.limit + 1,
      }) as AuditRow[];

    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    return { events: page.map(rowToEvent), lastSeq: page.at(-1)?.seq ?? null, hasMore };
  }
}

/** Stored times are UTC ISO strings; a query time with an offset must be compared in UTC too. */
function normaliseTime(value: string | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

export type AuditVerifyResult =
  { ok: true; events: number } | { ok: false; events: number; brokenSeq: number; problem: string };

/**
 * Walks the whole chain in sequence order and reports the first event whose
 * sequence number, prev_hash or hash does not match.
 */
export function verifyAuditChain(db: Db): AuditVerifyResult {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;

  for (const row of db
    .prepare('SELECT * FROM audit_events ORDER BY seq')
    .iterate() as IterableIterator<AuditRow>) {
    count += 1;
    const broken = (problem: string): AuditVerifyResult => ({
      ok: false,
      events: count,
      brokenSeq: row.seq,
      problem,
    });

    if (row.seq !== expectedSeq)
      return broken(`expected seq ${expectedSeq}, found ${row.seq} (a row is missing)`);
    if (row.prev_hash !== expectedPrev)
      return broken('prev_hash does not match the hash of the previous event');

    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      return broken('payload is not valid JSON');
    }

    const hash = hashAuditEvent({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      type: row.type,
      caseId: row.case_id,
      payload,
      prevHash: row.prev_hash,
    });
    if (hash !== row.hash) return broken('hash does not match the event contents');

    expectedPrev = row.hash;
    expectedSeq += 1;
  }

  // The counter records how many events were ever appended, so deleting the
  // newest rows is caught too.
  const issued = Number(
    db.prepare("SELECT value FROM counters WHERE name = 'audit'").pluck().get(),
  );
  if (issued !== count) {
    return {
      ok: false,
      events: count,
      brokenSeq: count + 1,
      problem: `${issued - count} event(s) after seq ${count} are missing`,
    };
  }
  return { ok: true, events: count };
}
