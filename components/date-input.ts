// Dates picked in `<input type="date">` fields, which give a local
// calendar date ("2026-12-05") and no time.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Returns the local calendar date of `date` as a date field's value. */
export function dateInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Returns the local calendar date of an ISO instant as a date field's value. */
export function isoToDateInput(iso: string): string {
  return dateInputValue(new Date(iso));
}

/**
 * Turns a date field's value into an instant: the end of that local day, or
 * now when the day is today. The late end errs on the safe side for a notice
 * that must go out by a deadline, and keeps a confirmation picked on the day
 * of a notification from being dated before it.
 */
export function dateInputToIso(value: string, now: Date = new Date()): string {
  const [year = 0, month = 1, day = 1] = value.split('-').map(Number);
  const endOfDay = new Date(year, month - 1, day, 23, 59, 59, 999);
  return new Date(Math.min(endOfDay.getTime(), now.getTime())).toISOString();
}

/** True when a date field's value is a later day than today. */
export function isFutureDate(value: string, now: Date = new Date()): boolean {
  return value > dateInputValue(now);
}
