import { browser } from 'wxt/browser';
import { formatDateTime, regionName } from '@/lib/locale-format';

/** Formats a time in ms as a date and time in the browser's language. */
export function formatTime(ms: number): string {
  return formatDateTime(ms);
}

/**
 * Formats a time in ms as a date without the time, in the browser's language
 * ("5 Dec 2026"). A deadline ends at the last millisecond of its day in the
 * case's time zone, so pass that zone to show its date rather than the next.
 */
export function formatDate(ms: number, timeZone?: string): string {
  return new Date(ms).toLocaleDateString(browser.i18n.getUILanguage(), {
    dateStyle: 'medium',
    timeZone,
  });
}

/**
 * Formats an instant of a case, such as a deadline, as the date it falls on
 * in the case's time zone. The law counts a case's days on that zone's
 * calendar, so every reader sees the same date wherever they are. A zone
 * this browser does not know gives the date on the browser's own calendar.
 */
export function formatCaseDate(iso: string, timeZone: string): string {
  try {
    return formatDate(Date.parse(iso), timeZone);
  } catch {
    // toLocaleDateString throws a RangeError for an unknown time zone.
    return formatDate(Date.parse(iso));
  }
}

/** Names a region code ("GB") in the browser's language, or returns the code when it has no name. */
export function formatCountry(code: string): string {
  return regionName(code);
}
