import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { SOURCE_EXTENSION, captureReason } from '../list-text';
import { maskPhone } from '../phone/mask';
import {
  MANAGED_COPY_STORAGE_KEY,
  SETTINGS_STORAGE_KEY,
  readSettings,
  setInstallDefaults,
} from '../settings';
import type { TabMessage } from '../messaging/protocol';
import type { SuppressionEntry } from '../suppression/types';
import type { CountryCode } from '../phone/normalize';
import { getCase, listCases, listQueue, patchCase, whoAmI } from './cases-api';
import { ListService } from './list-service';
import { addLocalSuppression, restorePending } from './local-additions';
import { isExpectedState } from './expected-errors';
import { createLogger } from './log';
import { addEventToOutbox, addToOutbox } from './outbox';
import { createMessageRouter, type MessageHandlers } from './router';
import { indexedDbListStore } from './list-store';
import { recordSnapshotSchema } from '../sites/types';
import { openCapturePanel } from '../panel';
import { addSite, listSites, removeSite, runInOpenTabs, startSiteScripts } from './sites';
import { SyncService } from './sync-service';
import { TabCounts } from './tab-counts';

const log = createLogger('background');

/** Tells every content script that statuses changed, so badges and the dial guard ask again. */
export function broadcastStatusChange(): Promise<void> {
  return sendToEveryTab({ type: 'statuses.changed' });
}

async function sendToEveryTab(message: TabMessage): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}

