/**
 * Checks the rows of a DNC CSV one by one. It finds the header and the
 * columns, reads each phone number with the row's own reason, source and
 * added-at time, and names the problem of each row that cannot be imported.
 * The Options import and the server's import-dnc command both read files
 * here, so a file gives the same rows and rejected lines in either.
 */
import { z } from 'zod';

import { normalizePhone, type CountryCode } from '../phone/normalize.ts';
import { countDigits } from '../phone/chars.ts';
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
  | 'scientific'
  | 'notFlagged'
  | 'textLine'
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
  /** Further phone columns ("Mobile" beside "Phone"), read after the first on every row. */
  extraPhoneIndexes: number[];
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
  const dayFirst = !MONTH_FIRST_COUNTRIES.has(defaultCountry ?? 'US');

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
      // A report's totals and footer ("Grand Totals (4 records)") are one cell of words.
      if (row.fields.length === 1 && countDigits(row.fields[0] ?? '') < MIN_NUMBER_DIGITS) {
        reject(row, row.fields[0] ?? '', 'a line of text, not a contact', 'textLine');
        return;
      }
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
    const cells = [columns.phoneIndex, ...columns.extraPhoneIndexes].map((index) =>
      phoneCell(row.fields[index] ?? ''),
    );
    const raw = cells[0] ?? '';
    if (cells.every((value) => value === '')) {
      reject(row, raw, 'empty phone number', 'empty');
      return;
    }

    // A contact the file's own do-not-call column marks as not do-not-call did not ask.
    const flag = cell(row, columns.optional.dncFlag);
    if (NOT_FLAGGED.has(flag.toLowerCase())) {
      const column = layout.optionalColumns.dncFlag ?? '';
      reject(row, raw, `not marked do-not-call: ${column} is ${flag}`, 'notFlagged', [
        column,
        flag,
      ]);
      return;
    }

    const addedAt = parseAddedAt(cell(row, columns.optional.addedAt), now, dayFirst);
    if (addedAt === null) {
      reject(
        row,
        raw,
        `invalid added_at date ${JSON.stringify(cell(row, columns.optional.addedAt))}`,
        'addedAt',
        [cell(row, columns.optional.addedAt), layout.optionalColumns.addedAt ?? ''],
      );
      return;
    }
    const reason = shareReason(
      unescapeFormula(cell(row, columns.optional.reason)) || settings.defaultReason,
    );
    const source = shareSource(
      unescapeFormula(cell(row, columns.optional.source)) || settings.source,
    );

    // Each phone cell of the row is its own number; the same number twice in a row counts once.
    const seen = new Set<string>();
    for (const value of cells) {
      if (value === '') continue;
      const phones = numbersOfCell(value, defaultCountry);
      if (phones === null) {
        rejectNumber(row, value);
        continue;
      }
      for (const e164 of phones) {
        if (seen.has(e164)) continue;
        seen.add(e164);
        handlers.accept({ e164, reason, source, addedAt }, row.line, shorten(value));
      }
    }
  };

  const rejectNumber = (row: ParsedRow, value: string): void => {
    if (SCIENTIFIC_NUMBER.test(value)) {
      reject(row, value, 'number changed by a spreadsheet into scientific notation', 'scientific');
      return;
    }
    const national = needsDefaultCountry(value, defaultCountry);
    reject(
      row,
      value,
      national
        ? 'invalid phone number (national numbers need a default country)'
        : 'invalid phone number',
      national ? 'invalidNational' : 'invalid',
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

/**
 * Minimum digits of a phone number. A value with fewer is not named as a
 * national number that needs a country, and a line of one cell with fewer is
 * text, not a contact.
 */
const MIN_NUMBER_DIGITS = 7;

/** Tells whether a number failed only because it is national and no default country is set. */
function needsDefaultCountry(raw: string, defaultCountry: CountryCode | undefined): boolean {
  return (
    defaultCountry === undefined &&
    !raw.startsWith('+') &&
    !raw.startsWith('00') &&
    (raw.match(/\d/g)?.length ?? 0) >= MIN_NUMBER_DIGITS
  );
}

/** Values of a do-not-call column that mark a contact as not do-not-call. An empty cell is not one of them. */
const NOT_FLAGGED = new Set(['false', 'no', 'n', '0', 'off', '否', '假', '不是']);

/** A number a spreadsheet rewrote in scientific notation ("4.42079E+11"), its last digits lost. */
const SCIENTIFIC_NUMBER = /^[+-]?\d(?:[.,]\d+)?e\+?\d+$/i;
/** Separators between two numbers written in one cell ("202-555-0124 / 202-555-0125"). */
const NUMBER_SEPARATORS = /\s*(?:[/;|,]|\bor\b)\s*/i;

/**
 * Returns the E.164 keys of a phone cell: its number, or each of the
 * numbers it lists when the whole is no number and every part is one.
 * Returns null when neither reads.
 */
function numbersOfCell(value: string, country: CountryCode | undefined): string[] | null {
  const phone = normalizePhone(value, country);
  if (phone) return [phone.e164];
  const parts = value.split(NUMBER_SEPARATORS).filter((part) => part !== '');
  if (parts.length < 2) return null;
  const keys = parts.map((part) => normalizePhone(part, country)?.e164 ?? null);
  return keys.every((key) => key !== null) ? (keys as string[]) : null;
}

/** Countries that write dates month first: 03/04/2024 is 4 March there, 3 April elsewhere. */
const MONTH_FIRST_COUNTRIES = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'VI']);

