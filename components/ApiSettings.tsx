import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/messaging/protocol';
import type { ManagedSettings, Settings } from '@/lib/settings';
import { errorText } from './error-text';
import { SyncStatusView } from './SyncStatusView';
import { FormMessage, type FormMessageState } from './FormMessage';

export interface ApiSettingsApi {
  /** The values saved in this browser; quick, so the fields fill at once. */
  read(): Promise<Settings>;
  /** The values set by policy; the first read after the browser starts can take seconds. */
  managed(): Promise<ManagedSettings>;
  /** Saves the API URL and token; rejects with a message the user can act on. */
  save(apiUrl: string, accessToken: string): Promise<void>;
  syncNow(): Promise<SyncStatus>;
  syncStatus(): Promise<SyncStatus>;
}

/** API URL and access token, and the sync state with "Sync now". */
export function ApiSettings({ api }: { api: ApiSettingsApi }) {
  const ids = { url: useId(), token: useId() };
  const [apiUrl, setApiUrl] = useState('');
  const [token, setToken] = useState('');
  // Null while the policy is still being read.
  const [managed, setManaged] = useState<ManagedSettings | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<FormMessageState | null>(null);

  useEffect(() => {
    api.read().then(
      // Text typed before the read came back is kept, not replaced by the stored value.
      (settings) => {
        setApiUrl((typed) => typed || settings.apiUrl);
        setToken((typed) => typed || settings.accessToken);
      },
      () => undefined,
    );
    // A failed policy read means no policy, as in readManagedSettings.
    api.managed().then(setManaged, () => setManaged({}));
    api.syncStatus().then(setStatus, () => undefined);
  }, [api]);

  const refreshStatus = useCallback(() => {
    api.syncStatus().then(setStatus, () => undefined);
  }, [api]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // A message belongs to the attempt that made it, so an old one never sits beside a new result.
    setMessage(null);
    try {
      // Values set by policy are saved as shown, so the permission request covers that server.
      await api.save((managed?.apiUrl ?? apiUrl).trim(), (managed?.accessToken ?? token).trim());
      setMessage({ error: false, text: t('optionsSaved') });
      setStatus(await api.syncStatus());
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    }
  };

  const syncNow = async () => {
    setMessage(null);
    try {
      setStatus(await api.syncNow());
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    }
  };

  const urlLocked = managed?.apiUrl !== undefined;
  const tokenLocked = managed?.accessToken !== undefined;

  return (
    <form className="api-settings" onSubmit={onSubmit}>
      <h2>{t('syncTitle')}</h2>
      {managed === null && (
        <p role="status" className="help">
          {t('optionsPolicyChecking')}
        </p>
      )}
      <label htmlFor={ids.url}>{t('apiUrlLabel')}</label>
      <input
        id={ids.url}
        // Text, not url: the browser would refuse "localhost:8787" or
        // "dnc.example.com", which validateApiUrl completes with a scheme.
        type="text"
        inputMode="url"
        spellCheck={false}
        value={managed?.apiUrl ?? apiUrl}
        readOnly={urlLocked}
        placeholder="https://dnc.example.com"
        onChange={(event) => {
          setApiUrl(event.target.value);
          setMessage(null);
        }}
      />
      <p className="help">{urlLocked ? t('managedNote') : t('apiUrlHelp')}</p>
      <label htmlFor={ids.token}>{t('tokenLabel')}</label>
      <input
        id={ids.token}
        type="password"
        autoComplete="off"
        value={managed?.accessToken ?? token}
        readOnly={tokenLocked}
        onChange={(event) => {
          setToken(event.target.value);
          setMessage(null);
        }}
      />
      <p className="help">{tokenLocked ? t('managedNote') : t('tokenHelp')}</p>
      <div className="actions">
        <button type="submit" disabled={urlLocked && tokenLocked}>
          {t('optionsSave')}
        </button>
        <FormMessage message={message} />
      </div>
      <SyncStatusView status={status} onSyncNow={syncNow} onRefresh={refreshStatus} />
    </form>
  );
}
