import { useCallback } from 'react';
import type { Case, Me } from '@/lib/api/schemas';
import { t, type MessageKey } from '@/lib/i18n';
import { formatList } from '@/lib/locale-format';
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
  const sharing = casesSharingNumbers(data?.cases ?? []);

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
            {(sharing.get(item.id) ?? []).length > 0 && (
              <span className="warning">
                {t(
                  'queueSameNumbers',
                  formatList((sharing.get(item.id) ?? []).map((id) => shortCaseId(id))),
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Returns, by case id, the other listed cases that share one of its
 * numbers: two agents may capture the same customer, and the lead works one
 * case and closes the other.
 */
function casesSharingNumbers(cases: readonly Case[]): Map<string, string[]> {
  const byPhone = new Map<string, string[]>();
  for (const item of cases) {
    for (const phone of new Set(item.subject.phones)) {
      byPhone.set(phone, [...(byPhone.get(phone) ?? []), item.id]);
    }
  }
  const sharing = new Map<string, string[]>();
  for (const item of cases) {
    const others = new Set<string>();
    for (const phone of item.subject.phones) {
      for (const id of byPhone.get(phone) ?? []) if (id !== item.id) others.add(id);
    }
    sharing.set(item.id, [...others]);
  }
  return sharing;
}
