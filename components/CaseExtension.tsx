import { useId, useState, type ReactNode } from 'react';
import { CASE_TEXT_LIMITS, type Case, type DeadlineRuleInfo } from '@/lib/api/schemas';
import { isFinalStatus } from '@/lib/cases/workflow';
import { t, tCount } from '@/lib/i18n';
import { dateInputToIso, dateInputValue, isFutureDate } from './date-input';
import { formatCaseDate } from './format';
import { PastDateInput } from './PastDateInput';
import type { SendPatch } from './NextSteps';

type Period = NonNullable<DeadlineRuleInfo['extension']>;

function periodText(period: Period): string {
  if (period.unit === 'calendar_months') return tCount('periodMonths', period.count);
  if (period.unit === 'business_days') return tCount('periodBusinessDays', period.count);
  return tCount('periodDays', period.count);
}

/**
 * Shows the case's deadline extension and lets a lead or admin record one,
 * as the server allows: once, where the case's law provides one, while the
 * case is open. An agent only learns that a lead can do it.
 */
export function CaseExtension({
  item,
  lead,
  onSend,
}: {
  item: Case;
  lead: boolean;
  onSend: SendPatch;
}) {
  if (item.minimisedAt || isFinalStatus(item.status)) return null;

  const period = item.deadlineRule.extension;
  const dateOf = (iso: string) => formatCaseDate(iso, item.timeZone);
  let body: ReactNode = null;
  if (item.extensions.length > 0) {
    body = (
      <>
        {item.extendedDueAt && (
          <p>{t('caseExtendedTo', [dateOf(item.extendedDueAt), dateOf(item.dueAt)])}</p>
        )}
        {/* NOTE: the server gives this reason in English only (lib/cases/deadlines.ts). */}
        {item.extensionIgnored && (
          <p className="warning">{t('timelineExtensionIgnored', item.extensionIgnored)}</p>
        )}
        {lead && <p className="help">{t('caseExtensionUsed')}</p>}
      </>
    );
  } else if (!period) {
    if (lead) {
      body = (
        <p className="help">{t('caseExtensionNotInLaw', t(`jurisdiction_${item.jurisdiction}`))}</p>
      );
    }
  } else if (!lead) {
    body = <p className="help">{t('caseExtensionLeadOnly')}</p>;
  } else {
    body = (
      <ExtensionForm item={item} period={period} dueDate={dateOf(item.dueAt)} onSend={onSend} />
    );
  }

  if (!body) return null;
  return (
    <div className="extension">
      <h2>{t('caseExtensionTitle')}</h2>
      {body}
    </div>
  );
}

function ExtensionForm({
  item,
  period,
  dueDate,
  onSend,
}: {
  item: Case;
  period: Period;
  dueDate: string;
  onSend: SendPatch;
}) {
  const ids = { notice: useId(), reason: useId(), blocked: useId() };
  const [notice, setNotice] = useState(() => dateInputValue(new Date()));
  const [reason, setReason] = useState('');

  let blocked: string | null = null;
  if (!notice || !reason.trim()) blocked = t('caseExtensionNeedsFields');
  else if (isFutureDate(notice)) blocked = t('caseDateInFuture');
  // The server records a late notice but does not move the deadline for it.
  else if (Date.parse(dateInputToIso(notice)) > Date.parse(item.dueAt)) {
    blocked = t('caseExtensionNoticeLate', dueDate);
  }

  const extend = () =>
    void onSend({
      extension: {
        extendedAt: new Date().toISOString(),
        noticeSentAt: dateInputToIso(notice),
        reason: reason.trim(),
      },
    });

  return (
    <>
      <p className="help">{t('caseExtensionAllowed', [periodText(period), dueDate])}</p>
      <div className="fields">
        <label htmlFor={ids.notice}>{t('caseExtensionNoticeSent')}</label>
        <PastDateInput id={ids.notice} value={notice} onChange={setNotice} />
        <label htmlFor={ids.reason}>{t('caseExtensionReason')}</label>
        <input
          id={ids.reason}
          type="text"
          maxLength={CASE_TEXT_LIMITS.extensionReason}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={blocked !== null}
          aria-describedby={blocked ? ids.blocked : undefined}
          onClick={extend}
        >
          {t('caseExtend')}
        </button>
      </div>
      {blocked && (
        <p id={ids.blocked} className="help">
          {blocked}
        </p>
      )}
    </>
  );
}
