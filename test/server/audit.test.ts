import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../server/audit.ts';
import { DB_FILE_NAME } from '../../server/db.ts';
import { verifyAudit } from '../../server/verify.ts';
import { newCaseBody, runCli, startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
  await t.api('/v1/suppressions', {
    method: 'POST',
    body: {
      entries: [
        { phone: '+447400400001', reason: 'a' },
        { phone: '+447400400002', reason: 'b' },
      ],
    },
  });
  await t.api('/v1/cases', { method: 'POST', body: newCaseBody() });
  await t.api('/v1/suppressions/+447400400001', {
    method: 'DELETE',
    token: 'lead',
    body: { reason: 'c' },
  });
});
afterEach(async () => {
  await t.stop();
});

/** Tampers with the file through a second connection, as someone with file access would. */
function tamper(sql: string, ...params: unknown[]): void {
  const db = new Database(join(t.dir, DB_FILE_NAME));
  db.prepare(sql).run(...params);
  db.close();
}

describe('audit verification', () => {
  it('passes on an untouched log, by function and CLI', () => {
    expect(verifyAudit(t.server.stores.db)).toEqual({ ok: true, events: 4 });
    const cli = runCli(['audit', 'verify', '--db', t.dir]);
    expect(cli.stdout.trim()).toBe('ok');
    expect(cli.status).toBe(0);
  });

  it('names the edited event when a payload changes', () => {
    const payload = canonicalJson({ reason: 'something else' });
    tamper('UPDATE audit_events SET payload = ? WHERE seq = 2', payload);

    const result = verifyAudit(t.server.stores.db);
    expect(result).toMatchObject({ ok: false, brokenSeq: 2 });

    const cli = runCli(['audit', 'verify', '--db', t.dir]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('seq 2');
  });

  it('catches a deleted middle event', () => {
    tamper('DELETE FROM audit_events WHERE seq = 2');
    expect(verifyAudit(t.server.stores.db)).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it('catches a deleted last event', () => {
    tamper('DELETE FROM audit_events WHERE seq = 4');
    expect(verifyAudit(t.server.stores.db)).toMatchObject({ ok: false, brokenSeq: 4 });
  });

  it('catches a rehashed event through the next link', () => {
    tamper("UPDATE audit_events SET actor = 'mallory', hash = ? WHERE seq = 1", 'f'.repeat(64));
    expect(verifyAudit(t.server.stores.db)).toMatchObject({ ok: false, brokenSeq: 1 });
  });

  it('catches an edited feed row through the batch digest', () => {
    tamper("UPDATE suppression_changes SET reason = 'edited' WHERE seq = 2");
    const result = verifyAudit(t.server.stores.db);
    expect(result).toMatchObject({ ok: false, brokenSeq: 1 });
  });
});
