import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDncCsv } from '../../lib/suppression/csv.ts';
import { openDatabase, type Db } from '../../server/db.ts';
import { importDncFile, MAX_LISTED_REJECTS, type ImportOptions } from '../../server/importer.ts';
import { createStores, type Stores } from '../../server/stores.ts';
import { verifyAudit } from '../../server/verify.ts';
import { makeTempDir } from './helpers.ts';

let dir: string;
let db: Db;
let stores: Stores;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(dir);
  stores = createStores(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const OPTIONS = { reason: 'customer list', country: 'GB' } satisfies ImportOptions;

/** Writes `text` to a file in the test folder and imports it. */
async function importText(text: string, name = 'list.csv', options: ImportOptions = OPTIONS) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return importDncFile(db, stores.suppressions, file, options);
}

/** Returns the list's rows in the order they were added. */
function listed(): Array<{ e164: string; reason: string; source: string }> {
  return db
    .prepare(
      `SELECT s.e164, s.reason, s.source FROM suppressions s
       JOIN suppression_changes c ON c.e164 = s.e164 AND c.op = 'add' ORDER BY c.seq`,
    )
    .all() as Array<{ e164: string; reason: string; source: string }>;
}

describe('importDncFile rows', () => {
  it('reads a multi-line quoted note as one row', async () => {
    const csv = [
      'phone,note',
      '+447400123456,"Called on Monday:',
      'asked to be removed,',
      'confirmed by ""email"""',
      '+447400123457,short',
      '',
    ].join('\r\n');

    const report = await importText(csv);

    expect(report.rows).toBe(2);
    expect(report.rejectedCount).toBe(0);
    expect(listed().map((row) => row.e164)).toEqual(['+447400123456', '+447400123457']);
  });

  it('uses a reason column per row', async () => {
    const csv = [
      'phone,reason,source',
      '+447400123456,Complaint,hotline',
      '+447400123457,,',
      '+447400123458,Asked by email,',
    ].join('\n');

    await importText(csv);

    expect(listed()).toEqual([
      { e164: '+447400123456', reason: 'Complaint', source: 'hotline' },
      { e164: '+447400123457', reason: 'customer list', source: 'import:list.csv' },
      { e164: '+447400123458', reason: 'Asked by email', source: 'import:list.csv' },
    ]);
  });

  it('keeps the entry of a number already listed', async () => {
    await importText('phone,reason\n+447400123456,First\n', 'first.csv');

    const report = await importText(
      'phone,reason\n+447400123456,Second\n+447400123457,Second\n+447400123457,Third\n',
      'second.csv',
    );

    expect(report.added).toBe(1);
    expect(report.alreadyPresent).toBe(1);
    expect(report.repeated).toBe(1);
    expect(report.repeatedRows).toEqual([
      {
        line: 4,
        value: '+447400123457',
        error: 'duplicate of line 3',
        problem: 'duplicate',
        details: ['3'],
      },
    ]);
    expect(listed()).toEqual([
      { e164: '+447400123456', reason: 'First', source: 'import:first.csv' },
      { e164: '+447400123457', reason: 'Second', source: 'import:second.csv' },
    ]);
  });

  it('rejects only the line of a broken quote', async () => {
    const csv = [
      'phone,note',
      '+447400123456,"never closed',
      '+447400123457,ok',
      '+447400123458,ok',
    ].join('\n');

    const report = await importText(csv);

    expect(report.rejected.map(({ line, problem }) => ({ line, problem }))).toEqual([
      { line: 2, problem: 'quotesUnclosed' },
    ]);
    expect(listed().map((row) => row.e164)).toEqual(['+447400123457', '+447400123458']);
  });

  it('reports the line each row starts on', async () => {
    const csv = [
      'phone,note', // 1
      '', // 2
      'not a number,x', // 3
      '+447400123456,"two', // 4
      'lines"', // 5
      '', // 6
      ',empty', // 7
      '+447400123457,"x"y', // 8: unclosed, as the Options import reads it
      '+447400123458,x,extra', // 9
    ].join('\n');

    const report = await importText(csv);

    expect(report.rejected.map(({ line, problem }) => ({ line, problem }))).toEqual([
      { line: 3, problem: 'invalid' },
      { line: 7, problem: 'empty' },
      { line: 8, problem: 'quotesUnclosed' },
      { line: 9, problem: 'columns' },
    ]);
    expect(report.rows).toBe(5);
  });

  it.each([
    ['a BOM', '\uFEFFphone,reason\r\n07400 123456,Complaint\r\n'],
    ['semicolons', 'Name;Telephone;Reason\nSmith, Bob;07400 123456;Complaint\n'],
    ['a BOM and semicolons', '\uFEFFName;Telephone;Reason\r\n"Smith; Bob";07400 123456;Complaint'],
    ['tabs', 'Name\tTelephone\tReason\nSmith; Bob\t07400 123456\tComplaint\n'],
  ])('reads a file with %s', async (_name, csv) => {
    const report = await importText(csv);

    expect(report.headerDetected).toBe(true);
    expect(report.rejectedCount).toBe(0);
    expect(listed()).toEqual([
      { e164: '+447400123456', reason: 'Complaint', source: 'import:list.csv' },
    ]);
  });

  it('names the columns it read', async () => {
    const report = await importText('Mobile Number,Reason,Source,Added at\n+447400123456,,,\n');

    expect(report.phoneColumn).toBe('Mobile Number');
    expect(report.optionalColumns).toEqual({
      reason: 'Reason',
      source: 'Source',
      addedAt: 'Added at',
    });
  });
});

