import { CsvFileError, type TextEncodingUsed } from './csv-encoding.ts';
import {
  readDncRows,
  type CsvImportOptions,
  type CsvLayout,
  type CsvRejectedRow,
} from './csv-entries.ts';
import type { SuppressionEntry } from './types.ts';

export { toDncCsv, toDncCsvBlob, toDncCsvChunks } from './csv-export.ts';
export type { CsvImportOptions, CsvProblem, CsvRejectedRow } from './csv-entries.ts';

export interface CsvImportPreview {
  accepted: SuppressionEntry[];
  /** Rows whose number an earlier row of the file already had. */
  duplicates: number;
  /** The first `MAX_LISTED_DUPLICATES` of those rows, each with the line of the row it repeats. */
  duplicateRows: CsvRejectedRow[];
  rejected: CsvRejectedRow[];
  headerDetected: boolean;
  /** The header name of the phone column, or its 0-based index when there is no header. */
  phoneColumn: string | number;
  /** Data rows read, without the header and blank lines. */
  totalRows: number;
  /** Encoding the file's bytes were read in. */
  encoding: TextEncodingUsed;
  /** The first rows that are not blank, header included, as read. */
  firstRows: CsvLayout['firstRows'];
}

/**
 * Choice of encoding for a file's bytes. `encoding` is the one the user
 * picked. Without it, a file that is not UTF-8 is read in `fallbackEncoding`,
 * or throws `CsvFileError` when there is none.
 */
export interface TextEncodingChoice {
  encoding?: string;
  fallbackEncoding?: string;
}

/**
 * Duplicate rows listed in a preview; the rest are only counted. A merged list
 * can repeat a million numbers, and each listed row takes an estimated 200 to
 * 250 bytes of heap.
 */
export const MAX_LISTED_DUPLICATES = 1000;

/**
 * Reads a DNC list from CSV text or a file and reports what importing it
 * would do, changing nothing. The delimiter (comma, semicolon, tab or pipe) and a
 * header row are detected. Every row that cannot be imported is listed with
 * its line and the reason.
 */
export async function parseDncCsv(
  input: string | Blob,
  options: CsvImportOptions & TextEncodingChoice,
): Promise<CsvImportPreview> {
  const { fallbackEncoding, ...readOptions } = options;
  try {
    return await previewOf(input, readOptions);
  } catch (error) {
    const notUtf8 = error instanceof CsvFileError && error.problem === 'notUtf8';
    if (!notUtf8 || fallbackEncoding === undefined || options.encoding !== undefined) throw error;
  }
  const preview = await previewOf(input, { ...readOptions, encoding: fallbackEncoding });
  return { ...preview, encoding: { name: preview.encoding.name, from: 'fallback' } };
}

async function previewOf(
  input: string | Blob,
  options: CsvImportOptions,
): Promise<CsvImportPreview> {
  const accepted: SuppressionEntry[] = [];
  const rejected: CsvRejectedRow[] = [];
  const duplicateRows: CsvRejectedRow[] = [];
  let duplicates = 0;
  // The line of the row that added each number, so a duplicate can name it.
  const firstLines = new Map<string, number>();

  const layout = await readDncRows(input, options, {
    accept: (entry, line, value) => {
      const firstLine = firstLines.get(entry.e164);
      if (firstLine === undefined) {
        firstLines.set(entry.e164, line);
        accepted.push(entry);
        return;
      }
      duplicates++;
      if (duplicateRows.length < MAX_LISTED_DUPLICATES) {
        duplicateRows.push({
          line,
          value,
          error: `duplicate of line ${firstLine}`,
          problem: 'duplicate',
          details: [String(firstLine)],
        });
      }
    },
    reject: (row) => rejected.push(row),
  });

  return {
    accepted,
    duplicates,
    duplicateRows,
    rejected,
    headerDetected: layout.headerDetected,
    phoneColumn: layout.phoneColumn,
    totalRows: layout.totalRows,
    encoding: layout.encoding,
    firstRows: layout.firstRows,
  };
}
