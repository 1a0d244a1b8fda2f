import {
  AddSuppressionsRequest,
  AddSuppressionsResponse,
  API_LIMITS,
  Case,
  ClientEvent,
  CreateCaseRequest,
  PostEventsResponse,
  type ClientEventType,
} from '../api/schemas.ts';
import type { OutboxItem } from '../background/outbox.ts';
import { isAnyCaseReason } from '../cases/model.ts';
import { SOURCE_EXTENSION } from '../list-text.ts';
import { maskPhone } from '../phone/mask.ts';
import { DELETION_REQUEST_SOURCE } from '../suppression/entry-words.ts';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff.ts';
import { SyncError, storageError, stopsSync } from './errors.ts';
import { callApi, type ApiClientOptions } from './http.ts';

/** The outbox as the sync engine uses it; the background passes the IndexedDB outbox. */
export interface OutboxPort {
  list(): Promise<OutboxItem[]>;
  remove(ids: string[]): Promise<void>;
  update(item: OutboxItem): Promise<void>;
}

/**
 * Start of `lastError` on an item that the server rejected for its content
 * (or that cannot be sent as it is). Such an item stays in the outbox,
 * because it records something a person asked for, and is retried only at
 * the longest backoff until someone looks at it.
 */
export const NEEDS_ATTENTION_PREFIX = 'Needs attention: ';

export function needsAttention(item: OutboxItem): boolean {
  return item.lastError?.startsWith(NEEDS_ATTENTION_PREFIX) ?? false;
}

export interface PushResult {
  delivered: number;
  /** Numbers of delivered suppression items; they stop being "pending" once the list is pulled. */
  deliveredPhones: string[];
  /** The first failure not caused by an item's content (server down, 500 …), or null. */
  error: SyncError | null;
  /** True when that failure also ended the push early, so the pull should not run. */
  stopped: boolean;
}

export interface PushOptions {
  api: ApiClientOptions;
  outbox: OutboxPort;
  now: number;
  random: () => number;
  logger?: { warn(message: string): void } | undefined;
}

type SuppressionItem = Extract<OutboxItem, { kind: 'suppression' }>;
type EventItem = Extract<OutboxItem, { kind: 'event' }>;
type CaseItem = Extract<OutboxItem, { kind: 'case' }>;

const SPLITTABLE_STATUSES: ReadonlySet<number> = new Set([400, 413]);

/** Stops the push when a failure means every further request would fail too. */
class PushStopped extends Error {}

/**
 * Sends every due outbox item: suppressions first (they protect customers),
 * then cases, then events. Items leave the outbox only after the server
 * acknowledged them; a failed item gets its attempt counted and a later
 * retry time.
 */
export async function pushOutbox(options: PushOptions): Promise<PushResult> {
  const push = new Push(options);
  let items: OutboxItem[];
  try {
    items = await options.outbox.list();
  } catch (error) {
    throw storageError(error, 'the outbox');
  }
  const due = items.filter((item) => item.nextAttemptAt <= options.now);

  try {
    await push.suppressions(
      due.filter((item): item is SuppressionItem => item.kind === 'suppression'),
    );
    await push.cases(due.filter((item): item is CaseItem => item.kind === 'case'));
    await push.events(due.filter((item): item is EventItem => item.kind === 'event'));
  } catch (error) {
    if (!(error instanceof PushStopped)) throw error;
  }
  return push.result();
}

class Push {
  private delivered = 0;
  private readonly deliveredPhones: string[] = [];
  private error: SyncError | null = null;
  private stopped = false;

  constructor(private readonly options: PushOptions) {}

  result(): PushResult {
    return {
      delivered: this.delivered,
      deliveredPhones: this.deliveredPhones,
      error: this.error,
      stopped: this.stopped,
    };
  }

