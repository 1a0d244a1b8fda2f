import { MAX_CHECK_BATCH, type ListInfo, type NumberResult } from '../messaging/protocol';
import { foldToAscii } from '../phone/chars';
import { dialKey } from './dom-rules';

/**
 * Maximum number of results kept. A dialer that works through a list shows
 * thousands of numbers a day, and each kept result costs a few hundred
 * bytes. The least recently used go first, and a dropped number is looked
 * up again when it appears.
 */
export const MAX_CACHED_RESULTS = 20_000;

export type CheckNumbers = (
  numbers: string[],
) => Promise<{ results: NumberResult[]; list: ListInfo }>;

/**
 * Asks the background worker for the status of numbers, batching every
 * request made in the same task into messages of at most MAX_CHECK_BATCH
 * numbers, and keeps the answers for the life of the page. The dial guard
 * reads answers synchronously through `cachedByKey`.
 */
export class StatusClient {
  private readonly results = new Map<string, NumberResult>();
  /** Results by the textKey of their text. */
  private readonly byText = new Map<string, NumberResult>();
  /** Results whose number is every digit of a plainly formatted text, by dialKey and by E.164. */
  private readonly byKey = new Map<string, NumberResult>();
  private readonly waiting = new Map<string, Array<(result: NumberResult) => void>>();
  private flushScheduled = false;
  private list: ListInfo | null = null;

  constructor(
    private readonly check: CheckNumbers,
    private readonly onError: (error: unknown) => void,
  ) {}

  get listInfo(): ListInfo | null {
    return this.list;
  }

  /** Resolves with the status of `raw`; never rejects (a failed look-up resolves as unknown). */
  status(raw: string): Promise<NumberResult> {
    return new Promise((resolve) => this.request(raw, resolve));
  }

  /**
   * Calls `callback` with the status of `raw`: at once when it is cached,
   * else when the batched reply arrives (a failed look-up gives unknown).
   * Callers with many numbers pass one callback for all, so no promise is
   * made per number.
   */
  request(raw: string, callback: (result: NumberResult) => void): void {
    const known = this.results.get(raw);
    if (known) {
      // Used again, so it is the last to be dropped.
      this.results.delete(raw);
      this.results.set(raw, known);
      callback(known);
      return;
    }
    const callbacks = this.waiting.get(raw);
    if (callbacks) {
      callbacks.push(callback);
      return;
    }
    this.waiting.set(raw, [callback]);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => void this.flush());
    }
  }

  /**
   * Returns the last result for `raw` or for a text the background reads the
   * same way, or undefined when none was requested. Dialers reformat what is
   * typed ("+44 (20) 7946-0018" for "+442079460018"), but equal digits are
   * not enough: "0755-88889902,123" has an extension, "075588889902123" is invalid.
   */
  cachedByKey(raw: string): NumberResult | undefined {
    const written = this.byText.get(textKey(raw));
    if (written) return written;

    return isPlainlyFormatted(raw) ? this.byKey.get(dialKey(raw)) : undefined;
  }

  /** Drops every cached result, because the list changed. */
  clear(): void {
    this.results.clear();
    this.byText.clear();
    this.byKey.clear();
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const numbers = [...this.waiting.keys()];

    for (let start = 0; start < numbers.length; start += MAX_CHECK_BATCH) {
      const batch = numbers.slice(start, start + MAX_CHECK_BATCH);
      let results: NumberResult[];
      try {
        const reply = await this.check(batch);
        this.list = reply.list;
        results = reply.results;
      } catch (error) {
        this.onError(error);
        results = batch.map((raw) => ({ raw, e164: null, status: 'unknown' }));
      }
      for (const result of results) this.settle(result);
      // Any number the reply left out still gets an answer.
      for (const raw of batch) {
        if (this.waiting.has(raw)) this.settle({ raw, e164: null, status: 'unknown' });
      }
    }
  }

  /** Drops the least recently used result, and its keys where no newer result took them. */
  private dropOldest(): void {
    const oldest = this.results.values().next();
    if (oldest.done) return;
    const result = oldest.value;
    this.results.delete(result.raw);
    const text = textKey(result.raw);
    if (this.byText.get(text) === result) this.byText.delete(text);
    for (const key of [dialKey(result.raw), result.e164]) {
      if (key && this.byKey.get(key) === result) this.byKey.delete(key);
    }
  }

  private settle(result: NumberResult): void {
    // Failed look-ups are not cached, so the next request sends them again.
    if (result.status !== 'unknown' || result.e164 !== null) {
      this.results.set(result.raw, result);
      this.byText.set(textKey(result.raw), result);
      if (result.whole && isPlainlyFormatted(result.raw))
        this.byKey.set(dialKey(result.raw), result);
      // A text of "+" and these digits is read as this number, whatever else `raw` contained.
      if (result.e164) this.byKey.set(result.e164, result);
      if (this.results.size > MAX_CACHED_RESULTS) this.dropOldest();
    }
    const callbacks = this.waiting.get(result.raw) ?? [];
    this.waiting.delete(result.raw);
    for (const callback of callbacks) {
      // One failing caller must not leave the rest of the batch without a result.
      try {
        callback(result);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/** Returns `raw` with its digits, spaces and dashes in ASCII, as the background folds it before reading. */
function textKey(raw: string): string {
  return foldToAscii(raw);
}

/**
 * Tells whether `raw` has only digits, spaces, hyphens, dots, slashes and
 * brackets, and a "+" before the first digit. The background reads such
 * texts by their digits alone, unless it cuts a count or an extension off.
 * Then the result is not `whole`.
 */
function isPlainlyFormatted(raw: string): boolean {
  return /^[\s(]*\+?[\d\s()./-]+$/.test(textKey(raw));
}
