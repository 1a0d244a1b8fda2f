import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../i18n';
import { sendToBackground } from '../messaging/client';
import { tabMessageSchema } from '../messaging/protocol';
import { adapterFor, readRecordOnPage } from '../sites/registry';
import type { DialHints } from '../sites/types';
import { BadgeManager } from './badges';
import { installDialGuard } from './dial-guard';
import { scheduleIdle } from './idle';
import { listenForShadowRoots } from './shadow-signal';
import { PageScanner } from './scanner';
import { StatusClient } from './status-client';

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
  const statuses = new StatusClient(
    (numbers) => sendToBackground('numbers.check', { numbers }),
    logOnce,
  );

  installDialGuard(
    window,
    {
      statuses,
      unknownPolicy: () => statuses.listInfo?.unknownPolicy ?? 'block',
      hints: dialHintsForPage,
      report: (target, result, decision) => {
        sendToBackground('dial.blocked', {
          raw: target.raw,
          e164: result.e164,
          status: result.status === 'invalid' ? 'allowed' : result.status,
          decision,
        }).catch(logOnce);
      },
    },
    ctx.signal,
  );

  const badges = new BadgeManager(
    statuses,
    scheduleIdle,
    (count) => {
      sendToBackground('frame.suppressedCount', { count }).catch(logOnce);
    },
    async (e164) => {
      await sendToBackground('number.add', {
        phone: e164,
        reason: t('addToDncReasonDefault'),
      }).catch(logOnce);
    },
  );
  badges.listen(window, ctx.signal);
  sendToBackground('frame.suppressedCount', { count: 0 }).catch(logOnce);
  const scanner = new PageScanner(badges, scheduleIdle);
  badges.scannerBusy = () => scanner.busy;
  listenForShadowRoots(window, (root) => scanner.watch(root), ctx.signal);
  ctx.onInvalidated(() => scanner.stop());

  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const parsed = tabMessageSchema.safeParse(message);
    if (!parsed.success) return undefined;
    if (parsed.data.type === 'statuses.changed') {
      badges.refresh();
      return undefined;
    }
    // Only the top frame replies, so the background gets the record the agent is looking at.
    if (window !== window.top) return undefined;
    return Promise.resolve(readRecordOnPage(document, new URL(location.href)));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Inputs change value without a DOM mutation; their badge follows on change.
  ctx.addEventListener(
    document,
    'change',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)
        scanner.rescan(target);
    },
    { capture: true },
  );

  const begin = (): void => scanner.watch(document);
  if (document.readyState === 'loading') {
    ctx.addEventListener(document, 'DOMContentLoaded', begin, { once: true });
  } else {
    begin();
  }
}
