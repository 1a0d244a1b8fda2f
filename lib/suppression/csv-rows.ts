/**
 * Splits CSV text into rows with the line each starts on. papaparse reads the
 * cells, but this module decides where a row ends. papaparse 5.7 reads an
 * unclosed quote on to a later quote that can close it, or to the end of the
 * file, so one cell swallows the rows in between. Here a row whose quoted
 * field is not closed properly is rejected alone, and the lines after it are
 * read as rows of their own.
 */
import Papa from 'papaparse';

import { CsvDecoder, type TextEncodingUsed } from './csv-encoding.ts';

/** Text read per step, so a large file is never held in memory whole or twice. */
const CHUNK_BYTES = 1 << 20;

/**
 * Lines one quoted field may span. A field still open after that many lines
 * is taken as an unclosed quote, which bounds the lines held for one row.
 */
// NOTE: a real quoted note longer than this is rejected at its first line,
// and its other lines are read as rows.
export const MAX_QUOTED_LINES = 100;

const UNCLOSED_QUOTE = 'unclosed quote: no valid closing quote for the field opened in this line';

/** A row's quote problem, with the reason in English. */
export interface QuoteError {
  problem: 'quotes' | 'quotesUnclosed';
  text: string;
}

export interface ParsedRow {
  /** The cells, or for a row with a quote error, its first line as written. */
  fields: string[];
  /** 1-based line where the row starts. */
  line: number;
  quoteError: QuoteError | null;
}

/**
 * The bytes of a file read in order, such as a Node file stream. The reader
 * takes each chunk as it comes, so the whole input is never in memory at once.
 */
export interface ByteSource {
  chunks: AsyncIterable<Uint8Array>;
  /** Total bytes, for the share of the input read; 0 when unknown. */
  size: number;
}

export type CsvInput = string | Blob | ByteSource;

export function isBlank(row: ParsedRow): boolean {
  return row.quoteError === null && row.fields.every((field) => field.trim() === '');
}

/**
 * Reads `input` chunk by chunk and calls `onRow` for each row, blank ones
 * included. The delimiter (comma, semicolon, tab or pipe) and the line break are
 * guessed from the first chunk. Bytes are read as `CsvDecoder` reads them, in
 * `encoding` or UTF-8, so a file that is not UTF-8 or is a workbook throws
 * `CsvFileError`. Returns the encoding used.
 */
export async function readRows(
  input: CsvInput,
  onProgress: ((fraction: number) => void) | undefined,
  onRow: (row: ParsedRow) => void,
  encoding?: string,
): Promise<TextEncodingUsed> {
  let reader: RowReader | null = null;
  let line = 0;
  // The text after the last line break read so far.
  let partial = '';
  const decoder = new CsvDecoder(encoding);

  for await (const { text, fraction } of textChunks(input, decoder)) {
    reader ??= new RowReader(guessDelimiter(text), guessLineBreak(text), onRow);
    const lines = (partial + text).split(reader.lineBreak);
    partial = lines.pop() ?? '';
    for (const raw of lines) reader.push(raw, ++line);
    onProgress?.(fraction);
  }

  if (reader !== null) {
    if (partial !== '') reader.push(partial, ++line);
    reader.end();
  }
  onProgress?.(1);
  return decoder.used ?? { name: 'utf-8', from: 'utf8' };
}

/**
 * Groups lines into rows. A row spans several lines only when a quoted field
 * closes properly on a later line and the row then parses without error into
 * as many cells as the first row. Otherwise its first line is rejected as an
 * unclosed quote, and reading starts again on the next line.
 */
// NOTE: an unclosed quote that a later quote at a line end closes, in a row
// with the right cell count, is valid CSV, so the lines between stay in its cell.
class RowReader {
  /** Lines, as split, of a row whose quoted field is still open. */
  private openLines: string[] = [];
  private openLine = 0;
  /** Cells of the first non-blank row, as the column plan counts them. */
  private columnCount: number | null = null;

  /**
   * papaparse's low-level parser, reused for every row. `Papa.parse` sets one
   * up on each call, which about doubles the time per row with quotes.
   */
  private readonly parser: Papa.Parser;

