import type { CountryCode } from 'libphonenumber-js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import {
  MAX_LISTED_DUPLICATES,
  parseDncCsv,
  toDncCsv,
  toDncCsvBlob,
  toDncCsvChunks,
  type CsvImportOptions,
} from '../../lib/suppression/csv.ts';
import {
  MAX_QUOTED_LINES,
  readRows,
  type CsvInput,
  type ParsedRow,
} from '../../lib/suppression/csv-rows.ts';
import type { SuppressionEntry } from '../../lib/suppression/index.ts';

const NOW = Date.UTC(2025, 6, 1);
const OPTIONS: CsvImportOptions = {
  defaultCountry: 'US',
  defaultReason: 'Imported list',
  source: 'csv-upload',
  now: NOW,
};

function numbers(entries: readonly SuppressionEntry[]): string[] {
  return entries.map((entry) => entry.e164);
}

describe('parseDncCsv header detection', () => {
  it.each([
    ['phone', 'phone\n+12125550100\n'],
    ['Phone Number', 'Name,Phone Number\nAda,+12125550100\n'],
    ['phone_number', 'name,phone_number\nAda,+12125550100\n'],
    ['mobileNumber', 'mobileNumber\n+12125550100\n'],
    ['Telephone', 'Telephone;Name\n+12125550100;Ada\n'],
    ['TEL', 'TEL\n+12125550100\n'],
    ['E.164', 'E.164\n+12125550100\n'],
    ['MSISDN', 'MSISDN\n+12125550100\n'],
    ['Number', 'Number\n+12125550100\n'],
    ['电话', '姓名,电话\n张三,+12125550100\n'],
    ['手机', '手机\n+12125550100\n'],
    ['号码', '号码\n+12125550100\n'],
  ])('finds %s header', async (name, csv) => {
    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.headerDetected).toBe(true);
    expect(preview.phoneColumn).toBe(name);
    expect(numbers(preview.accepted)).toEqual(['+12125550100']);
    expect(preview.rejected).toEqual([]);
  });

  it('prefers a phone header to a number header', async () => {
    const preview = await parseDncCsv('Account number,Phone\n1234,+447400123456\n', OPTIONS);

    expect(preview.phoneColumn).toBe('Phone');
    expect(numbers(preview.accepted)).toEqual(['+447400123456']);
  });

  it('treats a first row holding a number as data', async () => {
    const preview = await parseDncCsv('+12125550100,phone\n+12125550101,phone\n', OPTIONS);

    expect(preview.headerDetected).toBe(false);
    expect(preview.phoneColumn).toBe(0);
    expect(numbers(preview.accepted)).toEqual(['+12125550100', '+12125550101']);
  });

  it('picks the first phone column without a header', async () => {
    const csv = 'Ada,2125550100,x\nBob,(212) 555-0101,y\nCy,212.555.0102,z\n';

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.headerDetected).toBe(false);
    expect(preview.phoneColumn).toBe(1);
    expect(numbers(preview.accepted)).toEqual(['+12125550100', '+12125550101', '+12125550102']);
  });

  it('reads reason, source and added_at columns', async () => {
    const csv =
      'phone,reason,source,added_at\n+12125550100,Complaint,crm,2025-03-04T05:06:07.000Z\n';

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.accepted).toEqual([
      {
        e164: '+12125550100',
        reason: 'Complaint',
        source: 'crm',
        addedAt: Date.UTC(2025, 2, 4, 5, 6, 7),
      },
    ]);
  });

  it('reads Chinese reason and source columns', async () => {
    const csv = '手机号码,原因,来源\n13812345678,客户要求,热线\n';

    const preview = await parseDncCsv(csv, { ...OPTIONS, defaultCountry: 'CN' });

    expect(preview.phoneColumn).toBe('手机号码');
    expect(preview.accepted).toEqual([
      { e164: '+8613812345678', reason: '客户要求', source: '热线', addedAt: NOW },
    ]);
  });

  it.each<[string, CountryCode, string, string[], string, Date]>([
    [
      'Portuguese',
      'BR',
      'Nome;Telefone;Celular;Motivo;Data de inclusão;Origem\nMárcia;(11) 3456-7890;(11) 91234-5678;Pediu;12/03/2024;Central\n',
      ['+551134567890', '+5511912345678'],
      'Pediu',
      new Date(2024, 2, 12),
    ],
    [
      'Spanish',
      'MX',
      'Cliente,Teléfono,Celular,Motivo,Fecha de alta,Fuente\nRosa,55 1234 5678,33 1987 6543,Queja,15/01/2024,REPEP\n',
      ['+525512345678', '+523319876543'],
      'Queja',
      new Date(2024, 0, 15),
    ],
    [
      'German',
      'DE',
      'Vorname;Telefonnummer;Mobiltelefonnummer;Grund;Hinzugefügt am\nJürgen;030 1234567;0171 1234567;Widerspruch;12.03.2024\n',
      ['+49301234567', '+491711234567'],
      'Widerspruch',
      new Date(2024, 2, 12),
    ],
    [
      'French',
      'FR',
      "Nom;Téléphone;Portable;Motif;Date d'ajout\nDupont;01 42 68 53 00;06 12 34 56 78;Bloctel;12/03/2024\n",
      ['+33142685300', '+33612345678'],
      'Bloctel',
      new Date(2024, 2, 12),
    ],
    [
      'Japanese',
      'JP',
      '担当者名,電話番号,携帯,架電停止理由,登録日\n山田,03-1234-5678,090-1234-5678,苦情,2024/03/12\n',
      ['+81312345678', '+819012345678'],
      '苦情',
      new Date(2024, 2, 12),
    ],
  ])('reads %s headers', async (_language, country, csv, e164s, reason, added) => {
    const preview = await parseDncCsv(csv, { ...OPTIONS, defaultCountry: country });

    expect(preview.headerDetected).toBe(true);
    expect(preview.rejected).toEqual([]);
    expect(numbers(preview.accepted)).toEqual(e164s);
    expect(preview.accepted[0]?.reason).toBe(reason);
    expect(preview.accepted[0]?.addedAt).toBe(added.getTime());
  });

  it('reads a 座机 column beside 手机', async () => {
    const csv = '手机,座机\n15012345678,0755-26543210\n13912345678,021-64371234\n';

    const preview = await parseDncCsv(csv, { ...OPTIONS, defaultCountry: 'CN' });

    expect(numbers(preview.accepted)).toEqual([
      '+8615012345678',
      '+8675526543210',
      '+8613912345678',
      '+862164371234',
    ]);
  });

  it.each(['最近跟进时间', '创建时间', '生日日期'])(
    'takes no %s column as the added date',
    async (header) => {
      const csv = `手机,${header}\n15012345678,2024年11月20日\n`;

      const preview = await parseDncCsv(csv, { ...OPTIONS, defaultCountry: 'CN' });

      expect(preview.rejected).toEqual([]);
      expect(preview.accepted[0]?.addedAt).toBe(NOW);
    },
  );

  it.each(['添加日期', '列入时间', '禁呼日期', '日期'])(
    'reads a %s column as the added date',
    async (header) => {
      const csv = `手机,${header}\n15012345678,2024-11-20\n`;

      const preview = await parseDncCsv(csv, { ...OPTIONS, defaultCountry: 'CN' });

      expect(preview.accepted[0]?.addedAt).toBe(new Date(2024, 10, 20).getTime());
    },
  );

  it('reads a 禁呼原因 column as the reason', async () => {
    const csv = '客户名称,手机,禁呼原因\n深圳鹏城,15012345678,投诉\n上海浦江,13912345678,否\n';

    const preview = await parseDncCsv(csv, { ...OPTIONS, defaultCountry: 'CN' });

    expect(preview.rejected).toEqual([]);
    expect(preview.accepted.map((entry) => entry.reason)).toEqual(['投诉', '否']);
  });

  it('uses the defaults for empty optional cells', async () => {
    const preview = await parseDncCsv('phone,reason,source\n+12125550100,,\n', OPTIONS);

    expect(preview.accepted).toEqual([
      { e164: '+12125550100', reason: 'Imported list', source: 'csv-upload', addedAt: NOW },
    ]);
  });
});

