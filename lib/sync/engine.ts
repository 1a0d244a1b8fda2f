import { FeedPage } from '../api/schemas.ts';
import type { ListService } from '../background/list-service.ts';
import { validateApiUrl, type SyncConfig } from './config.ts';
import { SyncError, storageError } from './errors.ts';
import { callApi, type ApiClientOptions } from './http.ts';
import { checkPageProgress, feedPageToChanges, feedPath } from './pull.ts';
import { needsAttention, pushOutbox, type OutboxPort } from './push.ts';
import { INITIAL_SYNC_STATE, type SyncState } from './state.ts';

/** Destination of the engine's log lines, such as the background's prefixed console logger. Lines contain no token and no full phone number. */
export interface SyncLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface SyncEngineDeps {
  fetch: typeof fetch;
  config: () => Promise<SyncConfig>;
  /** `whenReady` lets the pull start from the stored cursor rather than from an unloaded list. */
  list: Pick<ListService, 'cursor' | 'applyDelta' | 'markCurrent' | 'clearPending' | 'whenReady'>;
  outbox: OutboxPort;
  state: { read(): Promise<SyncState | undefined>; write(state: SyncState): Promise<void> };
  now?: () => number;
  random?: () => number;
  /** Feed changes per request; default 5,000. */
  pageSize?: number;
  /** Time limit of each request, in ms; default 15,000. */
  requestTimeoutMs?: number;
  logger?: SyncLogger;
}

export { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from './backoff.ts';
export { isSyncConfigured, validateApiUrl, type ApiUrlCheck, type SyncConfig } from './config.ts';
export { SyncError, SyncErrorCode } from './errors.ts';
export { feedPageToChanges } from './pull.ts';
export { NEEDS_ATTENTION_PREFIX, needsAttention, type OutboxPort } from './push.ts';
export { INITIAL_SYNC_STATE, SyncState } from './state.ts';

export const DEFAULT_PAGE_SIZE = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Keeps the local replica of the DNC list in step with the central API and
 * delivers the outbox. Each sync first pushes due outbox items (so numbers
 * suppressed here reach the server before the list is read back), then
 * pulls the delta feed page by page from the stored cursor.
 */
export class SyncEngine {
  private running: Promise<SyncState> | null = null;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Runs one sync, or joins the one already running. It never rejects, because failures are recorded in the returned state. */
  sync(): Promise<SyncState> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<SyncState> {
    const startedAt = this.now();
    const previous = await this.readState();

    let failure: SyncError | null = null;
    try {
      failure = await this.exchange();
    } catch (error) {
      failure = error instanceof SyncError ? error : storageError(error, 'sync results');
    }

    const outbox = await this.outboxSummary();
    const finishedAt = this.now();
    const state: SyncState =
      failure === null
        ? {
            lastSuccessAt: finishedAt,
            lastAttemptAt: startedAt,
            lastError:
              outbox.needingAttention === 0
                ? null
                : {
                    code: 'rejected',
                    rejectedItems: outbox.needingAttention,
                    message: attentionMessage(outbox.needingAttention),
                    at: finishedAt,
                  },
            consecutiveFailures: 0,
            pendingItems: outbox.pending ?? previous.pendingItems,
          }
        : {
            lastSuccessAt: previous.lastSuccessAt,
            lastAttemptAt: startedAt,
            lastError: { ...failure.problem(), message: failure.message, at: finishedAt },
            consecutiveFailures: previous.consecutiveFailures + 1,
            pendingItems: outbox.pending ?? previous.pendingItems,
          };

    if (failure) this.deps.logger?.warn(`sync failed (${failure.code}): ${failure.message}`);
    try {
      await this.deps.state.write(state);
    } catch (error) {
      this.deps.logger?.error('storing the sync state failed', error);
    }
    return state;
  }

  /** Pushes, then pulls. Returns a failure that did not stop the pull (such as a 500 on events), or null. */
  private async exchange(): Promise<SyncError | null> {
    const api = await this.apiOptions();

    const push = await pushOutbox({
      api,
      outbox: this.deps.outbox,
      now: this.now(),
      random: this.random,
      logger: this.deps.logger,
    });
    if (push.stopped && push.error) throw push.error;
    if (push.delivered > 0) this.deps.logger?.info(`delivered ${push.delivered} outbox items`);

    await this.pull(api);

    // Only now is every delivered number in the pulled list (unless a lead
    // removed it meanwhile), so it can stop showing as pending without ever
    // showing as allowed in between.
    for (const e164 of push.deliveredPhones) this.deps.list.clearPending(e164);
    return push.error;
  }

  private async apiOptions(): Promise<ApiClientOptions> {
    const config = await this.deps.config();
    if (config.accessToken.trim() === '') {
      throw new SyncError(
        'not_configured',
        'Sync is not set up: the access token is missing. Enter the API URL and access token in Options.',
      );
    }
    const url = validateApiUrl(config.apiUrl);
    if (!url.ok) {
      throw new SyncError(
        'not_configured',
        `Sync is not set up: ${url.message} Fix it in Options.`,
        { detail: url.message },
      );
    }
    return {
      fetch: this.deps.fetch,
      apiUrl: url.url,
      accessToken: config.accessToken.trim(),
      timeoutMs: this.deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    };
  }

  /**
   * Downloads the feed from the stored cursor to its end. Each page is stored
   * with its cursor in one transaction, so a failure on a later page resumes
   * after the last stored page and never skips or loses an entry. The next
   * page is requested while the current one is stored, so the server's and
   * the network's time overlap the worker's. A page is still applied only
   * after the one before it.
   */
  private async pull(api: ApiClientOptions): Promise<void> {
    const list = this.deps.list;
    await list.whenReady();
    const pageSize = this.deps.pageSize ?? DEFAULT_PAGE_SIZE;
    const request = (since: string | null): Promise<FeedPage> => {
      const response = callApi(api, {
        method: 'GET',
        path: feedPath(since, pageSize),
        what: 'downloading the DNC list',
        schema: FeedPage,
      }).then(({ body }) => body);
      // A request started ahead is dropped when storing the page before it
      // fails, and its own failure is then ignored.
      response.catch(() => undefined);
      return response;
    };

    let cursor = list.cursor;
    let pages = 0;
    let changeCount = 0;
    let stalledPages = 0;
    let nextPage = request(cursor);
    for (;;) {
      const page = await nextPage;
      stalledPages = checkPageProgress(page, cursor, stalledPages);
      const changes = feedPageToChanges(page.changes);
      if (page.hasMore) nextPage = request(page.nextCursor);

      // An empty page at the end of the feed only repeats the cursor, and
      // storing it would add a journal record on every sync.
      if (page.changes.length > 0 || page.nextCursor !== cursor) {
        try {
          await list.applyDelta(changes, page.nextCursor);
        } catch (error) {
          throw storageError(error, 'the DNC list');
        }
      }
      cursor = page.nextCursor;
      pages += 1;
      changeCount += page.changes.length;
      if (!page.hasMore) break;
    }

    try {
      await list.markCurrent();
    } catch (error) {
      throw storageError(error, 'the DNC list');
    }
    if (changeCount > 0)
      this.deps.logger?.info(`pulled ${changeCount} list changes in ${pages} pages`);
  }

  private async readState(): Promise<SyncState> {
    try {
      return (await this.deps.state.read()) ?? INITIAL_SYNC_STATE;
    } catch (error) {
      this.deps.logger?.error('reading the sync state failed; starting from an empty one', error);
      return INITIAL_SYNC_STATE;
    }
  }

  private async outboxSummary(): Promise<{ pending: number | null; needingAttention: number }> {
    try {
      const items = await this.deps.outbox.list();
      return { pending: items.length, needingAttention: items.filter(needsAttention).length };
    } catch (error) {
      this.deps.logger?.error('reading the outbox failed', error);
      return { pending: null, needingAttention: 0 };
    }
  }
}

function attentionMessage(count: number): string {
  const items = count === 1 ? '1 item was' : `${count} items were`;
  return `${items} rejected by the API and kept in the outbox, each with the server's reason. The extension retries them about every 15 minutes; if this persists, tell your administrator.`;
}
