/**
 * Background logging with a short context prefix. Callers pass numbers
 * through maskPhone first and never pass tokens; this module cannot tell.
 */
export function createLogger(context: string) {
  const prefix = `[DNC Guard:${context}]`;
  const counts = new Map<string, number>();
  return {
    info: (message: string, ...details: unknown[]) => console.info(prefix, message, ...details),
    warn: (message: string, ...details: unknown[]) => console.warn(prefix, message, ...details),
    /** Logs an error at most a few times per message, so a failure that repeats every minute cannot flood the console. */
    error: (message: string, error?: unknown) => {
      const seen = counts.get(message) ?? 0;
      counts.set(message, seen + 1);
      if (seen >= 3) return;
      console.error(prefix, message, error instanceof Error ? error.message : (error ?? ''));
    },
  };
}
