import { browser } from 'wxt/browser';

/** Formats a time in ms as a date and time in the browser's language. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString();
}

/** Names a region code ("GB") in the browser's language, or returns the code when it has no name. */
export function formatCountry(code: string): string {
  try {
    return (
      new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'region' }).of(code) ?? code
    );
  } catch {
    // Intl.DisplayNames throws a RangeError for a code that is not a region.
    return code;
  }
}
