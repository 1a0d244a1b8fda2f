import { SyncError } from '../sync/errors';

/**
 * Tells whether a failed request met an expected state: no server set up
 * yet. Pages show the user what to do, and the log keeps its error level for
 * faults.
 */
export function isExpectedState(error: unknown): boolean {
  return error instanceof SyncError && error.code === 'not_configured';
}
