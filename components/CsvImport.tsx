import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { t, tCount, type CountedMessage } from '@/lib/i18n';
import type { CsvImportPreview, CsvRejectedRow } from '@/lib/suppression/csv';
import type { ImportChoices, ListedCounts } from '@/lib/suppression/import-merge';

/** A file read for import, with the numbers of it that are already on the list. */
export interface ImportPreview extends ListedCounts {
  /** Rows without their own reason have an empty one until the import is confirmed. */
  csv: CsvImportPreview;
  /** Country code used for numbers without a country code. */
  country: string;
}

export interface CsvImportApi {
  /**
   * Reads and checks a file. `country` is the default country shown in the
   * settings form, saved or not. Undefined means the saved one.
   */
  parse(
    file: File,
    country: string | undefined,
    onProgress: (fraction: number) => void,
  ): Promise<ImportPreview>;
  commit(
    preview: CsvImportPreview,
    choices: ImportChoices,
    onProgress: (fraction: number) => void,
  ): Promise<number>;
}

/** Rows listed on screen in each table (rejected, duplicate); the rest are counted. */
const SHOWN_ROWS = 50;

type Step =
  | { name: 'idle' }
  | { name: 'reading'; progress: number }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'sending'; progress: number }
  | { name: 'done'; size: number }
  | { name: 'failed'; message: string };

/**
 * CSV import in two steps: the file is read and checked, the user sees what
 * will be imported and what was rejected, and only a confirmation changes the
 * list. Nothing is applied half-way. The reason field and the choice to
 * replace reasons are read at confirmation, so they may change while the
 * preview shows. A change of the default country reads the chosen file again,
 * so the preview, and what the import sends, always use the country on screen.
 */
export function CsvImport({
  api,
  country,
  language,
}: {
  api: CsvImportApi;
  /** The default country selected in the settings form, saved or not. */
  country: string | undefined;
  /** BCP 47 tag for country names. */
  language: string;
}) {
  const fileId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState(t('importReasonDefault'));
  const [replaceReasons, setReplaceReasons] = useState(false);
  const [step, setStep] = useState<Step>({ name: 'idle' });
  // The file being read or previewed; null once imported, cancelled or failed.
  const chosenFile = useRef<File | null>(null);
  // Counts reads, so a read overtaken by a newer one (the country changed
  // while it ran) does not replace the newer preview.
  const reads = useRef(0);

  const read = async (chosen: File, readCountry: string | undefined) => {
    const current = ++reads.current;
    chosenFile.current = chosen;
    setStep({ name: 'reading', progress: 0 });
    try {
      const preview = await api.parse(chosen, readCountry, (progress) => {
        if (current === reads.current) setStep({ name: 'reading', progress });
      });
      if (current === reads.current) setStep({ name: 'preview', preview });
    } catch (error) {
      if (current !== reads.current) return;
      chosenFile.current = null;
      setStep({ name: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onFile = (chosen: File | undefined) => {
    if (!chosen) return;
    setReplaceReasons(false);
    void read(chosen, country);
  };

  // Runs when the country changes. A newly chosen file is read by onFile.
  const readAgain = useRef(read);
  readAgain.current = read;
  useEffect(() => {
    if (chosenFile.current) void readAgain.current(chosenFile.current, country);
  }, [country]);

  const onCancel = () => {
    reads.current += 1;
    chosenFile.current = null;
    setStep({ name: 'idle' });
  };

  const onConfirm = async (preview: CsvImportPreview) => {
    const choices: ImportChoices = { defaultReason: reason.trim(), replaceReasons };
    reads.current += 1;
    chosenFile.current = null;
    setStep({ name: 'sending', progress: 0 });
    try {
      const size = await api.commit(preview, choices, (progress) =>
        setStep({ name: 'sending', progress }),
      );
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
          onFile(file);
        }}
      />

      {step.name === 'reading' && <Progress label={t('importReading')} value={step.progress} />}
      {step.name === 'sending' && <Progress label={t('importSending')} value={step.progress} />}
      {step.name === 'preview' && (
        <Preview
          fileName={chosenFile.current?.name ?? ''}
          preview={step.preview}
          reason={reason.trim()}
          language={language}
          replaceReasons={replaceReasons}
          onReplaceReasons={setReplaceReasons}
          onConfirm={() => void onConfirm(step.preview.csv)}
          onCancel={onCancel}
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
  fileName,
  preview,
  reason,
  language,
  replaceReasons,
  onReplaceReasons,
  onConfirm,
  onCancel,
}: {
  /** Name of the chosen file; the file input is cleared after each choice, so the preview names it. */
  fileName: string;
  preview: ImportPreview;
  reason: string;
  language: string;
  replaceReasons: boolean;
  onReplaceReasons: (replace: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const replaceId = useId();
  const { csv, listed, listedWithReason } = preview;
  const accepted = csv.accepted.length;
  const countryName = useMemo(
    () => new Intl.DisplayNames([language], { type: 'region' }).of(preview.country),
    [language, preview.country],
  );
  const needsReason = useMemo(
    () => csv.accepted.some((entry) => entry.reason === ''),
    [csv.accepted],
  );
  const reasonMissing = needsReason && reason === '';

  return (
    <div className="preview">
      <div role="status">
        {fileName !== '' && <p>{t('importFileName', fileName)}</p>}
        {accepted > 0 ? (
          <p>{tCount('importPreview', accepted - listed)}</p>
        ) : (
          <p>{t('importNothing')}</p>
        )}
        {csv.duplicates > 0 && <p>{tCount('importDuplicates', csv.duplicates)}</p>}
        {listed > 0 && (
          <p>{tCount(replaceReasons ? 'importListedReplace' : 'importListedKeep', listed)}</p>
        )}
        <p>{t('importCountryUsed', countryName ?? preview.country)}</p>
        {needsReason && (
          <p>{reasonMissing ? t('importReasonMissing') : t('importReasonUsed', reason)}</p>
        )}
      </div>
      {listedWithReason > 0 && (
        <label htmlFor={replaceId} className="inline">
          <input
            id={replaceId}
            type="checkbox"
            checked={replaceReasons}
            onChange={(event) => onReplaceReasons(event.target.checked)}
          />
          {tCount('importReplaceReasons', listedWithReason)}
        </label>
      )}
      <ProblemRows
        rows={csv.rejected}
        total={csv.rejected.length}
        titleKey="importRejectedTitle"
        moreKey="importMoreRejected"
      />
      <ProblemRows
        rows={csv.duplicateRows}
        total={csv.duplicates}
        titleKey="importDuplicatesTitle"
        moreKey="importMoreDuplicates"
      />
      <div className="actions">
        <button type="button" onClick={onConfirm} disabled={accepted === 0 || reasonMissing}>
          {accepted > listed
            ? tCount('importConfirm', accepted - listed)
            : t('importConfirmListed')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
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
