import { useId, useState } from 'react';
import { CASE_TEXT_LIMITS, type Case } from '@/lib/api/schemas';
import { isFinalStatus } from '@/lib/cases/workflow';
import { formatCount, t } from '@/lib/i18n';
import type { SendPatch } from './NextSteps';

/**
 * Shows the case notes and lets any role change them while the case is
 * open, as the server allows. A closed case has lost its notes.
 */
export function CaseNotes({ item, onSend }: { item: Case; onSend: SendPatch }) {
  const ids = { notes: useId(), blocked: useId() };
  const [draft, setDraft] = useState<string | null>(null);
  if (item.minimisedAt || item.notes === undefined) return null;

  const editable = !isFinalStatus(item.status);
  const tooLong = draft !== null && draft.length > CASE_TEXT_LIMITS.notes;

  const save = async () => {
    if (draft === null) return;
    if (await onSend({ notes: draft })) setDraft(null);
  };

  return (
    <div className="notes">
      <h2>{t('caseNotes')}</h2>
      {item.notes ? (
        <p className="case-notes">{item.notes}</p>
      ) : (
        <p className="help">{t('caseNotesEmpty')}</p>
      )}
      {editable && draft === null && (
        <button type="button" className="secondary" onClick={() => setDraft(item.notes ?? '')}>
          {t('caseNotesEdit')}
        </button>
      )}
      {editable && draft !== null && (
        <form
          className="fields"
          onSubmit={(event) => {
            event.preventDefault();
            if (!tooLong) void save();
          }}
        >
          <label htmlFor={ids.notes}>{t('caseNotes')}</label>
          <textarea
            id={ids.notes}
            rows={4}
            maxLength={CASE_TEXT_LIMITS.notes}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="actions">
            <button
              type="submit"
              disabled={tooLong || draft === item.notes}
              aria-describedby={tooLong ? ids.blocked : undefined}
            >
              {t('caseNotesSave')}
            </button>
            <button type="button" className="secondary" onClick={() => setDraft(null)}>
              {t('caseNoteCancel')}
            </button>
          </div>
          {tooLong && (
            <p id={ids.blocked} className="help">
              {t('caseNotesTooLong', formatCount(CASE_TEXT_LIMITS.notes))}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
