import { t } from '@/lib/i18n';
import type { ListInfo } from '@/lib/messaging/protocol';
import { formatCount, formatTime } from './format';

/** Size and age of the list, and what an old or missing list means for dialing. */
export function ListSummary({ info }: { info: ListInfo }) {
  return (
    <section className="list-summary" aria-live="polite">
      {info.loaded ? (
        <p>
          {t('listSize', formatCount(info.size))}
          {info.updatedAt !== null && <> · {t('listUpdated', formatTime(info.updatedAt))}</>}
        </p>
      ) : (
        <p className="warning">{t('listNotLoaded')}</p>
      )}
      {info.loaded && info.stale && (
        <p className="warning">{t('listStale', String(info.staleAfterHours))}</p>
      )}
      {info.pendingCount > 0 && <p>{t('listPending', formatCount(info.pendingCount))}</p>}
    </section>
  );
}
