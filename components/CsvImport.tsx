import { useId, useState } from 'react';
import { t, tCount, type CountedMessage } from '@/lib/i18n';
import type { CsvImportPreview, CsvRejectedRow } from '@/lib/suppression/csv';

export interface CsvImportApi {
  parse(
    file: File,
    reason: string,
    onProgress: (fraction: number) => void,
  ): Promise<CsvImportPreview>;
  commit(preview: CsvImportPreview, onProgress: (fraction: number) => void): Promise<number>;
}

/** Rows listed on screen in each table (rejected, duplicate); the rest are counted. */
const SHOWN_ROWS = 50;

type Step =
  | { name: 'idle' }
  | { name: 'reading'; progress: number }
  | { name: 'preview'; preview: CsvImportPreview }
  | { name: 'sending'; progress: number }
  | { name: 'done'; size: number }
  | { name: 'failed'; message: string };

/**
 * CSV import in two steps: the file is read and checked, the user sees what
 * will be imported and what was rejected, and only a confirmation changes the
 * list. Nothing is applied half-way.
 */
export function CsvImport({ api }: { api: CsvImportApi }) {
  const fileId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState(t('importReasonDefault'));
  const [step, setStep] = useState<Step>({ name: 'idle' });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStep({ name: 'reading', progress: 0 });
    try {
      const preview = await api.parse(file, reason, (progress) =>
        setStep({ name: 'reading', progress }),
      );
      setStep({ name: 'preview', preview });
    } catch (error) {
      setStep({ name: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onConfirm = async (preview: CsvImportPreview) => {
    setStep({ name: 'sending', progress: 0 });
    try {
      const size = await api.commit(preview, (progress) => setStep({ name: 'sending', progress }));
      setStep({ name: 'done', size });
    } catch (error) {
      setStep({ name: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="csv-import">
      <h2>{t('importTitle')}</h2>
      <p className="help">{t('importHelp')}</p>
      <label htmlFor={reasonId}>{t('importReasonLabel')}</label>
      <input
        id={reasonId}
        type="text"
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
      />
      <label htmlFor={fileId}>{t('importFileLabel')}</label>
      <input
        id={fileId}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        disabled={step.name === 'reading' || step.name === 'sending'}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after changing the
          // default country, say) reads it again.
          event.target.value = '';
          void onFile(file);
        }}
      />

      {step.name === 'reading' && <Progress label={t('importReading')} value={step.progress} />}
      {step.name === 'sending' && <Progress label={t('importSending')} value={step.progress} />}
      {step.name === 'preview' && (
        <Preview
          preview={step.preview}
          onConfirm={() => void onConfirm(step.preview)}
          onCancel={() => setStep({ name: 'idle' })}
        />
      )}
      {step.name === 'done' && <p role="status">{tCount('importDone', step.size)}</p>}
      {step.name === 'failed' && (
        <p role="alert" className="error">
          {t('importFailed', step.message)}
        </p>
      )}
    </section>
  );
}

function Progress({ label, value }: { label: string; value: number }) {
  return (
    <div className="progress">
      <span>{label}</span>
      <progress aria-label={label} max={1} value={value} />
    </div>
  );
}

function Preview({
  preview,
  onConfirm,
  onCancel,
}: {
  preview: CsvImportPreview;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const accepted = preview.accepted.length;
  return (
    <div className="preview">
      <div role="status">
        {accepted > 0 ? <p>{tCount('importPreview', accepted)}</p> : <p>{t('importNothing')}</p>}
        {preview.duplicates > 0 && <p>{tCount('importDuplicates', preview.duplicates)}</p>}
      </div>
      <ProblemRows
        rows={preview.rejected}
        total={preview.rejected.length}
        titleKey="importRejectedTitle"
        moreKey="importMoreRejected"
      />
      <ProblemRows
        rows={preview.duplicateRows}
        total={preview.duplicates}
        titleKey="importDuplicatesTitle"
        moreKey="importMoreDuplicates"
      />
      <div className="actions">
        <button type="button" onClick={onConfirm} disabled={accepted === 0}>
          {tCount('importConfirm', accepted)}
        </button>
        <button type="button" onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * Lists the first rows of one kind (rejected or duplicate) with their line and
 * reason. `total` may exceed `rows.length`, because the parser lists only the
 * first duplicates.
 */
function ProblemRows({
  rows,
  total,
  titleKey,
  moreKey,
}: {
  rows: readonly CsvRejectedRow[];
  total: number;
  titleKey: CountedMessage;
  moreKey: CountedMessage;
}) {
  const titleId = useId();
  if (total === 0) return null;

  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <>
      <p id={titleId}>{tCount(titleKey, total)}</p>
      <table className="rejected" aria-labelledby={titleId}>
        <thead>
          <tr>
            <th>{t('importLine')}</th>
            <th>{t('importValue')}</th>
            <th>{t('importError')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.value}</td>
              <td>{t(`importProblem_${row.problem}`, row.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > shown.length && <p>{tCount(moreKey, total - shown.length)}</p>}
    </>
  );
}
