import { z } from 'zod';
import { SyncProblem } from './errors.ts';

/** The outcome of recent syncs, stored after each one for the popup and options page. */
export const SyncState = z.object({
  /** When a sync last completed: the list was pulled to the end and every due outbox item was delivered or rejected for its content (ms). */
  lastSuccessAt: z.number().nullable(),
  /** When a sync last started (ms). */
  lastAttemptAt: z.number().nullable(),
  /**
   * Reason the last sync failed. After a completed sync, code "rejected"
   * means that the server rejected outbox items, which wait in the outbox
   * for someone to look at them. Null when nothing needs attention.
   */
  lastError: SyncProblem.extend({
    /** The reason in English, for logs. */
    message: z.string(),
    at: z.number(),
  }).nullable(),
  /** Syncs in a row that did not complete; 0 after a completed one. */
  consecutiveFailures: z.number().int().nonnegative(),
  /** Outbox items not yet acknowledged by the server, after the sync. */
  pendingItems: z.number().int().nonnegative(),
});
export type SyncState = z.infer<typeof SyncState>;

export const INITIAL_SYNC_STATE: SyncState = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  consecutiveFailures: 0,
  pendingItems: 0,
};
