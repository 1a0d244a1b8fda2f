import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

type Messages = Record<string, { message: string }>;

/**
 * Returns a stand-in for the browser's i18n.getMessage in `locale`: the
 * message of `key` with its "$P1$"-style placeholders filled, or '' for an
 * unknown key. Tests and benchmarks that run without a browser use it.
 */
export function messagesOf(locale: 'en' | 'zh_CN') {
  const messages: Messages = locale === 'en' ? en : zhCN;
  return (key: string, substitutions?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const values =
      substitutions === undefined
        ? []
        : Array.isArray(substitutions)
          ? substitutions
          : [substitutions];
    return entry.message.replace(/\$P(\d)\$/g, (_, n: string) => values[Number(n) - 1] ?? '');
  };
}

export const englishMessage = messagesOf('en');
