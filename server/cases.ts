import {
  CLOSED_CASE_STATUSES,
  type Case,
  type CreateCaseRequest,
  type ListCasesQuery,
  type PatchCaseRequest,
  type Role,
} from '../lib/api/schemas.ts';
import { canonicalJson, sha256Hex, type AuditLog } from './audit.ts';
import { reserveSequence, type Db } from './db.ts';
import { HttpError } from './errors.ts';
import type { SuppressionStore } from './suppressions.ts';
import { checkTransition, computeDueAt } from './workflow.ts';

interface CaseRow {
  id: string;
  request_hash: string;
  change_seq: number;
  body: string;
}

export const DELETION_REQUEST_SOURCE = 'deletion-request';

/** Deletion cases: idempotent creation, versioned updates, filtered listing. */
export class CaseStore {
  private readonly findCase;
  private readonly insertCase;
  private readonly updateCase;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly suppressions: SuppressionStore,
  ) {
    this.findCase = db.prepare('SELECT id, request_hash, change_seq, body FROM cases WHERE id = ?');
    this.insertCase = db.prepare(
      `INSERT INTO cases (id, request_hash, status, version, due_at, updated_at, change_seq, body)
       VALUES (@id, @requestHash, @status, @version, @dueAt, @updatedAt, @changeSeq, @body)`,
    );
    this.updateCase = db.prepare(
      `UPDATE cases SET status = @status, version = @version, due_at = @dueAt,
         updated_at = @updatedAt, change_seq = @changeSeq, body = @body
       WHERE id = @id AND version = @previousVersion`,
    );
  }

  get(id: string): Case | null {
    const row = this.findCase.get(id) as CaseRow | undefined;
    return row ? (JSON.parse(row.body) as Case) : null;
  }

  /**
   * Creates the case and suppresses every subject phone in one transaction.
   * A repeated request with the same id and body returns the stored case
   * (created: false); the same id with another body is a 409.
   */
  create(input: CreateCaseRequest, actor: string): { case: Case; created: boolean } {
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
          return { case: JSON.parse(existing.body) as Case, created: false };
        }

        const now = new Date().toISOString();
        const stored: Case = {
          ...input,
          status: 'received',
          version: 1,
          dueAt: computeDueAt(input),
          createdAt: now,
          updatedAt: now,
          createdBy: actor,
          updatedBy: actor,
          verification: null,
          legalException: null,
          actions: [],
          confirmationSentAt: null,
        };
        this.insertCase.run({
          id: stored.id,
          requestHash,
          status: stored.status,
          version: stored.version,
          dueAt: stored.dueAt,
          updatedAt: stored.updatedAt,
          changeSeq: reserveSequence(this.db, 'cases', 1),
          body: JSON.stringify(stored),
        });

        // Subject details stay out of the append-only audit log so that
        // erasing the case later does not leave personal data behind.
        this.audit.append({
          actor,
          type: 'case.created',
          caseId: stored.id,
          at: now,
          payload: {
            channel: stored.channel,
            scope: stored.scope,
            jurisdiction: stored.jurisdiction,
            receivedAt: stored.receivedAt,
            dueAt: stored.dueAt,
            phones: stored.subject.phones.length,
          },
        });

        const reason = `deletion request ${stored.id}`;
        this.suppressions.addMany(
          stored.subject.phones.map((e164) => ({ e164, reason, source: DELETION_REQUEST_SOURCE })),
          actor,
          { caseId: stored.id, origin: 'case' },
        );

        return { case: stored, created: true };
      })
      .immediate();
  }

  /** Applies a patch if `patch.version` is current; 404, 409 or 422 otherwise. */
  patch(id: string, patch: PatchCaseRequest, actor: string, role: Role): Case {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (!current) throw new HttpError(404, 'not_found', `case ${id} not found`);
        if (current.version !== patch.version) {
          throw new HttpError(
            409,
            'version_conflict',
            `case ${id} is at version ${current.version}, not ${patch.version}; reread it and retry`,
            { current },
          );
        }

        const check = checkTransition(current, patch, role);
        if (!check.ok) throw new HttpError(422, 'transition_rejected', check.reason);

        const now = new Date().toISOString();
        // fields.version is overwritten below with the incremented one.
        const { addActions, ...fields } = patch;
        const next: Case = {
          ...current,
          ...fields,
          actions: [
            ...current.actions,
            ...(addActions ?? []).map((action) => ({ ...action, by: actor })),
          ],
          version: current.version + 1,
          updatedAt: now,
          updatedBy: actor,
        };

        const updated = this.updateCase.run({
          id,
          status: next.status,
          version: next.version,
          dueAt: next.dueAt,
          updatedAt: now,
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

        this.audit.append({
          actor,
          type: 'case.updated',
          caseId: id,
          at: now,
          payload: {
            version: next.version,
            fromStatus: current.status,
            toStatus: next.status,
            fields: Object.keys(fields)
              .filter((key) => key !== 'version')
              .sort(),
            addedActions: (addActions ?? []).map((action) => action.type),
            ...(patch.verification
              ? {
                  verification: {
                    method: patch.verification.method,
                    outcome: patch.verification.outcome,
                  },
                }
              : {}),
            ...(patch.legalException ? { legalBasis: patch.legalException.basis } : {}),
          },
        });
        return next;
      })
      .immediate();
  }

  /** Lists cases in order of their last change; the cursor is the last change seq seen. */
  list(
    query: ListCasesQuery,
    afterChangeSeq: number,
  ): { cases: Case[]; lastChangeSeq: number | null; hasMore: boolean } {
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
          ? `(due_at < @now AND status NOT IN (${closed}))`
          : `(due_at >= @now OR status IN (${closed}))`,
      );
      params.now = new Date().toISOString();
    }
    if (query.dueBefore) {
      conditions.push('due_at < @dueBefore');
      params.dueBefore = new Date(query.dueBefore).toISOString();
    }
    if (query.updatedSince) {
      conditions.push('updated_at >= @updatedSince');
      params.updatedSince = new Date(query.updatedSince).toISOString();
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
      cases: page.map((row) => JSON.parse(row.body) as Case),
      lastChangeSeq: page.at(-1)?.change_seq ?? null,
      hasMore,
    };
  }
}
