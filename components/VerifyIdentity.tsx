import { useId, useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import { VERIFICATION_METHODS, type VerificationMethod } from '@/lib/cases/model';
import { isComparableMethod, verifyIdentity } from '@/lib/cases/verify';

export interface VerificationOutcome {
  method: VerificationMethod;
  passed: boolean;
}

/**
 * Compares what the customer says with the record on screen. The answer
 * lives only in this component's state and is cleared after the comparison;
 * only the method and the outcome leave it.
 */
export function VerifyIdentity({
  record,
  onResult,
}: {
  record: { emails: string[]; phones: string[] };
  onResult: (outcome: VerificationOutcome) => void;
}) {
  const ids = { method: useId(), answer: useId() };
  const [method, setMethod] = useState<VerificationMethod>('email_on_file');
  const [answer, setAnswer] = useState('');
  const [outcome, setOutcome] = useState<VerificationOutcome | null>(null);

  const finish = (passed: boolean) => {
    const result = { method, passed };
    setAnswer('');
    setOutcome(result);
    onResult(result);
  };

  return (
    <fieldset className="verify">
      <legend>{t('verifyTitle')}</legend>
      <p className="help">{t('verifyHelp')}</p>
      <label htmlFor={ids.method}>{t('verifyMethod')}</label>
      <MethodSelect id={ids.method} value={method} onChange={setMethod} />
      {isComparableMethod(method) ? (
        <>
          <label htmlFor={ids.answer}>{t('verifyAnswer')}</label>
          <div className="row">
            <input
              id={ids.answer}
              type="text"
              autoComplete="off"
              value={answer}
              onChange={(event) => setAnswer(event.target.value)}
            />
            <button
              type="button"
              disabled={!answer.trim()}
              onClick={() => finish(verifyIdentity(method, answer, record))}
            >
              {t('verifyCheck')}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <span>{t('verifyAgentDecides')}</span>
          <button type="button" onClick={() => finish(true)}>
            {t('verifyPassed')}
          </button>
          <button type="button" className="secondary" onClick={() => finish(false)}>
            {t('verifyFailed')}
          </button>
        </div>
      )}
      {outcome && (
        <p role="status" className={outcome.passed ? undefined : 'warning'}>
          {t(
            outcome.passed ? 'verifyResultPassed' : 'verifyResultFailed',
            t(`method_${outcome.method}` as MessageKey),
          )}
        </p>
      )}
    </fieldset>
  );
}

/** Lists the ways of checking a caller's identity; the capture form and the case view share it. */
export function MethodSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: VerificationMethod;
  onChange: (method: VerificationMethod) => void;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value as VerificationMethod)}
    >
      {VERIFICATION_METHODS.map((method) => (
        <option key={method} value={method}>
          {t(`method_${method}` as MessageKey)}
        </option>
      ))}
    </select>
  );
}
