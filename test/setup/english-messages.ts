import en from '../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string }>;

/**
 * Returns the English message of `key` with its "$P1$"-style placeholders
 * filled, the way the browser's i18n.getMessage does. Tests and benchmarks
 * that run without a browser use it in its place.
 */
export function englishMessage(key: string, substitutions?: string | string[]): string {
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
