/** Formats a time in ms as a date and time in the browser's language. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString();
}
