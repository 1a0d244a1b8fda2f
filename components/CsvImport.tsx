import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { t, tCount, type CountedMessage, type MessageKey } from '@/lib/i18n';
import { regionName } from '@/lib/locale-format';
import type { CsvImportPreview, CsvRejectedRow, TextEncodingChoice } from '@/lib/suppression/csv';
import {
  CsvFileError,
  LEGACY_ENCODINGS,
  legacyEncodingFor,
  type LegacyEncoding,
} from '@/lib/suppression/csv-encoding';
import type { ImportChoices, ListedCounts } from '@/lib/suppression/import-merge';
import { focusWhenShown } from './focus';

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
   * settings form, saved or not. Undefined means the saved one. `encoding`
   * chooses how to read a file that is not UTF-8.
   */
  parse(
    file: File,
    country: string | undefined,
    onProgress: (fraction: number) => void,
    encoding: TextEncodingChoice,
  ): Promise<ImportPreview>;
  commit(
    preview: CsvImportPreview,
    choices: ImportChoices,
    onProgress: (fraction: number) => void,
  ): Promise<number>;
}

/** Rows listed on screen in each table (rejected, duplicate); the rest are counted. */
const SHOWN_ROWS = 50;

const ENCODING_LABELS: Record<LegacyEncoding, MessageKey> = {
  gb18030: 'encoding_gb18030',
  big5: 'encoding_big5',
  shift_jis: 'encoding_shift_jis',
  'euc-kr': 'encoding_euc_kr',
  'windows-1252': 'encoding_windows_1252',
  'windows-1250': 'encoding_windows_1250',
  'windows-1251': 'encoding_windows_1251',
  'windows-1253': 'encoding_windows_1253',
  'windows-1254': 'encoding_windows_1254',
  'windows-1255': 'encoding_windows_1255',
  'windows-1256': 'encoding_windows_1256',
  'windows-1257': 'encoding_windows_1257',
  'windows-1258': 'encoding_windows_1258',
  'windows-874': 'encoding_windows_874',
};

type Step =
  | { name: 'idle' }
  | { name: 'reading'; progress: number }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'sending'; progress: number }
  | { name: 'done'; size: number }
  /** `message` is the whole text shown. */
  | { name: 'failed'; message: string };

/**
 * CSV import in two steps: the file is read and checked, the user sees what
 * will be imported and what was rejected, and only a confirmation changes the
 * list. Nothing is applied half-way. The reason field and the choice to
 * replace reasons are read at confirmation, so they may change while the
 * preview shows. A change of the default country reads the chosen file again,
 * so the preview, and what the import sends, always use the country on screen.
 * A file that is not UTF-8 is read in the legacy encoding of the UI language.
 * The preview names that encoding and shows the first rows as read, and
 * picking another encoding reads the file again.
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
  // The encoding picked for that file; undefined reads UTF-8, with the fallback.
  const pickedEncoding = useRef<string | undefined>(undefined);
  // Counts reads, so a read overtaken by a newer one (the country changed
  // while it ran) does not replace the newer preview.
  const reads = useRef(0);

  const read = async (chosen: File, readCountry: string | undefined) => {
    const current = ++reads.current;
    chosenFile.current = chosen;
    setStep({ name: 'reading', progress: 0 });
    const encoding: TextEncodingChoice = {
      encoding: pickedEncoding.current,
      fallbackEncoding: legacyEncodingFor(language),
    };
    try {
      const preview = await api.parse(
        chosen,
        readCountry,
        (progress) => {
          if (current === reads.current) setStep({ name: 'reading', progress });
        },
        encoding,
      );
      if (current === reads.current) setStep({ name: 'preview', preview });
    } catch (error) {
      if (current !== reads.current) return;
      chosenFile.current = null;
      setStep({ name: 'failed', message: readFailure(error) });
    }
  };

  const onFile = (chosen: File | undefined) => {
    if (!chosen) return;
    setReplaceReasons(false);
    pickedEncoding.current = undefined;
    void read(chosen, country);
  };

  const onEncoding = (encoding: string) => {
    if (!chosenFile.current) return;
    pickedEncoding.current = encoding;
    void read(chosenFile.current, country);
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
      setStep({ name: 'failed', message: t('importFailed', errorText(error)) });
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
          onEncoding={onEncoding}
          onConfirm={() => void onConfirm(step.preview.csv)}
          onCancel={onCancel}
        />
      )}
      {step.name === 'done' && (
        <p role="status" tabIndex={-1} ref={focusWhenShown}>
          {tCount('importDone', step.size)}
        </p>
      )}
      {step.name === 'failed' && (
        <p role="alert" className="error">
          {step.message}
        </p>
      )}
    </section>
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Returns the message for a file that could not be read. A workbook and a PDF get their own advice. */
function readFailure(error: unknown): string {
  if (error instanceof CsvFileError && error.problem === 'workbook') return t('importWorkbook');
  if (error instanceof CsvFileError && error.problem === 'pdf') return t('importPdf');
  return t('importFailed', errorText(error));
}

