import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** A key of the extension's i18n messages; English is the reference locale. */
export type MessageKey = keyof typeof en;

/** Base name of a counted message, which comes as the pair `<base>_one` and `<base>_other`. */
export type CountedMessage = {
  [K in MessageKey]: K extends `${infer Base}_other`
    ? `${Base}_one` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * Looks up a user-facing string in the browser's language. Falls back to the
 * key itself, so a missing translation shows up in the UI instead of a blank.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * Looks up the singular or plural form of a counted message and puts the
 * count, formatted, in $1. Further substitutions fill $2, $3 and so on.
 *
 * The browser's i18n messages have no plural forms, so Intl.PluralRules picks
 * the form by the rules of the language the messages are written in. That is
 * not always the UI language: a French browser reads the English messages,
 * and French rules would call 0 singular.
 */
export function tCount(base: CountedMessage, count: number, substitutions: string[] = []): string {
  const category = new Intl.PluralRules(messagesLanguage()).select(count);
  // NOTE: only "one" gets its own text, which covers English and Chinese. A
  // locale with "two", "few" or "many" forms needs more keys per message.
  const form = category === 'one' ? 'one' : 'other';
  return t(`${base}_${form}`, [formatCount(count), ...substitutions]);
}

/** Formats a count with the digit grouping of the browser's UI language (1,234 or 1 234). */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(browser.i18n.getUILanguage()).format(count);
}

/** BCP 47 tag of the messages the browser shows, which are English when it has none in the UI language. */
export function messagesLanguage(): string {
  return browser.i18n.getMessage('messagesLanguage') || 'en';
}
