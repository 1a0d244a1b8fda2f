import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { createToken } from '../../server/tokens';
import { verifyAudit } from '../../server/verify';
import {
  badgeStatuses,
  configureApi,
  launchWithExtension,
  serveFixtures,
  syncNowFromPopup,
  waitUntil,
  type ExtensionSession,
} from './browser';

/**
 * What the customer says when asked for the email on file: first a wrong
 * address, then the right one spelled in capitals (the record holds it in
 * lower case). Neither spelling may be stored or sent.
 */
const WRONG_ANSWER = 'wrong.person@example.org';
const SPOKEN_ANSWER = 'ANA.GARCIA@EXAMPLE.COM';

let dbPath: string;
let server: RunningServer;
let session: ExtensionSession;
let site: Awaited<ReturnType<typeof serveFixtures>>;
let leadToken: string;
const quiet = pino({ level: 'silent' });

async function asLead<T>(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${leadToken}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface CaseBody {
  id: string;
  status: string;
  version: number;
  checklist: Array<{ id: string; status: string }>;
  subject: { name?: string; phones: string[] };
  timeZone: string;
}

beforeAll(async () => {
  dbPath = mkdtempSync(join(tmpdir(), 'dnc-guard-capture-'));
  server = await startServer({ dbPath, logger: quiet });
  const agent = createToken(server.stores.db, 'agent', 'Agent Ana').token;
  leadToken = createToken(server.stores.db, 'lead', 'Lead Li').token;
  site = await serveFixtures();
  // The agent's clock is not in UTC, the zone the server assumes for a case without one.
  session = await launchWithExtension({ timezoneId: 'Asia/Shanghai' });
  await configureApi(session, server.url, agent);
  // An empty but current list: numbers count as allowed until someone suppresses them.
  await (await syncNowFromPopup(session)).close();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
  await server?.close();
  rmSync(dbPath, { recursive: true, force: true });
});

describe('deletion request from capture to confirmed close', () => {
  let caseId = '';
  let dialPad: Page;

  it('blocks the number in another tab before the server answers', async () => {
    dialPad = await session.context.newPage();
    await dialPad.goto(`${site.url}/dial-pad.html`);
    const record = await session.context.newPage();
    await record.goto(`${site.url}/crm-record.html`);
    await waitUntil(
      () => badgeStatuses(record),
      (badges) => badges['+442079460018'] === 'allowed',
      'allowed badge',
    );

    // The server goes away: the capture must still block at once.
    const port = server.port;
    await server.close();

    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.getByLabel('Name').inputValue()).toBe('Ana García');
    await panel.getByLabel("Customer's answer").fill(WRONG_ANSWER);
    await panel.getByRole('button', { name: 'Compare' }).click();
    await panel.getByText('Identity not verified (Email on file).').waitFor();
    await panel.getByLabel("Customer's answer").fill(SPOKEN_ANSWER);
    await panel.getByRole('button', { name: 'Compare' }).click();
    await panel.getByText('Identity verified (Email on file).').waitFor();
    await panel.getByRole('button', { name: 'Save and suppress now' }).click();
    await panel.getByText(/numbers are blocked now/).waitFor();

    await dialPad.bringToFront();
    await dialPad.locator('#dial-number').fill('+44 20 7946 0018');
    await dialPad.locator('#call').click();
    await expect
      .poll(() => dialPad.locator('dnc-guard-notice').getAttribute('data-status'))
      .toBe('pending');
    expect(
      await dialPad.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents),
    ).toEqual([]);

    const waiting = await session.worker.evaluate(async () => {
      const request = indexedDB.open('dnc-guard-sync');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = db.transaction('outbox').objectStore('outbox').getAll();
      const rows = await new Promise<unknown[]>((resolve) => {
        all.onsuccess = () => resolve(all.result as unknown[]);
      });
      db.close();
      return JSON.stringify(rows);
    });
    expect(waiting).toContain('"kind":"case"');
    expect(waiting).not.toContain(SPOKEN_ANSWER);
    expect(waiting).not.toContain(WRONG_ANSWER);
    expect(waiting).toContain('"method":"email_on_file","passed":true');
    caseId =
      /"kind":"case","id":"([0-9a-f-]{36})"/.exec(waiting)?.[1] ??
      (JSON.parse(waiting) as Array<{ kind: string; id: string }>).find(
        (row) => row.kind === 'case',
      )?.id ??
      '';
    expect(caseId).not.toBe('');

    server = await startServer({ dbPath, port, logger: quiet });
    await panel.close();
    await record.close();
  });

  it('reaches the server after sync', async () => {
    const popup = await syncNowFromPopup(session);
    await popup.close();

    const { status, body } = await asLead<CaseBody>(`/v1/cases/${caseId}`);
    expect(status).toBe(200);
    // The passed check from the capture form moved the case past received.
    expect(body.status).toBe('verified');
    expect(body.subject.phones).toContain('+442079460018');
    // Captured while the server was down, the case kept the zone of the agent's clock.
    expect(body.timeZone).toBe('Asia/Shanghai');
  });

  it('is walked to confirmed by a lead', async () => {
    const patch = async (change: Record<string, unknown>) => {
      const current = await asLead<CaseBody>(`/v1/cases/${caseId}`);
      const result = await asLead<CaseBody>(`/v1/cases/${caseId}`, {
        method: 'PATCH',
        body: JSON.stringify({ version: current.body.version, ...change }),
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      return result.body;
    };

    const inProgress = await patch({ status: 'in_progress' });
    const open = inProgress.checklist.filter((item) => item.status === 'open');
    await patch({
      checklist: open.map((item) => ({ itemId: item.id, status: 'done' })),
      status: 'actions_done',
    });
    const confirmed = await patch({
      status: 'confirmed',
      confirmation: { sentAt: new Date().toISOString(), channel: 'email' },
    });

    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.subject.name).toBeUndefined();
  });

  it('shows the case in the side panel', async () => {
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: 'My cases' }).click();

    await expect
      .poll(() => panel.locator('.case-list [data-status]').first().getAttribute('data-status'))
      .toBe('confirmed');
    await panel.close();
  });

  it('exports every step in a valid audit chain', async () => {
    const { body } = await asLead<{ events: Array<{ type: string }> }>(
      `/v1/audit?caseId=${caseId}&format=json`,
    );
    const types = body.events.map((event) => event.type);

    expect(types).toContain('case.created');
    expect(types.filter((type) => type === 'case.verification')).toHaveLength(1);
    expect(types.filter((type) => type === 'case.status_changed')).toHaveLength(3);
    expect(types).toContain('case.checklist_item');
    expect(types).toContain('case.confirmation');
    expect(verifyAudit(server.stores.db)).toMatchObject({ ok: true });

    const csv = await fetch(`${server.url}/v1/audit?caseId=${caseId}&format=csv`, {
      headers: { authorization: `Bearer ${leadToken}` },
    });
    expect((await csv.text()).split('\n').length).toBeGreaterThan(types.length);
  });

  it('never stores the spoken answer on the server', () => {
    const tables = server.stores.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all() as Array<{ name: string }>;
    for (const { name } of tables) {
      const rows = JSON.stringify(server.stores.db.prepare(`SELECT * FROM "${name}"`).all());
      expect(rows, name).not.toContain(SPOKEN_ANSWER);
      expect(rows, name).not.toContain(WRONG_ANSWER);
    }
  });
});
