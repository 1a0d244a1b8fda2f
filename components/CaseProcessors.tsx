import { useId, useState } from 'react';
import { CASE_TEXT_LIMITS, type Case } from '@/lib/api/schemas';
import { processorItemId } from '@/lib/cases/checklist';
import { isFinalStatus } from '@/lib/cases/workflow';
import { t } from '@/lib/i18n';
import { dateInputToIso, dateInputValue, isFutureDate, isoToDateInput } from './date-input';
import { formatDate } from './format';
import { PastDateInput } from './PastDateInput';
import type { SendPatch } from './NextSteps';

type Processor = Case['processors'][number];

type ChecklistItem = Case['checklist'][number];

const listedProcessor = (item: Pick<Case, 'processors'>, entry: ChecklistItem) =>
  item.processors.find((candidate) => processorItemId(candidate.name) === entry.id);

/** Names the processor of a processor checklist item as the case lists it, else as the item does. */
export function processorName(item: Pick<Case, 'processors'>, entry: ChecklistItem): string {
  return listedProcessor(item, entry)?.name ?? entry.system ?? entry.id;
}

/**
 * Explains what to record before `entry` can be marked done, or returns null
 * when it may be. The server marks a processor's item done only once the
 * processor's notification and confirmation dates are recorded.
 */
export function processorDoneBlock(
  item: Pick<Case, 'processors'>,
  entry: ChecklistItem,
): string | null {
  if (entry.kind !== 'processor_notified') return null;

  const processor = listedProcessor(item, entry);
  const name = processorName(item, entry);
  if (!processor) return t('caseProcessorDoneNeedsProcessor', name);
  if (!processor.notifiedAt) return t('caseProcessorDoneNeedsNotice', name);
  if (!processor.confirmedAt) return t('caseProcessorDoneNeedsConfirmation', name);
  return null;
}

const dateOf = (iso: string) => formatDate(Date.parse(iso));

/**
 * Lists the third-party processors asked to delete the data. While the case
 * is in progress any role may add one with the date it was notified, and
 * record when each was notified and when it confirmed, as the server allows.
 */
export function CaseProcessors({ item, onSend }: { item: Case; onSend: SendPatch }) {
  const open = !item.minimisedAt && !isFinalStatus(item.status);
  const editable = item.status === 'in_progress';
  if (item.processors.length === 0 && !open) return null;

  return (
    <div className="processors">
      <h2>{t('caseProcessors')}</h2>
      {item.processors.length === 0 ? (
        <p className="help">{t('caseProcessorsNone')}</p>
      ) : (
        <ul>
          {item.processors.map((processor) => (
            <ProcessorRow
              key={processor.name}
              processor={processor}
              editable={editable}
              onSend={onSend}
            />
          ))}
        </ul>
      )}
      {editable && <AddProcessor listed={item.processors} onSend={onSend} />}
      {open && !editable && <p className="help">{t('caseProcessorsInProgressOnly')}</p>}
    </div>
  );
}

function ProcessorRow({
  processor,
  editable,
  onSend,
}: {
  processor: Processor;
  editable: boolean;
  onSend: SendPatch;
}) {
  const ids = { date: useId(), blocked: useId() };
  const [picking, setPicking] = useState(false);
  const [date, setDate] = useState(() => dateInputValue(new Date()));
  const { name, notifiedAt, confirmedAt } = processor;
  // The server wants the notification before the confirmation.
  let step: 'notifiedAt' | 'confirmedAt' | null = null;
  if (!notifiedAt) step = 'notifiedAt';
  else if (!confirmedAt) step = 'confirmedAt';

  let blocked: string | null = null;
  if (isFutureDate(date)) blocked = t('caseDateInFuture');
  else if (step === 'confirmedAt' && notifiedAt && date < isoToDateInput(notifiedAt)) {
    blocked = t('caseProcessorConfirmBeforeNotified', dateOf(notifiedAt));
  }

  const save = async () => {
    if (!step) return;
    const at = dateInputToIso(date);
    const update = step === 'notifiedAt' ? { name, notifiedAt: at } : { name, confirmedAt: at };
    if (await onSend({ processors: [update] })) setPicking(false);
  };

  return (
    <li data-processor={name}>
      <span>{name}</span> ·{' '}
      <span>
        {notifiedAt
          ? t('caseProcessorNotified', dateOf(notifiedAt))
          : t('caseProcessorNotNotified')}
      </span>
      {notifiedAt && (
        <span>
          {' '}
          ·{' '}
          {confirmedAt
            ? t('caseProcessorConfirmed', dateOf(confirmedAt))
            : t('caseProcessorAwaiting')}
        </span>
      )}
      {editable && step && !picking && (
        <button
          type="button"
          className="secondary"
          aria-label={t(
            step === 'notifiedAt' ? 'caseProcessorRecordNotifiedItem' : 'caseProcessorConfirmItem',
            name,
          )}
          onClick={() => setPicking(true)}
        >
          {t(step === 'notifiedAt' ? 'caseProcessorRecordNotified' : 'caseProcessorConfirm')}
        </button>
      )}
      {editable && step && picking && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            if (!blocked && date) void save();
          }}
        >
          <label htmlFor={ids.date}>
            {t(step === 'notifiedAt' ? 'caseProcessorNotifiedOn' : 'caseProcessorConfirmedOn')}
          </label>
          <PastDateInput
            id={ids.date}
            min={notifiedAt && step === 'confirmedAt' ? isoToDateInput(notifiedAt) : undefined}
            value={date}
            onChange={setDate}
          />
          <button
            type="submit"
            disabled={blocked !== null || !date}
            aria-describedby={blocked ? ids.blocked : undefined}
          >
            {t('caseSave')}
          </button>
          <button type="button" className="secondary" onClick={() => setPicking(false)}>
            {t('caseNoteCancel')}
          </button>
          {blocked && (
            <span id={ids.blocked} className="help">
              {blocked}
            </span>
          )}
        </form>
      )}
    </li>
  );
}

function AddProcessor({ listed, onSend }: { listed: readonly Processor[]; onSend: SendPatch }) {
  const ids = { name: useId(), date: useId(), blocked: useId() };
  const [name, setName] = useState('');
  const [date, setDate] = useState(() => dateInputValue(new Date()));

  const trimmed = name.trim();
  let blocked: string | null = null;
  // The server matches processors by name without case, and would only
  // change the dates of one already listed.
  const same = listed.find(
    (candidate) => processorItemId(candidate.name) === processorItemId(trimmed),
  );
  if (trimmed && same) blocked = t('caseProcessorListed', same.name);
  else if (isFutureDate(date)) blocked = t('caseDateInFuture');

  const add = async () => {
    const saved = await onSend({
      processors: [{ name: trimmed, notifiedAt: dateInputToIso(date) }],
    });
    if (saved) setName('');
  };

  return (
    <form
      className="fields"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed && date && !blocked) void add();
      }}
    >
      <label htmlFor={ids.name}>{t('caseProcessorName')}</label>
      <input
        id={ids.name}
        type="text"
        maxLength={CASE_TEXT_LIMITS.processorName}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={ids.date}>{t('caseProcessorNotifiedOn')}</label>
      <PastDateInput id={ids.date} value={date} onChange={setDate} />
      <div className="actions">
        <button
          type="submit"
          disabled={!trimmed || !date || blocked !== null}
          aria-describedby={blocked ? ids.blocked : undefined}
        >
          {t('caseProcessorAdd')}
        </button>
      </div>
      {blocked && (
        <p id={ids.blocked} className="help">
          {blocked}
        </p>
      )}
    </form>
  );
}
