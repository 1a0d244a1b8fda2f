/** Status of one number, as shown on a badge. */
export const NUMBER_STATUSES = ['suppressed', 'pending', 'allowed', 'unknown'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

export type UnknownPolicy = 'block' | 'warn';
export type DialDecision = 'block' | 'warn' | 'allow';

/**
 * Decides what happens when an agent dials a number with the given status.
 *
 * Suppressed and pending numbers are always blocked: a pending entry is a
 * request the customer already made, and the server has not yet confirmed it
 * only because it has not answered.
 *
 * An unknown status means no list is loaded or the list is older than the
 * staleness limit. We block by default because calling someone who opted out
 * costs the company a fine and the customer's trust, while a blocked call to
 * an allowed number costs the agent a refresh. Teams that prefer to keep
 * dialing through an outage can switch the policy to "warn".
 */
export function decideDial(status: NumberStatus, unknownPolicy: UnknownPolicy): DialDecision {
  if (status === 'suppressed' || status === 'pending') return 'block';
  if (status === 'unknown') return unknownPolicy;
  return 'allow';
}

/** Returns whether a list last refreshed at `listUpdatedAt` (ms) is too old to trust at `now`. */
export function isListStale(
  listUpdatedAt: number | null,
  staleAfterHours: number,
  now: number,
): boolean {
  if (listUpdatedAt === null) return true;
  return now - listUpdatedAt > staleAfterHours * 3_600_000;
}
