import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const load = (locale: string): Messages =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;

const en = load('en');
const zh = load('zh_CN');

describe('i18n messages', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('keeps the placeholders of %s in Chinese', (key) => {
    expect(Object.keys(zh[key]?.placeholders ?? {}).sort()).toEqual(
      Object.keys(en[key]?.placeholders ?? {}).sort(),
    );
  });

  it.each(Object.keys(en))('has a Chinese text for %s', (key) => {
    expect(zh[key]?.message.trim()).not.toBe('');
  });

  // Enum labels such as channel_other end in _other too, so the check starts from _one.
  it.each(Object.keys(en).filter((key) => key.endsWith('_one')))(
    'has a plural form for %s',
    (key) => {
      expect(Object.keys(en)).toContain(key.replace(/_one$/, '_other'));
    },
  );

  it.each([
    ['en', en],
    ['zh_CN', zh],
  ])('names a language Intl knows in %s', (_, messages) => {
    const tag = messages.messagesLanguage?.message ?? '';
    expect(Intl.PluralRules.supportedLocalesOf(tag)).toEqual([tag]);
  });
});

// The Chinese README names the same screens, so it keeps the same terms.
const README_ZH = readFileSync('README.zh-CN.md', 'utf8');

describe('Chinese terms', () => {
  it.each([
    ['组长 for a team lead', /主管/],
    ['默认国家/地区 for the default country', /默认国家(?!\/地区)/],
    ['受托处理方 for a processor', /数据处理方|(?<!受托)处理方/],
    ['禁呼待确认 for a pending number', /待同步|待处理|本机/],
  ])('uses %s in the messages', (_, variant) => {
    const keys = Object.keys(zh).filter((key) => variant.test(zh[key]?.message ?? ''));
    expect(keys).toEqual([]);
  });

  it.each([
    ['组长 for a team lead', /主管/],
    ['默认国家/地区 for the default country', /默认国家(?!\/地区)/],
    ['受托处理方 for a processor', /数据处理方|(?<!受托)处理方/],
    ['禁呼待确认 for a pending number', /待同步|待处理/],
  ])('uses %s in README.zh-CN.md', (_, variant) => {
    const lines = README_ZH.split('\n').filter((line) => variant.test(line));
    expect(lines).toEqual([]);
  });
});
