import type { Page } from 'playwright-core';
import {
  launchWithExtension as launchChromium,
  servePages,
  type ExtensionSession,
  type LaunchOptions,
} from '../../scripts/lib/chromium';
import { crmListHtml, hostileHtml } from '../fixtures/generate';

export {
  badgeStatuses,
  configureApi,
  syncNowFromPopup,
  waitUntil,
} from '../../scripts/lib/chromium';
export type { ExtensionSession } from '../../scripts/lib/chromium';

/**
 * Starts Chromium with the built extension, in US English unless `language`
 * names another. The tests find controls by their English names, and a new
 * install takes its default country from the browser's language, so the
 * fixtures' national numbers are read as US ones on any desktop.
 */
export function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  return launchChromium({ language: 'en_US', ...options });
}

/** Serves the fixture pages, and the generated large and hostile pages, from 127.0.0.1. */
export function serveFixtures() {
  return servePages('test/fixtures/pages', {
    '/crm-list.html': () => crmListHtml(2000),
    '/hostile.html': () => hostileHtml(100_000),
  });
}

/** Imports CSV text through the options page, the way a team lead does it. */
export async function importCsv(session: ExtensionSession, csv: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'dnc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await page.getByText(/^Imported\. The list now holds/).waitFor();
  return page;
}

export async function pageEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents);
}
