import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeStatuses,
  importCsv,
  launchWithExtension,
  pageEvents,
  serveFixtures,
  waitUntil,
  type ExtensionSession,
} from './browser';

/**
 * A host outside the built-in matches. Chromium resolves it to 127.0.0.1, where
 * the fixture server listens, so the page is served locally but its origin is
 * one DNC Guard has never heard of, like a team's own CRM.
 */
const SITE_HOST = 'crm.test';
const SITE_PATTERN = `http://${SITE_HOST}/*`;

const DNC_CSV = ['phone,reason', '+1 415 555 0123,Deletion request'].join('\n');

let profile: string;
let session: ExtensionSession;
let fixtures: Awaited<ReturnType<typeof serveFixtures>>;
let siteUrl: string;

/**
 * Marks host access as granted in a closed profile, as Chromium records an
 * accepted permission prompt. Headless Chromium cannot show that prompt to
 * click, and no flag or DevTools command grants an optional host permission.
 * NOTE: this relies on Chromium's profile layout (checked with Chromium 150).
 */
function grantInProfile(userDataDir: string, extensionId: string, pattern: string): void {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, { explicit_host?: string[] }>> };
  };
  const entry = prefs.extensions.settings[extensionId];
  if (!entry) throw new Error(`no entry for ${extensionId} in the profile`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    const set = entry[key];
    if (!set) throw new Error(`no ${key} for ${extensionId} in the profile`);
    set.explicit_host = [...(set.explicit_host ?? []), pattern];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

const hasAccess = () =>
  session.worker.evaluate(
    (origin) =>
      (globalThis as unknown as { chrome: WxtBrowser }).chrome.permissions.contains({
        origins: [origin],
      }),
    SITE_PATTERN,
  );

const registeredMatches = () =>
  session.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    return (await api.scripting.getRegisteredContentScripts()).map((script) => ({
      file: script.js?.[0],
      matches: script.matches,
      world: script.world ?? 'ISOLATED',
    }));
  });

async function openSitePage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${siteUrl}/crm-record.html`);
  return page;
}

/**
 * Checks that a page on the site shows no badge, by waiting until the same
 * page on 127.0.0.1, opened after it, has all of its badges.
 */
async function expectNoBadges(page: Page): Promise<void> {
  const control = await session.context.newPage();
  await control.goto(`${fixtures.url}/crm-record.html`);
  await waitUntil(
    () => badgeStatuses(control),
    (badges) => Object.keys(badges).length >= 6,
    'badges on the built-in local page',
  );
  await control.close();
  expect(await badgeStatuses(page)).toEqual({});
}

async function openOptions(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

const suppressed = (page: Page) =>
  waitUntil(
    () => badgeStatuses(page),
    (badges) => badges['+14155550123'] === 'suppressed',
    'a suppressed badge on the added site',
  );

beforeAll(async () => {
  fixtures = await serveFixtures();
  siteUrl = `http://${SITE_HOST}:${new URL(fixtures.url).port}`;
  profile = mkdtempSync(join(tmpdir(), 'dnc-guard-sites-'));

  // The first start writes the extension's entry into the profile.
  const first = await launchWithExtension({ userDataDir: profile });
  const extensionId = first.extensionId;
  await first.close();
  grantInProfile(profile, extensionId, SITE_PATTERN);

  session = await launchWithExtension({
    userDataDir: profile,
    args: [`--host-resolver-rules=MAP ${SITE_HOST} 127.0.0.1`],
  });
  await (await importCsv(session, DNC_CSV)).close();
});

