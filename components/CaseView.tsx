import { useEffect, useId, useState } from 'react';
import type { Case, PatchCaseRequest } from '@/lib/api/schemas';
import {
  CHANNELS,
  LEGAL_BASES,
  type CaseStatus,
  type Channel,
  type LegalBasis,
  type VerificationMethod,
} from '@/lib/cases/model';
import { t, type MessageKey } from '@/lib/i18n';
import { checklistLabel, timelineText } from './case-text';
import { deadlineText, type CasesApi } from './CaseList';
import { errorText } from './error-text';
import { formatTime } from './format';
import { MethodSelect } from './VerifyIdentity';

type SendPatch = (patch: Omit<PatchCaseRequest, 'version'>) => Promise<boolean>;

/** Shows one case: deadlines, checklist, the next steps the caller's role may take, and the timeline. */
export function CaseView({ api, id, onBack }: { api: CasesApi; id: string; onBack: () => void }) {
  const [item, setItem] = useState<Case | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    api
      .get(id)
      .then(setItem, (reason: unknown) => setMessage({ error: true, text: errorText(reason) }));
  }, [api, id]);

  /** Sends one change and rereads the case. Resolves with false when either step failed. */
  const send: SendPatch = async (patch) => {
    if (!item) return false;
    try {
      await api.patch(id, { ...patch, version: item.version } as PatchCaseRequest);
      setItem(await api.get(id));
      setMessage({ error: false, text: t('caseChanged') });
      return true;
    } catch (reason) {
      setMessage({ error: true, text: errorText(reason) });
      return false;
    }
  };

  return (
    <section className="case-view">
      <button type="button" className="link" onClick={onBack}>
        {t('caseBack')}
      </button>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'error' : undefined}
        >
          {message.text}
        </p>
      )}
      {item && (
        <>
          <h1>{item.subject.name ?? item.subject.crm?.recordId ?? item.id}</h1>
          <p data-status={item.status}>
            <strong>{t(`status_${item.status}` as MessageKey)}</strong> · {deadlineText(item)}
          </p>
          <p className="help">
            {t('caseDue', formatTime(Date.parse(item.extendedDueAt ?? item.dueAt)))}
          </p>
          {item.telemarketingDueAt && (
            <p className="help">
              {t('caseTelemarketingDue', formatTime(Date.parse(item.telemarketingDueAt)))}
            </p>
          )}

          <NextSteps item={item} onSend={send} />

          <h2>{t('caseChecklist')}</h2>
          <ul className="checklist">
            {item.checklist.map((entry) => (
              <ChecklistRow
                key={entry.id}
                entry={entry}
                editable={item.status === 'in_progress'}
                onSend={send}
              />
            ))}
          </ul>

          <h2>{t('caseTimeline')}</h2>
          <ol className="timeline">
            {(item.timeline ?? []).map((entry) => (
              <li key={entry.seq}>
                <span className="help">{formatTime(Date.parse(entry.at))}</span> {entry.actor}:{' '}
                {timelineText(entry, item.checklist)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function ChecklistRow({
  entry,
  editable,
  onSend,
}: {
  entry: Case['checklist'][number];
  editable: boolean;
  onSend: SendPatch;
}) {
  const noteId = useId();
  const [draftNote, setDraftNote] = useState('');
  const [askingNote, setAskingNote] = useState(false);
  // The server's labels are in English, so every item is named from the messages.
  const label = checklistLabel(entry);
  // The server writes the internal-DNC item's note itself, in English, when it
  // creates the case, so only notes an agent wrote are shown.
  const note = entry.kind === 'internal_dnc' ? undefined : entry.note;

  const saveNotApplicable = async () => {
    const saved = await onSend({
      checklist: [{ itemId: entry.id, status: 'not_applicable', note: draftNote.trim() }],
    });
    if (!saved) return;

    setAskingNote(false);
    setDraftNote('');
  };

  return (
    <li data-item={entry.id} data-state={entry.status}>
      <span>{label}</span> · <span>{t(`item_${entry.status}` as MessageKey)}</span>
      {entry.by && entry.at && (
        <span className="help">
          {' '}
          · {entry.by}, {formatTime(Date.parse(entry.at))}
        </span>
      )}
      {note && <p className="help">{t('caseItemNote', note)}</p>}
      {editable && entry.status === 'open' && !askingNote && (
        <span className="row">
          <button
            type="button"
            onClick={() => void onSend({ checklist: [{ itemId: entry.id, status: 'done' }] })}
          >
            {t('caseMarkDone')}
          </button>
          <button type="button" className="secondary" onClick={() => setAskingNote(true)}>
            {t('caseMarkNotApplicable')}
          </button>
        </span>
      )}
      {askingNote && (
        <span className="row">
          <label htmlFor={noteId}>{t('caseNoteRequired')}</label>
          <input
            id={noteId}
            type="text"
            value={draftNote}
            onChange={(event) => setDraftNote(event.target.value)}
          />
          <button
            type="button"
            disabled={!draftNote.trim()}
            onClick={() => void saveNotApplicable()}
          >
            {t('caseMarkNotApplicable')}
          </button>
          <button type="button" className="secondary" onClick={() => setAskingNote(false)}>
            {t('caseNoteCancel')}
          </button>
        </span>
      )}
    </li>
  );
}

/** Buttons for the transitions the server allows this role, with the fields each one needs. */
function NextSteps({ item, onSend }: { item: Case; onSend: SendPatch }) {
  const ids = {
    sentAt: useId(),
    channel: useId(),
    reason: useId(),
    basis: useId(),
    kept: useId(),
    why: useId(),
    method: useId(),
  };
  const [sentAt, setSentAt] = useState(() => new Date().toISOString().slice(0, 16));
  const [channel, setChannel] = useState<Channel>('email');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState<LegalBasis>('legal_obligation');
  const [dataKept, setDataKept] = useState('');
  const [why, setWhy] = useState('');
  const [method, setMethod] = useState<VerificationMethod>('email_on_file');

  const targets = item.allowedTransitions;
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
          <button key={status} type="button" onClick={() => void move(status)}>
            {t(`status_${status}` as MessageKey)}
          </button>
        ))}
      </div>
    </div>
  );
}
