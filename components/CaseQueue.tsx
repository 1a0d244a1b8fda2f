import { useCallback } from 'react';
import type { Me } from '@/lib/api/schemas';
import { t, type MessageKey } from '@/lib/i18n';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { caseTitle, shortCaseId } from './case-text';
import { ListingControls, deadlineText, useCaseListing } from './CaseList';
import { formatCaseDate } from './format';

/** Calls the side panel makes to offer a lead the team's queue. */
export interface TeamApi {
  me(): Promise<Me>;
  queue(): Promise<ResponseOf<'cases.queue'>>;
}

/** Lists the team's open cases, the earliest deadline first, with state, creator and days left. */
export function CaseQueue({ api, onOpen }: { api: TeamApi; onOpen: (id: string) => void }) {
  const read = useCallback(() => api.queue(), [api]);
  const { data, error, load } = useCaseListing(read);

  return (
    <section className="case-list queue">
      <ListingControls error={error} onRefresh={load} />
      {data && !error && data.cases.length === 0 && <p>{t('queueEmpty')}</p>}
      <ul>
        {data?.cases.map((item) => (
          <li
            key={item.id}
            className={`case ${item.overdue ? 'overdue' : ''}`}
            data-overdue={item.overdue}
          >
            <button type="button" className="link" onClick={() => onOpen(item.id)}>
              {caseTitle(item)}
            </button>
            <span data-status={item.status}>{t(`status_${item.status}` as MessageKey)}</span>
            <span className={item.overdue ? 'error' : 'help'}>
              {deadlineText(item)} ·{' '}
              {t('caseDue', formatCaseDate(item.extendedDueAt ?? item.dueAt, item.timeZone))}
            </span>
            <span className="help">
              {t('queueCreatedBy', item.createdBy)} · {t('caseShortId', shortCaseId(item.id))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