  constructor(
    private readonly delimiter: string,
    readonly lineBreak: '\n' | '\r',
    private readonly onRow: (row: ParsedRow) => void,
  ) {
    this.parser = new Papa.Parser({ delimiter, newline: '\n' });
  }

  /** Takes the next line, split off at `lineBreak`. */
  push(raw: string, line: number): void {
    const text = this.withoutCarriageReturn(raw);

    if (this.openLines.length === 0) {
      const scan = scanQuotes(text, this.delimiter, false);
      if (!scan.open) {
        this.emit(this.parseLine(text, line));
      } else if (scan.malformed) {
        this.emit(unclosedRow(text, line));
      } else {
        this.openLines = [raw];
        this.openLine = line;
      }
      return;
    }

    this.openLines.push(raw);
    const scan = scanQuotes(text, this.delimiter, true);
    if (scan.malformed || (scan.open && this.openLines.length > MAX_QUOTED_LINES)) {
      this.rejectOpenRow();
      return;
    }
    if (scan.open) return;

    const cells = this.parseCells(this.withoutCarriageReturn(this.openLines.join(this.lineBreak)));
    const columnsMatch = this.columnCount === null || cells?.fields.length === this.columnCount;
    if (cells === null || cells.errors.length > 0 || !columnsMatch) {
      this.rejectOpenRow();
      return;
    }
    this.openLines = [];
    this.emit({ fields: cells.fields, line: this.openLine, quoteError: null });
  }

  /** Rejects the field still open at the end of the input, reading its other lines again. */
  end(): void {
    while (this.openLines.length > 0) this.rejectOpenRow();
  }

  /** Rejects the first line of the open row and reads the lines after it as new rows. */
  private rejectOpenRow(): void {
    const [first = '', ...rest] = this.openLines;
    const firstLine = this.openLine;
    this.openLines = [];

    this.emit(unclosedRow(this.withoutCarriageReturn(first), firstLine));
    rest.forEach((raw, index) => this.push(raw, firstLine + 1 + index));
  }

  /** Reads one line that is a whole row. */
  private parseLine(text: string, line: number): ParsedRow {
    // Without quotes, papaparse's cells are exactly the pieces between delimiters.
    if (!text.includes('"')) return { fields: text.split(this.delimiter), line, quoteError: null };

    const cells = this.parseCells(text);
    if (cells === null) return unclosedRow(text, line);
    if (cells.errors.length === 0) return { fields: cells.fields, line, quoteError: null };

    const messages = cells.errors.map((error) => error.message.toLowerCase()).join('; ');
    return {
      fields: [text],
      line,
      quoteError: { problem: 'quotes', text: `malformed quotes: ${messages}` },
    };
  }

  /** Parses the text of one row. Returns null when papaparse reads it as more than one row. */
  private parseCells(text: string): { fields: string[]; errors: Papa.ParseError[] } | null {
    // The added line break ends the last field as in the file, where papaparse
    // accepts white space after a closing quote. It also adds an empty row.
    const result = this.parser.parse(`${text}\n`, 0, false) as Papa.ParseResult<string[]>;
    const fields = result.data[0];
    if (result.data.length !== 2 || fields === undefined) return null;
    return { fields, errors: result.errors.filter((error) => error.type === 'Quotes') };
  }

  private emit(row: ParsedRow): void {
    if (this.columnCount === null && !isBlank(row)) this.columnCount = row.fields.length;
    this.onRow(row);
  }

  /** Drops the CR of a CRLF line break; a field's inner line breaks keep theirs. */
  private withoutCarriageReturn(text: string): string {
    return this.lineBreak === '\n' && text.endsWith('\r') ? text.slice(0, -1) : text;
  }
}

/**
 * Follows the quotes of one line as papaparse reads them. A quote opens a
 * field only as its first character, and `""` is a quote inside a quoted
 * field. A quote closes the field when only white space comes between it and
 * the next delimiter or the end of the line. Any other quote inside a quoted
 * field is malformed. Returns whether a quoted field is still open at the end.
 */
