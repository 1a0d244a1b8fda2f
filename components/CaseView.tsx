import { useEffect, useId, useState } from 'react';
import type { Case, PatchCaseRequest, Role } from '@/lib/api/schemas';
import { t, tCount, type MessageKey } from '@/lib/i18n';
import { formatList } from '@/lib/locale-format';
import { SyncError } from '@/lib/sync/errors';
import { caseTitle, checklistLabel, shortCaseId, timelineText } from './case-text';
import { CaseExtension } from './CaseExtension';
import { deadlineText, type CasesApi } from './CaseList';
import { CaseNotes } from './CaseNotes';
import { CaseProcessors, processorDoneBlock, processorName } from './CaseProcessors';
import { errorText } from './error-text';
import { formatCaseDate, formatTime } from './format';
import { NextSteps, type SendPatch } from './NextSteps';

/**
 * Shows one case: deadlines, checklist, processors, notes, the steps the
 * caller's role may take, and the timeline. `role` is the caller's role as
 * the server reports it, or null when it could not be read; the server
 * checks every step again. `from` is the list the case was opened from,
 * which `onBack` returns to.
 */
export function CaseView({
  api,
  id,
  role = null,
  from = 'cases',
  onBack,
}: {
  api: CasesApi;
  id: string;
  role?: Role | null;
  from?: 'cases' | 'queue';
  onBack: () => void;
}) {
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
      const rejectedTick = rejectedProcessorTick(item, patch, reason);
      setMessage({
        error: true,
        text: rejectedTick ? t('caseProcessorDoneRejected', rejectedTick) : errorText(reason),
      });
      // Someone changed the case meanwhile: show their change and take the
      // new version, so the fields on screen can be sent again as they are.
      // A rejected processor tick means the dates on screen are out of date too.
      // If the reread fails, the message above stays.
      const apiCode = reason instanceof SyncError ? reason.problem().apiCode : undefined;
      if (apiCode === 'version_conflict' || rejectedTick) {
        api.get(id).then(setItem, () => undefined);
      }
      return false;
    }
  };

  return (
    <section className="case-view">
      <button type="button" className="link" onClick={onBack}>
        {t(from === 'queue' ? 'caseBackToQueue' : 'caseBack')}
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
          <h1>{caseTitle(item)}</h1>
          <CaseId id={item.id} />
          <p data-status={item.status}>
            <strong>{t(`status_${item.status}` as MessageKey)}</strong> · {deadlineText(item)}
          </p>
          <p className="help">
            {t('caseDue', formatCaseDate(item.extendedDueAt ?? item.dueAt, item.timeZone))}
          </p>
          {item.telemarketingDueAt && (
            <p className="help">
              {t('caseTelemarketingDue', formatCaseDate(item.telemarketingDueAt, item.timeZone))}
            </p>
          )}

          {item.sameNumberCases && item.sameNumberCases.length > 0 && (
            <p className="warning" data-testid="same-number-cases">
              {tCount('caseSameNumbers', item.sameNumberCases.length, [
                formatList(
                  item.sameNumberCases.map((other) =>
                    t('caseSameNumbersItem', [
                      shortCaseId(other.id),
                      other.createdBy,
                      t(`status_${other.status}` as MessageKey),
                    ]),
                  ),
                ),
              ])}
            </p>
          )}

          <NextSteps item={item} onSend={send} />

          <CaseExtension item={item} lead={role === 'lead' || role === 'admin'} onSend={send} />

          <h2>{t('caseChecklist')}</h2>
          <ul className="checklist">
            {item.checklist.map((entry) => (
              <ChecklistRow
                key={entry.id}
                entry={entry}
                editable={item.status === 'in_progress'}
                doneBlock={processorDoneBlock(item, entry)}
                onSend={send}
              />
            ))}
          </ul>

          <CaseProcessors item={item} onSend={send} />

          <CaseNotes item={item} onSend={send} />

          <h2>{t('caseTimeline')}</h2>
          <ol className="timeline">
            {(item.timeline ?? []).map((entry) => (
              <li key={entry.seq}>
                <span className="help">{formatTime(Date.parse(entry.at))}</span>{' '}
                {t('timelineEntry', [entry.actor, timelineText(entry, item)])}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Shows the full case id as selectable text with a button that copies it, as audit exports need it whole. */
function CaseId({ id }: { id: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = () => {
    // Promise.resolve turns a missing clipboard API into a failed copy.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(id))
      .then(
        () => setCopied(true),
        () => setCopied(false),
      );
  };

  return (
    <p className="help case-id">
      {t('caseIdLabel')} <code>{id}</code>{' '}
      <button type="button" className="secondary" onClick={copy}>
        {t('caseCopyId')}
      </button>
      {/* The live region stays in place so that screen readers announce its text when it changes. */}
      <span role="status">
        {copied === null ? '' : ` ${t(copied ? 'caseIdCopied' : 'caseIdCopyFailed')}`}
      </span>
    </p>
  );
}

/**
 * Returns the processor's name when the server rejected marking a processor's
 * item done for want of its dates, or null for any other failure.
 */
function rejectedProcessorTick(
  item: Case,
  patch: Parameters<SendPatch>[0],
  reason: unknown,
): string | null {
  if (!(reason instanceof SyncError) || reason.problem().apiCode !== 'missing_field') return null;

  const tick = patch.checklist?.[0];
  const entry = item.checklist.find((candidate) => candidate.id === tick?.itemId);
  if (tick?.status !== 'done' || entry?.kind !== 'processor_notified') return null;
  return processorName(item, entry);
}

/** `doneBlock` is the text that names what to record before the item can be marked done, or null when it can. */
function ChecklistRow({
  entry,
  editable,
  doneBlock,
  onSend,
}: {
  entry: Case['checklist'][number];
  editable: boolean;
  doneBlock: string | null;
  onSend: SendPatch;
}) {
  const noteId = useId();
  const doneBlockId = useId();
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
          · {t('checklistItemBy', [entry.by, formatTime(Date.parse(entry.at))])}
        </span>
      )}
      {note && <p className="help">{t('caseItemNote', note)}</p>}
      {editable && entry.status === 'open' && !askingNote && (
        <span className="row">
          <button
            type="button"
            aria-label={t('caseMarkDoneItem', label)}
            disabled={doneBlock !== null}
            aria-describedby={doneBlock === null ? undefined : doneBlockId}
            onClick={() => void onSend({ checklist: [{ itemId: entry.id, status: 'done' }] })}
          >
            {t('caseMarkDone')}
          </button>
          <button
            type="button"
            className="secondary"
            aria-label={t('caseMarkNotApplicableItem', label)}
            onClick={() => setAskingNote(true)}
          >
            {t('caseMarkNotApplicable')}
          </button>
        </span>
      )}
      {editable && entry.status === 'open' && !askingNote && doneBlock !== null && (
        <p id={doneBlockId} className="help">
          {doneBlock}
        </p>
      )}
      {askingNote && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            if (draftNote.trim()) void saveNotApplicable();
          }}
        >
          <label htmlFor={noteId}>{t('caseNoteRequired')}</label>
          <input
            id={noteId}
            type="text"
            value={draftNote}
            onChange={(event) => setDraftNote(event.target.value)}
          />
          <button
            type="submit"
            disabled={!draftNote.trim()}
            aria-label={t('caseSaveReasonItem', label)}
          >
            {t('caseSaveReason')}
          </button>
          <button type="button" className="secondary" onClick={() => setAskingNote(false)}>
            {t('caseNoteCancel')}
          </button>
        </form>
      )}
    </li>
  );
}
