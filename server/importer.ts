import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CountryCode } from '../lib/phone/normalize.ts';
import type { OptionalColumn } from '../lib/suppression/csv-columns.ts';
import { checkCsvBytes, type TextEncodingUsed } from '../lib/suppression/csv-encoding.ts';
import { DEFAULT_IMPORT_REASON, IMPORT_SOURCE_PREFIX } from '../lib/suppression/entry-words.ts';
import {
  readDncRows,
  type CsvProblem,
  type CsvRejectedRow,
} from '../lib/suppression/csv-entries.ts';
import type { Db } from './db.ts';
import type { SuppressionInput, SuppressionStore } from './suppressions.ts';

/** Rejected rows, and rows repeating an earlier row, listed in a report; the rest are only counted. */
export const MAX_LISTED_REJECTS = 100;

/** Bytes per read from the file, the same step as the reader takes through a Blob. */
const READ_BYTES = 1 << 20;

export interface ImportOptions {
  /** Reason for rows without a reason column or with an empty reason cell; defaults to `DEFAULT_IMPORT_REASON`. */
  reason?: string;
  /** Source for rows without a source column or with an empty source cell. Defaults to import:<file name>. */
  source?: string;
  country?: CountryCode;
  /** Rows per write transaction. */
  batchSize?: number;
  /** Called after each committed batch with bytes read so far and the file size. */
  onProgress?: (progress: { bytesRead: number; totalBytes: number; rows: number }) => void;
  /** WHATWG label of the file's encoding; without it the file must be UTF-8. A byte order mark wins. */
  encoding?: string;
  /**
   * Result of `checkCsvFile` for this file and `encoding`, when the caller
   * has run it already. Without it, the file is checked here first.
   */
  checked?: TextEncodingUsed;
}

export interface ImportReport {
  /** Data rows read, without the header and blank lines. */
  rows: number;
  added: number;
  /** Accepted rows that had no reason of their own and got the default reason, because no reason option was given. */
  defaultReasonRows: number;
  /** Rows whose number was on the list before the import. */
  alreadyPresent: number;
  /** Rows whose number an earlier row of the file already had. */
  repeated: number;
  /** The first `MAX_LISTED_REJECTS` repeated rows, each with the line of the row it repeats. */
  repeatedRows: CsvRejectedRow[];
  rejectedCount: number;
  /** Rejected rows counted by problem, in the codes the Options import uses. */
  rejectedByProblem: Partial<Record<CsvProblem, number>>;
  /** The first `MAX_LISTED_REJECTS` rejected rows, in file order. */
  rejected: CsvRejectedRow[];
  headerDetected: boolean;
  /** The header name of the phone column, or its 0-based index when there is no header. */
  phoneColumn: string | number;
  /** Header names of the reason, source and added-at columns that were found. */
  optionalColumns: Partial<Record<OptionalColumn, string>>;
  /** Encoding the file's bytes were read in. */
  encoding: TextEncodingUsed;
}

/**
 * Reads a file through once, before anything is imported, and returns the
 * encoding it will be read in. Throws `CsvFileError` for a workbook, and for a
 * file that is not UTF-8 when no other `encoding` is named. The import commits
 * a batch at a time, so a bad byte found while importing would leave the rows
 * before it on the list.
 */
export async function checkCsvFile(file: string, encoding?: string): Promise<TextEncodingUsed> {
  return checkCsvBytes(createReadStream(file, { highWaterMark: READ_BYTES }), encoding);
}

/**
 * Streams a CSV file into the suppression list, committing a transaction
 * (and one audit event) per batch. The file is read as the Options import
 * reads it (lib/suppression/csv-entries.ts), so both accept and reject the
 * same rows. A row's own reason and source win over `options.reason` and
 * `options.source`. Numbers already on the list keep their entry. Of a number
 * repeated in the file the first row counts, and the report lists the later
 * rows apart, each with the line it repeats. The file is checked with
 * `checkCsvFile` before the first batch, so a workbook or a file that is not
 * UTF-8 adds nothing.
 */
// NOTE: an added-at column is checked, and rows with an unreadable date are
// rejected as in the Options import, but the list stores the import time,
// because the feed gives each change's commit time as its addedAt.
export async function importDncFile(
  db: Db,
  store: SuppressionStore,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const checked = options.checked ?? (await checkCsvFile(file, options.encoding));
  const totalBytes = statSync(file).size;
  const batchSize = options.batchSize ?? 50_000;
  const source = options.source ?? `${IMPORT_SOURCE_PREFIX}${basename(file)}`;
  const reason = options.reason ?? DEFAULT_IMPORT_REASON;

  const report: ImportReport = {
    rows: 0,
    added: 0,
    defaultReasonRows: 0,
    alreadyPresent: 0,
    repeated: 0,
    repeatedRows: [],
    rejectedCount: 0,
    rejectedByProblem: {},
    rejected: [],
    headerDetected: false,
    phoneColumn: 0,
    optionalColumns: {},
    encoding: checked,
  };
  let fractionRead = 0;
  // The line of the row that brought each number. The key is the E.164 digits
  // as a number, exact because E.164 has 15 digits at most, and smaller than a
  // string key (an estimate: half), which matters at millions of rows.
  const firstLines = new Map<number, number>();

  let batch: SuppressionInput[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    const result = db
      .transaction(() =>
        store.addMany(entries, 'cli', {
          origin: 'import',
          file: basename(file),
          defaultReason: reason,
          defaultSource: source,
        }),
      )
      .immediate();
    report.added += result.added;
    report.alreadyPresent += result.alreadyPresent;
    options.onProgress?.({
      bytesRead: Math.round(fractionRead * totalBytes),
      totalBytes,
      rows: report.rows,
    });
  };

  const layout = await readDncRows(
    { chunks: createReadStream(file, { highWaterMark: READ_BYTES }), size: totalBytes },
    {
      defaultCountry: options.country,
      // Empty, so that rows without a reason can be counted below when no reason option was given.
      defaultReason: options.reason ?? '',
      source,
      encoding: options.encoding,
      onProgress: (fraction) => {
        fractionRead = fraction;
      },
    },
    {
      accept: (entry, line, value) => {
        report.rows += 1;
        const key = Number(entry.e164.slice(1));
        const firstLine = firstLines.get(key);
        if (firstLine !== undefined) {
          report.repeated += 1;
          if (report.repeatedRows.length < MAX_LISTED_REJECTS) {
            report.repeatedRows.push({
              line,
              value,
              error: `duplicate of line ${firstLine}`,
              problem: 'duplicate',
              details: [String(firstLine)],
            });
          }
          return;
        }
        firstLines.set(key, line);
        if (entry.reason === '') {
          report.defaultReasonRows += 1;
          batch.push({ ...entry, reason });
        } else {
          batch.push(entry);
        }
        if (batch.length >= batchSize) flush();
      },
      reject: (row) => {
        report.rows += 1;
        report.rejectedCount += 1;
        report.rejectedByProblem[row.problem] = (report.rejectedByProblem[row.problem] ?? 0) + 1;
        if (report.rejected.length < MAX_LISTED_REJECTS) report.rejected.push(row);
      },
    },
  );
  flush();

  report.headerDetected = layout.headerDetected;
  report.phoneColumn = layout.phoneColumn;
  report.optionalColumns = layout.optionalColumns;
  report.encoding = layout.encoding;
  return report;
}
