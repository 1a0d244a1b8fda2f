import { t, tCount } from '@/lib/i18n';
import type { ListInfo } from '@/lib/messaging/protocol';
import { formatTime } from './format';

/** Size and age of the list, and what an old or missing list means for dialing. */
export function ListSummary({ info }: { info: ListInfo }) {
  return (
    <section className="list-summary" aria-live="polite">
      {info.loaded ? (
        <p>
          {tCount('listSize', info.size)}
          {info.updatedAt !== null && <> · {t('listUpdated', formatTime(info.updatedAt))}</>}
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
