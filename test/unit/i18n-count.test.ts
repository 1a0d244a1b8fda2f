import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatCount, tCount } from '../../lib/i18n';
import { messagesOf } from '../setup/english-messages';

/** Makes the fake browser show the messages of `locale` in a browser whose UI language is `uiLanguage`. */
function useBrowser(locale: 'en' | 'zh_CN', uiLanguage: string): void {
  Object.assign(fakeBrowser.i18n, {
    getMessage: messagesOf(locale),
    getUILanguage: () => uiLanguage,
  });
}

describe('tCount', () => {
  beforeEach(() => useBrowser('en', 'en'));

  it.each([
    [0, '0 numbers on the list'],
    [1, '1 number on the list'],
    [2, '2 numbers on the list'],
    [1234, '1,234 numbers on the list'],
  ])('picks the English form for %i', (count, expected) => {
    expect(tCount('listSize', count)).toBe(expected);
  });

  it('passes further substitutions as $2', () => {
    expect(tCount('timelineSuppressionsAdded', 3, ['1'])).toBe(
      '3 numbers added to the do-not-call list, 1 already on it.',
    );
  });

  it('follows the rules of the messages, not the UI', () => {
    // French calls 0 singular, but a French browser reads the English messages.
    useBrowser('en', 'fr');

    expect(tCount('caseDaysLeft', 0)).toBe('0 days left');
    expect(tCount('caseDaysLeft', 1)).toBe('1 day left');
  });

  it('groups digits as the UI language does', () => {
    useBrowser('en', 'de');

    expect(tCount('exportDone', 12345)).toBe('Exported 12.345 numbers.');
  });

  it('uses the Chinese text for every count', () => {
    useBrowser('zh_CN', 'zh-CN');

    expect(tCount('listSize', 1)).toBe('名单共 1 个号码');
    expect(tCount('listSize', 12345)).toBe('名单共 12,345 个号码');
  });
});

describe('formatCount', () => {
  it('formats in the UI language', () => {
    useBrowser('en', 'en-IN');

    expect(formatCount(1234567)).toBe('12,34,567');
  });
});
