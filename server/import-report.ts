import type { CsvProblem } from '../lib/suppression/csv-entries.ts';
import { DEFAULT_IMPORT_REASON } from '../lib/suppression/entry-words.ts';
import { MAX_LISTED_REJECTS, type ImportReport } from './importer.ts';

/** Short English names of the problems, for the summary line and the rows of import-dnc. */
const PROBLEM_NAMES: Record<CsvProblem, string> = {
  quotes: 'malformed quotes',
  quotesUnclosed: 'unclosed quote',
  columns: 'wrong column count',
  empty: 'empty phone number',
  invalid: 'invalid phone number',
  invalidNational: 'national number without --country',
  scientific: 'number in scientific notation (a spreadsheet dropped digits)',
  notFlagged: 'not marked do-not-call in its flag column',
  textLine: 'a line of text, not a contact (report title, totals or footer)',
  addedAt: 'invalid added_at date',
  duplicate: 'duplicate',
};

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Formats the report that import-dnc prints: totals, the columns read, the repeated rows and the rejected rows. */
export function formatImportReport(file: string, report: ImportReport, seconds: number): string {
  const lines = [
    `Imported ${file}: ${formatCount(report.rows)} rows, ${formatCount(report.added)} added, ` +
      `${formatCount(report.alreadyPresent)} already on the list, ${formatCount(report.repeated)} repeated in the file, ` +
      `${formatCount(report.rejectedCount)} rejected (${seconds.toFixed(1)} s)`,
    describeColumns(report),
    ...describeEncoding(report),
    ...describeRepeated(report),
    ...describeDefaultReason(report),
  ];
  if (report.rejectedCount === 0) return `${lines.join('\n')}\n`;

  const byProblem = Object.entries(report.rejectedByProblem)
    .sort(([, a], [, b]) => b - a)
    .map(([problem, count]) => `${PROBLEM_NAMES[problem as CsvProblem]} (${formatCount(count)})`);
  lines.push(`Rejected rows by problem: ${byProblem.join(', ')}`);

  // JSON quoting shows a line break or quote inside a cell as \n or \".
  for (const row of report.rejected) {
    // The reader's own text speaks of a default country, which here is --country.
    const error = row.problem === 'invalidNational' ? PROBLEM_NAMES.invalidNational : row.error;
    lines.push(`  line ${row.line}: ${JSON.stringify(row.value)} (${error})`);
  }
  const unlisted = report.rejectedCount - report.rejected.length;
  if (unlisted > 0) lines.push(`  … and ${formatCount(unlisted)} more rejected rows`);

  if (report.rejectedByProblem.invalidNational !== undefined) {
    lines.push('Numbers without a country code need --country, for example --country GB.');
  }
  return `${lines.join('\n')}\n`;
}

/** Returns a line naming the encoding, unless the file was UTF-8 without a byte order mark. */
function describeEncoding(report: ImportReport): string[] {
  const { name, from } = report.encoding;
  if (from === 'given') return [`Text encoding: ${name} (from --encoding).`];
  if (from === 'bom') return [`Text encoding: ${name} (from the byte order mark).`];
  return [];
}

/** Says how many rows got the default reason because neither the row nor --reason gave one. */
function describeDefaultReason(report: ImportReport): string[] {
  if (report.defaultReasonRows === 0) return [];
  const rows =
    report.defaultReasonRows === 1
      ? '1 row had no reason and was'
      : `${formatCount(report.defaultReasonRows)} rows had no reason and were`;
  return [`${rows} stored with "${DEFAULT_IMPORT_REASON}"; give --reason to choose another.`];
}

/** Lists the rows that repeat an earlier row of the file, each with the line it repeats. */
function describeRepeated(report: ImportReport): string[] {
  if (report.repeated === 0) return [];

  const rows =
    report.repeated === 1 ? '1 repeated row' : `${formatCount(report.repeated)} repeated rows`;
  const listed =
    report.repeated > report.repeatedRows.length
      ? `first ${MAX_LISTED_REJECTS} listed with the line they repeat`
      : report.repeated === 1
        ? 'listed with the line it repeats'
        : 'listed with the line they repeat';
  const lines = [`${rows} in the file (${listed}):`];
  for (const row of report.repeatedRows) {
    lines.push(`  line ${row.line}: ${JSON.stringify(row.value)} (${row.error})`);
  }
  const unlisted = report.repeated - report.repeatedRows.length;
  if (unlisted > 0) lines.push(`  … and ${formatCount(unlisted)} more repeated rows`);
  return lines;
}

function describeColumns(report: ImportReport): string {
  if (!report.headerDetected) {
    const column = typeof report.phoneColumn === 'number' ? report.phoneColumn + 1 : 1;
    return `No header row found; phone numbers read from column ${column}.`;
  }

  const named = [`phone "${report.phoneColumn}"`];
  const { reason, source, addedAt, dncFlag } = report.optionalColumns;
  if (reason !== undefined) named.push(`reason "${reason}"`);
  if (source !== undefined) named.push(`source "${source}"`);
  if (addedAt !== undefined) named.push(`added at "${addedAt}" (checked, not stored)`);
  if (dncFlag !== undefined)
    named.push(`do-not-call flag "${dncFlag}" (rows marked false skipped)`);
  return `Columns: ${named.join(', ')}.`;
}
