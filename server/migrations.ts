/**
 * Numbered schema steps, applied in order at start and recorded in
 * `schema_migrations`. Append new steps; never edit one that has shipped.
 *
 * The SQL sticks to types and statements that PostgreSQL accepts unchanged
 * (TEXT, BIGINT, INTEGER, CHECK, plain indexes), so a PostgreSQL store can
 * run the same steps. Timestamps are ISO 8601 UTC strings, which sort in time
 * order as text in both databases.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      -- One row per named counter. A writer increments it inside its
      -- transaction, which serialises writers and so makes sequence order
      -- equal commit order (see docs/storage.md).
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value BIGINT NOT NULL
      );
      INSERT INTO counters (name, value) VALUES ('feed', 0), ('audit', 0), ('cases', 0);

      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );

      -- The list as it is now: one row per suppressed number.
      CREATE TABLE suppressions (
        e164 TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        source TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      );

      -- Every add and remove in commit order; the delta feed pages over seq.
      CREATE TABLE suppression_changes (
        seq BIGINT PRIMARY KEY,
        op TEXT NOT NULL CHECK (op IN ('add', 'remove')),
        e164 TEXT NOT NULL,
        reason TEXT NOT NULL,
        source TEXT NOT NULL,
        at TEXT NOT NULL
      );

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        due_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        change_seq BIGINT NOT NULL UNIQUE,
        body TEXT NOT NULL
      );
      CREATE INDEX cases_status_due ON cases (status, due_at);

      CREATE TABLE client_events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        actor TEXT NOT NULL
      );

      -- Append-only and hash-chained: hash covers the row and prev_hash.
      CREATE TABLE audit_events (
        seq BIGINT PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        type TEXT NOT NULL,
        case_id TEXT,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_events_case ON audit_events (case_id, seq);
      CREATE INDEX audit_events_at ON audit_events (at);
    `,
  },
  {
    version: 2,
    name: 'case creator and effective deadline columns',
    sql: `
      -- Filters of GET /v1/cases: createdBy=me, and overdue/dueBefore on
      -- the deadline that counts now (the extended one after a timely
      -- extension), which can differ from due_at.
      -- NOTE: rows written before this step hold the earlier case JSON
      -- (actions, confirmationSentAt) and get created_by ''; the case
      -- routes cannot read them, and nothing converts them.
      ALTER TABLE cases ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN effective_due_at TEXT NOT NULL DEFAULT '';
      UPDATE cases SET effective_due_at = due_at;
      CREATE INDEX cases_status_effective_due ON cases (status, effective_due_at);
      CREATE INDEX cases_created_by ON cases (created_by, change_seq);
    `,
  },
];
