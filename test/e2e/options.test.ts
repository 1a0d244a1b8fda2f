import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { z } from 'zod';
import { startServer, type RunningServer } from '../../server/index';
import { createToken } from '../../server/tokens';
import { launchWithExtension, type ExtensionSession } from './browser';

let dbPath: string;
let server: RunningServer;
let session: ExtensionSession;
let token: string;

const storedSettings = z.object({ apiUrl: z.string(), accessToken: z.string() }).passthrough();

beforeAll(async () => {
  dbPath = mkdtempSync(join(tmpdir(), 'dnc-guard-e2e-'));
  server = await startServer({ dbPath, logger: pino({ level: 'silent' }) });
  token = createToken(server.stores.db, 'agent', 'e2e agent').token;
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  rmSync(dbPath, { recursive: true, force: true });
});

describe('options page', () => {
  it('keeps the API settings when the country is saved after them', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const apiForm = page.locator('form.api-settings');
    const generalForm = page.locator('form.settings');

    await page.getByLabel('API URL').fill(server.url);
    await page.getByLabel('Access token').fill(token);
    await apiForm.getByRole('button', { name: 'Save' }).click();
    await apiForm.getByText('Saved.').waitFor();
    await page.getByLabel('Default country').selectOption('GB');
    await generalForm.getByRole('button', { name: 'Save' }).click();
    await generalForm.getByText('Saved.').waitFor();

    const stored = storedSettings.parse(
      await page.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
        return (await api.storage.local.get('settings')).settings;
      }),
    );
    expect(stored).toMatchObject({ apiUrl: server.url, accessToken: token, defaultCountry: 'GB' });
    expect(await page.getByLabel('API URL').inputValue()).toBe(server.url);
    await page.close();
  });
});