describe('importDncFile report', () => {
  it('lists the first rejected rows and counts all', async () => {
    const extra = 7;
    const rows = Array.from({ length: MAX_LISTED_REJECTS + extra }, (_, i) => `12-${i}`);

    const report = await importText(`phone\n${rows.join('\n')}\n+447400123456\n`);

    expect(report.rejectedCount).toBe(MAX_LISTED_REJECTS + extra);
    expect(report.rejected).toHaveLength(MAX_LISTED_REJECTS);
    expect(report.rejected.at(-1)?.line).toBe(MAX_LISTED_REJECTS + 1);
    expect(report.rejectedByProblem).toEqual({ invalid: MAX_LISTED_REJECTS + extra });
    expect(report.added).toBe(1);
  });

  it('reports progress after each batch', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `+4479${String(i).padStart(8, '0')}`);
    const progress: Array<{ bytesRead: number; totalBytes: number; rows: number }> = [];

    await importText(`phone\n${rows.join('\n')}\n`, 'list.csv', {
      ...OPTIONS,
      batchSize: 1_000,
      onProgress: (update) => progress.push(update),
    });

    expect(progress.map((update) => update.rows)).toEqual([1_000, 2_000, 2_500]);
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.totalBytes);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('streams a file larger than one read', async () => {
    // 80,000 rows of 28 bytes take about 2.2 MB, three reads of 1 MiB.
    const rows = Array.from(
      { length: 80_000 },
      (_, i) => `+4479${String(i).padStart(8, '0')},备注 ${String(i).padStart(6, '0')}`,
    );
    const csv = `phone,reason\n${rows.join('\n')}\n`;
    // The first read ends inside a three-byte character.
    expect(Buffer.from(csv)[1 << 20]! & 0xc0).toBe(0x80);

    const report = await importText(csv);

    expect(report.added).toBe(80_000);
    expect(report.rejectedCount).toBe(0);
    expect(listed().filter((row) => !/^备注 \d{6}$/.test(row.reason))).toEqual([]);
    expect(listed().at(-1)).toMatchObject({ e164: '+447900079999', reason: '备注 079999' });
  });
});

describe('importDncFile text encoding', () => {
  it('adds nothing when late bytes are not UTF-8', async () => {
    const rows = Array.from({ length: 80_000 }, (_, i) => `+4479${String(i).padStart(8, '0')},ok`);
    const file = join(dir, 'late.csv');
    // "不要" in GBK, after 1.4 MB of UTF-8 rows.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`phone,reason\n${rows.join('\n')}\n`),
        Buffer.from('2b3434373430303132333435362cb2bbd2aa0a', 'hex'),
      ]),
    );

    await expect(
      importDncFile(db, stores.suppressions, file, { ...OPTIONS, batchSize: 1_000 }),
    ).rejects.toMatchObject({ problem: 'notUtf8' });

    expect(listed()).toEqual([]);
  });

  it('reads the encoding it is given', async () => {
    const file = join(dir, 'gbk.csv');
    writeFileSync(
      file,
      Buffer.from('70686f6e652cd4add2f20a2b3434373430303132333435362cb2bbd2aa0a', 'hex'),
    );

    const report = await importDncFile(db, stores.suppressions, file, {
      ...OPTIONS,
      encoding: 'gb18030',
    });

    expect(report.encoding).toEqual({ name: 'gb18030', from: 'given' });
    expect(listed()).toMatchObject([{ e164: '+447400123456', reason: '不要' }]);
  });
});

describe('importDncFile and parseDncCsv', () => {
  // A rejected row for each problem that can occur with a country set, a
  // multi-line note, a number repeated in another format, per-row reasons,
  // CRLF line breaks and a BOM.
  const MIXED = [
    '\uFEFFName,Phone,Reason,Added at', // 1
    'Ann,07400 123456,Complaint,2025-03-04', // 2
    '"Smith, Bob","+44 7400 123457","Asked twice:', // 3
    'by phone, by ""mail""",', // 4
    'Cy,not a number,,', // 5
    'Di,,,', // 6
    '', // 7
    'Ed,+1 (202) 555-0147,,', // 8
    'Fi,+44 7400 123456,Repeat,', // 9
    'Gus,07400 123458,"bad"x,', // 10
    'Hal,07400 123459,"so"so",', // 11
    'Ivy,07400 123460,,last tuesday', // 12
    'Jo,07400 123461', // 13
    'Kim,07400 123462,ok,,extra', // 14
    'Lu,07400 123463,,', // 15
  ].join('\r\n');

  it('accept and reject the same rows', async () => {
    const preview = await parseDncCsv(MIXED, {
      defaultCountry: 'GB',
      defaultReason: OPTIONS.reason,
      source: 'import:mixed.csv',
    });

    const report = await importText(MIXED, 'mixed.csv');

    expect(report.rows).toBe(preview.totalRows);
    expect(report.added).toBe(preview.accepted.length);
    expect(report.alreadyPresent).toBe(0);
    expect(report.repeated).toBe(preview.duplicates);
    expect(report.repeatedRows).toEqual(preview.duplicateRows);
    expect(listed()).toEqual(
      preview.accepted.map(({ e164, reason, source }) => ({ e164, reason, source })),
    );
    expect(report.rejected).toEqual(preview.rejected);
    expect(report.headerDetected).toBe(preview.headerDetected);
    expect(report.phoneColumn).toBe(preview.phoneColumn);
    expect(report.rejected.map(({ line, problem }) => [line, problem])).toEqual([
      [5, 'invalid'],
      [6, 'empty'],
      [10, 'quotesUnclosed'],
      [11, 'quotes'],
      [12, 'addedAt'],
      [13, 'columns'],
      [14, 'columns'],
    ]);
    expect(report.added).toBe(4);
  });
});
