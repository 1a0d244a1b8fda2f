import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export const DB_FILE_NAME = 'dnc-guard.sqlite';

/**
 * Opens (creating if needed) the database file inside `dir` in WAL mode and
 * applies pending migrations.
 */
export function openDatabase(dir: string): Db {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, DB_FILE_NAME));

  // WAL lets the feed be read while an import writes. busy_timeout makes a
  // second process (the CLI importing while the server runs) wait for the
  // write lock instead of failing at once.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');

  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);

  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((value) => Number(value)),
  );
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );

  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}

const reserveStatements = new WeakMap<Db, Database.Statement>();

/**
 * Reserves `count` consecutive values of a counter and returns the first.
 * Must run inside a write transaction: holding the counter row until commit
 * is what keeps sequence order equal to commit order.
 */
export function reserveSequence(
  db: Db,
  counter: 'feed' | 'audit' | 'cases',
  count: number,
): number {
  let statement = reserveStatements.get(db);
  if (!statement) {
    statement = db.prepare('UPDATE counters SET value = value + ? WHERE name = ? RETURNING value');
    reserveStatements.set(db, statement);
  }

  const row = statement.get(count, counter) as { value: number } | undefined;
  if (!row) throw new Error(`counter ${counter} is missing from the counters table`);
  return row.value - count + 1;
}
