import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { createToken } from '../../server/tokens';
import {
  badgeStatuses,
  configureApi,
  launchWithExtension,
  serveFixtures,
  syncNowFromPopup,
  waitUntil,
  type ExtensionSession,
} from './browser';

let dbPath: string;
let server: RunningServer;
let session: ExtensionSession;
let site: Awaited<ReturnType<typeof serveFixtures>>;
let leadToken: string;

const quiet = pino({ level: 'silent' });

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${leadToken}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
}

/** Every add and remove the server's feed holds for one number, in order. */
async function feedOps(e164: string): Promise<string[]> {
  const ops: string[] = [];
  let cursor = '';
  for (;;) {
    const page = (await (await api(`/v1/suppressions?since=${cursor}&limit=1000`)).json()) as {
      changes: Array<{ op: string; e164: string }>;
      nextCursor: string;
      hasMore: boolean;
    };
    ops.push(...page.changes.filter((change) => change.e164 === e164).map((change) => change.op));
    cursor = page.nextCursor;
    if (!page.hasMore) return ops;
  }
}

/** Lists the user the audit log names for each blocked call, oldest first. */
async function blockedCallActors(): Promise<string[]> {
  const audit = (await (await api('/v1/audit?format=json')).json()) as {
    events: Array<{ actor: string; type: string }>;
  };
  return audit.events
    .filter((event) => event.type === 'client.dial_blocked')
    .map((event) => event.actor);
}

beforeAll(async () => {
  dbPath = mkdtempSync(join(tmpdir(), 'dnc-guard-e2e-'));
  server = await startServer({ dbPath, logger: quiet });
  const agent = createToken(server.stores.db, 'agent', 'e2e agent').token;
  leadToken = createToken(server.stores.db, 'lead', 'e2e lead').token;
  site = await serveFixtures();
  session = await launchWithExtension();
  await configureApi(session, server.url, agent);
});

afterAll(async () => {
  await session?.close();
  await site?.close();
  await server?.close();
  rmSync(dbPath, { recursive: true, force: true });
});

async function openRecord(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${site.url}/crm-record.html`);
  await waitUntil(
    () => badgeStatuses(page),
    (badges) => Object.keys(badges).length >= 6,
    'badges',
  );
  return page;
}

describe('sync with the central API', () => {
  it('flags a number added on the server after Sync now', async () => {
    const added = await api('/v1/suppressions', {
      method: 'POST',
      body: JSON.stringify({
        entries: [{ phone: '+1 212 555 0187', reason: 'Asked on the phone' }],
      }),
    });
    expect(added.status).toBeLessThan(300);

    const popup = await syncNowFromPopup(session);
    await popup.close();
    const page = await openRecord();

    expect((await badgeStatuses(page))['+12125550187']).toBe('suppressed');
    await page.close();
  });

  it('sends a number added while the server is down exactly once', async () => {
    const port = server.port;
    await server.close();

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByLabel('Phone number').fill('+1 718 555 0111');
    await popup.getByRole('button', { name: 'Check' }).click();
    await popup.getByRole('button', { name: 'Add to do-not-call list' }).click();
    await expect.poll(() => popup.locator('.result').getAttribute('data-status')).toBe('pending');

    const page = await session.context.newPage();
    await page.goto(`${site.url}/dial-pad.html`);
    await page.locator('#dial-number').fill('+1 718 555 0111');
    await page.locator('#call').click();
    await expect
      .poll(() => page.locator('dnc-guard-notice').getAttribute('data-status'))
      .toBe('pending');

    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => popup.getByRole('alert').getAttribute('data-code')).toBe('offline');
    expect(await popup.getByRole('alert').textContent()).toContain('Could not reach the server at');

    server = await startServer({ dbPath, port, logger: quiet });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => feedOps('+17185550111'), { timeout: 20_000 }).toEqual(['add']);

    // A second sync must not send it again.
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
    expect(await feedOps('+17185550111')).toEqual(['add']);
    await popup.close();
    await page.close();
  });

  it('sends queued items as agent first', async () => {
    const before = await blockedCallActors();
    const port = server.port;
    await server.close();
    const page = await session.context.newPage();
    await page.goto(`${site.url}/dial-pad.html`);
    await page.locator('#dial-number').fill('+1 718 555 0111');
    await page.locator('#call').click();
    await page.locator('dnc-guard-notice').waitFor();

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const apiForm = options.locator('form.api-settings');
    await options.getByLabel('Access token').fill(leadToken);
    await apiForm.getByRole('button', { name: 'Save' }).click();
    const syncFirst = apiForm.getByRole('button', { name: 'Sync now, then switch' });
    await syncFirst.click();
    await apiForm.getByText(/could not be sent, so the settings were not switched/).waitFor();

    server = await startServer({ dbPath, port, logger: quiet });
    await syncFirst.click();
    await apiForm.getByText('Saved.').waitFor();

    expect(await blockedCallActors()).toEqual([...before, 'e2e agent']);
    await options.close();
    await page.close();
  });
});
