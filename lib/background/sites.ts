import { z } from 'zod';
import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { SiteState } from '../messaging/protocol';
import { readManagedSites, readSettings } from '../settings';
import { CONTENT_SCRIPT_MATCHES } from '../sites/matches';
import { patternMatchesUrl, toOriginPattern } from '../sites/origin-pattern';
import { createLogger } from './log';

const log = createLogger('sites');

/** Sites the user added in Options, as origin match patterns. */
export const userSitesItem = storage.defineItem<string[]>('local:sites', { fallback: [] });

/**
 * The two content scripts, registered again for the sites added at run time.
 * WXT writes each content-script entrypoint to content-scripts/<name>.js.
 */
const CONTENT_FILE = 'content-scripts/content.js';
const SHADOW_ROOTS_FILE = 'content-scripts/shadow-roots.js';
const SCRIPT_IDS = ['dnc-guard-sites-content', 'dnc-guard-sites-shadow-roots'];

/** Reads the user's sites and leaves out entries that are no longer valid patterns. */
async function readUserSites(): Promise<string[]> {
  const stored = z.array(z.string()).safeParse(await userSitesItem.getValue());
  if (!stored.success) return [];

  const patterns = new Set<string>();
  for (const entry of stored.data) {
    const check = toOriginPattern(entry);
    if (check.ok) patterns.add(check.pattern);
  }
  return [...patterns];
}

async function hasAccess(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** Lists the administrator's sites, then the user's, each with whether the browser granted access. */
export async function listSites(): Promise<SiteState[]> {
  const [managed, user] = await Promise.all([readManagedSites(), readUserSites()]);
  const entries = [
    ...managed.map((pattern) => ({ pattern, managed: true })),
    ...user
      .filter((pattern) => !managed.includes(pattern))
      .map((pattern) => ({ pattern, managed: false })),
  ];
  return Promise.all(
    entries.map(async (entry) => ({ ...entry, granted: await hasAccess(entry.pattern) })),
  );
}

/**
 * Registers both content scripts for every listed site the browser granted,
 * with the options of their static declarations. A site without access stays
 * in the list and is registered again once access comes back.
 */
async function registerGranted(): Promise<SiteState[]> {
  const sites = await listSites();
  const matches = sites.filter((site) => site.granted).map((site) => site.pattern);

  const registered = await browser.scripting.getRegisteredContentScripts({ ids: SCRIPT_IDS });
  // The worker starts often. Registering anew each time would leave a moment
  // in which a page loading on the site gets no script.
  const expected = [...matches].sort().join(' ');
  const current = registered.map((script) => [...(script.matches ?? [])].sort().join(' '));
  if (current.length === SCRIPT_IDS.length && current.every((entry) => entry === expected))
    return sites;

  if (registered.length > 0)
    await browser.scripting.unregisterContentScripts({
      ids: registered.map((script) => script.id),
    });
  if (matches.length === 0) return sites;

  // The static scripts set match_about_blank. Registered scripts have only
  // matchOriginAsFallback for about:blank frames, and Firefox may reject it.
  const fallback = import.meta.env.FIREFOX ? {} : { matchOriginAsFallback: true };
  const [contentId = '', shadowRootsId = ''] = SCRIPT_IDS;
  await browser.scripting.registerContentScripts([
    {
      id: contentId,
      js: [CONTENT_FILE],
      matches,
      allFrames: true,
      runAt: 'document_start',
      ...fallback,
    },
    {
      id: shadowRootsId,
      js: [SHADOW_ROOTS_FILE],
      matches,
      allFrames: true,
      runAt: 'document_start',
      world: 'MAIN',
      ...fallback,
    },
  ]);
  log.info(`content scripts registered for ${matches.length} added sites`);
  return sites;
}

let queue: Promise<unknown> = Promise.resolve();
let listChanges: Promise<unknown> = Promise.resolve();

/**
 * Applies `change` to the user's sites, one change at a time. Two sites added
 * close together would otherwise both start from the same list, and the
 * second write would drop the first. The worker is the list's only writer.
 */
function changeUserSites(change: (user: string[], managed: string[]) => string[]): Promise<void> {
  const run = listChanges.then(async () => {
    const [user, managed] = await Promise.all([readUserSites(), readManagedSites()]);
    const next = change(user, managed);
    if (next !== user) await userSitesItem.setValue(next);
  });
  listChanges = run.catch(() => undefined);
  return run;
}

/**
 * Brings the registrations in line with the list and the granted access.
 * Calls run one after another, so two changes close together cannot
 * interleave one call's unregister with another's register.
 */
export function syncSiteScripts(): Promise<SiteState[]> {
  const run = queue.then(registerGranted, registerGranted);
  queue = run.catch(() => undefined);
  return run;
}

/** Returns the patterns the scripts run on besides `pattern`: the built-in ones and the other granted sites. */
function otherMatches(sites: SiteState[], pattern: string): string[] {
  const granted = sites.filter((site) => site.granted && site.pattern !== pattern);
  return [...CONTENT_SCRIPT_MATCHES, ...granted.map((site) => site.pattern)];
}

/** Returns the tabs open on `pattern` whose address none of the `covered` patterns matches. */
async function tabsOnlyOn(pattern: string, covered: string[]): Promise<Browser.tabs.Tab[]> {
  const tabs = await browser.tabs.query({ url: pattern });
  return tabs.filter(
    (tab) =>
      tab.id !== undefined && !covered.some((other) => patternMatchesUrl(other, tab.url ?? '')),
  );
}

/**
 * Runs the scripts in tabs already open on a newly added site, so the agent
 * need not reload them. Tabs another pattern already covers have the scripts.
 */
async function injectIntoOpenTabs(
  pattern: string,
  covered: string[],
): Promise<{ injected: number; failed: number }> {
  return injectInto(await tabsOnlyOn(pattern, covered));
}

/**
 * Runs the scripts in the tabs already open on the extension's sites, after
 * an install or an update. Chromium runs content scripts only in pages
 * loaded later. So an open tab would have no guard after an install. After
 * an update it would keep the old copy, cut off from the worker: that copy
 * dials numbers it knew as allowed and blocks the rest without a notice.
 * The new copy stops the old one. Firefox runs the scripts in open tabs
 * itself, and discarded tabs get them when they load again.
 */
export async function runInOpenTabs(): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  const sites = await listSites();
  const granted = sites.filter((site) => site.granted).map((site) => site.pattern);
  const tabs = await browser.tabs.query({ url: [...CONTENT_SCRIPT_MATCHES, ...granted] });
  const { injected, failed } = await injectInto(tabs.filter((tab) => !tab.discarded));
  log.info(`content scripts run in ${injected} open tabs (${failed} failed)`);
}

