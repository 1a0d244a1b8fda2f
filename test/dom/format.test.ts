import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from '../../components/format';

const AT = Date.UTC(2026, 11, 5, 13, 40, 15);

describe('date formats', () => {
  it.each([
    ['en', /^Dec 5, 2026, \d{1,2}:\d{2}\s?[AP]M$/],
    ['zh-CN', /^2026年12月5日 \d{2}:\d{2}$/],
  ])('writes a date-time in %s with the date style of dates', (language, shape) => {
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => language });

    const text = formatTime(AT);

    expect(text).toMatch(shape);
    expect(text.startsWith(formatDate(AT))).toBe(true);
  });
});
