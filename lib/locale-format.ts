import { browser } from 'wxt/browser';

/**
 * Lists items with the separator of the browser's UI language and no "and"
 * ("a, b, c"; "a、b、c"), for an enumeration after a colon or in brackets.
 */
export function formatSeries(items: readonly string[]): string {
  return new Intl.ListFormat(browser.i18n.getUILanguage(), {
    style: 'narrow',
    type: 'conjunction',
  }).format(items);
}
