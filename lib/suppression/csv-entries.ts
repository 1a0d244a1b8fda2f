/**
 * Checks the rows of a DNC CSV one by one. It finds the header and the
 * columns, reads each phone number with the row's own reason, source and
 * added-at time, and names the problem of each row that cannot be imported.
 * The Options import and the server's import-dnc command both read files
 * here, so a file gives the same rows and rejected lines in either.
 */
import { z } from 'zod';

import { normalizePhone, type CountryCode } from '../phone/normalize.ts';
import { optionalColumnOf, phoneHeaderScore, type OptionalColumn } from './csv-columns.ts';
import type { TextEncodingUsed } from './csv-encoding.ts';
import { isBlank, readRows, type CsvInput, type ParsedRow } from './csv-rows.ts';
import type { SuppressionEntry } from './types.ts';

export interface CsvImportOptions {
  /** Country for numbers written in national format. */
  defaultCountry?: CountryCode;
  /** Reason for rows without a reason column or with an empty one. An empty string leaves it empty. */
  defaultReason: string;
  /** Source for rows without a source column or with an empty one. */
  source: string;
  /** Called with the share of the input read so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Added-at time for rows without one, in ms since the epoch; defaults to the current time. */
  now?: number;
  /**
   * WHATWG label of the encoding of a file's bytes. Without it a file is read
   * as UTF-8 and one that is not UTF-8 throws. A byte order mark wins over both.
   */
  encoding?: string;
}

/** Reason a row was rejected; the options page shows each in the user's language. */
export type CsvProblem =
  | 'quotes'
  | 'quotesUnclosed'
  | 'columns'
  | 'empty'
  | 'invalid'
  | 'invalidNational'
  | 'addedAt'
  | 'duplicate';

export interface CsvRejectedRow {
  /** 1-based line where the row starts. */
  line: number;
  /** The phone cell, or the start of the row when no phone cell could be read. */
  value: string;
  /** The reason in English, with papaparse's own words for malformed quotes. */
  error: string;
  problem: CsvProblem;
  /**
   * Values the problem's message names: expected and found column counts,
   * the date cell, or the line of the earlier row a duplicate repeats.
   */
  details?: string[];
}

/** Receives the rows of a file in file order. */
export interface CsvRowHandlers {
  /**
   * Takes a row that can be imported. `value` is the phone cell as written,
   * shortened like a rejected row's. Numbers that an earlier row already had
   * come here too.
   */
  accept: (entry: SuppressionEntry, line: number, value: string) => void;
  reject: (row: CsvRejectedRow) => void;
}

/** The columns a file was read with, and its row count. */
export interface CsvLayout {
  headerDetected: boolean;
  /** The header name of the phone column, or its 0-based index when there is no header. */
  phoneColumn: string | number;
  /** Header names of the reason, source and added-at columns that were found. */
  optionalColumns: Partial<Record<OptionalColumn, string>>;
  /** Data rows read, without the header and blank lines. */
  totalRows: number;
  /** Encoding the file's bytes were read in. */
  encoding: TextEncodingUsed;
  /** The first rows that are not blank, header included, with their cells as read. */
  firstRows: { line: number; fields: string[] }[];
}

const optionsSchema = z.object({
  defaultCountry: z.string().length(2).optional(),
  defaultReason: z.string(),
  source: z.string(),
  now: z.number().optional(),
  encoding: z.string().optional(),
});

/** Rows looked at to find the phone column of a file without a header. */
const SAMPLE_ROWS = 50;
/** Rows kept as read, so a user can tell whether the text was decoded right. */
const FIRST_ROWS = 3;
const MAX_VALUE_LENGTH = 120;

interface ColumnPlan {
  headerDetected: boolean;
  phoneIndex: number;
  phoneColumn: string | number;
  optional: Partial<Record<OptionalColumn, number>>;
  columnCount: number;
}

/**
 * Reads a DNC list from CSV text, a file or a byte stream and passes each
 * data row to `handlers.accept` or `handlers.reject`. The delimiter (comma,
 * semicolon, tab or pipe) and a header row are detected. A row's own reason
 * and source are used when the file has those columns and the cell is not
 * empty. Otherwise `options.defaultReason` and `options.source` are used.
 */
