import { useId, useState } from 'react';
import type { Case, PatchCaseRequest } from '@/lib/api/schemas';
import {
  CHANNELS,
  LEGAL_BASES,
  type CaseStatus,
  type Channel,
  type LegalBasis,
  type VerificationMethod,
} from '@/lib/cases/model';
import { openChecklistItems } from '@/lib/cases/workflow';
import { t, tCount, type MessageKey } from '@/lib/i18n';
import { MethodSelect } from './VerifyIdentity';

/** Sends one change to the case. Resolves with false when it failed. */
export type SendPatch = (patch: Omit<PatchCaseRequest, 'version'>) => Promise<boolean>;

/** Values of the next-step fields that a status change needs before it can be sent. */
interface StepFields {
  reason: string;
  dataKept: string;
  why: string;
}

/**
 * Explains in the browser's language why the case cannot move to `status`
 * yet, or returns null when the case and the fields on screen allow the step.
 * The server checks the same rules again when the step is sent.
 */
function blockedReason(item: Case, status: CaseStatus, fields: StepFields): string | null {
  if (status === 'actions_done') {
    const open = openChecklistItems(item).length;
    return open > 0 ? tCount('caseOpenItemsBlock', open) : null;
  }

  if (status === 'rejected') {
    const needsException = item.status === 'legal_review';
    const missing =
      !fields.reason.trim() || (needsException && (!fields.dataKept.trim() || !fields.why.trim()));
    return missing ? t('caseRejectNeedsFields') : null;
  }

  return null;
}

/** Button labels of the steps into each status, named as actions. No step leads back to `received`. */
const STEP_LABELS: Record<Exclude<CaseStatus, 'received'>, MessageKey> = {
  verified: 'step_verified',
  verification_failed: 'step_verification_failed',
  in_progress: 'step_in_progress',
  legal_review: 'step_legal_review',
  actions_done: 'step_actions_done',
  confirmed: 'step_confirmed',
  rejected: 'step_rejected',
};

/** Returns the label of the button that moves the case from `from` to `to`. */
function stepLabel(from: CaseStatus, to: CaseStatus): string {
  if (to === 'received') return t('status_received');
  // Work on a case resumes, rather than starts, when legal review hands it back.
  if (from === 'legal_review' && to === 'in_progress') return t('stepResumeFromLegalReview');
  return t(STEP_LABELS[to]);
}

/** Buttons for the transitions the server allows this role, with the fields each one needs. */
export function NextSteps({ item, onSend }: { item: Case; onSend: SendPatch }) {
  const ids = {
    sentAt: useId(),
    channel: useId(),
    reason: useId(),
    basis: useId(),
    kept: useId(),
    why: useId(),
    method: useId(),
    blocked: useId(),
  };
  const [sentAt, setSentAt] = useState(() => new Date().toISOString().slice(0, 16));
  const [channel, setChannel] = useState<Channel>('email');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState<LegalBasis>('legal_obligation');
  const [dataKept, setDataKept] = useState('');
  const [why, setWhy] = useState('');
  const [method, setMethod] = useState<VerificationMethod>('email_on_file');

  const targets = item.allowedTransitions;
  const blocked = new Map<CaseStatus, string>();
  for (const status of targets) {
    const hint = blockedReason(item, status, { reason, dataKept, why });
    if (hint) blocked.set(status, hint);
  }
  const verifying = targets.includes('verified') || targets.includes('verification_failed');
  const move = (status: CaseStatus) => {
    // The server records only how the identity was checked, never the caller's replies.
    if (status === 'verified' || status === 'verification_failed') {
      const at = new Date().toISOString();
      return onSend({ status, verification: { method, passed: status === 'verified', at } });
    }
    if (status === 'confirmed') {
      return onSend({ status, confirmation: { sentAt: new Date(sentAt).toISOString(), channel } });
    }
    if (status === 'rejected') {
      const exception =
        item.status === 'legal_review'
          ? { legalException: { basis, dataKept: dataKept.trim(), why: why.trim() } }
          : {};
      return onSend({ status, rejection: { reason: reason.trim() }, ...exception } as Omit<
        PatchCaseRequest,
        'version'
      >);
    }
    return onSend({ status });
  };

  return (
    <div className="next-steps">
      <h2>{t('caseNextStep')}</h2>
      {targets.length === 0 && <p className="help">{t('caseNoNextStep')}</p>}
      {targets.includes('confirmed') && (
        <div className="fields">
          <label htmlFor={ids.sentAt}>{t('caseConfirmationSentAt')}</label>
          <input
            id={ids.sentAt}
            type="datetime-local"
            value={sentAt}
            onChange={(event) => setSentAt(event.target.value)}
          />
          <label htmlFor={ids.channel}>{t('caseConfirmationChannel')}</label>
          <select
            id={ids.channel}
            value={channel}
            onChange={(event) => setChannel(event.target.value as Channel)}
          >
            {CHANNELS.map((value) => (
              <option key={value} value={value}>
                {t(`channel_${value}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      )}
      {verifying && (
        <div className="fields">
          <label htmlFor={ids.method}>{t('verifyMethod')}</label>
          <MethodSelect id={ids.method} value={method} onChange={setMethod} />
        </div>
      )}
      {targets.includes('rejected') && (
        <div className="fields">
          <label htmlFor={ids.reason}>{t('caseReason')}</label>
          <input
            id={ids.reason}
            type="text"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          {item.status === 'legal_review' && (
            <>
              <label htmlFor={ids.basis}>{t('caseLegalBasis')}</label>
              <select
                id={ids.basis}
                value={basis}
                onChange={(event) => setBasis(event.target.value as LegalBasis)}
              >
                {LEGAL_BASES.map((value) => (
                  <option key={value} value={value}>
                    {t(`basis_${value}` as MessageKey)}
                  </option>
                ))}
              </select>
              <label htmlFor={ids.kept}>{t('caseDataKept')}</label>
              <input
                id={ids.kept}
                type="text"
                value={dataKept}
                onChange={(event) => setDataKept(event.target.value)}
              />
              <label htmlFor={ids.why}>{t('caseWhyKept')}</label>
              <input
                id={ids.why}
                type="text"
                value={why}
                onChange={(event) => setWhy(event.target.value)}
              />
            </>
          )}
        </div>
      )}
      <div className="actions">
        {targets.map((status) => (
          <button
            key={status}
            type="button"
            disabled={blocked.has(status)}
            aria-describedby={blocked.has(status) ? `${ids.blocked}-${status}` : undefined}
            onClick={() => void move(status)}
          >
            {stepLabel(item.status, status)}
          </button>
        ))}
      </div>
      {[...blocked].map(([status, hint]) => (
        <p key={status} id={`${ids.blocked}-${status}`} className="help">
          {hint}
        </p>
      ))}
    </div>
  );
}
