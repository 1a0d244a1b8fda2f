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

/**
 * Formats when a number was listed: the date alone when the time is local
 * midnight, because lists that give only dates are read as that midnight
 * ("Mar 15, 2024" rather than "Mar 15, 2024, 12:00 AM"), else date and time.
 */
export function formatListedAt(ms: number): string {
  const time = new Date(ms);
  const midnight =
    time.getHours() === 0 &&
    time.getMinutes() === 0 &&
    time.getSeconds() === 0 &&
    time.getMilliseconds() === 0;
  if (!midnight) return formatDateTime(ms);
  return time.toLocaleDateString(browser.i18n.getUILanguage(), { dateStyle: 'medium' });
}

/**
 * Names of regions as software for mainland China writes them, in place of
 * the names Intl.DisplayNames gives ("台湾", "香港" or "中国香港特别行政区").
 */
const MAINLAND_REGION_NAMES: Readonly<Record<string, string>> = {
  TW: '中国台湾',
  HK: '中国香港',
  MO: '中国澳门',
};

/** Tells whether a language tag is Simplified Chinese ("zh", "zh-CN", "zh-Hans-SG"). */
function isSimplifiedChinese(language: string): boolean {
  try {
    return new Intl.Locale(language).maximize().script === 'Hans';
  } catch {
    // Intl.Locale throws a RangeError for a malformed tag.
    return false;
  }
}

/**
 * Names a region code ("GB") in `language`, the browser's UI language by
 * default, or returns the code when there is no name for it.
 */
export function regionName(code: string, language = browser.i18n.getUILanguage()): string {
  if (isSimplifiedChinese(language)) {
    const mainland = MAINLAND_REGION_NAMES[code];
    if (mainland) return mainland;
  }
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    // Intl.DisplayNames throws a RangeError for a code that is not a region.
    return code;
  }
}

/** Labels a region with its code, in the brackets of `language`: "Albania (AL)", "阿尔巴尼亚（AL）". */
export function regionLabel(code: string, language = browser.i18n.getUILanguage()): string {
  const name = regionName(code, language);
  return language.toLowerCase().startsWith('zh') ? `${name}（${code}）` : `${name} (${code})`;
}