describe('parseDncCsv formats', () => {
  it.each([
    ['semicolons', 'name;phone;reason\n"Doe; Jane";+12125550100;Asked\n'],
    ['tabs', 'name\tphone\treason\nDoe; Jane\t+12125550100\tAsked\n'],
    ['pipes', 'name|phone|reason\nDoe; Jane|+12125550100|Asked\n'],
    ['CRLF', 'name,phone,reason\r\n"Doe; Jane",+12125550100,Asked\r\n'],
    ['BOM', '\ufeffname,phone,reason\n"Doe; Jane",+12125550100,Asked\n'],
    ['quoted commas', 'name,phone,reason\n"Doe, Jane","+1 (212) 555-0100","Asked, twice"\n'],
  ])('reads %s', async (_format, csv) => {
    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.headerDetected).toBe(true);
    expect(preview.phoneColumn).toBe('phone');
    expect(numbers(preview.accepted)).toEqual(['+12125550100']);
    expect(preview.accepted[0]?.reason).toMatch(/^Asked/);
    expect(preview.rejected).toEqual([]);
  });

  it('reads a Blob with BOM and multibyte text', async () => {
    const blob = new Blob(['\ufeff电话,原因\n+8613812345678,客户要求删除\n']);

    const preview = await parseDncCsv(blob, OPTIONS);

    expect(preview.phoneColumn).toBe('电话');
    expect(preview.accepted[0]?.reason).toBe('客户要求删除');
  });

  it('reads national numbers in the default country', async () => {
    const preview = await parseDncCsv('phone\n07400 123456\n', {
      ...OPTIONS,
      defaultCountry: 'GB',
    });

    expect(numbers(preview.accepted)).toEqual(['+447400123456']);
  });

  it('reads bracketed country codes and full-width digits', async () => {
    const preview = await parseDncCsv(
      'phone\n(+86)13800138004\n（+86）13900139004\n００４４ 20 7946 0018\n',
      { ...OPTIONS, defaultCountry: 'CN' },
    );

    expect(preview.rejected).toEqual([]);
    expect(numbers(preview.accepted)).toEqual([
      '+8613800138004',
      '+8613900139004',
      '+442079460018',
    ]);
  });

  it('reads every phone column of a row', async () => {
    const preview = await parseDncCsv(
      'Name,Phone,Mobile\nAda,+12125550100,+12125550101\nBo,,+12125550102\nCy,+12125550103,+1 212 555 0103\n',
      OPTIONS,
    );

    expect(preview.rejected).toEqual([]);
    expect(numbers(preview.accepted)).toEqual([
      '+12125550100',
      '+12125550101',
      '+12125550102',
      '+12125550103',
    ]);
  });

  it('leaves a phone column of words alone', async () => {
    const preview = await parseDncCsv('Phone,Phone Type\n+12125550100,Mobile\n', OPTIONS);

    expect(preview.rejected).toEqual([]);
    expect(numbers(preview.accepted)).toEqual(['+12125550100']);
  });

  it('reads numbers as spreadsheets and dialers write them', async () => {
    const preview = await parseDncCsv(
      'phone\n\'02079460020\n"=""02079460022"""\ntel:+12025550120\ncallto:+12025550128\n00 44 20 7946 0040\n',
      { ...OPTIONS, defaultCountry: 'GB' },
    );

    expect(preview.rejected).toEqual([]);
    expect(numbers(preview.accepted)).toEqual([
      '+442079460020',
      '+442079460022',
      '+12025550120',
      '+12025550128',
      '+442079460040',
    ]);
  });

  it.each<[CountryCode, string, Date]>([
    ['GB', '14/03/2024', new Date(2024, 2, 14)],
    ['GB', '31.12.2023', new Date(2023, 11, 31)],
    ['GB', '03/04/2024', new Date(2024, 3, 3)],
    ['US', '03/04/2024', new Date(2024, 2, 4)],
    ['US', '14/03/2024 09:30', new Date(2024, 2, 14, 9, 30)],
    ['CN', '2024年11月20日', new Date(2024, 10, 20)],
    ['CN', '2024年1月5日 09:40', new Date(2024, 0, 5, 9, 40)],
  ])('reads a %s date written %s', async (country, written, expected) => {
    const preview = await parseDncCsv(`phone;date\n+12125550100;${written}\n`, {
      ...OPTIONS,
      defaultCountry: country,
    });

    expect(preview.rejected).toEqual([]);
    expect(preview.accepted[0]?.addedAt).toBe(expected.getTime());
  });

  it('reads a date-only ISO date as local midnight', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const preview = await parseDncCsv('phone,added_at\n+12125550100,2024-03-15\n', OPTIONS);

      expect(preview.accepted[0]?.addedAt).toBe(new Date(2024, 2, 15).getTime());
      expect(new Date(2024, 2, 15).getTime()).not.toBe(Date.UTC(2024, 2, 15));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('reads two numbers written in one cell', async () => {
    const preview = await parseDncCsv('phone\n202-555-0124 / 202-555-0125\n', OPTIONS);

    expect(preview.rejected).toEqual([]);
    expect(numbers(preview.accepted)).toEqual(['+12025550124', '+12025550125']);
  });

  it('names a number a spreadsheet turned into 4.42079E+11', async () => {
    const preview = await parseDncCsv('phone\n4.42079E+11\n', OPTIONS);

    expect(preview.rejected.map((row) => row.problem)).toEqual(['scientific']);
  });

  it('skips contacts its Do Not Call column marks false', async () => {
    const preview = await parseDncCsv(
      '"Name","Phone","Do Not Call"\n"Ana","+12125550101","true"\n"Dev","+12125550105","false"\n"Eve","+12125550107",""\n',
      OPTIONS,
    );

    expect(numbers(preview.accepted)).toEqual(['+12125550101', '+12125550107']);
    expect(preview.rejected).toEqual([
      expect.objectContaining({
        line: 3,
        problem: 'notFlagged',
        details: ['Do Not Call', 'false'],
      }),
    ]);
  });

  it("names a report's totals line as text, not a contact", async () => {
    const preview = await parseDncCsv(
      '"Name","Phone"\n"Ana","+12125550101"\n\n"Grand Totals (1 record)"\n"Acme - 2024"\n',
      OPTIONS,
    );

    expect(numbers(preview.accepted)).toEqual(['+12125550101']);
    expect(preview.rejected.map((row) => [row.line, row.problem])).toEqual([
      [4, 'textLine'],
      [5, 'textLine'],
    ]);
  });

  it('keeps the column count problem for a short row with a number', async () => {
    const preview = await parseDncCsv('"Name","Phone"\n"+12125550101"\n', OPTIONS);

    expect(preview.rejected.map((row) => row.problem)).toEqual(['columns']);
  });

  it('counts repeated numbers as duplicates', async () => {
    const csv = 'phone\n+12125550100\n(212) 555-0100\n+1 212 555 0100\n+12125550101\n';

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(numbers(preview.accepted)).toEqual(['+12125550100', '+12125550101']);
    expect(preview.duplicates).toBe(2);
    expect(preview.totalRows).toBe(4);
    expect(preview.rejected).toEqual([]);
  });

  it('lists each duplicate with the line it repeats', async () => {
    const csv = 'phone\n+12125550100\n+12125550101\n(212) 555-0100\n+1 212 555 0101\n';

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.duplicateRows).toEqual([
      {
        line: 4,
        value: '(212) 555-0100',
        error: 'duplicate of line 2',
        problem: 'duplicate',
        details: ['2'],
      },
      {
        line: 5,
        value: '+1 212 555 0101',
        error: 'duplicate of line 3',
        problem: 'duplicate',
        details: ['3'],
      },
    ]);
  });

  it('finds a duplicate written in national format', async () => {
    const csv = 'phone,reason\n+44 20 7946 0018,Asked\n020 7946 0018,Asked again\n';

    const preview = await parseDncCsv(csv, { ...OPTIONS, defaultCountry: 'GB' });

    expect(numbers(preview.accepted)).toEqual(['+442079460018']);
    expect(preview.duplicates).toBe(1);
    expect(preview.duplicateRows).toEqual([
      {
        line: 3,
        value: '020 7946 0018',
        error: 'duplicate of line 2',
        problem: 'duplicate',
        details: ['2'],
      },
    ]);
  });

  it('counts duplicates beyond the listed maximum', async () => {
    const extra = 5;
    const rows = Array.from({ length: MAX_LISTED_DUPLICATES + extra }, () => '+12125550100');
    const csv = `phone\n+12125550100\n${rows.join('\n')}\n`;

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.duplicates).toBe(MAX_LISTED_DUPLICATES + extra);
    expect(preview.duplicateRows).toHaveLength(MAX_LISTED_DUPLICATES);
    expect(preview.duplicateRows.at(-1)?.line).toBe(MAX_LISTED_DUPLICATES + 2);
    expect(preview.duplicateRows.every((row) => row.details?.[0] === '2')).toBe(true);
  });

  it('skips blank lines but keeps line numbers', async () => {
    const preview = await parseDncCsv('phone\n\n+12125550100\n\nnope\n', OPTIONS);

    expect(preview.totalRows).toBe(2);
    expect(preview.rejected).toEqual([
      { line: 5, value: 'nope', error: 'invalid phone number', problem: 'invalid' },
    ]);
  });

  it('returns an empty preview for empty input', async () => {
    const preview = await parseDncCsv('', OPTIONS);

    expect(preview).toEqual({
      accepted: [],
      duplicates: 0,
      duplicateRows: [],
      rejected: [],
      headerDetected: false,
      phoneColumn: 0,
      totalRows: 0,
      encoding: { name: 'utf-8', from: 'utf8' },
      firstRows: [],
    });
  });
});