  async suppressions(items: SuppressionItem[]): Promise<void> {
    const sendable: SuppressionItem[] = [];
    for (const item of items) {
      const entry = suppressionEntry(item);
      const parsed = AddSuppressionsRequest.shape.entries.element.safeParse(entry);
      if (parsed.success) sendable.push(item);
      else {
        const detail = parsed.error.issues[0]?.message ?? 'invalid entry';
        await this.fail(
          [item],
          new SyncError(
            'rejected',
            `The suppression of ${maskPhone(item.e164)} cannot be sent: ${detail}.`,
            { detail },
          ),
        );
      }
    }

    for (const batch of chunks(sendable, API_LIMITS.addMaxEntries)) {
      await this.deliver(batch, async (part) => {
        const { body } = await callApi(this.options.api, {
          method: 'POST',
          path: '/v1/suppressions',
          what: `sending ${count(part.length, 'suppressed number')}`,
          body: { entries: part.map(suppressionEntry) } satisfies AddSuppressionsRequest,
          schema: AddSuppressionsResponse,
        });

        // Adding a number already on the list is a no-op on the server
        // ("alreadyPresent"), so resending a batch after a lost response is safe.
        const rejected = new Map(body.rejected.map((entry) => [entry.index, entry.error]));
        const accepted = part.filter((_, index) => !rejected.has(index));
        for (const [index, reason] of rejected) {
          const item = part[index];
          if (!item) continue;
          await this.fail(
            [item],
            new SyncError(
              'rejected',
              `The API rejected the suppression of ${maskPhone(item.e164)}: ${reason}.`,
              { detail: reason },
            ),
          );
        }
        await this.acknowledge(accepted);
        this.deliveredPhones.push(...accepted.map((item) => item.e164));
      });
    }
  }

  async cases(items: CaseItem[]): Promise<void> {
    // One request per case, because the server makes each case idempotent
    // by its id and returns 409 for a reused id with another body.
    for (const item of items) {
      const body = caseRequestBody(item);
      const problem = caseBodyProblem(item, body);
      if (problem) {
        await this.fail(
          [item],
          new SyncError('rejected', `Deletion case ${item.id} cannot be sent: ${problem}.`, {
            detail: problem,
          }),
        );
        continue;
      }

      await this.deliver([item], async () => {
        // 201 means created now, 200 that an earlier attempt created it.
        await callApi(this.options.api, {
          method: 'POST',
          path: '/v1/cases',
          what: `sending deletion case ${item.id}`,
          body,
          schema: Case,
        });
        await this.acknowledge([item]);
      });
    }
  }

  async events(items: EventItem[]): Promise<void> {
    const sendable: Array<{ item: EventItem; event: ClientEvent }> = [];
    for (const item of items) {
      const parsed = ClientEvent.safeParse(clientEvent(item));
      if (parsed.success) sendable.push({ item, event: parsed.data });
      else {
        const detail = parsed.error.issues[0]?.message ?? 'invalid event';
        await this.fail(
          [item],
          new SyncError(
            'rejected',
            `Event ${item.id} (${item.event.type}) cannot be sent: ${detail}.`,
            { detail },
          ),
        );
      }
    }

    const events = new Map(sendable.map(({ item, event }) => [item.id, event]));
    for (const batch of chunks(
      sendable.map(({ item }) => item),
      API_LIMITS.eventsMaxPerRequest,
    )) {
      await this.deliver(batch, async (part) => {
        // The server ignores an event id it has seen, so a resent batch
        // counts as duplicates, not as new events.
        await callApi(this.options.api, {
          method: 'POST',
          path: '/v1/events',
          what: `sending ${count(part.length, 'event')}`,
          body: { events: part.flatMap((item) => events.get(item.id) ?? []) },
          schema: PostEventsResponse,
        });
        await this.acknowledge(part);
      });
    }
  }

  /**
   * Runs `send` for a batch. When the server rejects a batch of several
   * items for its body (400 or 413), the batch is split in halves and each
   * half is sent again. One bad item then cannot hold back the others, and
   * it is found in a logarithmic number of requests. Other rejections
   * (404 …) say nothing about single items and are not split.
   */
  private async deliver<T extends OutboxItem>(
    batch: T[],
    send: (part: T[]) => Promise<void>,
  ): Promise<void> {
    if (batch.length === 0) return;
    try {
      await send(batch);
    } catch (error) {
      if (!(error instanceof SyncError)) throw storageError(error, 'the outbox');

      if (
        error.code === 'rejected' &&
        SPLITTABLE_STATUSES.has(error.status ?? 0) &&
        batch.length > 1
      ) {
        const middle = Math.ceil(batch.length / 2);
        await this.deliver(batch.slice(0, middle), send);
        await this.deliver(batch.slice(middle), send);
        return;
      }

      await this.fail(batch, error);
      if (error.code !== 'rejected') this.error ??= error;
      if (stopsSync(error)) {
        this.stopped = true;
        throw new PushStopped();
      }
    }
  }

