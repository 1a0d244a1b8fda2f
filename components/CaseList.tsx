import { useCallback, useEffect, useState } from 'react';
import type { Case, PatchCaseRequest } from '@/lib/api/schemas';
import { t, tCount, type MessageKey } from '@/lib/i18n';
import type { ResponseOf } from '@/lib/messaging/protocol';
import type { SyncProblem } from '@/lib/sync/errors';
import { caseTitle, shortCaseId } from './case-text';
import { errorText, problemText } from './error-text';
import { formatTime } from './format';

export interface CasesApi {
  list(): Promise<ResponseOf<'cases.list'>>;
  get(id: string): Promise<Case>;
  patch(id: string, patch: PatchCaseRequest): Promise<Case>;
}

/** Describes in words how much time a case has left. */
export function deadlineText(item: Pick<Case, 'daysLeft' | 'overdue'>): string {
  if (item.daysLeft === null) return t('caseClosed');
  if (item.overdue) return tCount('caseOverdue', Math.abs(item.daysLeft));
  return tCount('caseDaysLeft', item.daysLeft);
}

/**
 * Reads a list of cases on mount and on `load`. When the server could not be
 * read, the result carries the error next to what is known locally.
 */
export function useCaseListing<T extends { error?: string; problem?: SyncProblem }>(
  read: () => Promise<T>,
): { data: T | null; error: string | null; load: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    read().then(
      (result) => {
        setData(result);
        setError(result.problem ? problemText(result.problem) : (result.error ?? null));
      },
      (reason: unknown) => setError(errorText(reason)),
    );
  }, [read]);

  useEffect(load, [load]);
  return { data, error, load };
}

/** Shows the Refresh button of a case listing and, when its last read failed, why. */
export function ListingControls({
  error,
  onRefresh,
}: {
  error: string | null;
  onRefresh: () => void;
}) {
  return (
    <>
      <button type="button" className="secondary" onClick={onRefresh}>
        {t('casesRefresh')}
      </button>
      {error && (
        <p role="alert" className="error">
          {t('casesLoadFailed', error)}
        </p>
      )}
    </>
  );
}

/** Lists the agent's recent cases with state and days left. Cases not yet sent come first. */
export function CaseList({ api, onOpen }: { api: CasesApi; onOpen: (id: string) => void }) {
  const read = useCallback(() => api.list(), [api]);
  const { data, error, load } = useCaseListing(read);

  const empty = data !== null && data.cases.length === 0 && data.waiting.length === 0;
  return (
    <section className="case-list">
      <ListingControls error={error} onRefresh={load} />
      {empty && <p>{t('casesEmpty')}</p>}
      <ul>
        {data?.waiting.map((item) => (
          <li key={item.id} className="case waiting">
            <strong>{item.name || item.id}</strong>
            <span>{t('casesWaiting')}</span>
            <span className="help">{formatTime(Date.parse(item.receivedAt))}</span>
            {item.lastProblem ? (
              <span className="error">{problemText(item.lastProblem)}</span>
            ) : (
              item.lastError && <span className="error">{item.lastError}</span>
            )}
          </li>
        ))}
        {data?.cases.map((item) => (
          <li key={item.id} className={`case ${item.overdue ? 'overdue' : ''}`}>
            <button type="button" className="link" onClick={() => onOpen(item.id)}>
              {caseTitle(item)}
            </button>
            <span className="help">{t('caseShortId', shortCaseId(item.id))}</span>
            <span data-status={item.status}>{t(`status_${item.status}` as MessageKey)}</span>
            <span className={item.overdue ? 'error' : 'help'}>{deadlineText(item)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
