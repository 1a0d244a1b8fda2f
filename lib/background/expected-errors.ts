import { SyncError } from '../sync/errors';

/**
 * A request that meets a state the agent is expected to be in, not a fault:
 * the capture form asked for the record while no record page is open.
 */
export class NoRecordPageError extends Error {
  override readonly name = 'NoRecordPageError';
}

/**
 * Tells whether a failed request met an expected state: no server set up
 * yet, or no record page open. Pages show the user what to do; the log keeps
 * its error level for faults.
 */
export function isExpectedState(error: unknown): boolean {
  return (
    error instanceof NoRecordPageError ||
    (error instanceof SyncError && error.code === 'not_configured')
  );
}
