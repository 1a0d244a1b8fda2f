/**
 * Finds how the bytes of a CSV file are written. A file is read as UTF-8
 * unless a byte order mark names UTF-8 or UTF-16, or the caller names another
 * encoding. Bytes that are not valid UTF-8 stop the reading instead of turning
 * into replacement characters: Excel's plain "CSV" type saves in the Windows
 * code page (GBK on Chinese Windows), and its Chinese reasons would be lost
 * without a word. A spreadsheet workbook is rejected by its signature.
 */

/**
 * Encodings offered for a file that is not UTF-8: the code pages Excel's plain
 * "CSV" type saves in on Windows set to Chinese, Japanese, Korean, Western
 * and Central European, Cyrillic, Greek, Turkish, Hebrew, Arabic, Baltic,
 * Vietnamese or Thai.
 */
export const LEGACY_ENCODINGS = [
  'gb18030',
  'big5',
  'shift_jis',
  'euc-kr',
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'windows-874',
] as const;

export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

/**
 * The Windows code page of each language whose script is not written in
 * Windows-1252, by the language's default script (Intl.Locale maximize()).
 * Keys are "language" or "language-Script"; the second wins.
 */
const CODE_PAGES: Readonly<Record<string, LegacyEncoding>> = {
  pl: 'windows-1250',
  cs: 'windows-1250',
  sk: 'windows-1250',
  hu: 'windows-1250',
  ro: 'windows-1250',
  hr: 'windows-1250',
  sl: 'windows-1250',
  bs: 'windows-1250',
  sq: 'windows-1250',
  'sr-Latn': 'windows-1250',
  ru: 'windows-1251',
  uk: 'windows-1251',
  be: 'windows-1251',
  bg: 'windows-1251',
  mk: 'windows-1251',
  kk: 'windows-1251',
  'sr-Cyrl': 'windows-1251',
  el: 'windows-1253',
  tr: 'windows-1254',
  az: 'windows-1254',
  he: 'windows-1255',
  ar: 'windows-1256',
  fa: 'windows-1256',
  ur: 'windows-1256',
  lt: 'windows-1257',
  lv: 'windows-1257',
  et: 'windows-1257',
  vi: 'windows-1258',
  th: 'windows-874',
};

export type CsvFileProblem = 'workbook' | 'pdf' | 'notUtf8';

/** Error for a file the import does not read, with the problem in English. */
export class CsvFileError extends Error {
  constructor(readonly problem: CsvFileProblem) {
    super(
      problem === 'workbook'
        ? 'this is a spreadsheet workbook, not a CSV: save it as CSV UTF-8'
        : problem === 'pdf'
          ? 'this is a PDF, not a CSV: export the list as CSV UTF-8'
          : 'the file is not UTF-8 text',
    );
    this.name = 'CsvFileError';
  }
}

/** Encoding a file was read in, and the reason for it. */
export interface TextEncodingUsed {
  /** WHATWG name, such as "utf-8", "utf-16le" or "gb18030". */
  name: string;
  /**
   * Source of the name. `utf8`: no byte order mark, and every byte is valid
   * UTF-8 (a string input counts as this too). `bom`: a byte order mark.
   * `given`: the caller named it. `fallback`: the file was not UTF-8, so the
   * caller's fallback encoding was used.
   */
  from: 'utf8' | 'bom' | 'given' | 'fallback';
}

/** Bytes needed to recognise a byte order mark, a workbook or a PDF. */
const HEAD_BYTES = 4;

const BYTE_ORDER_MARKS: readonly (readonly [string, readonly number[]])[] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** The start of a PDF file, "%PDF". */
const PDF_SIGNATURE: readonly number[] = [0x25, 0x50, 0x44, 0x46];

/** The start of a ZIP archive (.xlsx, .ods) and of an OLE compound file (.xls). */
const WORKBOOK_SIGNATURES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/**
 * Picks the legacy encoding a file from a user of `language` (a BCP 47 tag,
 * such as the browser's UI language) is most likely saved in.
 */
