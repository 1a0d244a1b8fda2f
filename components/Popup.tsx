import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import type { ListInfo, NumberResult, SyncStatus } from '@/lib/messaging/protocol';
import { ListSummary } from './ListSummary';
import { LookupResult } from './LookupResult';
import { SyncStatusView } from './SyncStatusView';
import { focusWhenShown } from './focus';

export interface PopupApi {
  lookup(phone: string): Promise<NumberResult>;
  listInfo(): Promise<ListInfo>;
  defaultCountry(): Promise<string>;
  openOptions(): void;
  /** Suppresses a number at once on this device; the server confirms it later. */
  addToDnc(phone: string, reason: string): Promise<NumberResult>;
  syncStatus(): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  openCapture(): Promise<void>;
}

/** The toolbar popup: look up one number, see the list's size and age. */
export function Popup({ api }: { api: PopupApi }) {
  const inputId = useId();
  const [phone, setPhone] = useState('');
  const [result, setResult] = useState<NumberResult | null>(null);
  const [info, setInfo] = useState<ListInfo | null>(null);
  const [country, setCountry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [added, setAdded] = useState(false);

  useEffect(() => {
    api.listInfo().then(setInfo, (reason: unknown) => setError(String(reason)));
    api.defaultCountry().then(setCountry, () => undefined);
    api.syncStatus().then(setSync, () => undefined);
  }, [api]);

  const onAdd = async (number: string) => {
    setError(null);
    try {
      setResult(await api.addToDnc(number, t('addToDncReasonDefault')));
      setAdded(true);
      setInfo(await api.listInfo());
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  const refreshSync = useCallback(() => {
    api.syncStatus().then(setSync, () => undefined);
  }, [api]);

  const onSyncNow = async () => {
    try {
      const status = await api.syncNow();
      setSync(status);
      setInfo(status.list);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  const canAdd =
    result !== null &&
    result.e164 !== null &&
    (result.status === 'allowed' || result.status === 'unknown');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAdded(false);
    // An empty look-up clears the last result, so no status sits under an empty box.
    if (!phone.trim()) {
      setResult(null);
      return;
    }
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
            onChange={(event) => {
              setPhone(event.target.value);
              // The result and its Add button are for the number looked up, not the one now typed.
              setResult(null);
              setAdded(false);
            }}
          />
          <button type="submit">{t('popupLookupButton')}</button>
        </div>
      </form>
      {result && <LookupResult result={result} country={country} />}
      {canAdd && result.e164 && (
        <button type="button" className="danger" onClick={() => void onAdd(result.e164 ?? '')}>
          {t('addToDnc')}
        </button>
      )}
      {added && (
        <p role="status" tabIndex={-1} ref={focusWhenShown}>
          {t('addedPending')}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {t('errorGeneric', error)}
        </p>
      )}
      {info && <ListSummary info={info} syncedAt={sync?.configured ? sync.lastSuccessAt : null} />}
      <SyncStatusView status={sync} onSyncNow={onSyncNow} onRefresh={refreshSync} />
      <button
        type="button"
        className="danger capture"
        onClick={() => void api.openCapture().catch((reason: unknown) => setError(String(reason)))}
      >
        {t('captureOpen')}
      </button>
      <footer>
        <button type="button" className="link" onClick={() => api.openOptions()}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
