import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../i18n';
import { sendToBackground } from '../messaging/client';
import { tabMessageSchema } from '../messaging/protocol';
import { patternMatchesUrl } from '../sites/origin-pattern';
import { adapterFor, readRecordOnPage } from '../sites/registry';
import type { DialHints } from '../sites/types';
import { BadgeManager } from './badges';
import { installDialGuard } from './dial-guard';
import { scheduleIdle } from './idle';
import { followPointedNode } from './pointed';
import { listenForShadowRoots } from './shadow-signal';
import { latestCountEvery } from './count-reporter';
import { PageScanner } from './scanner';
import { StatusClient } from './status-client';

function hasElement(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (nodes[i]?.nodeType === Node.ELEMENT_NODE) return true;
  return false;
}

/** "Extension context invalidated" only means the extension was updated or reloaded. */
function isContextGone(error: unknown): boolean {
  return (
    error instanceof Error &&
    /context invalidated|receiving end does not exist/i.test(error.message)
  );
}

let loggedErrors = 0;
function logOnce(error: unknown): void {
  if (isContextGone(error) || loggedErrors++ > 3) return;
  console.warn(
    '[DNC Guard] status look-up failed:',
    error instanceof Error ? error.message : error,
  );
}

/**
 * Key of the running instance's stop function, kept on the content script's
 * own global object, which page scripts cannot reach. Scripts run again in an
 * open tab (a site removed and added again) stop the instance before them,
 * so a frame never shows two badges per number.
 */
const RUNNING = Symbol.for('dnc-guard.content-script');
type ContentGlobal = typeof globalThis & { [RUNNING]?: () => void };
/** Number of checks, GONE_CHECK_MS apart, for whether the extension is gone after a newer copy's message. */
const GONE_CHECKS = 20;
const GONE_CHECK_MS = 500;

/** Returns the address matched against site patterns: the frame's origin, or its full address where the origin is opaque (sandboxed and data: frames). */
function frameAddress(): string {
  return location.origin === 'null' ? location.href : `${location.origin}/`;
}

let hintsHref = '';
let hints: DialHints = {};

/**
 * Returns the site adapter's dial hints for the page's current URL. The dial
 * guard asks on every press and keystroke, so the answer is kept until a
 * single-page app changes the URL.
 */
function dialHintsForPage(): DialHints {
  if (location.href !== hintsHref) {
    hintsHref = location.href;
    hints = adapterFor(new URL(hintsHref)).dialHints ?? {};
  }
  return hints;
}

/**
 * Wires the content script: the dial guard goes in at once, at document
 * start; scanning starts when the document has a body to scan.
 */
export function startContentScript(ctx: ContentScriptContext): void {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const onStop = (work: () => void): void => signal.addEventListener('abort', work, { once: true });
  const stop = (): void => lifetime.abort();

  const contentGlobal = globalThis as ContentGlobal;
  contentGlobal[RUNNING]?.();
  contentGlobal[RUNNING] = stop;
  onStop(() => {
    if (contentGlobal[RUNNING] === stop) delete contentGlobal[RUNNING];
  });
  // WXT ends a context when a window message announces a newer copy of the
  // script, and any page script can post that message. The guard therefore
  // stops for it only once the extension itself is gone (updated or
  // removed). A newer copy stops this one through RUNNING.
  // After an update the newer copy's message can come a moment before the
  // browser cuts this copy off, so the check is repeated for a while.
  ctx.onInvalidated(() => {
    let checks = 0;
    const check = (): void => {
      if (!browser.runtime?.id) stop();
      else if (++checks < GONE_CHECKS) setTimeout(check, GONE_CHECK_MS);
    };
    check();
  });

  const statuses = new StatusClient(
    (numbers) => sendToBackground('numbers.check', { numbers }),
    logOnce,
  );

  // Every count goes through one reporter, so a late report never follows the 0 of a stop.
  const reportCount = latestCountEvery((count) => {
    sendToBackground('frame.suppressedCount', { count }).catch(logOnce);
  });
  const badges = new BadgeManager(statuses, scheduleIdle, reportCount, async (e164) => {
    await sendToBackground('number.add', {
      phone: e164,
      reason: t('addToDncReasonDefault'),
    }).catch(logOnce);
  });
  reportCount(0);
  const scanner = new PageScanner(badges, scheduleIdle);
  badges.scannerBusy = () => scanner.busy;
  badges.mutate = (work) => scanner.whileUnobserved(work);
  onStop(() => {
    scanner.stop();
    // Badges of a stopped instance would show statuses nothing keeps current.
    badges.removeAll();
  });

  // Every listener of the page goes on the window or the document. A script
  // that writes a frame with document.open() erases them all, which would
  // leave the frame showing badges but dialing freely. The document gets a
  // new root element then, and the listeners are added again.
  let listeners: AbortController | null = null;
  let pointedNode: () => Node | null = () => null;
  const addListeners = (): void => {
    listeners?.abort();
    const controller = new AbortController();
    listeners = controller;
    // Linked by hand: AbortSignal.any needs Chrome 116.
    signal.addEventListener('abort', () => controller.abort(), {
      once: true,
      signal: controller.signal,
    });
    const pageSignal = controller.signal;
    pointedNode = followPointedNode(window, pageSignal);
    installDialGuard(
      window,
      {
        statuses,
        unknownPolicy: () => statuses.listInfo?.unknownPolicy ?? 'block',
        hints: dialHintsForPage,
        pageChanges: () => scanner.changes,
        report: (target, result, decision) => {
          sendToBackground('dial.blocked', {
            raw: target.raw,
            e164: result.e164,
            status: result.status === 'invalid' ? 'allowed' : result.status,
            decision,
          }).catch(logOnce);
        },
      },
      pageSignal,
    );
    badges.listen(window, pageSignal);
    listenForShadowRoots(window, (root, host) => scanner.watchHost(root, host), pageSignal);
    scanner.followInputs(document, pageSignal);
  };
  addListeners();
  const reopened = new MutationObserver((records) => {
    if (records.some((record) => hasElement(record.addedNodes))) addListeners();
  });
  reopened.observe(document, { childList: true });
  onStop(() => reopened.disconnect());

  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const parsed = tabMessageSchema.safeParse(message);
    if (!parsed.success) return undefined;
    if (parsed.data.type === 'statuses.changed') {
      badges.refresh();
      return undefined;
    }
    if (parsed.data.type === 'settings.changed') {
      // Numbers read as invalid before have no badge to refresh, so the page is read again.
      badges.refresh();
      scanner.rescanAll();
      return undefined;
    }
    if (parsed.data.type === 'scripts.stop') {
      const address = frameAddress();
      if (!parsed.data.keep.some((pattern) => patternMatchesUrl(pattern, address))) {
        reportCount(0);
        stop();
      }
      return undefined;
    }
    // Only the top frame replies, so the background gets the record the agent is looking at.
    if (window !== window.top) return undefined;
    return Promise.resolve(readRecordOnPage(document, new URL(location.href), pointedNode()));
  };
  browser.runtime.onMessage.addListener(onMessage);
  onStop(() => browser.runtime.onMessage.removeListener(onMessage));

  const begin = (): void => scanner.watch(document);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', begin, { once: true, signal });
  } else {
    begin();
  }
}