export function legacyEncodingFor(language: string): LegacyEncoding {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(language).maximize();
  } catch {
    return 'windows-1252';
  }
  switch (locale.language) {
    case 'zh':
      return locale.script === 'Hant' ? 'big5' : 'gb18030';
    case 'ja':
      return 'shift_jis';
    case 'ko':
      return 'euc-kr';
    default:
      return (
        CODE_PAGES[`${locale.language}-${locale.script ?? ''}`] ??
        CODE_PAGES[locale.language] ??
        'windows-1252'
      );
  }
}

/** Returns the WHATWG name of an encoding label TextDecoder accepts, or null. */
export function encodingName(label: string): string | null {
  if (label.trim() === '') return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * Turns the bytes of a file into text, piece by piece. The first bytes decide
 * the encoding: a workbook signature is rejected, a byte order mark names the
 * encoding, and otherwise `encoding` is used, or UTF-8 when it is undefined.
 * UTF-8 is checked strictly: a byte that is not valid UTF-8 throws.
 */
export class CsvDecoder {
  /** The encoding in use, once the first bytes have come. */
  used: TextEncodingUsed | null = null;
  private decoder: TextDecoder | null = null;
  private head = new Uint8Array(0);

  constructor(private readonly encoding?: string) {}

  /** Returns the text of `bytes`; `stream` is false for the last bytes of the file. */
  decode(bytes: Uint8Array, stream: boolean): string {
    if (this.decoder === null) {
      const head = new Uint8Array(this.head.length + bytes.length);
      head.set(this.head);
      head.set(bytes, this.head.length);
      if (head.length < HEAD_BYTES && stream) {
        this.head = head;
        return '';
      }
      this.head = new Uint8Array(0);
      this.decoder = this.open(head);
      return this.run(head, stream);
    }
    return this.run(bytes, stream);
  }

  /** Returns the text of bytes held back at the end of the file. */
  end(): string {
    return this.decode(new Uint8Array(0), false);
  }

  private open(head: Uint8Array): TextDecoder {
    if (WORKBOOK_SIGNATURES.some((signature) => startsWith(head, signature)))
      throw new CsvFileError('workbook');
    if (startsWith(head, PDF_SIGNATURE)) throw new CsvFileError('pdf');

    // A byte order mark wins over the encoding given, as in the WHATWG decode
    // algorithm: Excel writes one in its "CSV UTF-8" and "Unicode Text" files.
    const marked = BYTE_ORDER_MARKS.find(([, mark]) => startsWith(head, mark));
    if (marked !== undefined) {
      this.used = { name: marked[0], from: 'bom' };
    } else {
      const name = this.encoding === undefined ? 'utf-8' : encodingName(this.encoding);
      if (name === null) throw new RangeError(`unknown text encoding "${this.encoding}"`);
      this.used = { name, from: this.encoding === undefined ? 'utf8' : 'given' };
    }
    return new TextDecoder(this.used.name, { fatal: this.used.name === 'utf-8' });
  }

  private run(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch (error) {
      // Only a fatal decoder throws, and only UTF-8 decoders are fatal.
      if (error instanceof TypeError) throw new CsvFileError('notUtf8');
      throw error;
    }
  }
}

/**
 * Reads `chunks` as `CsvDecoder` would and returns the encoding it would use,
 * or throws `CsvFileError`. Only UTF-8 is read to the end, because a decoder
 * for any other encoding never fails, so the first bytes settle it.
 */
export async function checkCsvBytes(
  chunks: AsyncIterable<Uint8Array>,
  encoding?: string,
): Promise<TextEncodingUsed> {
  const decoder = new CsvDecoder(encoding);
  for await (const bytes of chunks) {
    decoder.decode(bytes, true);
    if (decoder.used !== null && decoder.used.name !== 'utf-8') return decoder.used;
  }
  decoder.end();
  return decoder.used ?? { name: 'utf-8', from: 'utf8' };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}
