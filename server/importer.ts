import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { normalizePhone, type CountryCode } from '../lib/phone/normalize.ts';
import type { Db } from './db.ts';
import type { SuppressionInput, SuppressionStore } from './suppressions.ts';

/** Header names (lower case) that mark the phone column, best match first. */
const PHONE_HEADERS = ['e164', 'phone', 'telephone', 'mobile', 'number', '电话', '手机'];
const MAX_REPORTED_REJECTS = 20;

export interface ImportOptions {
  reason: string;
  source?: string;
  country?: CountryCode;
  /** Rows per write transaction. */
  batchSize?: number;
  /** Called after each committed batch with bytes read so far and the file size. */
  onProgress?: (progress: { bytesRead: number; totalBytes: number; rows: number }) => void;
}

export interface ImportReport {
  rows: number;
  added: number;
  alreadyPresent: number;
  rejectedCount: number;
  /** The first rejected rows with 1-based line numbers. */
  rejected: Array<{ line: number; value: string; error: string }>;
}

/** Splits one CSV line; handles quoted fields with doubled quotes, not quoted line breaks. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);

  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

function detectDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = line.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Finds the phone column from the first line. Returns the column and whether
 * the first line is a header. A first line with no digit in its first cell
 * is taken as a header even when no name matches, and column 0 is used.
 */
export function detectPhoneColumn(cells: readonly string[]): { column: number; header: boolean } {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  for (const wanted of PHONE_HEADERS) {
    const exact = names.indexOf(wanted);
    if (exact >= 0) return { column: exact, header: true };
  }
  for (const wanted of PHONE_HEADERS) {
    const partial = names.findIndex((name) => name.includes(wanted) && !/\d/.test(name));
    if (partial >= 0) return { column: partial, header: true };
  }
  return { column: 0, header: !/\d/.test(names[0] ?? '') };
}

/**
 * Streams a CSV file line by line into the suppression list, committing a
 * transaction (and one audit event) per batch. Numbers already on the list
 * are counted, not changed.
 */
export async function importDncFile(
  db: Db,
  store: SuppressionStore,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const totalBytes = statSync(file).size;
  const batchSize = options.batchSize ?? 50_000;
  const source = options.source ?? `import:${basename(file)}`;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });

  const report: ImportReport = {
    rows: 0,
    added: 0,
    alreadyPresent: 0,
    rejectedCount: 0,
    rejected: [],
  };
  const reject = (line: number, value: string, error: string) => {
    report.rejectedCount += 1;
    if (report.rejected.length < MAX_REPORTED_REJECTS) report.rejected.push({ line, value, error });
  };

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
          reason: options.reason,
          source,
        }),
      )
      .immediate();
    report.added += result.added;
    report.alreadyPresent += result.alreadyPresent;
    options.onProgress?.({ bytesRead: stream.bytesRead, totalBytes, rows: report.rows });
  };

  let lineNumber = 0;
  let delimiter = ',';
  let column = 0;
  for await (const rawLine of lines) {
    lineNumber += 1;
    const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (line.trim() === '') continue;

    const cells =
      lineNumber === 1
        ? splitCsvLine(line, (delimiter = detectDelimiter(line)))
        : splitCsvLine(line, delimiter);
    if (lineNumber === 1) {
      const detected = detectPhoneColumn(cells);
      column = detected.column;
      if (detected.header) continue;
    }

    report.rows += 1;
    const value = (cells[column] ?? '').trim();
    if (value === '') {
      reject(lineNumber, value, 'phone column is empty');
      continue;
    }
    const normalized = normalizePhone(value, options.country);
    if (!normalized) {
      reject(
        lineNumber,
        value,
        options.country
          ? `not a valid phone number for ${options.country}`
          : 'not a valid phone number; pass --country for national formats',
      );
      continue;
    }

    batch.push({ e164: normalized.e164, reason: options.reason, source });
    if (batch.length >= batchSize) flush();
  }
  flush();
  return report;
}
