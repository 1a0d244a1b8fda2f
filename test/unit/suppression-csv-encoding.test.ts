import { describe, expect, it } from 'vitest';

import { parseDncCsv, type CsvImportOptions } from '../../lib/suppression/csv.ts';
import {
  checkCsvBytes,
  CsvFileError,
  encodingName,
  LEGACY_ENCODINGS,
  legacyEncodingFor,
} from '../../lib/suppression/csv-encoding.ts';
import { readRows, type ParsedRow } from '../../lib/suppression/csv-rows.ts';
import { bytes, GBK_CSV, GBK_REASONS, WORKBOOK_STARTS } from '../fixtures/csv-bytes.ts';

const OPTIONS: CsvImportOptions = {
  defaultCountry: 'CN',
  defaultReason: '',
  source: 'csv-upload',
  now: Date.UTC(2026, 11, 5),
};

function blob(...parts: (Uint8Array | string)[]): Blob {
  return new Blob(parts.map((part) => (typeof part === 'string' ? part : part.slice())));
}

async function* oneByteAtATime(data: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i++) yield data.subarray(i, i + 1);
}

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CsvFileError) return error.problem;
    throw error;
  }
  return 'none';
}

describe('legacyEncodingFor', () => {
  it.each([
    ['zh-CN', 'gb18030'],
    ['zh-SG', 'gb18030'],
    ['zh', 'gb18030'],
    ['zh-TW', 'big5'],
    ['zh-HK', 'big5'],
    ['ja', 'shift_jis'],
    ['ja-JP', 'shift_jis'],
    ['ko', 'euc-kr'],
    ['en-US', 'windows-1252'],
    ['de', 'windows-1252'],
    ['pt-BR', 'windows-1252'],
    ['ru', 'windows-1251'],
    ['uk-UA', 'windows-1251'],
    ['bg', 'windows-1251'],
    ['sr', 'windows-1251'],
    ['sr-Latn', 'windows-1250'],
    ['pl', 'windows-1250'],
    ['cs-CZ', 'windows-1250'],
    ['hu', 'windows-1250'],
    ['ro', 'windows-1250'],
    ['el', 'windows-1253'],
    ['tr', 'windows-1254'],
    ['he', 'windows-1255'],
    ['ar-EG', 'windows-1256'],
    ['fa', 'windows-1256'],
    ['lt', 'windows-1257'],
    ['lv', 'windows-1257'],
    ['et', 'windows-1257'],
    ['vi', 'windows-1258'],
    ['th', 'windows-874'],
    ['', 'windows-1252'],
    ['not a tag', 'windows-1252'],
  ])('reads a %s file as %s', (language, encoding) => {
    expect(legacyEncodingFor(language)).toBe(encoding);
  });
});

describe('encodingName', () => {
  it.each([
    ['GBK', 'gbk'],
    ['gb18030', 'gb18030'],
    ['latin1', 'windows-1252'],
    ['utf8', 'utf-8'],
    [' Shift_JIS ', 'shift_jis'],
  ])('knows %s as %s', (label, name) => {
    expect(encodingName(label)).toBe(name);
  });

  it.each(['klingon', '', 'iso-2022-kr'])('rejects %j', (label) => {
    expect(encodingName(label)).toBeNull();
  });

  // Node needs full ICU for these; a small-ICU build would throw here.
  it.each([
    ['gb18030', 'b5e7bbb0', '电话'],
    ['big5', 'b971b8dc', '電話'],
    ['shift_jis', '93649862', '電話'],
    ['euc-kr', 'c0fcc8ad', '전화'],
    ['windows-1252', 'e9', 'é'],
    ['windows-1250', 'b3f39dea', 'łóťę'],
    ['windows-1251', 'd2e5eb', 'Тел'],
    ['windows-1253', 'd4e7eb', 'Τηλ'],
    ['windows-1254', 'fdf0', 'ığ'],
    ['windows-1255', 'f9ec', 'של'],
    ['windows-1256', 'e5c7ca', 'هات'],
    ['windows-1257', 'e0e8', 'ąč'],
    ['windows-1258', 'f0', 'đ'],
    ['windows-874', 'e2c3', 'โร'],
  ])('decodes %s in this runtime', (label, hex, text) => {
    expect(LEGACY_ENCODINGS).toContain(label);
    expect(new TextDecoder(label).decode(bytes(hex))).toBe(text);
  });
});

