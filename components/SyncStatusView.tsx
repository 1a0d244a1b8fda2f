import { useEffect, useState } from 'react';
import { t, tCount } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/messaging/protocol';
import { problemText } from './error-text';
import { formatTime } from './format';

/** Interval in ms of reading the sync state again while a sync started elsewhere runs. */
const RUNNING_CHECK_MS = 500;

/**
 * Sync state in plain words, with the "Sync now" button. A sync the worker
 * runs on its own (on an alarm, after a capture) reports no end to this
 * page, so while one runs `onRefresh` reads the state again, and the button
 * comes back when it ends.
 */
export function SyncStatusView({
  status,
  syncing = false,
  onSyncNow,
  onRefresh,
}: {
  status: SyncStatus | null;
  /** Whether the page is running a sync it started itself, e.g. after saving settings. */
  syncing?: boolean;
  onSyncNow: () => Promise<void>;
  onRefresh: () => void;
}) {
  const [running, setRunning] = useState(false);
  const busy = running || syncing || status?.running === true;

  useEffect(() => {
    if (!status?.running || running || syncing) return;
    const timer = setTimeout(onRefresh, RUNNING_CHECK_MS);
    return () => clearTimeout(timer);
  }, [status, running, syncing, onRefresh]);

  const syncNow = async () => {
    if (busy) return;
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
        // Marked busy rather than disabled: a disabled button drops the
        // keyboard focus, and the next Tab starts from the top of the page.
        aria-disabled={busy || undefined}
        disabled={status?.configured === false}
      >
        {busy ? t('syncRunning') : t('syncNow')}
      </button>
    </section>
  );
}
