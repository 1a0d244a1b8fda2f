import { t, tCount } from '@/lib/i18n';

/** A save of other connection settings, pendingSwitch back because items recorded here still wait. */
export interface PendingSwitch {
  apiUrl: string;
  accessToken: string;
  pending: number;
  /** Whether "Sync now, then switch" ran and left some items unsent. */
  syncFailed: boolean;
}

/**
 * Asks what to do with the waiting items before the settings change. The
 * server records each item under the token it arrives with, so items sent
 * after the switch would name the new token's user in the audit log.
 */
export function ConnectionSwitch({
  pendingSwitch,
  busy,
  onSyncFirst,
  onSwitch,
  onKeep,
}: {
  pendingSwitch: PendingSwitch;
  busy: boolean;
  onSyncFirst: () => void;
  onSwitch: () => void;
  onKeep: () => void;
}) {
  return (
    <div className="connection-switch">
      {pendingSwitch.syncFailed && (
        <p role="alert" className="error">
          {tCount('switchStillPending', pendingSwitch.pending)}
        </p>
      )}
      <p className="warning">{tCount('switchPending', pendingSwitch.pending)}</p>
      <div className="actions">
        <button type="button" onClick={onSyncFirst} disabled={busy}>
          {t('switchSyncFirst')}
        </button>
        <button type="button" className="secondary" onClick={onSwitch} disabled={busy}>
          {t('switchAnyway')}
        </button>
        <button type="button" className="secondary" onClick={onKeep} disabled={busy}>
          {t('switchKeep')}
        </button>
      </div>
    </div>
  );
}
