import { z } from 'zod';

export const SyncErrorCode = z.enum([
  'not_configured',
  'offline',
  'timeout',
  'unauthorized',
  'forbidden',
  'server_error',
  'rate_limited',
  'invalid_response',
  'rejected',
  /** IndexedDB refused a write (quota, closed database); nothing on the server is at fault. */
  'storage_failed',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/**
 * A failed exchange with the central API. The message is written for the
 * person at the keyboard: what failed and what to do next. It never contains
 * the access token or a full phone number.
 */
export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    /** HTTP status of the response, when there was one. */
    readonly status?: number,
    /** Seconds the server asked us to wait (Retry-After of a 429 or 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * Codes after which further requests in the same sync would fail the same
 * way (or, for rate limiting, make things worse), so the sync stops.
 */
const STOPPING_CODES: ReadonlySet<SyncErrorCode> = new Set([
  'not_configured',
  'offline',
  'timeout',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'storage_failed',
]);

export function stopsSync(error: SyncError): boolean {
  return STOPPING_CODES.has(error.code);
}

/** Wraps a failure of local storage, keeping SyncErrors as they are. */
export function storageError(error: unknown, what: string): SyncError {
  if (error instanceof SyncError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError(
    'storage_failed',
    `Saving ${what} in the browser's storage failed (${detail}). Free disk space or restart the browser, then sync again.`,
  );
}