export async function readDncRows(
  input: CsvInput,
  options: CsvImportOptions,
  handlers: CsvRowHandlers,
): Promise<CsvLayout> {
  const settings = optionsSchema.parse(options);
  const defaultCountry = settings.defaultCountry as CountryCode | undefined;
  const now = settings.now ?? Date.now();

  const layout: CsvLayout = {
    headerDetected: false,
    phoneColumn: 0,
    optionalColumns: {},
    totalRows: 0,
    encoding: { name: 'utf-8', from: 'utf8' },
    firstRows: [],
  };
  // Rows of one list mostly repeat a reason and source; sharing one string saves memory at millions of rows.
  const shareReason = lastValueCache();
  const shareSource = lastValueCache();
  const sample: ParsedRow[] = [];
  let plan: ColumnPlan | null = null;

  const reject = (
    row: ParsedRow,
    value: string,
    error: string,
    problem: CsvProblem,
    details?: string[],
  ): void => {
    handlers.reject({
      line: row.line,
      value: shorten(value),
      error,
      problem,
      ...(details ? { details } : {}),
    });
  };

  const importRow = (row: ParsedRow, columns: ColumnPlan): void => {
    if (row.quoteError !== null) {
      layout.totalRows++;
      reject(row, row.fields.join(','), row.quoteError.text, row.quoteError.problem);
      return;
    }
    if (row.fields.length !== columns.columnCount) {
      layout.totalRows++;
      reject(
        row,
        row.fields.join(','),
        `wrong column count: expected ${columns.columnCount}, found ${row.fields.length}`,
        'columns',
        [String(columns.columnCount), String(row.fields.length)],
      );
      return;
    }

    layout.totalRows++;
    const raw = (row.fields[columns.phoneIndex] ?? '').trim();
    if (raw === '') {
      reject(row, raw, 'empty phone number', 'empty');
      return;
    }
    const phone = normalizePhone(raw, defaultCountry);
    if (phone === null) {
      const national = needsDefaultCountry(raw, defaultCountry);
      reject(
        row,
        raw,
        national
          ? 'invalid phone number (national numbers need a default country)'
          : 'invalid phone number',
        national ? 'invalidNational' : 'invalid',
      );
      return;
    }

    const addedAt = parseAddedAt(cell(row, columns.optional.addedAt), now);
    if (addedAt === null) {
      reject(
        row,
        raw,
        `invalid added_at date ${JSON.stringify(cell(row, columns.optional.addedAt))}`,
        'addedAt',
        [cell(row, columns.optional.addedAt)],
      );
      return;
    }
    handlers.accept(
      {
        e164: phone.e164,
        reason: shareReason(
          unescapeFormula(cell(row, columns.optional.reason)) || settings.defaultReason,
        ),
        source: shareSource(unescapeFormula(cell(row, columns.optional.source)) || settings.source),
        addedAt,
      },
      row.line,
      shorten(raw),
    );
  };

  const decide = (): void => {
    const decided = planColumns(sample, defaultCountry);
    plan = decided;
    layout.headerDetected = decided.headerDetected;
    layout.phoneColumn = decided.phoneColumn;
    const header = sample[0]?.fields ?? [];
    for (const [column, index] of Object.entries(decided.optional)) {
      layout.optionalColumns[column as OptionalColumn] = (header[index] ?? '').trim();
    }
    const rows = decided.headerDetected ? sample.slice(1) : sample;
    for (const row of rows) importRow(row, decided);
    sample.length = 0;
  };

  layout.encoding = await readRows(
    input,
    options.onProgress,
    (row) => {
      if (isBlank(row)) return;
      if (layout.firstRows.length < FIRST_ROWS) {
        layout.firstRows.push({ line: row.line, fields: row.fields.map(shorten) });
      }
      if (plan !== null) {
        importRow(row, plan);
        return;
      }
      sample.push(row);
      if (sample.length > SAMPLE_ROWS) decide();
    },
    settings.encoding,
  );
  if (plan === null && sample.length > 0) decide();

  return layout;
}
function lastValueCache(): (value: string) => string {
  let last = '';
  return (value) => {
    if (value !== last) last = value;
    return last;
  };
}

function cell(row: ParsedRow, index: number | undefined): string {
  return index === undefined ? '' : (row.fields[index] ?? '').trim();
}

function shorten(value: string): string {
  return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
}

/** Digits a value needs before a missing country is named as the reason it was rejected. */
const NATIONAL_MIN_DIGITS = 7;

/** Tells whether a number failed only because it is national and no default country is set. */
function needsDefaultCountry(raw: string, defaultCountry: CountryCode | undefined): boolean {
  return (
    defaultCountry === undefined &&
    !raw.startsWith('+') &&
    !raw.startsWith('00') &&
    (raw.match(/\d/g)?.length ?? 0) >= NATIONAL_MIN_DIGITS
  );
}

/** Returns ms since the epoch: an empty cell gives `now`, an unreadable one null. */
function parseAddedAt(value: string, now: number): number | null {
  if (value === '') return now;
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(time) ? time : null;
}

/** Removes the apostrophe `toDncCsv` puts before a cell that a spreadsheet would run as a formula. */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * Chooses the phone column. The first row is a header when none of its cells
 * is a valid number and one names a phone column. Without a header, the
 * phone column is the leftmost in which at least half of the sampled rows
 * hold a valid number, else the one with most valid numbers.
 */
function planColumns(
  sample: readonly ParsedRow[],
  defaultCountry: CountryCode | undefined,
): ColumnPlan {
  const first = sample[0];
  const columnCount = first?.fields.length ?? 1;
  const firstFields = first?.fields ?? [];
  const firstHasPhone = firstFields.some(
    (field) => normalizePhone(field.trim(), defaultCountry) !== null,
  );

  if (!firstHasPhone && first?.quoteError === null) {
    const scores: number[] = firstFields.map((field) => phoneHeaderScore(field));
    const best = Math.max(0, ...scores);
    if (best > 0) {
      const phoneIndex = scores.indexOf(best);
      const optional: Partial<Record<OptionalColumn, number>> = {};
      firstFields.forEach((field, index) => {
        const column = index === phoneIndex ? null : optionalColumnOf(field);
        if (column !== null && optional[column] === undefined) optional[column] = index;
      });
      return {
        headerDetected: true,
        phoneIndex,
        phoneColumn: firstFields[phoneIndex]!.trim(),
        optional,
        columnCount,
      };
    }
  }

  const validCounts = new Array<number>(columnCount).fill(0);
  for (const row of sample) {
    row.fields.slice(0, columnCount).forEach((field, index) => {
      if (normalizePhone(field.trim(), defaultCountry) !== null) validCounts[index]!++;
    });
  }
  const half = Math.max(1, Math.ceil(sample.length / 2));
  let phoneIndex = validCounts.findIndex((count) => count >= half);
  if (phoneIndex === -1) phoneIndex = validCounts.indexOf(Math.max(...validCounts));
  return { headerDetected: false, phoneIndex, phoneColumn: phoneIndex, optional: {}, columnCount };
}