function scanQuotes(
  text: string,
  delimiter: string,
  startsInQuotes: boolean,
): { open: boolean; malformed: boolean } {
  let inQuotes = startsInQuotes;
  let malformed = false;
  let at = 0;

  for (;;) {
    if (!inQuotes) {
      // `at` is the start of a field.
      if (text[at] === '"') {
        inQuotes = true;
        at++;
        continue;
      }
      const nextDelimiter = text.indexOf(delimiter, at);
      if (nextDelimiter === -1) return { open: false, malformed };
      at = nextDelimiter + delimiter.length;
      continue;
    }

    const quote = text.indexOf('"', at);
    if (quote === -1) return { open: true, malformed };
    if (text[quote + 1] === '"') {
      at = quote + 2;
      continue;
    }
    const nextDelimiter = text.indexOf(delimiter, quote + 1);
    const end = nextDelimiter === -1 ? text.length : nextDelimiter;
    if (text.slice(quote + 1, end).trim() === '') {
      if (nextDelimiter === -1) return { open: false, malformed };
      inQuotes = false;
      at = nextDelimiter + delimiter.length;
      continue;
    }
    malformed = true;
    at = quote + 1;
  }
}

function unclosedRow(text: string, line: number): ParsedRow {
  return { fields: [text], line, quoteError: { problem: 'quotesUnclosed', text: UNCLOSED_QUOTE } };
}

/**
 * Picks comma, semicolon, tab or pipe from the start of the input. papaparse's own
 * guess counts a trailing blank line as a row with one field, which fails
 * two-column files, so here it runs with blank lines skipped.
 */
function guessDelimiter(input: string): string {
  const sample = input.slice(0, 64 * 1024);
  const guess = guessDelimiterOf(sample);
  if (guess !== null || !sample.includes('"')) return guess ?? ',';

  // An unclosed quote makes papaparse read the rest of the sample as one
  // field, so no delimiter gives a steady column count. Lines without quotes
  // still do.
  const lines = sample.split(/\r\n|\n|\r/).filter((line) => !line.includes('"'));
  return guessDelimiterOf(lines.join('\n')) ?? ',';
}

function guessDelimiterOf(sample: string): string | null {
  const result = Papa.parse<string[]>(sample, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    preview: 20,
  });
  const undetected = result.errors.some((error) => error.code === 'UndetectableDelimiter');
  return undetected ? null : result.meta.delimiter;
}

/** Picks LF, which also splits CRLF (the reader drops the CR), or CR for a file with CR alone. */
function guessLineBreak(input: string): '\n' | '\r' {
  return !input.includes('\n') && input.includes('\r') ? '\r' : '\n';
}

/** Yields the text in pieces with the share of the input read; a leading byte order mark is dropped. */
async function* textChunks(
  input: CsvInput,
  decoder: CsvDecoder,
): AsyncGenerator<{ text: string; fraction: number }> {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    for (let start = 0; start < text.length; start += CHUNK_BYTES) {
      const end = Math.min(text.length, start + CHUNK_BYTES);
      yield { text: text.slice(start, end), fraction: end / text.length };
      // A macrotask between chunks lets a page repaint its progress bar.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return;
  }

  // The decoder keeps a character split between slices and drops the BOM.
  if ('chunks' in input) {
    // Small chunks are joined into pieces of at least CHUNK_BYTES characters,
    // because the delimiter is guessed from the first piece.
    let text = '';
    let bytesRead = 0;
    for await (const bytes of input.chunks) {
      text += decoder.decode(bytes, true);
      bytesRead += bytes.byteLength;
      if (text.length >= CHUNK_BYTES) {
        yield { text, fraction: input.size > 0 ? Math.min(1, bytesRead / input.size) : 0 };
        text = '';
      }
    }
    text += decoder.end();
    if (text !== '') yield { text, fraction: 1 };
    return;
  }

  for (let start = 0; start < input.size; start += CHUNK_BYTES) {
    const end = Math.min(input.size, start + CHUNK_BYTES);
    const bytes = new Uint8Array(await input.slice(start, end).arrayBuffer());
    yield { text: decoder.decode(bytes, end < input.size), fraction: end / input.size };
  }
}
