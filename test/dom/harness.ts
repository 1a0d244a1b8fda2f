import { vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadgeManager } from '../../lib/content/badges';
import { installDialGuard } from '../../lib/content/dial-guard';
import type { IdleScheduler } from '../../lib/content/idle';
import { PageScanner } from '../../lib/content/scanner';
import { StatusClient } from '../../lib/content/status-client';
import type { ListInfo, NumberResult } from '../../lib/messaging/protocol';
import type { DialHints } from '../../lib/sites/types';
import { readCandidate } from '../../lib/phone/validate';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'pages');

/** Numbers the fake background reports as suppressed. */
export const SUPPRESSED = new Set([
  '+442079460018',
  '+14155550123',
  '+8613812345678',
  '+16465550199',
]);

export function loadFixture(name: string): void {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  loadHtml(html);
}

/** Replaces the test document with `html`. Scripts in it do not run. */
export function loadHtml(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceChildren(
    ...[...parsed.documentElement.childNodes].map((node) => document.importNode(node, true)),
  );
}

export function listInfo(overrides: Partial<ListInfo> = {}): ListInfo {
  return {
    loaded: true,
    size: SUPPRESSED.size,
    pendingCount: 0,
    updatedAt: Date.now(),
    stale: false,
    staleAfterHours: 24,
    unknownPolicy: 'block',
    showAllowedBadges: true,
    defaultCountry: 'US',
    ...overrides,
  };
}

/** A background worker stand-in: real validation, a fixed list, a call log. */
export function fakeBackground(options: { list?: ListInfo; delayMs?: number } = {}) {
  const calls: string[][] = [];
  const list = options.list ?? listInfo();
  const check = async (numbers: string[]) => {
    calls.push(numbers);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const results = numbers.map<NumberResult>((raw) => {
      const reading = readCandidate(raw, 'US');
      if (!reading) return { raw, e164: null, status: 'invalid' };
      const e164 = reading.e164;
      const whole = reading.whole ? { whole: true } : {};
      if (SUPPRESSED.has(e164))
        return {
          raw,
          e164,
          ...whole,
          status: 'suppressed',
          reason: 'Customer asked',
          addedAt: 1_700_000_000_000,
        };
      return { raw, e164, ...whole, status: list.stale ? 'unknown' : 'allowed' };
    });
    return { results, list };
  };
  return { check, calls };
}

/** Runs idle work on timers and counts slices, so tests can wait for the queue to drain. */
export function countingScheduler() {
  const stats = { slices: 0, longestMs: 0 };
  const schedule: IdleScheduler = (work) => {
    setTimeout(() => {
      stats.slices++;
      const start = performance.now();
      work(start + 12);
      stats.longestMs = Math.max(stats.longestMs, performance.now() - start);
    }, 0);
  };
  return { schedule, stats };
}

/** Starts the content-script parts on the current document, as the entrypoint does. */
export function startOnPage(
  options: { list?: ListInfo; delayMs?: number; root?: Document; hints?: DialHints } = {},
) {
  const background = fakeBackground(options);
  const errors: unknown[] = [];
  const statuses = new StatusClient(background.check, (error) => errors.push(error));
  const { schedule, stats } = countingScheduler();
  const counts: number[] = [];
  const reports: Array<{ raw: string; decision: string }> = [];
  const badges = new BadgeManager(statuses, schedule, (count) => counts.push(count));
  const scanner = new PageScanner(badges, schedule);
  badges.frames = (work) => schedule(() => work(performance.now()));
  badges.scannerBusy = () => scanner.busy;
  badges.mutate = (work) => scanner.whileUnobserved(work);
  const doc = options.root ?? document;
  const win = (doc.defaultView ?? window) as Window & typeof globalThis;
  // A frame's event targets accept only that frame's AbortSignal.
  const controller = new win.AbortController();
  installDialGuard(
    win,
    {
      statuses,
      unknownPolicy: () => statuses.listInfo?.unknownPolicy ?? 'block',
      report: (target, _result, decision) => reports.push({ raw: target.raw, decision }),
      hints: () => options.hints ?? {},
      pageChanges: () => scanner.changes,
    },
    controller.signal,
  );
  badges.listen(win, controller.signal);
  scanner.followInputs(doc, controller.signal);
  scanner.watch(doc);

  const settle = async (timeoutMs = 20_000) => {
    const started = Date.now();
    // Two quiet rounds in a row: lookups resolve between scanner and renderer work.
    let quiet = 0;
    while (quiet < 2) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      quiet = scanner.busy || badges.rendering ? 0 : quiet + 1;
      if (Date.now() - started > timeoutMs) throw new Error('Scanner did not settle');
    }
  };

  const stop = () => {
    scanner.stop();
    controller.abort();
  };
  return { statuses, badges, scanner, background, errors, stats, counts, reports, settle, stop };
}

export function badgesIn(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('dnc-guard-badge')];
}

export function badgeMap(root: ParentNode = document): Record<string, string> {
  return Object.fromEntries(
    badgesIn(root).map((badge) => [badge.dataset.e164 ?? '', badge.dataset.status ?? '']),
  );
}

/**
 * Closed shadow roots made by `attachClosedRoot`, which the stand-in for
 * chrome.dom.openOrClosedShadowRoot returns; jsdom has no such API.
 */
const closedRoots = new WeakMap<Element, ShadowRoot>();

/** Attaches a closed shadow root to `host`, reachable through the stubbed extension API. */
export function attachClosedRoot(host: Element): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  closedRoots.set(host, root);
  return root;
}

/** Gives the `chrome` global the `dom` API, the way Chrome gives it to content scripts, until the returned function is called. */
export function stubChromeDom(): () => void {
  const before: unknown = Reflect.get(globalThis, 'chrome');
  const openOrClosedShadowRoot = (element: HTMLElement) =>
    element.shadowRoot ?? closedRoots.get(element) ?? null;
  vi.stubGlobal(
    'chrome',
    Object.assign(Object.create(before as object) as object, {
      dom: { openOrClosedShadowRoot },
    }),
  );
  return () => vi.stubGlobal('chrome', before);
}

/** Records what reaches the page's own handlers (bubble phase on the document). */
export function pageLog(): string[] {
  const events: string[] = [];
  const record = (event: Event) => {
    const target = event.target as HTMLElement;
    events.push(`${event.type}:${target.id || target.localName}`);
  };
  document.addEventListener('click', record);
  document.addEventListener('keydown', record);
  document.addEventListener('submit', (event) => {
    event.preventDefault();
    record(event);
  });
  return events;
}

/** The notice of a blocked or warned dial, if one is shown. */
export const notice = () => document.querySelector<HTMLElement>('dnc-guard-notice');
export const wait = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
