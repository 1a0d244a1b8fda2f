import { t, type MessageKey } from '@/lib/i18n';
import { reasonText, sourceText } from '@/lib/list-text';
import type { NumberResult } from '@/lib/messaging/protocol';
import { formatCountry } from './format';
import { formatListedAt } from '@/lib/locale-format';

const STATUS_TEXT: Record<NumberResult['status'], MessageKey> = {
  suppressed: 'statusSuppressed',
  pending: 'statusPending',
  allowed: 'statusAllowed',
  unknown: 'statusUnknown',
  invalid: 'statusInvalid',
};

/**
 * Returns why a looked-up text is not a valid number. Only a national number is
 * read in the default country, because a number starting with + has its own country code.
 */
function invalidText(raw: string, country: string): string {
  if (!/\d/.test(raw)) return t('statusNoDigits');
  if (!readInCountry(raw)) return t('statusInvalidInternational');
  return t('statusInvalid', formatCountry(country));
}

/** Tells whether a text with digits is read in the default country: it has no "+" before them. */
function readInCountry(raw: string): boolean {
  return /\d/.test(raw) && !raw.trim().startsWith('+');
}

/** Status of one looked-up number, with reason, source and date when it is on the list. */
export function LookupResult({ result, country }: { result: NumberResult; country: string }) {
  const text =
    result.status === 'invalid' ? invalidText(result.raw, country) : t(STATUS_TEXT[result.status]);
  return (
    <section className={`result ${result.status}`} data-status={result.status} aria-live="polite">
      {result.display && <p className="number">{result.display}</p>}
      <p className="status">{text}</p>
      {result.status === 'invalid' && readInCountry(result.raw) && (
        <p className="help">{t('lookupInvalidHint')}</p>
      )}
      {(result.reason || result.source || result.addedAt) && (
        <dl>
          {result.reason && (
            <>
              <dt>{t('detailReason')}</dt>
              <dd>{reasonText(result.reason)}</dd>
            </>
          )}
          {result.source && (
            <>
              <dt>{t('detailSource')}</dt>
              <dd>{sourceText(result.source)}</dd>
            </>
          )}
          {result.addedAt !== undefined && (
            <>
              <dt>{t('detailAddedAt')}</dt>
              <dd>{formatListedAt(result.addedAt)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
