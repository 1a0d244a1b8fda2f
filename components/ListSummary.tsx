import { t, tCount } from '@/lib/i18n';
import type { ListInfo } from '@/lib/messaging/protocol';
import { formatTime } from './format';

/**
 * Size and age of the list, and what an old or missing list means for dialing.
 * `syncedAt` is the last successful sync when a sync line beside this one
 * shows it.
 */
export function ListSummary({
  info,
  syncedAt = null,
}: {
  info: ListInfo;
  syncedAt?: number | null;
}) {
  // Every sync marks the list current just before it ends, so the list's time
  // adds something only when an import came after the last sync or none ran.
  const updatedAt =
    info.updatedAt !== null && (syncedAt === null || info.updatedAt > syncedAt)
      ? info.updatedAt
      : null;

  return (
    <section className="list-summary" aria-live="polite">
      {info.loaded ? (
        <p>
          {tCount('listSize', info.size)}
          {updatedAt !== null && <> · {t('listUpdated', formatTime(updatedAt))}</>}
        </p>
      ) : (
        <p className="warning">{t('listNotLoaded')}</p>
      )}
      {info.loaded && info.stale && (
        <p className="warning">{tCount('listStale', info.staleAfterHours)}</p>
      )}
      {info.pendingCount > 0 && <p>{tCount('listPending', info.pendingCount)}</p>}
    </section>
  );
}