describe('parseDncCsv rejected rows', () => {
  const csv = [
    'name,phone,reason', // 1
    'Ada,+12125550100,ok', // 2
    'Bob,,ok', // 3
    'Cy,12345,ok', // 4
    'Di,+12125550101', // 5
    '"Ed',
    'Jr.",+12125550102,ok', // 6-7: quoted line break
    'Flo,+12125550103,ok,extra', // 8
    'Gus,+12125550104,"bad"x', // 9: the quote never closes properly
    'Hal,+12125550105,read on its own', // 10
    'Ivy,+12125550106,"so"so"', // 11: malformed but closed on its line
    'Jo,"+1 212 555 0107",ok', // 12
    '"+1 212 555 0187,Customer asked', // 13: unclosed to the end of the file
    'Kim,+12125550108,after the unclosed quote', // 14
  ].join('\r\n');

  it('reports each broken row with its line', async () => {
    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected.map(({ line, value }) => ({ line, value }))).toEqual([
      { line: 3, value: '' },
      { line: 4, value: '12345' },
      { line: 5, value: 'Di,+12125550101' },
      { line: 8, value: 'Flo,+12125550103,ok,extra' },
      { line: 9, value: 'Gus,+12125550104,"bad"x' },
      { line: 11, value: 'Ivy,+12125550106,"so"so"' },
      { line: 13, value: '"+1 212 555 0187,Customer asked' },
    ]);
  });

  it.each([
    [3, 'empty phone number'],
    [4, 'invalid phone number'],
    [5, 'wrong column count: expected 3, found 2'],
    [8, 'wrong column count: expected 3, found 4'],
    [9, 'unclosed quote: no valid closing quote for the field opened in this line'],
    [11, 'malformed quotes: trailing quote on quoted field is malformed'],
    [13, 'unclosed quote: no valid closing quote for the field opened in this line'],
  ])('explains the row at line %i', async (line, error) => {
    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected.find((row) => row.line === line)?.error).toBe(error);
  });

  it.each([
    [3, 'empty', undefined],
    [4, 'invalid', undefined],
    [5, 'columns', ['3', '2']],
    [9, 'quotesUnclosed', undefined],
    [11, 'quotes', undefined],
    [13, 'quotesUnclosed', undefined],
  ])('names the problem of line %i for the UI', async (line, problem, details) => {
    const preview = await parseDncCsv(csv, OPTIONS);
    const row = preview.rejected.find((rejected) => rejected.line === line);

    expect(row?.problem).toBe(problem);
    expect(row?.details).toEqual(details);
  });

  it('accepts the good rows around them', async () => {
    const preview = await parseDncCsv(csv, OPTIONS);

    expect(numbers(preview.accepted)).toEqual([
      '+12125550100',
      '+12125550102',
      '+12125550105',
      '+12125550107',
      '+12125550108',
    ]);
    expect(preview.accepted[1]?.reason).toBe('ok');
    expect(preview.totalRows).toBe(12);
  });

  it('asks for a country when a national number has none', async () => {
    const preview = await parseDncCsv('phone\n2125550100\n', {
      ...OPTIONS,
      defaultCountry: undefined,
    });

    expect(preview.rejected[0]?.error).toBe(
      'invalid phone number (national numbers need a default country)',
    );
  });

  it('names no country for text without a number', async () => {
    const preview = await parseDncCsv('phone\nnot a number\n', {
      ...OPTIONS,
      defaultCountry: undefined,
    });

    expect(preview.rejected[0]?.problem).toBe('invalid');
  });

  it('rejects an unreadable added_at date', async () => {
    const preview = await parseDncCsv('phone,added_at\n+12125550100,last tuesday\n', OPTIONS);

    expect(preview.rejected).toEqual([
      {
        line: 2,
        value: '+12125550100',
        error: 'invalid added_at date "last tuesday"',
        problem: 'addedAt',
        details: ['last tuesday', 'added_at'],
      },
    ]);
  });
});