function encodingLabel(name: string): string {
  const key = ENCODING_LABELS[name as LegacyEncoding] as MessageKey | undefined;
  return key === undefined ? name : t(key);
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
  onEncoding,
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
  /** Reads the file again in the encoding picked. */
  onEncoding: (encoding: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const replaceId = useId();
  const { csv, listed, listedWithReason } = preview;
  const accepted = csv.accepted.length;
  const countryName = useMemo(
    () => regionName(preview.country, language),
    [language, preview.country],
  );
  const needsReason = useMemo(
    () => csv.accepted.some((entry) => entry.reason === ''),
    [csv.accepted],
  );
  const reasonMissing = needsReason && reason === '';
  // A UTF-8 file, with or without a byte order mark, gets no encoding line.
  const notUtf8 = csv.encoding.from === 'fallback' || csv.encoding.from === 'given';

  return (
    <div className="preview">
      <div role="status">
        {fileName !== '' && <p>{t('importFileName', fileName)}</p>}
        {notUtf8 && <p>{t('importEncodingUsed', encodingLabel(csv.encoding.name))}</p>}
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
      {notUtf8 && (
        <EncodingPicker encoding={csv.encoding.name} rows={csv.firstRows} onPick={onEncoding} />
      )}
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
        problemKey="importError"
      />
      <ProblemRows
        rows={csv.duplicateRows}
        total={csv.duplicates}
        titleKey="importDuplicatesTitle"
        moreKey="importMoreDuplicates"
        problemKey="importDuplicateNote"
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
 * Offers the legacy encodings for a file that is not UTF-8, with the first
 * rows as read, so the user can see whether the text came out right.
 */
function EncodingPicker({
  encoding,
  rows,
  onPick,
}: {
  encoding: string;
  rows: CsvImportPreview['firstRows'];
  onPick: (encoding: string) => void;
}) {
  const pickerId = useId();
  const rowsId = useId();

  return (
    <div className="encoding">
      <label htmlFor={pickerId}>{t('importEncodingLabel')}</label>
      <select id={pickerId} value={encoding} onChange={(event) => onPick(event.target.value)}>
        {LEGACY_ENCODINGS.map((name) => (
          <option key={name} value={name}>
            {encodingLabel(name)}
          </option>
        ))}
      </select>
      <p className="help">{t('importEncodingHint')}</p>
      {rows.length > 0 && (
        <>
          <p id={rowsId}>{t('importFirstRows')}</p>
          <table className="first-rows" aria-labelledby={rowsId}>
            <tbody>
              {rows.map((row) => (
                <tr key={row.line}>
                  <th scope="row">{row.line}</th>
                  {row.fields.map((field, index) => (
                    <td key={index}>{field}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/**
 * Lists the first rows of one kind (rejected or duplicate) with their line and
 * problem, under the column heading `problemKey`. `total` may exceed
 * `rows.length`, because the parser lists only the first duplicates.
 */
function ProblemRows({
  rows,
  total,
  titleKey,
  moreKey,
  problemKey,
}: {
  rows: readonly CsvRejectedRow[];
  total: number;
  titleKey: CountedMessage;
  moreKey: CountedMessage;
  problemKey: MessageKey;
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
            <th>{t(problemKey)}</th>
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
