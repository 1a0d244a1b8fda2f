import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { crmListHtml, hostileHtml } from '../fixtures/generate';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const PAGES_DIR = resolve('test/fixtures/pages');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Chromium on this kind of machine: root needs --no-sandbox, the network is closed. */
export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Starts Chromium with the built extension and waits for its service worker. */
export async function launchWithExtension(): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No built extension in ${EXTENSION_DIR}; run npm run build`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(),
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close: () => context.close() };
}

/** Serves the fixture pages (and generated ones) from 127.0.0.1 on a free port. */
export async function serveFixtures(): Promise<{ url: string; close(): Promise<void> }> {
  const generated: Record<string, () => string> = {
    '/crm-list.html': () => crmListHtml(2000),
    '/hostile.html': () => hostileHtml(100_000),
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const make = generated[path];
    const file = normalize(join(PAGES_DIR, path));
    if (!make && (!file.startsWith(PAGES_DIR) || !existsSync(file))) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(make ? make() : readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
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

/** Badges on a page, across open shadow roots, as e164 → status. */
export async function badgeStatuses(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const found: Record<string, string> = {};
    const visit = (root: Document | ShadowRoot) => {
      for (const badge of root.querySelectorAll<HTMLElement>('dnc-guard-badge')) {
        found[badge.dataset.e164 ?? ''] = badge.dataset.status ?? '';
      }
      for (const element of root.querySelectorAll('*'))
        if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return found;
  });
}

export async function pageEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents);
}