/**
 * Returns ms since the epoch: an empty cell gives `now`, an unreadable one
 * null. A date written with dots is day first ("31.12.2023"). One written
 * with slashes or hyphens is month first where `dayFirst` is false, unless
 * its first part is over 12 ("14/03/2024"), and day first otherwise.
 */
function parseAddedAt(value: string, now: number, dayFirst: boolean): number | null {
  if (value === '') return now;
  if (/^\d+$/.test(value)) return Number(value);

  const match = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    value,
  );
  if (match) {
    const [, a, separator, b, year, hours, minutes, seconds] = match;
    const first = Number(a);
    const second = Number(b);
    const byDay = separator === '.' || first > 12 || (dayFirst && second <= 12);
    const day = byDay ? first : second;
    const month = byDay ? second : first;
    return localTime(year, String(month), String(day), hours, minutes, seconds);
  }
  // Date.parse reads "2024-03-15" as UTC midnight; like every other date
  // without a time here, it is the local day.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return localTime(iso[1], iso[2], iso[3]);
  const chinese = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u.exec(
    value,
  );
  if (chinese) {
    const [, year, month, day, hours, minutes, seconds] = chinese;
    return localTime(year, month, day, hours, minutes, seconds);
  }
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : null;
}

/** Returns the time of a local date and time given as digits, or null for a day the month lacks. */
function localTime(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hours = '0',
  minutes = '0',
  seconds = '0',
): number | null {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > 31) return null;
  const time = new Date(
    Number(year),
    monthNumber - 1,
    dayNumber,
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  return time.getDate() === dayNumber ? time.getTime() : null;
}

/**
 * Returns the number of a phone cell as tools write it: without Excel's
 * text marks (a leading apostrophe, `="…"`) and without a dial scheme
 * (`tel:`, `callto:`, `sip:`).
 */
function phoneCell(value: string): string {
  let text = value.trim();
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = formula[1] ?? '';
  if (text.startsWith("'")) text = text.slice(1);
  return text.replace(/^(?:tel|callto|sips?):(?:\/\/)?/i, '').trim();
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
    (field) => normalizePhone(phoneCell(field), defaultCountry) !== null,
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
      const extraPhoneIndexes = scores
        .map((score, index) => (score === 2 && index !== phoneIndex ? index : -1))
        .filter((index) => index >= 0 && containsNumbers(sample.slice(1), index, defaultCountry));
      return {
        headerDetected: true,
        phoneIndex,
        extraPhoneIndexes,
        phoneColumn: firstFields[phoneIndex]!.trim(),
        optional,
        columnCount,
      };
    }
  }

  const validCounts = new Array<number>(columnCount).fill(0);
  for (const row of sample) {
    row.fields.slice(0, columnCount).forEach((field, index) => {
      if (normalizePhone(phoneCell(field), defaultCountry) !== null) validCounts[index]!++;
    });
  }
  const half = Math.max(1, Math.ceil(sample.length / 2));
  let phoneIndex = validCounts.findIndex((count) => count >= half);
  if (phoneIndex === -1) phoneIndex = validCounts.indexOf(Math.max(...validCounts));
  const extraPhoneIndexes = validCounts
    .map((count, index) => (count >= half && index !== phoneIndex ? index : -1))
    .filter((index) => index >= 0);
  return {
    headerDetected: false,
    phoneIndex,
    extraPhoneIndexes,
    phoneColumn: phoneIndex,
    optional: {},
    columnCount,
  };
}

/**
 * Tells whether a further phone column of the sampled rows contains numbers:
 * at least one valid number, and no more other values than numbers. So a
 * "Phone type" column of words is not read as numbers.
 */
function containsNumbers(
  rows: readonly ParsedRow[],
  index: number,
  defaultCountry: CountryCode | undefined,
): boolean {
  let valid = 0;
  let other = 0;
  for (const row of rows) {
    const value = phoneCell(row.fields[index] ?? '');
    if (value === '') continue;
    if (normalizePhone(value, defaultCountry) === null) other++;
    else valid++;
  }
  return valid > 0 && valid >= other;
}
