import {
  API_LIMITS,
  CLOSED_CASE_STATUSES,
  type AuditEvent,
  type CaseStatus,
  type CreateCaseRequest,
  type ListCasesQuery,
  type PatchCaseRequest,
} from '../lib/api/schemas.ts';
import { caseReason, isCaseReason } from '../lib/cases/model.ts';
import { isFinalStatus } from '../lib/cases/workflow.ts';
import { DELETION_REQUEST_SOURCE } from '../lib/suppression/entry-words.ts';
import { canonicalJson, sha256Hex, type AuditLog } from './audit.ts';
import { toApiCase } from './case-view.ts';
import { reserveSequence, type Db } from './db.ts';
import { HttpError } from './errors.ts';
import type { SuppressionStore } from './suppressions.ts';
import {
  applyCasePatch,
  buildCaseRecord,
  isMinimised,
  WorkflowError,
  type Actor,
  type CaseEvent,
  type CaseRecord,
} from './workflow.ts';

/** A case that lists a given number. */
interface CaseWithNumber {
  id: string;
  status: CaseStatus;
  createdBy: string;
}

interface CaseRow {
  id: string;
  request_hash: string;
  change_seq: number;
  body: string;
}

/** Deletion cases: idempotent creation, versioned workflow steps, filtered listing. */
export class CaseStore {
  private readonly findCase;
  private readonly insertCase;
  private readonly updateCase;
  private readonly findCasesWithNumber;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly suppressions: SuppressionStore,
  ) {
    this.findCase = db.prepare('SELECT id, request_hash, change_seq, body FROM cases WHERE id = ?');
    this.findCasesWithNumber = db.prepare(
      `SELECT id, status, created_by AS createdBy FROM cases
       WHERE status != 'rejected'
         AND (EXISTS (SELECT 1 FROM json_each(body, '$.subject.phones')
                WHERE value IN (SELECT value FROM json_each(@phones)))
           OR EXISTS (SELECT 1 FROM json_each(body, '$.suppressedPhones')
                WHERE value IN (SELECT value FROM json_each(@phones))))
       ORDER BY change_seq`,
    );
    this.insertCase = db.prepare(
      `INSERT INTO cases (id, request_hash, status, version, due_at, effective_due_at,
         updated_at, change_seq, created_by, body)
       VALUES (@id, @requestHash, @status, @version, @dueAt, @effectiveDueAt,
         @updatedAt, @changeSeq, @createdBy, @body)`,
    );
    this.updateCase = db.prepare(
      `UPDATE cases SET status = @status, version = @version, due_at = @dueAt,
         effective_due_at = @effectiveDueAt, updated_at = @updatedAt,
         change_seq = @changeSeq, body = @body
       WHERE id = @id AND version = @previousVersion`,
    );
  }

  /**
   * Returns the cases that list one of `phones` among their numbers (an open
   * case's subject, a closed case's numbers kept suppressed), rejected ones
   * left out, oldest change first.
   * NOTE: this reads the body of every case in one pass, about 100 ms for
   * 50,000 cases on a 2-core machine. That suits a lead's removal and the
   * view of one case; a busier caller would need an index of case numbers.
   */
  casesWithNumbers(phones: readonly string[]): CaseWithNumber[] {
    return this.findCasesWithNumber.all({ phones: JSON.stringify(phones) }) as CaseWithNumber[];
  }

  /** Returns the other open cases that list one of the numbers of `record`. */
  sameNumberCases(record: CaseRecord): CaseWithNumber[] {
    const phones = isMinimised(record) ? record.suppressedPhones : record.subject.phones;
    return this.casesWithNumbers(phones).filter(
      (other) => other.id !== record.id && !isFinalStatus(other.status),
    );
  }

  /** Records on a case that one of its numbers was taken off the list, and why. */
  recordSuppressionRemoved(
    caseId: string,
    actor: string,
    at: string,
    removal: { e164: string; reason: string },
  ): void {
    this.audit.append({ actor, type: 'case.suppression_removed', caseId, at, payload: removal });
  }

  get(id: string): CaseRecord | null {
    const row = this.findCase.get(id) as CaseRow | undefined;
    return row ? (JSON.parse(row.body) as CaseRecord) : null;
  }

  /** Returns the audit events of one case, oldest first. */
  timeline(id: string): AuditEvent[] {
    const events: AuditEvent[] = [];
    let afterSeq = 0;
    for (;;) {
      const page = this.audit.list({ caseId: id, afterSeq, limit: API_LIMITS.auditDefaultLimit });
      events.push(...page.events);
      if (!page.hasMore || page.lastSeq === null) return events;
      afterSeq = page.lastSeq;
    }
  }

  /**
   * Creates the case and suppresses every subject phone in one transaction.
   * A repeated request with the same id and body returns the stored case
   * (created: false); the same id with another body is a 409.
   */
  create(
    input: CreateCaseRequest,
    actor: Actor,
    now = new Date(),
  ): { record: CaseRecord; created: boolean } {
    const requestHash = sha256Hex(canonicalJson(input));

    return this.db
      .transaction(() => {
        const existing = this.findCase.get(input.id) as CaseRow | undefined;
        if (existing) {
          if (existing.request_hash !== requestHash) {
            throw new HttpError(
              409,
              'id_conflict',
              `case ${input.id} already exists with a different body; generate a new id for a new case`,
            );
          }
          return { record: JSON.parse(existing.body) as CaseRecord, created: false };
        }

        let built: ReturnType<typeof buildCaseRecord>;
        try {
          built = buildCaseRecord(input, actor, now);
        } catch (error) {
          if (error instanceof WorkflowError) throw new HttpError(409, error.code, error.message);
          throw error;
        }
        const { record, events } = built;
        this.insertCase.run({
          id: record.id,
          requestHash,
          status: record.status,
          version: record.version,
          dueAt: record.deadlines.responseDueAt,
          effectiveDueAt: record.deadlines.effectiveDueAt,
          updatedAt: record.updatedAt,
          changeSeq: reserveSequence(this.db, 'cases', 1),
          createdBy: record.createdBy,
          body: JSON.stringify(record),
        });

        const [created, ...rest] = events;
        if (created) this.appendEvent(record.id, actor, record.createdAt, created);

        // The extension puts a capture's numbers on the list ahead of its case,
        // with the case's reason. Those count as added by this case, not as
        // numbers that were already on the list.
        const addedBeforeCase = record.subject.phones.filter((e164) => {
          const entry = this.suppressions.lookup(e164);
          return entry.reason !== undefined && isCaseReason(entry.reason, record.id);
        });
        const reason = caseReason(record.id);
        this.suppressions.addMany(
          record.subject.phones
            .filter((e164) => !addedBeforeCase.includes(e164))
            .map((e164) => ({ e164, reason, source: DELETION_REQUEST_SOURCE })),
          actor.name,
          {
            caseId: record.id,
            origin: 'case',
            ...(addedBeforeCase.length > 0 ? { addedBeforeCase: addedBeforeCase.length } : {}),
          },
        );
        for (const event of rest) this.appendEvent(record.id, actor, record.createdAt, event);

        return { record, created: true };
      })
      .immediate();
  }

  /**
   * Applies a PATCH if `patch.version` is current. Unknown case: 404; stale
   * version: 409 `version_conflict` with the current case; a step the
   * workflow rejects: 409 with the rule's code.
   */
  patch(id: string, patch: PatchCaseRequest, actor: Actor, now = new Date()): CaseRecord {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (!current) throw new HttpError(404, 'not_found', `case ${id} not found`);
        if (current.version !== patch.version) {
          throw new HttpError(
            409,
            'version_conflict',
            `case ${id} is at version ${current.version}, not ${patch.version}; reread it and retry`,
            { current: toApiCase(current, actor.role, now) },
          );
        }

        let result: { record: CaseRecord; events: CaseEvent[] };
        try {
          result = applyCasePatch(current, patch, actor, now);
        } catch (error) {
          if (error instanceof WorkflowError) throw new HttpError(409, error.code, error.message);
          throw error;
        }
        const { record: next } = result;

        const updated = this.updateCase.run({
          id,
          status: next.status,
          version: next.version,
          dueAt: next.deadlines.responseDueAt,
          effectiveDueAt: next.deadlines.effectiveDueAt,
          updatedAt: next.updatedAt,
          changeSeq: reserveSequence(this.db, 'cases', 1),
          body: JSON.stringify(next),
          previousVersion: current.version,
        });
        // Unreachable in SQLite, where the transaction holds the write lock,
        // but a database with concurrent writers can lose the race here.
        if (updated.changes !== 1) {
          throw new HttpError(
            409,
            'version_conflict',
            `case ${id} changed while it was being updated; reread it and retry`,
          );
        }

        for (const event of result.events) this.appendEvent(id, actor, next.updatedAt, event);
        return next;
      })
      .immediate();
  }

  private appendEvent(caseId: string, actor: Actor, at: string, event: CaseEvent): void {
    this.audit.append({ actor: actor.name, type: event.type, caseId, at, payload: event.payload });
  }

  /**
   * Lists cases in order of their last change; the cursor is the last change
   * seq seen. Overdue and dueBefore compare the effective deadline, which is
   * the extended one after a timely extension.
   */
  list(
    query: ListCasesQuery,
    afterChangeSeq: number,
    caller: Actor,
    now = new Date(),
  ): { records: CaseRecord[]; lastChangeSeq: number | null; hasMore: boolean } {
    const conditions = ['change_seq > @after'];
    const params: Record<string, string | number> = {
      after: afterChangeSeq,
      limit: query.limit + 1,
    };

    if (query.status) {
      conditions.push('status = @status');
      params.status = query.status;
    }
    if (query.overdue !== undefined) {
      const closed = CLOSED_CASE_STATUSES.map((status) => `'${status}'`).join(', ');
      conditions.push(
        query.overdue
          ? `(effective_due_at < @now AND status NOT IN (${closed}))`
          : `(effective_due_at >= @now OR status IN (${closed}))`,
      );
      params.now = now.toISOString();
    }
    if (query.open !== undefined) {
      const closed = CLOSED_CASE_STATUSES.map((status) => `'${status}'`).join(', ');
      conditions.push(query.open ? `status NOT IN (${closed})` : `status IN (${closed})`);
    }
    if (query.dueBefore) {
      conditions.push('effective_due_at < @dueBefore');
      params.dueBefore = new Date(query.dueBefore).toISOString();
    }
    if (query.updatedSince) {
      conditions.push('updated_at >= @updatedSince');
      params.updatedSince = new Date(query.updatedSince).toISOString();
    }
    if (query.createdBy) {
      conditions.push('created_by = @createdBy');
      params.createdBy = query.createdBy === 'me' ? caller.name : query.createdBy;
    }

    const rows = this.db
      .prepare(
        `SELECT id, request_hash, change_seq, body FROM cases
         WHERE ${conditions.join(' AND ')} ORDER BY change_seq LIMIT @limit`,
      )
      .all(params) as CaseRow[];

    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    return {
      records: page.map((row) => JSON.parse(row.body) as CaseRecord),
      lastChangeSeq: page.at(-1)?.change_seq ?? null,
      hasMore,
    };
  }
}
