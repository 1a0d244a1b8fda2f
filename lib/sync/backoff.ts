/** Delay before the first retry of an outbox item, in ms. */
export const BACKOFF_BASE_MS = 5_000;
/** Maximum delay between retries of an outbox item, in ms. */
export const BACKOFF_MAX_MS = 15 * 60_000;

/**
 * Returns the delay in ms before retrying an item that had failed `attempts`
 * times before this failure: base · 2^attempts, capped at the maximum, then
 * scaled by a jitter factor in [0.5, 1.5). The jitter keeps extensions that
 * lost the server at the same moment from all retrying at the same moment.
 * `random` returns a number in [0, 1), like Math.random.
 */
export function backoffDelay(attempts: number, random: () => number): number {
  const exponential = BACKOFF_BASE_MS * 2 ** Math.max(0, attempts);
  return Math.min(BACKOFF_MAX_MS, exponential) * (0.5 + random());
}
