// The Firefox build in Firefox ESR, installed as a temporary add-on the way
// a developer loads it. Playwright drives only its own patched Firefox, so
// puppeteer-core drives Debian's firefox-esr over WebDriver BiDi, which can
// install an add-on. Without the browser the tests are skipped, unless
// DNC_GUARD_REQUIRE_FIREFOX=1 (set by .ci/run) makes that a failure.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveFixtures } from './browser';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve('.output/firefox-mv2');
/** Internal id Firefox gives the add-on, set before install so its pages' address is known. */
const ADDON_UUID = '5c1b0a3e-7d2f-4e8a-9b61-0f3c2d4e5a6b';
const BASE = `moz-extension://${ADDON_UUID}`;

const DNC_CSV = [
  'phone,reason',
  '+44 20 7946 0018,Asked not to be called',
  '+1 415 555 0123,Deletion request',
  '+1 646 555 0199,Registry',
].join('\n');

const present = existsSync(FIREFOX);
if (!present && process.env.DNC_GUARD_REQUIRE_FIREFOX === '1') {
  throw new Error(`Firefox not found at ${FIREFOX}; install firefox-esr or set FIREFOX_PATH.`);
}

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFixtures>>;

/**
 * Calls `check` in the page until it returns true. Puppeteer's
 * waitForFunction builds its poller with Function(), which the add-on's
 * content security policy blocks in Firefox ESR 140, so this polls with
 * evaluate calls instead.
 */
async function waitInPage(
  page: Page,
  check: (argument: string) => boolean,
  argument: string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(check, argument).catch(() => false))) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting in ${page.url()}: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a page of the add-on and waits for its text: in Firefox ESR 153, BiDi did not report "load" for moz-extension:// pages. */
async function openExtensionPage(path: string, text: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${BASE}/${path}`, { waitUntil: 'networkidle0', timeout: 10_000 }).catch(() => {
    // Checked below by the page's text.
  });
  await waitInPage(page, (expected) => document.body?.innerText.includes(expected) ?? false, text);
  return page;
}

/** Returns the control that a label with exactly `text` names. */
async function byLabel(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((expected) => {
    const label = [...document.querySelectorAll('label')].find(
      (element) => element.textContent?.trim() === expected,
    );
    if (!label) return null;
    return label.htmlFor
      ? document.getElementById(label.htmlFor)
      : label.querySelector('input, select, textarea');
  }, text);
  const element = handle.asElement();
  if (!element) throw new Error(`No control labelled "${text}"`);
  return element as ElementHandle<Element>;
}

/** Clicks the first button whose text matches `name`. */
async function clickButton(page: Page, name: RegExp): Promise<void> {
  await waitInPage(
    page,
    (source) =>
      [...document.querySelectorAll('button')].some(
        (button) => new RegExp(source).test(button.textContent?.trim() ?? '') && !button.disabled,
      ),
    name.source,
  );
  await page.evaluate((source) => {
    const button = [...document.querySelectorAll('button')].find((element) =>
      new RegExp(source).test(element.textContent?.trim() ?? ''),
    );
    button?.click();
  }, name.source);
}

/** Returns the badges of a page and its open shadow roots, as e164 → status. */
function badgeStatuses(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const found: Record<string, string> = {};
    const roots: Array<Document | ShadowRoot> = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const badge of root.querySelectorAll<HTMLElement>('dnc-guard-badge'))
        found[badge.dataset.e164 ?? ''] = badge.dataset.status ?? '';
      for (const element of root.querySelectorAll('*'))
        if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    return found;
  });
}

const noticeText = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('dnc-guard-notice[role="alertdialog"]')?.shadowRoot?.textContent ??
      null,
  );

const pageEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents.slice());

async function openFixture(path: string, badges: number): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${site.url}/${path}`);
  await expect
    .poll(async () => Object.keys(await badgeStatuses(page)).length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(badges);
  return page;
}

describe.skipIf(!present)('Firefox ESR', () => {
  beforeAll(async () => {
    site = await serveFixtures();
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Without it, BiDi in Firefox ESR 153 refused to open moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({
          [manifest.browser_specific_settings.gecko.id]: ADDON_UUID,
        }),
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US',
      },
    });
    await browser.installExtension(EXTENSION_DIR);

    const options = await openExtensionPage('options.html', 'Default country');
    const folder = mkdtempSync(join(tmpdir(), 'dnc-guard-firefox-'));
    try {
      const csv = join(folder, 'dnc.csv');
      writeFileSync(csv, DNC_CSV);
      const input = (await byLabel(options, 'CSV file')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(csv);
      await clickButton(options, /^Import \d/);
      await waitInPage(
        options,
        (expected) => document.body.innerText.includes(expected),
        'Imported. The list now holds',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await options.close();
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('flags the numbers of a record page', async () => {
    const page = await openFixture('crm-record.html', 6);

    const badges = await badgeStatuses(page);
    expect(badges['+442079460018']).toBe('suppressed');
    expect(badges['+14155550123']).toBe('suppressed');
    expect(badges['+12125550142']).toBe('allowed');
    expect(badges['+12125550187']).toBe('allowed');
    await page.close();
  });

  it('blocks a suppressed tel link and passes an allowed one', async () => {
    const page = await openFixture('crm-record.html', 6);

    await page.click('#home-link');
    await expect.poll(() => noticeText(page)).toContain('(415) 555-0123');
    expect(await pageEvents(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => noticeText(page)).toBeNull();

    await page.click('#click-to-dial');
    await expect.poll(() => pageEvents(page)).toEqual(['click:click-to-dial']);
    expect(await noticeText(page)).toBeNull();
    await page.close();
  });

  it('blocks the dial pad for a suppressed number', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/dial-pad.html`);
    await page.type('#dial-number', '+44 20 7946 0018');

    await page.click('#call');
    await expect.poll(() => noticeText(page)).toContain('20 7946 0018');
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('shows the count of suppressed numbers on the toolbar button', async () => {
    const page = await openFixture('crm-record.html', 6);
    const popup = await openExtensionPage('popup.html', 'Phone number');

    const text = () =>
      popup.evaluate(async (url) => {
        const api = (
          globalThis as unknown as {
            browser: {
              tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
              browserAction: { getBadgeText(details: { tabId?: number }): Promise<string> };
            };
          }
        ).browser;
        const tab = (await api.tabs.query({})).find((candidate) => candidate.url === url);
        return tab?.id === undefined ? null : api.browserAction.getBadgeText({ tabId: tab.id });
      }, page.url());
    // Mobile, home and the activity note's number are on the list.
    await expect.poll(text, { timeout: 10_000 }).toBe('3');
    await popup.close();
    await page.close();
  });
});
