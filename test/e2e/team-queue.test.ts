import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/index';
import { createToken } from '../../server/tokens';
import {
  configureApi,
  launchWithExtension,
  serveFixtures,
  syncNowFromPopup,
  type ExtensionSession,
} from './browser';

let dbPath: string;
let server: RunningServer;
let session: ExtensionSession;
let site: Awaited<ReturnType<typeof serveFixtures>>;
let agentToken: string;
let leadToken: string;

beforeAll(async () => {
  dbPath = mkdtempSync(join(tmpdir(), 'dnc-guard-queue-'));
  server = await startServer({ dbPath, logger: pino({ level: 'silent' }) });
  agentToken = createToken(server.stores.db, 'agent', 'Agent Ana').token;
  leadToken = createToken(server.stores.db, 'lead', 'Lead Li').token;
  site = await serveFixtures();
  session = await launchWithExtension();
  await configureApi(session, server.url, agentToken);
  await (await syncNowFromPopup(session)).close();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
  await server?.close();
  rmSync(dbPath, { recursive: true, force: true });
});

/** Opens the side panel as the lead and the agent's case from the team queue. */
async function openQueuedCaseAsLead() {
  await configureApi(session, server.url, leadToken);
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  await panel.getByRole('tab', { name: 'Team queue' }).click();
  await panel.getByRole('button', { name: 'Ana García' }).click();
  return panel;
}

describe('team queue', () => {
  it('is not offered to the agent who captures a case', async () => {
    const record = await session.context.newPage();
    await record.goto(`${site.url}/crm-record.html`);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.getByLabel('Name').inputValue()).toBe('Ana García');
    await panel.getByLabel("Customer's answer").fill('ana.garcia@example.com');
    await panel.getByRole('button', { name: 'Compare' }).click();
    await panel.getByText('Identity verified (Email on file).').waitFor();
    await panel.getByRole('button', { name: 'Save and suppress now' }).click();
    await panel.getByText(/numbers are blocked now/).waitFor();
    await (await syncNowFromPopup(session)).close();

    await panel.getByRole('tab', { name: 'My cases' }).click();
    await panel.getByRole('button', { name: 'Ana García' }).waitFor();
    expect(await panel.getByRole('tab', { name: 'Team queue' }).count()).toBe(0);
    await panel.close();
    await record.close();
  });

  it('shows the case to a lead, who opens it and takes a lead step', async () => {
    await configureApi(session, server.url, leadToken);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);

    await panel.getByRole('tab', { name: 'Team queue' }).click();
    const row = panel.locator('.queue li', { hasText: 'Ana García' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Captured by Agent Ana');
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('verified');

    // The lead's own cases are empty: the agent captured this one.
    await panel.getByRole('tab', { name: 'My cases' }).click();
    await panel.getByText('No cases yet.').waitFor();

    await panel.getByRole('tab', { name: 'Team queue' }).click();
    await panel.getByRole('button', { name: 'Ana García' }).click();
    await panel.getByRole('heading', { name: 'Ana García' }).waitFor();
    await panel.getByRole('button', { name: 'Start work' }).click();
    await panel.getByRole('button', { name: 'Send to legal review' }).waitFor();
    await panel.close();
  });

  it('gives a lead the id the audit export takes', async () => {
    const panel = await openQueuedCaseAsLead();

    const caseId = await panel.locator('.case-id code').textContent();
    const audit = await fetch(`${server.url}/v1/audit?caseId=${caseId}&format=json`, {
      headers: { authorization: `Bearer ${leadToken}` },
    });
    expect(audit.status).toBe(200);

    await panel.getByRole('button', { name: 'Back to the team queue' }).click();
    await panel.getByRole('button', { name: 'Ana García' }).waitFor();
    await panel.close();
  });

  it('holds a processor item until its confirmation', async () => {
    const panel = await openQueuedCaseAsLead();

    await panel.getByLabel('Processor name').fill('Acme Dialer Inc.');
    await panel.getByRole('button', { name: 'Add processor' }).click();
    const done = panel.getByRole('button', {
      name: 'Done: Tell the processor to delete (Acme Dialer Inc.)',
    });
    await done.waitFor();
    expect(await done.isDisabled()).toBe(true);

    await panel.getByRole('button', { name: 'Confirmation received: Acme Dialer Inc.' }).click();
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.locator('[data-processor]', { hasText: 'deletion confirmed' }).waitFor();
    expect(await done.isDisabled()).toBe(false);
    await panel.close();
  });
});