/** Starts the background worker: list, message router, toolbar counts. */
export function startBackground(): { list: ListService; sync: SyncService } {
  const list = new ListService(indexedDbListStore, readSettings);
  const tabCounts = new TabCounts();
  const imports = new Map<string, SuppressionEntry[]>();
  const sync = new SyncService(list, broadcastStatusChange);
  /** Tabs whose pages run the content script, and the one of them the agent looked at last. */
  const pageTabs = new Set<number>();
  let lastPageTab: number | null = null;
  void restorePending(list).catch((error: unknown) =>
    log.error('restoring pending numbers failed', error),
  );
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update')
      void runInOpenTabs().catch((error: unknown) =>
        log.error('running the content scripts in open tabs failed', error),
      );
    if (reason !== 'install') return;
    void setInstallDefaults(browser.i18n.getUILanguage()).catch((error: unknown) =>
      log.error('setting the default country of the new install failed', error),
    );
  });
  // The default country decides how a number is read, and the policy for
  // unknown numbers and the staleness limit decide statuses. So open tabs
  // scan again when a setting changes: in Options, by policy, or when the
  // copy of the policy is brought up to date.
  browser.storage.onChanged.addListener((changes, area) => {
    const settingsChanged =
      area === 'managed' ||
      (area === 'local' &&
        (SETTINGS_STORAGE_KEY in changes || MANAGED_COPY_STORAGE_KEY in changes));
    if (settingsChanged) void sendToEveryTab({ type: 'settings.changed' });
  });

  const handlers: MessageHandlers = {
    'numbers.check': (payload) => list.check(payload.numbers),

    'number.lookup': (payload) => list.lookup(payload.phone),

    'list.info': () => list.info(),

    'dial.blocked': async (payload, sender) => {
      const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : 'unknown');
      await addEventToOutbox({
        type: payload.decision === 'block' ? 'dial_blocked' : 'dial_warned',
        at: new Date().toISOString(),
        origin,
        ...(payload.e164 ? { e164: payload.e164 } : {}),
        details: { status: payload.status },
      });
      log.info(
        `dial ${payload.decision === 'block' ? 'blocked' : 'warned'} on ${origin}: ${payload.e164 ? maskPhone(payload.e164) : 'unparsed number'}`,
      );
      return { ok: true as const };
    },

    'frame.suppressedCount': async (payload, sender) => {
      if (sender.tab?.id !== undefined) {
        tabCounts.report(sender.tab.id, sender.frameId ?? 0, payload.count);
        pageTabs.add(sender.tab.id);
        // A page that just loaded is the one the agent is looking at; switching tabs corrects it.
        if (sender.frameId === 0) lastPageTab = sender.tab.id;
      }
      return { ok: true as const };
    },

    'number.add': async (payload, sender) => {
      const settings = await readSettings();
      const origin = sender.tab ? (sender.origin ?? 'page') : SOURCE_EXTENSION;
      const result = await addLocalSuppression(
        list,
        payload.phone,
        payload.reason,
        settings.defaultCountry as CountryCode,
        origin,
      );
      log.info(
        `added ${result.e164 ? maskPhone(result.e164) : 'number'} to the list on this device`,
      );
      await broadcastStatusChange();
      void sync.syncNow();
      return result;
    },

    'record.snapshot': async () => {
      // The active tab first; when that is one of ours (the capture form opened
      // as a tab), the page the agent looked at last.
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      const tabIds = [active?.id, lastPageTab].filter(
        (id): id is number => id !== undefined && id !== null,
      );
      for (const tabId of new Set(tabIds)) {
        let reply: unknown;
        try {
          reply = await browser.tabs.sendMessage(tabId, { type: 'record.read' }, { frameId: 0 });
        } catch {
          continue;
        }
        const snapshot = recordSnapshotSchema.safeParse(reply);
        if (snapshot.success) return snapshot.data;
        throw new Error('the page sent a record DNC Guard cannot read');
      }
      // Expected when the capture form opens away from a record page; the form explains it.
      return null;
    },

    'case.capture': async ({ capture, verification }) => {
      const settings = await readSettings();
      const country = settings.defaultCountry as CountryCode;
      const reason = captureReason(capture.id);

      // Suppress first: every number is blocked before the case is even queued.
      for (const phone of capture.subject.phones) {
        await addLocalSuppression(list, phone, reason, country, SOURCE_EXTENSION);
      }
      const at = new Date().toISOString();
      await addToOutbox({
        kind: 'case',
        id: capture.id,
        createdAt: Date.now(),
        attempts: 0,
        nextAttemptAt: 0,
        caseBody: {
          ...capture,
          ...(verification ? { verification: { ...verification, by: 'capturing agent', at } } : {}),
        },
      });
      if (verification) {
        await addEventToOutbox({
          type: 'verification_recorded',
          at,
          origin: SOURCE_EXTENSION,
          details: {
            caseId: capture.id,
            method: verification.method,
            passed: verification.passed,
          },
        });
      }
      log.info(
        `captured deletion request ${capture.id} for ${capture.subject.phones.length} numbers`,
      );
      await broadcastStatusChange();
      void sync.syncNow();
      return { id: capture.id, suppressed: capture.subject.phones.length };
    },

    'cases.list': () => listCases(),

    'cases.queue': () => listQueue(),

    'account.me': () => whoAmI(),

    'case.get': ({ id }) => getCase(id),

    'case.patch': ({ id, patch }) => patchCase(id, patch),

    'sync.now': () => sync.syncNow(),

    'sync.status': () => sync.status(),

    'list.import': async (payload) => {
      // Chunks of one import are held until the last arrives, so a cancelled
      // or failed import changes nothing.
      const received = imports.get(payload.importId) ?? [];
      received.push(...payload.entries);
      imports.set(payload.importId, received);
      if (!payload.final)
        return { received: received.length, applied: false, size: (await list.info()).size };

      imports.delete(payload.importId);
      const size = await list.importEntries(received, {
        defaultReason: payload.defaultReason,
        replaceReasons: payload.replaceReasons,
      });
      log.info(`imported ${received.length} entries; list contains ${size}`);
      await broadcastStatusChange();
      return { received: received.length, applied: true, size };
    },

    'sites.list': async () => ({ sites: await listSites() }),

    'sites.add': ({ pattern }) => addSite(pattern),

    'sites.remove': async ({ pattern }) => ({ sites: await removeSite(pattern) }),
  };

  browser.runtime.onMessage.addListener(
    createMessageRouter(
      handlers,
      browser.runtime.id,
      browser.runtime.getURL('/'),
      (type, error) => {
        if (isExpectedState(error)) log.info(`"${type}" not handled: ${(error as Error).message}`);
        else log.error(`handling "${type}" failed`, error);
      },
    ),
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') tabCounts.reset(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabCounts.reset(tabId);
    pageTabs.delete(tabId);
    if (lastPageTab === tabId) lastPageTab = null;
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    if (pageTabs.has(tabId)) lastPageTab = tabId;
  });
  sync.start();
  startSiteScripts();
  installCaptureEntryPoints();

  return { list, sync };
}

const CAPTURE_MENU_ID = 'dnc-guard-capture';
export const CAPTURE_COMMAND = 'capture-deletion-request';

/** Installs the context menu item and the keyboard shortcut that open the capture form. */
function installCaptureEntryPoints(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CAPTURE_MENU_ID,
      title: t('captureOpen'),
      contexts: ['selection', 'link', 'page'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CAPTURE_MENU_ID) return;
    void openCapturePanel(tab?.windowId).catch((error: unknown) =>
      log.error('opening the capture form failed', error),
    );
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    void openCapturePanel(tab?.windowId).catch((error: unknown) =>
      log.error('opening the capture form failed', error),
    );
  });
}
