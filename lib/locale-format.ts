import { browser } from 'wxt/browser';

/** Joins items as a list in the browser's UI language ("a, b and c"; "a、b和c"). */
export function formatList(items: readonly string[]): string {
  return joinItems(items, 'long');
}

/**
 * Lists items with the separator of the browser's UI language and no "and"
 * ("a, b, c"; "a、b、c"), for an enumeration after a colon or in brackets.
 */
export function formatSeries(items: readonly string[]): string {
  return joinItems(items, 'narrow');
}

function joinItems(items: readonly string[], style: 'long' | 'narrow'): string {
  return new Intl.ListFormat(browser.i18n.getUILanguage(), { style, type: 'conjunction' }).format(
    items,
  );
}

/**
 * Formats a time in ms as a date and time of day in the browser's UI language
 * ("Dec 5, 2026, 9:40 PM"; "2026年12月5日 21:40"). The date part has the style
 * of formatDate in components/format.ts, so dates and date-times match.
 */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(browser.i18n.getUILanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
