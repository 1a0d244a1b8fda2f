import { AuditLog } from './audit.ts';
import { CaseStore } from './cases.ts';
import { ClientEventStore } from './client-events.ts';
import type { Db } from './db.ts';
import { SuppressionStore } from './suppressions.ts';
import { TokenStore } from './tokens.ts';

/** Every store over one database connection, built once per server. */
export interface Stores {
  db: Db;
  audit: AuditLog;
  suppressions: SuppressionStore;
  cases: CaseStore;
  events: ClientEventStore;
  tokens: TokenStore;
}

export function createStores(db: Db): Stores {
  const audit = new AuditLog(db);
  const suppressions = new SuppressionStore(db, audit);
  return {
    db,
    audit,
    suppressions,
    cases: new CaseStore(db, audit, suppressions),
    events: new ClientEventStore(db, audit),
    tokens: new TokenStore(db),
  };
}
