import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import en from '../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string }>;

/** English messages with "$P1$"-style placeholders filled, the way the browser does it. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (en as Messages)[key];
  if (!entry) return '';
  const values =
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions];
  return entry.message.replace(/\$P(\d)\$/g, (_, n: string) => values[Number(n) - 1] ?? '');
}

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