describe('parseDncCsv quoted fields', () => {
  const UNCLOSED = {
    error: 'unclosed quote: no valid closing quote for the field opened in this line',
    problem: 'quotesUnclosed',
  };

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads a note spanning %s lines', async (_name, lineBreak) => {
    const csv = [
      'phone,reason',
      '+12125550100,"Asked twice:',
      '',
      'by phone, by ""mail"""',
      '+12125550101,ok',
      '',
    ].join(lineBreak);

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected).toEqual([]);
    expect(numbers(preview.accepted)).toEqual(['+12125550100', '+12125550101']);
    expect(preview.accepted[0]?.reason).toBe(
      `Asked twice:${lineBreak}${lineBreak}by phone, by "mail"`,
    );
    expect(preview.totalRows).toBe(2);
  });

  it('rejects an unclosed quote alone', async () => {
    const csv = 'phone,note\r\n"+1 212 555 0187,Customer asked\r\n+12125550100,ok\r\n';

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected).toEqual([
      { line: 2, value: '"+1 212 555 0187,Customer asked', ...UNCLOSED },
    ]);
    expect(numbers(preview.accepted)).toEqual(['+12125550100']);
    expect(preview.totalRows).toBe(2);
  });

  it('rejects an unclosed quote on the last line', async () => {
    const preview = await parseDncCsv('phone\n+12125550100\n"+12125550101', OPTIONS);

    expect(preview.rejected).toEqual([{ line: 3, value: '"+12125550101', ...UNCLOSED }]);
    expect(numbers(preview.accepted)).toEqual(['+12125550100']);
  });

  it.each([
    ['a malformed later quote', '+12125550101,"quoted"'],
    ['a later quote at a line end', '+12125550101,5" disk"'],
    ['a later quote making too many columns', '+12125550101,5",x'],
  ])('ends an unclosed quote at %s', async (_name, laterLine) => {
    const csv = ['phone,note', '+12125550187,"Customer asked', '+12125550100,ok', laterLine].join(
      '\n',
    );

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected[0]).toEqual({
      line: 2,
      value: '+12125550187,"Customer asked',
      ...UNCLOSED,
    });
    expect(numbers(preview.accepted)[0]).toBe('+12125550100');
  });

  it('reads rows after an unclosed quote with semicolons', async () => {
    const csv = 'phone;note\n"+1 212 555 0187;Customer asked\n+12125550100;ok\n';

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected.map((row) => row.line)).toEqual([2]);
    expect(numbers(preview.accepted)).toEqual(['+12125550100']);
  });

  it('reads a note of the maximum line count', async () => {
    const note = Array.from({ length: MAX_QUOTED_LINES }, (_, i) => `note line ${i + 1}`);
    const csv = `phone,reason\n+12125550100,"${note.join('\n')}"\n+12125550101,ok\n`;

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected).toEqual([]);
    expect(preview.accepted[0]?.reason).toBe(note.join('\n'));
    expect(preview.accepted[1]).toMatchObject({ e164: '+12125550101', reason: 'ok' });
  });

  it('rejects a quote open beyond the maximum', async () => {
    const rows = Array.from({ length: MAX_QUOTED_LINES + 20 }, (_, i) => `+1212${5_000_000 + i},x`);
    const csv = `phone,reason\n+12125550100,"never closed\n${rows.join('\n')}\n`;

    const preview = await parseDncCsv(csv, OPTIONS);

    expect(preview.rejected).toEqual([
      { line: 2, value: '+12125550100,"never closed', ...UNCLOSED },
    ]);
    expect(preview.accepted).toHaveLength(rows.length);
    expect(preview.totalRows).toBe(rows.length + 1);
  });

  // A 5 MB file: on a busy two-core machine the default 5 s timeout was not enough.
  it('recovers across chunk boundaries', async () => {
    const chunkBytes = 1 << 20; // the reader's step through a Blob
    const header = 'phone,reason\r\n';
    const rows = Array.from(
      { length: 70_000 },
      (_, i) => `+1212${5_000_000 + i},a reason long enough to fill several chunks`,
    );
    // Every row has the same length, so the row a byte offset falls in is known.
    const rowBytes = rows[0]!.length + 2;
    const rowAt = (offset: number) => Math.floor((offset - header.length) / rowBytes);

    // In the row across the first chunk boundary, a quoted note of the same
    // length whose line break starts the second chunk.
    const noteIndex = rowAt(chunkBytes);
    const [noteNumber = '', reason = ''] = rows[noteIndex]!.split(',');
    const noteStart = header.length + noteIndex * rowBytes + noteNumber.length + 2;
    const breakAt = Math.min(Math.max(chunkBytes - noteStart, 1), reason.length - 4);
    const note = `${reason.slice(0, breakAt)}\r\n${reason.slice(breakAt + 2, -2)}`;
    rows[noteIndex] = `${noteNumber},"${note}"`;
    // Unclosed quotes in the row that spans the second chunk boundary, and in the one before.
    const brokenIndexes = [rowAt(2 * chunkBytes) - 1, rowAt(2 * chunkBytes)];
    for (const index of brokenIndexes) rows[index] = `"${rows[index]}`;
    const csv = `${header}${rows.join('\r\n')}\r\n`;
    const noteAt = csv.indexOf(note);
    expect(noteAt).toBeLessThan(chunkBytes);
    expect(noteAt + note.length).toBeGreaterThan(chunkBytes);
    const brokenAt = csv.indexOf(rows[brokenIndexes[1]!]!);
    expect(brokenAt).toBeLessThan(2 * chunkBytes);
    expect(brokenAt + rowBytes).toBeGreaterThan(2 * chunkBytes);

    const preview = await parseDncCsv(new Blob([csv]), OPTIONS);

    // Line 1 is the header, and the note takes two lines.
    expect(preview.rejected.map((row) => row.line)).toEqual(
      brokenIndexes.map((index) => index + 3),
    );
    expect(preview.rejected.every((row) => row.problem === 'quotesUnclosed')).toBe(true);
    expect(preview.accepted).toHaveLength(rows.length - brokenIndexes.length);
    expect(preview.accepted[noteIndex]).toMatchObject({ e164: noteNumber, reason: note });
  }, 20_000);
});

