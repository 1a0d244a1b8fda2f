import type { SuppressionEntry } from './types.ts';

const HEADER = 'phone,reason,source,added_at';
const ROWS_PER_CHUNK = 10_000;
/**
 * Excel reads a CSV file without a byte order mark in the system's legacy
 * code page, which garbles Chinese and other non-Latin reasons.
 */
export const UTF8_BOM = '\uFEFF';

/** Builds the CSV of `toDncCsv` as a UTF-8 file with a byte order mark, for download. */
export function toDncCsvBlob(entries: Iterable<SuppressionEntry>): Blob {
  return new Blob([UTF8_BOM, ...toDncCsvChunks(entries)], { type: 'text/csv;charset=utf-8' });
}

/**
 * Writes entries as CSV with the header `phone,reason,source,added_at`, CRLF
 * line ends and ISO 8601 UTC dates. For millions of entries prefer
 * `toDncCsvChunks`, which never builds the whole text as one string.
 */
export function toDncCsv(entries: Iterable<SuppressionEntry>): string {
  return Array.from(toDncCsvChunks(entries)).join('');
}

/** Yields the CSV of `toDncCsv` in pieces of up to 10,000 rows, e.g. as Blob parts. */
export function* toDncCsvChunks(entries: Iterable<SuppressionEntry>): Generator<string> {
  let rows = [HEADER];
  for (const entry of entries) {
    rows.push(
      [
        // E.164 starts with "+" but is a number, not a formula, so it stays as it is.
        entry.e164,
        quoteCell(neutraliseFormula(entry.reason)),
        quoteCell(neutraliseFormula(entry.source)),
        new Date(entry.addedAt).toISOString(),
      ].join(','),
    );
    if (rows.length === ROWS_PER_CHUNK) {
      yield `${rows.join('\r\n')}\r\n`;
      rows = [];
    }
  }
  if (rows.length > 0) yield `${rows.join('\r\n')}\r\n`;
}

/**
 * Prefixes an apostrophe to free text a spreadsheet would run as a formula
 * (leading =, +, -, @, tab or carriage return); `parseDncCsv` removes it.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Quotes a field as RFC 4180 requires: when it contains a comma, quote or line break. */
function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
