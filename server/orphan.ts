/** Interval of the parent check, in milliseconds. */
const CHECK_MS = 1000;

/**
 * Calls `stop` once when the process that started this one exits. `npm run`
 * starts a script through a shell, and when a supervisor or `kill` ends npm
 * with SIGTERM, the shell dies without passing the signal on. The script
 * would then run on with its ports open. An orphaned process gets a new
 * parent, so a changed `process.ppid` means that the parent is gone. On
 * Windows the parent id never changes, so the check never fires there.
 * Returns a function that ends the check.
 */
export function stopWhenOrphaned(stop: () => void): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, CHECK_MS);
  // The check alone must not keep the process running.
  timer.unref();
  return () => clearInterval(timer);
}