describe('parseDncCsv large input', () => {
  const rows = Array.from({ length: 60_000 }, (_, i) => `+1212${String(5_000_000 + i)}`);
  const csv = `phone\n${rows.join('\n')}\n`;

  it('reads every row across chunks', async () => {
    const preview = await parseDncCsv(new Blob([csv]), OPTIONS);

    expect(preview.totalRows).toBe(60_000);
    expect(preview.accepted.length + preview.rejected.length).toBe(60_000);
    expect(preview.rejected.every((row) => row.error === 'invalid phone number')).toBe(true);
  });

  it('reports rising progress ending at 1', async () => {
    const fractions: number[] = [];

    await parseDncCsv(csv, { ...OPTIONS, onProgress: (fraction) => fractions.push(fraction) });

    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((fraction, i) => i === 0 || fraction >= fractions[i - 1]!)).toBe(true);
  });
});

describe('readRows byte source', () => {
  const csv = '\ufeff电话;原因\r\n+8613812345678;"客户要求;\r\n删除"\r\n+8613812345679;热线\r\n';

  async function rowsOf(input: CsvInput): Promise<ParsedRow[]> {
    const rows: ParsedRow[] = [];
    await readRows(input, undefined, (row) => rows.push(row));
    return rows;
  }

  async function* oneByteAtATime(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
  }

  it('reads one-byte chunks as the same rows as a string', async () => {
    const bytes = new TextEncoder().encode(csv);

    const rows = await rowsOf({ chunks: oneByteAtATime(bytes), size: bytes.length });

    expect(rows).toEqual(await rowsOf(csv));
    expect(rows.map((row) => row.fields)).toEqual([
      ['电话', '原因'],
      ['+8613812345678', '客户要求;\r\n删除'],
      ['+8613812345679', '热线'],
    ]);
  });
});

