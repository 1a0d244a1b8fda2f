import { browser } from 'wxt/browser';
import type { SyncStatus } from '../messaging/protocol';
import { readSettings } from '../settings';
import { isSyncConfigured } from '../sync/config';
import { SyncEngine } from '../sync/engine';
import { INITIAL_SYNC_STATE, SyncState } from '../sync/state';
import type { ListService } from './list-service';
import { createLogger } from './log';
import { listOutbox, readKv, removeFromOutbox, updateOutboxItem, writeKv } from './outbox';

const log = createLogger('sync');
export const SYNC_ALARM = 'dnc-guard-sync';
const STATE_KEY = 'syncState';

/**
 * Runs the sync engine on a one-minute alarm, at browser start and on
 * "Sync now", and notifies open tabs when the list changed.
 */
export class SyncService {
  private readonly engine: SyncEngine;
  private running = false;

  constructor(
    private readonly list: ListService,
    private readonly onListChanged: () => Promise<void>,
  ) {
    this.engine = new SyncEngine({
      fetch: (input, init) => fetch(input, init),
      config: async () => {
        const settings = await readSettings();
        return { apiUrl: settings.apiUrl, accessToken: settings.accessToken };
      },
      list,
      outbox: { list: listOutbox, remove: removeFromOutbox, update: updateOutboxItem },
      logger: log,
      // The largest page the server allows: an initial sync of millions of
      // numbers then costs a few hundred IndexedDB transactions, not thousands.
      pageSize: 50_000,
      state: {
        read: () => readKv(STATE_KEY, SyncState),
        write: (state) => writeKv(STATE_KEY, state),
      },
    });
  }

  start(): void {
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1, delayInMinutes: 0.1 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM) void this.syncQuietly();
    });
    browser.runtime.onStartup.addListener(() => void this.syncQuietly());
  }

  /**
   * Syncs now; resolves with the state after the sync (a failed sync is a
   * state, not an exception). The user asked for it, so items waiting out a
   * backoff are sent now too.
   */
  async syncNow(): Promise<SyncStatus> {
    const now = Date.now();
    for (const item of await listOutbox()) {
      if (item.nextAttemptAt > now) await updateOutboxItem({ ...item, nextAttemptAt: now });
    }
    await this.syncQuietly();
    return this.status();
  }

  async status(): Promise<SyncStatus> {
    const [settings, stored, items, list] = await Promise.all([
      readSettings(),
      readKv(STATE_KEY, SyncState),
      listOutbox(),
      this.list.info(),
    ]);
    const state = stored ?? INITIAL_SYNC_STATE;
    return {
      configured: isSyncConfigured(settings),
      running: this.running,
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError: state.lastError,
      pendingItems: items.length,
      list,
    };
  }

  private async syncQuietly(): Promise<void> {
    const settings = await readSettings();
    if (!isSyncConfigured(settings)) return;

    const before = { cursor: this.list.cursor, info: await this.list.info() };
    this.running = true;
    try {
      const state = await this.engine.sync();
      if (state.lastError)
        log.warn(`sync failed (${state.lastError.code}): ${state.lastError.message}`);
    } catch (error) {
      log.error('sync stopped by an unexpected error', error);
    } finally {
      this.running = false;
    }

    const after = await this.list.info();
    if (
      this.list.cursor !== before.cursor ||
      before.info.stale !== after.stale ||
      before.info.pendingCount !== after.pendingCount
    ) {
      await this.onListChanged();
    }
  }
}