async function injectInto(
  tabs: readonly Browser.tabs.Tab[],
): Promise<{ injected: number; failed: number }> {
  let injected = 0;
  let failed = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url) continue;
    try {
      const target = { tabId: tab.id, allFrames: true };
      await browser.scripting.executeScript({ target, files: [SHADOW_ROOTS_FILE], world: 'MAIN' });
      await browser.scripting.executeScript({ target, files: [CONTENT_FILE] });
      injected++;
    } catch (error) {
      failed++;
      log.warn(
        'running the content script in an open tab failed',
        error instanceof Error ? error.message : '',
      );
    }
  }
  return { injected, failed };
}

/**
 * Stops the scripts in tabs open on a removed site, which would otherwise
 * flag and block there until reloaded. The message lists the patterns that
 * still apply, so a frame of another listed site in such a tab keeps running.
 */
async function stopInOpenTabs(pattern: string, sites: SiteState[]): Promise<void> {
  const keep = otherMatches(sites, pattern);
  let tabs: Browser.tabs.Tab[];
  try {
    tabs = await tabsOnlyOn(pattern, keep);
  } catch (error) {
    log.warn(
      'finding tabs open on a removed site failed',
      error instanceof Error ? error.message : '',
    );
    return;
  }
  let stopped = 0;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      await browser.tabs.sendMessage(tab.id, { type: 'scripts.stop', keep });
      stopped++;
    } catch {
      // A tab whose page loaded after the scripts were unregistered has none to stop.
    }
  }
  log.info(`removed ${pattern}; scripts stopped in ${stopped} open tabs`);
}

/**
 * Adds a site the browser already granted (Options requests access inside
 * the user's click, which the background cannot do), registers the scripts
 * for it and runs them in its open tabs. Adding a listed site again, after
 * access was granted anew, only registers and injects.
 */
export async function addSite(
  input: string,
): Promise<{ sites: SiteState[]; injectedTabs: number; failedTabs: number }> {
  const check = toOriginPattern(input);
  if (!check.ok) throw new Error(`"${input}" is not a site DNC Guard can add (${check.problem})`);
  const { pattern } = check;
  if (!(await hasAccess(pattern)))
    throw new Error(`the browser has not granted access to ${pattern}`);

  await changeUserSites((user, managed) =>
    user.includes(pattern) || managed.includes(pattern) ? user : [...user, pattern],
  );
  const sites = await syncSiteScripts();

  const { injected, failed } = await injectIntoOpenTabs(pattern, otherMatches(sites, pattern));
  log.info(`added ${pattern}; scripts now run in ${injected} open tabs`);
  return { sites, injectedTabs: injected, failedTabs: failed };
}

/**
 * Removes a site the user added: its registration goes, and so does the
 * browser's access to it, unless the API server lives there too.
 */
export async function removeSite(pattern: string): Promise<SiteState[]> {
  await changeUserSites((user, managed) => {
    if (managed.includes(pattern)) throw new Error(`${pattern} is set by the administrator`);
    return user.filter((entry) => entry !== pattern);
  });
  const sites = await syncSiteScripts();
  // Before access goes, because without it the tabs on the site cannot be found.
  await stopInOpenTabs(pattern, sites);

  const { apiUrl } = await readSettings();
  if (apiUrl !== '' && patternMatchesUrl(pattern, apiUrl)) {
    log.info(`removed ${pattern}; access kept because the API server is there`);
  } else {
    await browser.permissions.remove({ origins: [pattern] });
    log.info(`removed ${pattern} and its access`);
  }
  return listSites();
}

/**
 * Keeps the registrations in step at worker start and whenever access is
 * granted or taken away outside Options (the browser's site-access menu or
 * extensions page) or the policy changes.
 */
export function startSiteScripts(): void {
  const resync = () => {
    syncSiteScripts().catch((error: unknown) =>
      log.error('registering content scripts for added sites failed', error),
    );
  };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') resync();
  });
  resync();
}
