import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/messaging/protocol';
import type { ManagedSettings, Settings } from '@/lib/settings';
import { invalidTokenCharacter, isSyncConfigured } from '@/lib/sync/config';
import { errorText } from './error-text';
import { SyncStatusView } from './SyncStatusView';
import { FormMessage, type FormMessageState } from './FormMessage';
import { ConnectionSwitch, type PendingSwitch } from './ConnectionSwitch';

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

type Connection = Pick<Settings, 'apiUrl' | 'accessToken'>;

/**
 * Counts the waiting items that saving `next` would send as another user.
 * It is 0 when the URL and token are unchanged, or when no server was set,
 * because items recorded then have no earlier user to keep.
 */
async function pendingUnderOtherSettings(
  api: ApiSettingsApi,
  managed: ManagedSettings,
  next: Connection,
): Promise<number> {
  const stored = await api.read();
  const current = {
    apiUrl: managed.apiUrl ?? stored.apiUrl,
    accessToken: managed.accessToken ?? stored.accessToken,
  };
  const same = current.apiUrl === next.apiUrl && current.accessToken === next.accessToken;
  if (same || !isSyncConfigured(current)) return 0;
  return (await api.syncStatus()).pendingItems;
}

/**
 * Names the first character a typed token cannot contain, or returns null.
 * A control character is named by its code point, because it is invisible.
 */
function tokenProblem(token: string): string | null {
  const character = invalidTokenCharacter(token);
  if (character === null) return null;

  const code = character.codePointAt(0) ?? 0;
  const characterName =
    code < 0x20 || (code >= 0x7f && code < 0xa0)
      ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      : character;
  return t('tokenInvalidCharacter', characterName);
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
  const [pendingSwitch, setPendingSwitch] = useState<PendingSwitch | null>(null);
  const [syncing, setSyncing] = useState(false);

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

  /** Runs a sync and shows its result; resolves with it, or null when the request failed. */
  const runSync = async (): Promise<SyncStatus | null> => {
    setSyncing(true);
    try {
      const result = await api.syncNow();
      setStatus(result);
      return result;
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
      return null;
    } finally {
      setSyncing(false);
    }
  };

  /** Saves, then syncs at once, so the status shown belongs to the new settings and not the old ones. */
  const saveAndSync = async (next: Connection) => {
    try {
      await api.save(next.apiUrl, next.accessToken);
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
      return;
    }
    setPendingSwitch(null);
    setMessage({ error: false, text: t('optionsSaved') });
    await runSync();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // A message belongs to the attempt that made it, so an old one never sits beside a new result.
    setMessage(null);
    // Values set by policy are saved as shown, so the permission request covers that server.
    const next = {
      apiUrl: (managed?.apiUrl ?? apiUrl).trim(),
      accessToken: (managed?.accessToken ?? token).trim(),
    };
    // A token set by policy is the administrator's to fix, and a sync reports it.
    const problem = managed?.accessToken === undefined ? tokenProblem(next.accessToken) : null;
    if (problem) {
      setMessage({ error: true, text: problem });
      return;
    }
    // Items cannot go with a token the server rejected, so they go with
    // the new one: asking first would offer a sync that cannot succeed.
    const rejected = status?.lastError?.code === 'unauthorized';
    try {
      const pending = rejected ? 0 : await pendingUnderOtherSettings(api, managed ?? {}, next);
      if (pending > 0) {
        setPendingSwitch({ ...next, pending, syncFailed: false });
        return;
      }
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
      return;
    }
    await saveAndSync(next);
  };

  // Sends the waiting items with the settings still saved, and switches only when none is left.
  const syncFirst = async (switching: PendingSwitch) => {
    setMessage(null);
    const result = await runSync();
    if (!result) return;
    if (result.pendingItems > 0) {
      setPendingSwitch({ ...switching, pending: result.pendingItems, syncFailed: true });
      return;
    }
    await saveAndSync(switching);
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
          setPendingSwitch(null);
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
          setPendingSwitch(null);
        }}
      />
      <p className="help">{tokenLocked ? t('managedNote') : t('tokenHelp')}</p>
      <div className="actions">
        <button type="submit" disabled={urlLocked && tokenLocked}>
          {t('optionsSave')}
        </button>
        <FormMessage message={message} />
      </div>
      {pendingSwitch && (
        <ConnectionSwitch
          pendingSwitch={pendingSwitch}
          busy={syncing}
          onSyncFirst={() => void syncFirst(pendingSwitch)}
          onSwitch={() => void saveAndSync(pendingSwitch)}
          onKeep={() => setPendingSwitch(null)}
        />
      )}
      <SyncStatusView
        status={status}
        syncing={syncing}
        onSyncNow={async () => {
          setMessage(null);
          await runSync();
        }}
        onRefresh={refreshStatus}
      />
    </form>
  );
}
