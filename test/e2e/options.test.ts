import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { z } from 'zod';
import { startServer, type RunningServer } from '../../server/index';
import { createToken } from '../../server/tokens';
import {
  badgeStatuses,
  importCsv,
  launchWithExtension,
  serveFixtures,
  waitUntil,
  type ExtensionSession,
} from './browser';

let dbPath: string;
let server: RunningServer;
let session: ExtensionSession;
let token: string;
let site: Awaited<ReturnType<typeof serveFixtures>>;

const storedSettings = z.object({ apiUrl: z.string(), accessToken: z.string() }).passthrough();

beforeAll(async () => {
  dbPath = mkdtempSync(join(tmpdir(), 'dnc-guard-e2e-'));
  server = await startServer({ dbPath, logger: pino({ level: 'silent' }) });
  token = createToken(server.stores.db, 'agent', 'e2e agent').token;
  session = await launchWithExtension();
  site = await serveFixtures();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
  await server?.close();
  rmSync(dbPath, { recursive: true, force: true });
});

/** Waits for the install to store a default country, and returns it. */
function storedCountry(browser: ExtensionSession): Promise<string | undefined> {
  return waitUntil(
    () =>
      browser.worker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
        const { settings } = await api.storage.local.get('settings');
        return (settings as { defaultCountry?: string } | undefined)?.defaultCountry;
      }),
    (country) => country !== undefined,
    'the default country of the new install',
  );
}

describe('a new install', () => {
  it('takes its default country from the browser language', async () => {
    const chinese = await launchWithExtension({ language: 'zh_CN' });
    try {
      expect(await storedCountry(chinese)).toBe('CN');
    } finally {
      await chinese.close();
    }

    expect(await storedCountry(session)).toBe('US');
  });
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

  it('clears token error after fixing token', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const apiForm = page.locator('form.api-settings');
    const syncError = apiForm.locator('.sync-status [role=alert]');

    await page.getByLabel('API URL').fill(server.url);
    await page.getByLabel('Access token').fill('dncg_not_a_token');
    await apiForm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => syncError.getAttribute('data-code')).toBe('unauthorized');

    await page.getByLabel('Access token').fill(token);
    await apiForm.getByRole('button', { name: 'Save' }).click();

    await expect.poll(() => syncError.count()).toBe(0);
    await apiForm.getByText(/^Last sync: /).waitFor();
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByText(/^Last sync: /).waitFor();
    expect(await popup.getByText(/^Last sync failed/).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('updates open tabs when the default country changes', async () => {
    const options = await importCsv(
      session,
      'phone,reason\n+44 20 7946 0018,Asked not to be called',
    );
    const countryForm = options.locator('form.settings');
    await options.getByLabel('Default country').selectOption('US');
    await countryForm.getByRole('button', { name: 'Save' }).click();
    await countryForm.getByText('Saved.').waitFor();
    const page = await session.context.newPage();
    await page.goto(`${site.url}/national-number.html`);
    await page.locator('#ready').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    expect(await badgeStatuses(page)).toEqual({});

    await options.getByLabel('Default country').selectOption('GB');
    await countryForm.getByRole('button', { name: 'Save' }).click();

    const badges = await waitUntil(
      () => badgeStatuses(page),
      (found) => found['+442079460018'] !== undefined,
      'the badge of the national number',
    );
    expect(badges).toEqual({ '+442079460018': 'suppressed' });
    await page.close();
    await options.close();
  });
});
