import { SOURCE_THIS_DEVICE } from '../list-text';
import { formatForDisplay } from '../phone/format';
import type { CountryCode } from '../phone/normalize';
import { readCandidate, type CandidateReading } from '../phone/validate';
import type { ListInfo, NumberResult } from '../messaging/protocol';
import { isListStale } from '../policy';
import type { Settings } from '../settings';
import { mergeImport, type ImportChoices } from '../suppression/import-merge';
import { SuppressionIndex } from '../suppression/index';
import type { SuppressionChanges, SuppressionEntry } from '../suppression/types';

/** Storage of the list between worker restarts. */
export interface ListStore {
  load(): Promise<{ index: SuppressionIndex; state: ListState }>;
  save(index: SuppressionIndex, state: ListState): Promise<void>;
  /** Applies a delta to `index` and stores it with the state after it, in one transaction. */
  applyDelta(index: SuppressionIndex, changes: SuppressionChanges, state: ListState): Promise<void>;
}

export interface ListState {
  /** Position in the server's delta feed; null before the first sync. */
  cursor: string | null;
  /** When the list was last known to be current (import or successful sync), in ms. */
  listUpdatedAt: number | null;
  entryCount: number;
}

export interface PendingEntry {
  reason: string;
  addedAt: number;
}

/**
 * The suppression list as the background worker sees it: the index loaded
 * from IndexedDB, plus numbers suppressed on this device that the server has
 * not confirmed yet ("pending").
 */
export class ListService {
  private index = SuppressionIndex.empty();
  private state: ListState = { cursor: null, listUpdatedAt: null, entryCount: 0 };
  private readonly pending = new Map<string, PendingEntry>();
  private readonly ready: Promise<void>;

  constructor(
    private readonly store: ListStore,
    private readonly settings: () => Promise<Settings>,
    private readonly now: () => number = Date.now,
  ) {
    this.ready = this.store.load().then(
      ({ index, state }) => {
        this.index = index;
        this.state = state;
      },
      (error: unknown) => {
        // An unreadable store leaves the list empty and "not loaded", so the
        // unknown-status policy decides every dial until a sync or an import.
        throw new Error(
          `Loading the suppression list failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
    this.ready.catch(() => undefined);
  }

  async whenReady(): Promise<void> {
    await this.ready.catch(() => undefined);
  }

  async check(raws: string[]): Promise<{ results: NumberResult[]; list: ListInfo }> {
    await this.whenReady();
    const settings = await this.settings();
    const list = this.describe(settings);
    const results = raws.map((raw) =>
      this.statusOf(raw, settings.defaultCountry as CountryCode, list.stale),
    );
    return { results, list };
  }

  async lookup(phone: string): Promise<NumberResult> {
    const { results } = await this.check([phone]);
    return results[0] ?? { raw: phone, e164: null, status: 'invalid' };
  }

  async info(): Promise<ListInfo> {
    await this.whenReady();
    return this.describe(await this.settings());
  }

  /**
   * Adds imported entries to the list and stores it, merging numbers already
   * on the list as `mergeImport` decides. The import counts as a refresh.
   */
  async importEntries(entries: SuppressionEntry[], choices: ImportChoices): Promise<number> {
    await this.whenReady();
    const merged = mergeImport(entries, (e164) => this.index.get(e164), choices);
    this.index.apply({ added: merged, removed: [] });
    this.state = { ...this.state, listUpdatedAt: this.now(), entryCount: this.index.size };
    await this.store.save(this.index, this.state);
    return this.index.size;
  }

  /** Applies a page of the server's delta feed; the cursor is stored with the entries, never ahead of them. */
  async applyDelta(changes: SuppressionChanges, cursor: string | null): Promise<void> {
    await this.whenReady();
    const next = { cursor, listUpdatedAt: this.state.listUpdatedAt, entryCount: this.index.size };
    await this.store.applyDelta(this.index, changes, next);
    this.state = { ...next, entryCount: this.index.size };
    for (const entry of changes.added) this.pending.delete(entry.e164);
  }

  /** Records that the list is current as of now (a full sync finished). */
  async markCurrent(): Promise<void> {
    await this.whenReady();
    this.state = { ...this.state, listUpdatedAt: this.now() };
    await this.store.applyDelta(this.index, { added: [], removed: [] }, this.state);
  }

  get cursor(): string | null {
    return this.state.cursor;
  }

  setPending(e164: string, entry: PendingEntry): void {
    this.pending.set(e164, entry);
  }

  clearPending(e164: string): void {
    this.pending.delete(e164);
  }

  private describe(settings: Settings): ListInfo {
    return {
      loaded: this.state.listUpdatedAt !== null,
      size: this.index.size,
      pendingCount: this.pending.size,
      updatedAt: this.state.listUpdatedAt,
      stale: isListStale(this.state.listUpdatedAt, settings.staleAfterHours, this.now()),
      staleAfterHours: settings.staleAfterHours,
      unknownPolicy: settings.unknownPolicy,
      showAllowedBadges: settings.showAllowedBadges,
      defaultCountry: settings.defaultCountry,
    };
  }

  private statusOf(raw: string, country: CountryCode, stale: boolean): NumberResult {
    const reading = readCandidate(raw, country);
    if (!reading) return { raw, e164: null, status: 'invalid' };
    const e164 = reading.e164;
    const number = { raw, e164, display: formatForDisplay(e164, country), ...wholeFlag(reading) };

    const entry = this.index.get(e164);
    if (entry) {
      return {
        ...number,
        status: 'suppressed',
        reason: entry.reason,
        source: entry.source,
        addedAt: entry.addedAt,
      };
    }
    const pending = this.pending.get(e164);
    if (pending) {
      return {
        ...number,
        status: 'pending',
        reason: pending.reason,
        source: SOURCE_THIS_DEVICE,
        addedAt: pending.addedAt,
      };
    }
    // Not on the list: trusted only while the list is current.
    return { ...number, status: stale ? 'unknown' : 'allowed' };
  }
}

/** Marks a result whose number is every digit of its text, so the content script may reuse it for other formats. */
function wholeFlag(reading: CandidateReading): { whole?: true } {
  return reading.whole ? { whole: true } : {};
}
