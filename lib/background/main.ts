import { browser } from 'wxt/browser';
import { maskPhone } from '../phone/mask';
import { readSettings } from '../settings';
import type { SuppressionEntry } from '../suppression/types';
import type { CountryCode } from '../phone/normalize';
import { ListService } from './list-service';
import { addLocalSuppression, restorePending } from './local-additions';
import { createLogger } from './log';
import { addToOutbox } from './outbox';
import { createMessageRouter, type MessageHandlers } from './router';
import { indexedDbListStore } from './list-store';
import { SyncService } from './sync-service';
import { TabCounts } from './tab-counts';

const log = createLogger('background');

/** Tells every content script that statuses changed, so badges and the dial guard ask again. */
export async function broadcastStatusChange(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, { type: 'statuses.changed' }).catch(() => undefined),
    ),
  );
}

/** Starts the background worker: list, message router, toolbar counts. */
export function startBackground(): { list: ListService; sync: SyncService } {
  const list = new ListService(indexedDbListStore, readSettings);
  const tabCounts = new TabCounts();
  const imports = new Map<string, SuppressionEntry[]>();
  const sync = new SyncService(list, broadcastStatusChange);
  void restorePending(list).catch((error: unknown) =>
    log.error('restoring pending numbers failed', error),
  );

  const handlers: MessageHandlers = {
    'numbers.check': (payload) => list.check(payload.numbers),

    'number.lookup': (payload) => list.lookup(payload.phone),

    'list.info': () => list.info(),

    'dial.blocked': async (payload, sender) => {
      const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : 'unknown');
      await addToOutbox({
        kind: 'event',
        id: crypto.randomUUID(),
        createdAt: Date.now(),
        attempts: 0,
        nextAttemptAt: 0,
        event: {
          type: payload.decision === 'block' ? 'dial_blocked' : 'dial_warned',
          at: new Date().toISOString(),
          origin,
          ...(payload.e164 ? { e164: payload.e164 } : {}),
          details: { status: payload.status },
        },
      });
      log.info(
        `dial ${payload.decision === 'block' ? 'blocked' : 'warned'} on ${origin}: ${payload.e164 ? maskPhone(payload.e164) : 'unparsed number'}`,
      );
      return { ok: true as const };
    },

    'frame.suppressedCount': async (payload, sender) => {
      if (sender.tab?.id !== undefined)
        tabCounts.report(sender.tab.id, sender.frameId ?? 0, payload.count);
      return { ok: true as const };
    },

    'number.add': async (payload, sender) => {
      const settings = await readSettings();
      const origin = sender.tab ? (sender.origin ?? 'page') : 'extension';
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
      const size = await list.importEntries(received);
      log.info(`imported ${received.length} entries; list holds ${size}`);
      await broadcastStatusChange();
      return { received: received.length, applied: true, size };
    },
  };

  browser.runtime.onMessage.addListener(
    createMessageRouter(handlers, browser.runtime.id, browser.runtime.getURL('/'), (type, error) =>
      log.error(`handling "${type}" failed`, error),
    ),
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') tabCounts.reset(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => tabCounts.reset(tabId));
  sync.start();

  return { list, sync };
}
