import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Chromium here: root needs --no-sandbox, and the network is closed. */
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

export interface LaunchOptions {
  headless?: boolean;
  /** Profile folder; without it the profile is a fresh temporary one. */
  userDataDir?: string;
  /** Added to the usual flags. */
  args?: string[];
  /** IANA zone of the clock in pages. */
  timezoneId?: string;
  /**
   * The browser's UI language as a LANGUAGE value, such as "zh_CN". Chromium
   * on Linux takes it from that variable and ignores --lang.
   */
  language?: string;
}

/** Starts Chromium with the built extension and waits for its service worker. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}; run npm run build first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}; install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  // The tests and the demo find controls by their English labels, so the
  // browser's UI language is US English unless a caller names another,
  // whatever the desktop's language is.
  const language = options.language ?? 'en_US';
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [...chromiumArgs(), ...(options.args ?? [])],
    env: { ...definedEnv(), LANGUAGE: language },
    locale: language.replace('_', '-'),
    viewport: { width: 1200, height: 800 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close: () => context.close() };
}

/** Returns the variables of this process that have a value, as Chromium's environment takes them. */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

/** Serves HTML pages from a folder, plus generated ones, on 127.0.0.1 at a free port. */
export async function servePages(
  folder: string,
  generated: Record<string, () => string> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const make = generated[path];
    const file = normalize(join(root, path));
    if (!make && (!file.startsWith(root) || !existsSync(file))) {
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

/** Enters the API URL and access token on the options page, as a user would. */
export async function configureApi(
  session: ExtensionSession,
  apiUrl: string,
  token: string,
): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByLabel('API URL').fill(apiUrl);
  await page.getByLabel('Access token').fill(token);
  const form = page.locator('form.api-settings');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Saved.').waitFor();
  await page.close();
}

/** Clicks "Sync now" in the popup and waits until the sync finished. */
export async function syncNowFromPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.click();
  await page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
  return page;
}

/** Badges on a page, across open shadow roots, as e164 → status. */
export async function badgeStatuses(page: Page): Promise<Record<string, string>> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const found: Record<string, string> = {};
    const roots: Array<Document | ShadowRoot> = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const badge of root.querySelectorAll<HTMLElement>('dnc-guard-badge')) {
        found[badge.dataset.e164 ?? ''] = badge.dataset.status ?? '';
      }
      for (const element of root.querySelectorAll('*'))
        if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    return found;
  });
}

/** Waits until `read` returns a value `done` accepts; usable outside tests, unlike expect.poll. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}
