/**
 * Time between two reports of a page's count of suppressed numbers. A page
 * that renders its rows again many times a second changes the count as
 * often, and each report redraws the toolbar badge.
 */
export const COUNT_INTERVAL_MS = 500;

/**
 * Returns a function that passes counts on to `send` at most once every
 * `intervalMs`: the first at once, later ones with the latest value when the
 * interval ends, and none that repeats the count sent before.
 */
export function latestCountEvery(
  send: (count: number) => void,
  intervalMs = COUNT_INTERVAL_MS,
): (count: number) => void {
  let latest: number | null = null;
  let sent: number | null = null;
  let waiting = false;

  const flush = (): void => {
    if (latest === null || latest === sent) {
      waiting = false;
      return;
    }
    sent = latest;
    send(latest);
    setTimeout(flush, intervalMs);
  };

  return (count) => {
    latest = count;
    if (waiting) return;
    waiting = true;
    flush();
  };
}