describe('toDncCsv', () => {
  const entries: SuppressionEntry[] = [
    {
      e164: '+12125550100',
      reason: 'Customer request',
      source: 'hotline',
      addedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
    },
    {
      e164: '+8613812345678',
      reason: '客户要求, "立即"',
      source: 'web\nform',
      addedAt: Date.UTC(2024, 11, 31),
    },
    {
      e164: '+447400123456',
      reason: '=HYPERLINK("http://example.test")',
      source: '@import',
      addedAt: 0,
    },
    { e164: '+4915112345678', reason: '-1+2', source: '+crm', addedAt: 1 },
  ];

  it('writes a header and ISO dates', () => {
    const csv = toDncCsv(entries.slice(0, 1));

    expect(csv).toBe(
      'phone,reason,source,added_at\r\n+12125550100,Customer request,hotline,2025-01-02T03:04:05.000Z\r\n',
    );
  });

  it('quotes fields as RFC 4180 requires', () => {
    const rows = Papa.parse<string[]>(toDncCsv(entries), { skipEmptyLines: true }).data;

    expect(rows[2]).toEqual([
      '+8613812345678',
      '客户要求, "立即"',
      'web\nform',
      '2024-12-31T00:00:00.000Z',
    ]);
  });

  it('neutralises formulas in free text only', () => {
    const rows = Papa.parse<string[]>(toDncCsv(entries), { skipEmptyLines: true }).data;

    expect(rows[3]).toEqual([
      '+447400123456',
      `'=HYPERLINK("http://example.test")`,
      `'@import`,
      '1970-01-01T00:00:00.000Z',
    ]);
    expect(rows[4]?.slice(0, 3)).toEqual(['+4915112345678', `'-1+2`, `'+crm`]);
  });

  it('splits large exports into chunks', () => {
    const many = Array.from({ length: 25_000 }, (_, i) => ({
      ...entries[0]!,
      e164: `+1212${5_000_000 + i}`,
    }));

    const chunks = Array.from(toDncCsvChunks(many));

    expect(chunks).toHaveLength(3);
    expect(chunks.join('')).toBe(toDncCsv(many));
    expect(chunks.join('').split('\r\n')).toHaveLength(25_002);
  });

  it('round-trips through parseDncCsv', async () => {
    const preview = await parseDncCsv(toDncCsv(entries), { ...OPTIONS, defaultCountry: undefined });

    expect(preview.rejected).toEqual([]);
    expect(preview.accepted).toEqual(entries);
  });

  it('starts the download file with a BOM', async () => {
    const bytes = new Uint8Array(await toDncCsvBlob(entries).arrayBuffer());

    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3))).toBe(
      toDncCsv(entries),
    );
  });

  it('round-trips the download file', async () => {
    const preview = await parseDncCsv(toDncCsvBlob(entries), {
      ...OPTIONS,
      defaultCountry: undefined,
    });

    expect(preview.rejected).toEqual([]);
    expect(preview.headerDetected).toBe(true);
    expect(preview.accepted).toEqual(entries);
  });
});
