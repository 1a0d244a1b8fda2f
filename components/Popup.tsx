import { useEffect, useId, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import type { ListInfo, NumberResult } from '@/lib/messaging/protocol';
import { ListSummary } from './ListSummary';
import { LookupResult } from './LookupResult';

export interface PopupApi {
  lookup(phone: string): Promise<NumberResult>;
  listInfo(): Promise<ListInfo>;
  defaultCountry(): Promise<string>;
  openOptions(): void;
}

/** The toolbar popup: look up one number, see the list's size and age. */
export function Popup({ api }: { api: PopupApi }) {
  const inputId = useId();
  const [phone, setPhone] = useState('');
  const [result, setResult] = useState<NumberResult | null>(null);
  const [info, setInfo] = useState<ListInfo | null>(null);
  const [country, setCountry] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listInfo().then(setInfo, (reason: unknown) => setError(String(reason)));
    api.defaultCountry().then(setCountry, () => undefined);
  }, [api]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!phone.trim()) return;
    setError(null);
    try {
      setResult(await api.lookup(phone.trim()));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  return (
    <main className="popup">
      <h1>{t('extName')}</h1>
      <form onSubmit={onSubmit} className="lookup">
        <label htmlFor={inputId}>{t('popupLookupLabel')}</label>
        <div className="row">
          <input
            id={inputId}
            type="tel"
            autoFocus
            autoComplete="off"
            placeholder={t('popupLookupPlaceholder')}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
          />
          <button type="submit">{t('popupLookupButton')}</button>
        </div>
      </form>
      {result && <LookupResult result={result} country={country} />}
      {error && (
        <p role="alert" className="error">
          {t('errorGeneric', error)}
        </p>
      )}
      {info && <ListSummary info={info} />}
      <footer>
        <button type="button" className="link" onClick={() => api.openOptions()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
