import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { SyncProblem } from '../sync/errors';

/**
 * Everything the extension owes the server, kept in IndexedDB until the
 * server acknowledges it. An item leaves the outbox only after a successful
 * push, so nothing recorded here is lost when the worker stops or the network
 * fails. Each item's id doubles as the server's idempotency key.
 */
export const outboxItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    id: z.uuid(),
    createdAt: z.number(),
    attempts: z.number().int().min(0),
    nextAttemptAt: z.number(),
    lastError: z.string().optional(),
    lastProblem: SyncProblem.optional(),
    event: z.object({
      type: z.enum(['dial_blocked', 'dial_warned', 'dnc_added_locally', 'verification_recorded']),
      at: z.string(),
      origin: z.string(),
      e164: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  z.object({
    kind: z.literal('suppression'),
    id: z.uuid(),
    createdAt: z.number(),
    attempts: z.number().int().min(0),
    nextAttemptAt: z.number(),
    lastError: z.string().optional(),
    lastProblem: SyncProblem.optional(),
    e164: z.string(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('case'),
    id: z.uuid(),
    createdAt: z.number(),
    attempts: z.number().int().min(0),
    nextAttemptAt: z.number(),
    lastError: z.string().optional(),
    lastProblem: SyncProblem.optional(),
    caseBody: z.record(z.string(), z.unknown()),
  }),
]);
export type OutboxItem = z.infer<typeof outboxItemSchema>;

interface SyncDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byNextAttempt: number } };
  kv: { key: string; value: unknown };
}

const DB_NAME = 'dnc-guard-sync';
let dbPromise: Promise<IDBPDatabase<SyncDb>> | null = null;

function db(): Promise<IDBPDatabase<SyncDb>> {
  dbPromise ??= openDB<SyncDb>(DB_NAME, 1, {
    upgrade(database) {
      const outbox = database.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('byNextAttempt', 'nextAttemptAt');
      database.createObjectStore('kv');
    },
  });
  return dbPromise;
}

export async function addToOutbox(item: OutboxItem): Promise<void> {
  await (await db()).put('outbox', outboxItemSchema.parse(item));
}

type OutboxEvent = Extract<OutboxItem, { kind: 'event' }>['event'];

/** Queues an event for the server as a new outbox item, due at once. */
export async function addEventToOutbox(event: OutboxEvent, createdAt = Date.now()): Promise<void> {
  await addToOutbox({
    kind: 'event',
    id: crypto.randomUUID(),
    createdAt,
    attempts: 0,
    nextAttemptAt: 0,
    event,
  });
}

/** Items in the order they were recorded. Unreadable rows are kept in the store and skipped here. */
export async function listOutbox(): Promise<OutboxItem[]> {
  const rows = await (await db()).getAll('outbox');
  return rows
    .map((row) => outboxItemSchema.safeParse(row))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => a.createdAt - b.createdAt);
}

export async function removeFromOutbox(ids: string[]): Promise<void> {
  const transaction = (await db()).transaction('outbox', 'readwrite');
  await Promise.all([...ids.map((id) => transaction.store.delete(id)), transaction.done]);
}

export async function updateOutboxItem(item: OutboxItem): Promise<void> {
  await (await db()).put('outbox', item);
}

export async function readKv<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const value = await (await db()).get('kv', key);
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export async function writeKv(key: string, value: unknown): Promise<void> {
  await (await db()).put('kv', value, key);
}

/** Closes the connection; tests call this before deleting the database. */
export async function closeOutbox(): Promise<void> {
  if (!dbPromise) return;
  (await dbPromise).close();
  dbPromise = null;
}
