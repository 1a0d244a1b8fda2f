import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** A key of the extension's i18n messages; English is the reference locale. */
export type MessageKey = keyof typeof en;

/**
 * Looks up a user-facing string in the browser's language. Falls back to the
 * key itself, so a missing translation shows up in the UI instead of a blank.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
