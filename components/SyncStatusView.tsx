import { useState } from 'react';
import { t, tCount } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/messaging/protocol';
import { problemText } from './error-text';
import { formatTime } from './format';

/** Sync state in plain words, with the "Sync now" button. */
export function SyncStatusView({
  status,
  onSyncNow,
}: {
  status: SyncStatus | null;
  onSyncNow: () => Promise<void>;
}) {
  const [running, setRunning] = useState(false);
  const busy = running || status?.running === true;

  const syncNow = async () => {
    setRunning(true);
    try {
      await onSyncNow();
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="sync-status" aria-live="polite">
      {status && !status.configured && <p className="warning">{t('syncNotConfigured')}</p>}
      {status?.configured && (
        <p>
          {status.lastSuccessAt === null
            ? t('syncNever')
            : t('syncLastSuccess', formatTime(status.lastSuccessAt))}
        </p>
      )}
      {status && status.pendingItems > 0 && <p>{tCount('syncPending', status.pendingItems)}</p>}
      {status?.lastError && (
        <p role="alert" className="error" data-code={status.lastError.code}>
          {t('syncLastError', problemText(status.lastError))}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => void syncNow()}
        disabled={busy || status?.configured === false}
      >
        {busy ? t('syncRunning') : t('syncNow')}
      </button>
    </section>
  );
}
