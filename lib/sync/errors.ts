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
  /** The access token contains a character that a token cannot have, so it was not sent. */
  'invalid_token',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/**
 * The facts of a failure that a page needs to describe it in the user's
 * language. SyncError messages are English and go to logs, so the background
 * stores and sends these facts beside them.
 */
export const SyncProblem = z.object({
  code: SyncErrorCode,
  /** HTTP status of the response, when there was one. */
  status: z.number().int().optional(),
  /** Problem code of the server's error body. A newer server may send one this version does not know. */
  apiCode: z.string().optional(),
  /** English text the codes leave out: the server's own message, or what was wrong with the response or item. */
  detail: z.string().optional(),
  /** Host (and port) of the API that could not be reached. */
  host: z.string().optional(),
  /** Outbox items the server rejected for their content, after a sync that completed otherwise. */
  rejectedItems: z.number().int().nonnegative().optional(),
});
export type SyncProblem = z.infer<typeof SyncProblem>;

export type SyncErrorFacts = Omit<SyncProblem, 'code'> & {
  /** Seconds the server asked us to wait (Retry-After of a 429 or 503). */
  retryAfterSeconds?: number;
};

/**
 * A failed exchange with the central API. The message is written for the
 * person at the keyboard: what failed and what to do next. It never contains
 * the access token or a full phone number.
 */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  /** HTTP status of the response, when there was one. */
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  private readonly facts: Omit<SyncProblem, 'code'>;

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    facts: SyncErrorFacts = {},
  ) {
    super(message);
    const { retryAfterSeconds, ...problemFacts } = facts;
    this.status = facts.status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.facts = problemFacts;
  }

  /** Rebuilds an error that crossed the message channel as its message and facts. */
  static fromProblem(problem: SyncProblem, message: string): SyncError {
    const { code, ...facts } = problem;
    return new SyncError(code, message, facts);
  }

  /** Returns the facts a page needs to describe this error in the user's language. */
  problem(): SyncProblem {
    return { code: this.code, ...this.facts };
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
  'invalid_token',
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
    { detail },
  );
}