  private async acknowledge(items: OutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    try {
      await this.options.outbox.remove(items.map((item) => item.id));
    } catch (error) {
      // The server has the items, so resending them later is harmless.
      throw storageError(error, 'the outbox');
    }
    this.delivered += items.length;
  }

  /**
   * Counts a failed attempt and schedules the next one. A server rejection
   * (4xx other than 401, 403, 408 and 429) is about the item itself, so
   * retrying soon would fail the same way. The item is nonetheless kept,
   * never dropped, because it records a customer's request or an agent's
   * action that someone must see through, so it waits at the longest backoff.
   */
  private async fail(items: OutboxItem[], error: SyncError): Promise<void> {
    const rejected = error.code === 'rejected';
    const first = items[0];
    if (first) {
      const others = items.length > 1 ? ` and ${items.length - 1} more` : '';
      this.options.logger?.warn(
        `outbox ${first.kind} ${first.id}${others} not delivered (${error.code}): ${error.message}`,
      );
    }
    for (const item of items) {
      let delay = rejected
        ? BACKOFF_MAX_MS * (0.5 + this.options.random())
        : backoffDelay(item.attempts, this.options.random);
      if (error.retryAfterSeconds !== undefined)
        delay = Math.max(delay, error.retryAfterSeconds * 1000);

      const updated: OutboxItem = {
        ...item,
        attempts: item.attempts + 1,
        nextAttemptAt: this.options.now + delay,
        lastError: rejected ? `${NEEDS_ATTENTION_PREFIX}${error.message}` : error.message,
        lastProblem: error.problem(),
      };
      try {
        await this.options.outbox.update(updated);
      } catch (storeError) {
        throw storageError(storeError, 'the outbox');
      }
    }
  }
}

/**
 * Builds the entry sent for a number added on this device. A capture's
 * numbers go as a deletion request, the source the server gives them when
 * their case arrives first, so the list reads the same either way.
 */
function suppressionEntry(item: SuppressionItem): AddSuppressionsRequest['entries'][number] {
  const source = isAnyCaseReason(item.reason) ? DELETION_REQUEST_SOURCE : SOURCE_EXTENSION;
  return { phone: item.e164, reason: item.reason, source };
}

/** Builds the request body with the outbox item's id as the case id, which makes a resent case idempotent on the server. */
function caseRequestBody(item: CaseItem): Record<string, unknown> {
  return { ...item.caseBody, id: item.id };
}

/** Returns why the case cannot be sent as it is, or null when it can. */
function caseBodyProblem(item: CaseItem, body: Record<string, unknown>): string | null {
  const ownId = item.caseBody.id;
  if (ownId !== undefined && ownId !== item.id) {
    return `its body carries another id, ${String(ownId)}`;
  }
  const parsed = CreateCaseRequest.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid case';
}

/** The outbox names two event types differently from the API. */
const EVENT_TYPES: Record<EventItem['event']['type'], ClientEventType> = {
  dial_blocked: 'dial_blocked',
  dial_warned: 'dial_allowed_unknown',
  dnc_added_locally: 'dnc_added_locally',
  verification_recorded: 'identity_checked',
};

const MAX_DETAIL_LENGTH = 2_000;

function clientEvent(item: EventItem): unknown {
  const { type, at, origin, e164, details } = item.event;
  return {
    id: item.id,
    type: EVENT_TYPES[type],
    at,
    origin,
    ...(e164 === undefined ? {} : { e164 }),
    ...(details === undefined ? {} : { details: flattenDetails(details) }),
  };
}

/** Converts nested detail values to JSON text, because the API takes only flat values in event details. */
function flattenDetails(
  details: Record<string, unknown>,
): Record<string, string | number | boolean | null> {
  const flat: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if (value === null || typeof value === 'boolean') flat[key] = value;
    else if (typeof value === 'number') flat[key] = Number.isFinite(value) ? value : String(value);
    else if (typeof value === 'string') flat[key] = value.slice(0, MAX_DETAIL_LENGTH);
    else flat[key] = jsonText(value).slice(0, MAX_DETAIL_LENGTH);
  }
  return flat;
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