describe('parseDncCsv text encoding', () => {
  it('stops at a file that is not UTF-8', async () => {
    expect(await problemOf(parseDncCsv(blob(GBK_CSV), OPTIONS))).toBe('notUtf8');
  });

  it('reads non-UTF-8 in the fallback', async () => {
    const preview = await parseDncCsv(blob(GBK_CSV), { ...OPTIONS, fallbackEncoding: 'gb18030' });

    expect(preview.encoding).toEqual({ name: 'gb18030', from: 'fallback' });
    expect(preview.headerDetected).toBe(true);
    expect(preview.phoneColumn).toBe('电话');
    expect(preview.accepted.map((entry) => entry.reason)).toEqual(GBK_REASONS);
    expect(preview.rejected).toEqual([]);
  });

  it('reads the encoding it is given', async () => {
    const preview = await parseDncCsv(blob(GBK_CSV), { ...OPTIONS, encoding: 'gbk' });

    expect(preview.encoding).toEqual({ name: 'gbk', from: 'given' });
    expect(preview.accepted.map((entry) => entry.reason)).toEqual(GBK_REASONS);
  });

  it('shows the first rows as read', async () => {
    const preview = await parseDncCsv(blob(GBK_CSV), { ...OPTIONS, encoding: 'windows-1252' });

    expect(preview.firstRows.map((row) => row.line)).toEqual([1, 2, 3]);
    expect(preview.firstRows[0]?.fields).toEqual(['µç»°', 'Ô\u00adÒò']);
  });

  it('reads valid UTF-8 without the fallback', async () => {
    const preview = await parseDncCsv(blob('电话,原因\n13800138010,客户投诉\n'), {
      ...OPTIONS,
      fallbackEncoding: 'gb18030',
    });

    expect(preview.encoding).toEqual({ name: 'utf-8', from: 'utf8' });
    expect(preview.accepted.map((entry) => entry.reason)).toEqual(['客户投诉']);
  });

  it('finds a bad byte after the first megabyte', async () => {
    const start = `phone,note\n${`+8613800138010,${'x'.repeat(1000)}\n`.repeat(1100)}`;

    expect(await problemOf(parseDncCsv(blob(start, bytes('b2bb0a')), OPTIONS))).toBe('notUtf8');
  });

  it('stops at a UTF-8 sequence cut off at the end', async () => {
    const cut = new TextEncoder().encode('phone,reason\n+8613800138010,投').slice(0, -1);

    expect(await problemOf(parseDncCsv(blob(cut), OPTIONS))).toBe('notUtf8');
  });

  it('lets a UTF-8 BOM beat the given encoding', async () => {
    const preview = await parseDncCsv(blob(bytes('efbbbf'), '电话,原因\n13800138010,投诉\n'), {
      ...OPTIONS,
      encoding: 'gb18030',
    });

    expect(preview.encoding).toEqual({ name: 'utf-8', from: 'bom' });
    expect(preview.accepted.map((entry) => entry.reason)).toEqual(['投诉']);
  });

  it.each([
    ['utf-16le', true],
    ['utf-16be', false],
  ])('reads %s with a byte order mark', async (name, littleEndian) => {
    const text = '电话\t原因\r\n13800138010\t客户投诉\r\n';

    const preview = await parseDncCsv(blob(utf16(text, littleEndian)), OPTIONS);

    expect(preview.encoding).toEqual({ name, from: 'bom' });
    expect(preview.phoneColumn).toBe('电话');
    expect(preview.accepted.map((entry) => entry.reason)).toEqual(['客户投诉']);
  });

  it.each(WORKBOOK_STARTS)('rejects a %s workbook', async (_, start) => {
    expect(await problemOf(parseDncCsv(blob(start), OPTIONS))).toBe('workbook');
    expect(
      await problemOf(
        parseDncCsv(blob(start), { ...OPTIONS, encoding: 'gb18030', fallbackEncoding: 'big5' }),
      ),
    ).toBe('workbook');
  });

  it('rejects a PDF', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n+1 212 555 0187\n');

    expect(await problemOf(parseDncCsv(blob(pdf), OPTIONS))).toBe('pdf');
  });

  it('reads an empty file as UTF-8', async () => {
    const preview = await parseDncCsv(blob(), OPTIONS);

    expect(preview.encoding).toEqual({ name: 'utf-8', from: 'utf8' });
    expect(preview.totalRows).toBe(0);
  });
});

describe('readRows legacy bytes', () => {
  it('joins a GBK character split between chunks', async () => {
    const rows: ParsedRow[] = [];

    const used = await readRows(
      { chunks: oneByteAtATime(GBK_CSV), size: GBK_CSV.length },
      undefined,
      (row) => rows.push(row),
      'gb18030',
    );

    expect(used).toEqual({ name: 'gb18030', from: 'given' });
    expect(rows.map((row) => row.fields[1])).toEqual(['原因', ...GBK_REASONS]);
  });

  it('finds a workbook signature split between chunks', async () => {
    const rows = readRows(
      { chunks: oneByteAtATime(bytes('504b030414000600')), size: 8 },
      undefined,
      () => undefined,
    );

    expect(await problemOf(rows)).toBe('workbook');
  });
});

describe('checkCsvBytes', () => {
  it('passes UTF-8 and names it', async () => {
    const data = new TextEncoder().encode('电话\n13800138010\n');

    expect(await checkCsvBytes(oneByteAtATime(data))).toEqual({ name: 'utf-8', from: 'utf8' });
  });

  it('stops at bytes that are not UTF-8', async () => {
    expect(await problemOf(checkCsvBytes(once(GBK_CSV)))).toBe('notUtf8');
  });

  it('stops at bytes that are not UTF-8 when UTF-8 is given', async () => {
    expect(await problemOf(checkCsvBytes(once(GBK_CSV), 'utf8'))).toBe('notUtf8');
  });

  it('takes the given encoding', async () => {
    expect(await checkCsvBytes(once(GBK_CSV), 'gb18030')).toEqual({
      name: 'gb18030',
      from: 'given',
    });
  });

  it('names a workbook', async () => {
    expect(await problemOf(checkCsvBytes(once(bytes('d0cf11e0a1b11ae1')), 'gb18030'))).toBe(
      'workbook',
    );
  });
});