afterAll(async () => {
  await session?.close();
  await fixtures?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('a CRM on an added site', () => {
  let openTab: Page;
  let stillOpen: Page;

  it('ignores the site until added', async () => {
    expect(await hasAccess()).toBe(true);
    openTab = await openSitePage();

    await expectNoBadges(openTab);
    expect(await registeredMatches()).toEqual([]);
  });

  it('adds the site and flags open tabs', async () => {
    const options = await openOptions();
    await options.getByLabel('Site address').fill(`${siteUrl}/crm-record.html`);
    await options.getByRole('button', { name: 'Add site' }).click();

    await options
      .getByText(
        `Added http://${SITE_HOST}. DNC Guard runs there now, also in tabs already open on it.`,
      )
      .waitFor();
    await options.getByText(`http://${SITE_HOST}`, { exact: true }).waitFor();
    await suppressed(openTab);
    await options.close();
  });

  it('registers both content scripts', async () => {
    expect(await registeredMatches()).toEqual([
      { file: 'content-scripts/content.js', matches: [SITE_PATTERN], world: 'ISOLATED' },
      { file: 'content-scripts/shadow-roots.js', matches: [SITE_PATTERN], world: 'MAIN' },
    ]);
  });

  it('blocks the number after a reload', async () => {
    await openTab.reload();
    await suppressed(openTab);

    await openTab.locator('#home-link').click();

    const notice = openTab.locator('dnc-guard-notice[role="alertdialog"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getAttribute('data-status')).toBe('suppressed');
    expect(await pageEvents(openTab)).toEqual([]);
    await openTab.close();
  });

  it('removes the site and its access', async () => {
    stillOpen = await openSitePage();
    await suppressed(stillOpen);

    const options = await openOptions();
    await options.getByRole('button', { name: `Remove http://${SITE_HOST}` }).click();
    await options.getByText(`Removed http://${SITE_HOST}.`).waitFor();
    await options.close();

    expect(await hasAccess()).toBe(false);
    expect(await registeredMatches()).toEqual([]);
    await expectNoBadges(await openSitePage());
    await waitUntil(
      () => badgeStatuses(stillOpen),
      (badges) => Object.keys(badges).length === 0,
      'the badges of a tab left open to go',
    );
  });

  it('stops blocking in a tab left open', async () => {
    await stillOpen.locator('#home-link').click();

    expect(await stillOpen.locator('dnc-guard-notice').count()).toBe(0);
    expect(await pageEvents(stillOpen)).toEqual(['click:home-link']);
  });
});

describe('scripts run again in an open tab', () => {
  it('keeps one badge per number', async () => {
    const page = await session.context.newPage();
    await page.goto(`${fixtures.url}/crm-record.html`);
    await suppressed(page);
    const before = await page.locator('dnc-guard-badge').count();
    // Marked, so the badges of the second run differ from the first run's.
    await page.evaluate(() => {
      for (const badge of document.querySelectorAll('dnc-guard-badge'))
        badge.setAttribute('data-first', '');
    });

    const tabId = await session.worker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      const [tab] = await api.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab open on ${url}`);
      await api.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        files: ['content-scripts/content.js'],
      });
      return tab.id;
    }, `${fixtures.url}/crm-record.html`);
    expect(tabId).toBeGreaterThan(0);
    await waitUntil(
      () => page.locator('dnc-guard-badge:not([data-first])').count(),
      (count) => count >= before,
      'badges of the second run',
    );

    expect(await page.locator('dnc-guard-badge').count()).toBe(before);
    await page.locator('#home-link').click();
    await expect.poll(() => page.locator('dnc-guard-notice').count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });
});

describe('a page that posts the framework restart message', () => {
  it('still blocks dialing', async () => {
    const page = await session.context.newPage();
    await page.goto(`${fixtures.url}/crm-record.html`);
    await suppressed(page);

    // WXT stops a content script when another copy of it announces its
    // start with this window message, and any page script can post it.
    await page.evaluate((extensionId) => {
      window.postMessage(
        {
          type: `${extensionId}:content:wxt:content-script-started`,
          contentScriptName: 'content',
          messageId: 'from-the-page',
        },
        '*',
      );
    }, session.extensionId);
    await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));

    await page.locator('#home-link').click();
    await expect.poll(() => page.locator('dnc-guard-notice').count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    expect(await page.locator('dnc-guard-badge').count()).toBeGreaterThan(0);
    await page.close();
  });
});
