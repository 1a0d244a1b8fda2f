import Papa from 'papaparse';

/** Text read per step, so a large file is never held in memory whole or twice. */
const CHUNK_BYTES = 1 << 20;

/** Quote errors of a row, described in English, and whether the rest of the file went into it. */
interface QuoteError {
  text: string;
  swallowed: boolean;
}

export interface ParsedRow {
  fields: string[];
  line: number;
  quoteError: QuoteError | null;
}

export function isBlank(row: ParsedRow): boolean {
  return row.quoteError === null && row.fields.every((field) => field.trim() === '');
}

/**
 * Streams `input` through papaparse chunk by chunk and calls `onRow` for each
 * row with the line it starts on. papaparse reads any object with
 * `readable`, `read`, `on` and `removeListener` as a stream, which lets
 * strings and Blobs share one path without a browser or Node stream API.
 */
export function readRows(
  input: string | Blob,
  onProgress: ((fraction: number) => void) | undefined,
  onRow: (row: ParsedRow) => void,
): Promise<void> {
  const listeners = new Map<string, (value?: unknown) => void>();
  const stream = {
    readable: true,
    read: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    on(event: string, listener: (value?: unknown) => void) {
      listeners.set(event, listener);
    },
    removeListener(event: string) {
      listeners.delete(event);
    },
  };

  let line = 1;
  return new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter: guessDelimiter,
      skipEmptyLines: false,
      step(result) {
        const fields = result.data;
        onRow({ fields, line, quoteError: describeQuoteErrors(result.errors) });
        line += 1 + countLineBreaks(fields, result.meta.linebreak);
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });

    void (async () => {
      try {
        for await (const { text, fraction } of textChunks(input)) {
          listeners.get('data')?.(text);
          onProgress?.(fraction);
        }
        listeners.get('end')?.();
        onProgress?.(1);
      } catch (error) {
        const listener = listeners.get('error');
        if (listener) listener(error);
        else reject(error);
      }
    })();
  });
}

/**
 * Picks comma, semicolon or tab from the start of the input. papaparse's own
 * guess counts a trailing blank line as a row with one field, which fails
 * two-column files, so here it runs with blank lines skipped.
 */
function guessDelimiter(input: string): string {
  const sample = input.slice(0, 64 * 1024);
  const result = Papa.parse<string[]>(sample, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    preview: 20,
  });
  return result.meta.delimiter;
}

function describeQuoteErrors(errors: readonly Papa.ParseError[]): QuoteError | null {
  const quoteErrors = errors.filter((error) => error.type === 'Quotes');
  if (quoteErrors.length === 0) return null;

  const messages = quoteErrors.map((error) => error.message.toLowerCase()).join('; ');
  // papaparse keeps reading an unterminated quoted field to the end of the input.
  const swallowed = quoteErrors.some((error) => error.code === 'MissingQuotes');
  const text = swallowed
    ? `malformed quotes: ${messages}; the rest of the file was read into this row`
    : `malformed quotes: ${messages}`;
  return { text, swallowed };
}

function countLineBreaks(fields: readonly string[], linebreak: string): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf(linebreak); at !== -1; at = field.indexOf(linebreak, at + 1))
      count++;
  }
  return count;
}

/** Yields the text in pieces with the share of the input read; a leading byte order mark is dropped. */
async function* textChunks(
  input: string | Blob,
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

  // TextDecoder keeps a UTF-8 sequence split between slices and drops the BOM.
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < input.size; start += CHUNK_BYTES) {
    const end = Math.min(input.size, start + CHUNK_BYTES);
    const bytes = await input.slice(start, end).arrayBuffer();
    yield { text: decoder.decode(bytes, { stream: end < input.size }), fraction: end / input.size };
  }
}
