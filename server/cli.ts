import { parseArgs } from 'node:util';
import pino from 'pino';
import { statSync } from 'node:fs';
import { Role } from '../lib/api/schemas.ts';
import { isKnownCountry, type CountryCode } from '../lib/phone/normalize.ts';
import {
  CsvFileError,
  encodingName,
  type TextEncodingUsed,
} from '../lib/suppression/csv-encoding.ts';
import { openDatabase } from './db.ts';
import { formatCount, formatImportReport } from './import-report.ts';
import { DEFAULT_IMPORT_REASON } from '../lib/suppression/entry-words.ts';
import { checkCsvFile, importDncFile, MAX_LISTED_REJECTS } from './importer.ts';
import { startServer } from './index.ts';
import { createStores } from './stores.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { DEFAULT_RATE_LIMIT } from './tokens.ts';
import { stopWhenOrphaned } from './orphan.ts';
import { verifyAudit } from './verify.ts';

const HELP = `DNC Guard reference API server

Usage:
  npm run server -- [--port N] [--host HOST] [--db DIR] [--rate-limit N] [--burst N] [--log-level LEVEL]
  npm run server -- token create --role agent|lead|admin --name NAME [--db DIR]
  npm run server -- token list [--db DIR]
  npm run server -- token revoke TOKEN_ID [--db DIR]
  npm run server -- import-dnc FILE.csv [--reason TEXT] [--country CC] [--source TEXT] [--encoding NAME] [--batch-size N] [--db DIR]
  npm run server -- audit verify [--db DIR]

Commands:
  (none)        Start the v1 API and log its URL. Stops cleanly on SIGINT or SIGTERM.
  token create  Create a bearer token; it is printed once, alone on the last line.
  token list    List token ids, roles, dates and names (never the tokens).
  token revoke  Revoke a token by the id that "token list" shows.
  import-dnc    Load a CSV of phone numbers onto the suppression list, read as
                the extension's Options import reads it. The delimiter (comma,
                semicolon, tab or pipe) and a header row naming the phone column
                (phone, number, telephone, mobile, e164, 电话, 手机 …) are
                detected; without a header, the column that holds numbers is
                used. A row's own reason and source cells win over --reason and
                --source. Numbers already on the list keep their entry, and
                of a number repeated in the file the first row counts; the
                repeats are listed with the line they repeat. Rejected rows
                are counted by problem and listed with line numbers (first
                ${MAX_LISTED_REJECTS} of each, then a count). The file must be UTF-8 (in
                Excel: Save As, type "CSV UTF-8 (Comma delimited)"), UTF-16
                with a byte order mark, or in the encoding --encoding names.
                Without --encoding, a file that is not UTF-8 stops the command
                before anything is imported; a workbook (.xlsx, .xls, .ods)
                always does.
  audit verify  Check the audit log hash chain; prints "ok" and exits 0, or
                names the first broken event seq and exits 1.

Options:
  --db DIR          Folder of the database file dnc-guard.sqlite, created when
                    missing (default ./data)
  --port N          TCP port to listen on (default 8787; 0 picks a free port)
  --host HOST       Address to listen on (default 127.0.0.1)
  --rate-limit N    Requests per second allowed per token (default ${DEFAULT_RATE_LIMIT.perSecond})
  --burst N         Requests a token may send at once after being idle (default ${DEFAULT_RATE_LIMIT.burst})
  --log-level L     pino level: fatal, error, warn, info, debug, trace, silent (default info)
  --role R          Role of a new token: agent, lead or admin
  --name NAME       Name of a new token, recorded as the actor in the audit log
  --reason TEXT     Reason stored with imported numbers whose row has no reason
                    (default "${DEFAULT_IMPORT_REASON}")
  --country CC      Country for national-format numbers: an ISO 3166-1 alpha-2
                    code that libphonenumber-js supports, e.g. GB
  --source TEXT     Source stored with imported numbers whose row has no source
                    (default import:<file name>)
  --encoding NAME   Encoding of a CSV that is not UTF-8, as a WHATWG label:
                    gb18030 (Excel's plain "CSV" on Simplified Chinese
                    Windows), big5, shift_jis, euc-kr, windows-1252 (Western
                    European) and others. A byte order mark in the file wins.
  --batch-size N    Rows per import transaction (default 50000)
  -h, --help        Show this help
`;

class UsageError extends Error {}

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return number;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: './data' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'rate-limit': { type: 'string' },
      burst: { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      role: { type: 'string' },
      name: { type: 'string' },
      reason: { type: 'string' },
      country: { type: 'string' },
      source: { type: 'string' },
      encoding: { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });

  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const [command, subcommand, ...rest] = positionals;
  switch (command) {
    case undefined:
      return serveCommand(values);
    case 'token':
      return tokenCommand(subcommand, rest, values);
    case 'import-dnc':
      return importCommand(subcommand, values);
    case 'audit':
      if (subcommand !== 'verify')
        throw new UsageError('unknown audit command; use "audit verify"');
      return auditVerifyCommand(values.db);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function serveCommand(values: {
  db: string;
  port?: string;
  host: string;
  'rate-limit'?: string;
  burst?: string;
  'log-level': string;
}): Promise<number> {
  const logger = pino({ level: values['log-level'] });
  const server = await startServer({
    dbPath: values.db,
    host: values.host,
    port: positiveInteger(values.port, '--port', 8787),
    logger,
    rateLimit: {
      perSecond: positiveInteger(
        values['rate-limit'],
        '--rate-limit',
        DEFAULT_RATE_LIMIT.perSecond,
      ),
      burst: positiveInteger(values.burst, '--burst', DEFAULT_RATE_LIMIT.burst),
    },
  });

  await new Promise<void>((resolve) => {
    const stop = (cause: NodeJS.Signals | 'parent process exited') => {
      logger.info({ cause }, 'shutting down');
      server.close().then(resolve, (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    stopWhenOrphaned(() => stop('parent process exited'));
  });
  return 0;
}

function tokenCommand(
  subcommand: string | undefined,
  rest: string[],
  values: { db: string; role?: string; name?: string },
): number {
  const db = openDatabase(values.db);
  try {
    if (subcommand === 'create') {
      const role = Role.safeParse(values.role);
      if (!role.success) throw new UsageError('--role must be agent, lead or admin');
      const name = required(values.name, '--name');
      const { token, info } = createToken(db, role.data, name);
      process.stdout.write(
        `Created ${info.role} token "${info.name}" (id ${info.id}). It is shown only once; store it now:\n${token}\n`,
      );
      return 0;
    }
    if (subcommand === 'list') {
      const rows = listTokens(db).map((token) => ({
        ...token,
        state: token.revokedAt ? `revoked ${token.revokedAt}` : 'active',
      }));
      const stateWidth = Math.max(0, ...rows.map((row) => row.state.length));
      // The name goes last, because a name may contain Chinese or other wide
      // characters, and string length does not give their width on a terminal.
      for (const token of rows) {
        process.stdout.write(
          `${token.id}  ${token.role.padEnd(5)}  created ${token.createdAt}  ${token.state.padEnd(stateWidth)}  ${token.name}\n`,
        );
      }
      return 0;
    }
    if (subcommand === 'revoke') {
      const id = required(rest[0], 'TOKEN_ID');
      if (!revokeToken(db, id)) {
        process.stderr.write(`no active token with id ${id}; see "token list"\n`);
        return 1;
      }
      process.stdout.write(`revoked ${id}\n`);
      return 0;
    }
    throw new UsageError(
      'unknown token command; use "token create", "token list" or "token revoke"',
    );
  } finally {
    db.close();
  }
}

async function importCommand(
  file: string | undefined,
  values: {
    db: string;
    reason?: string;
    country?: string;
    source?: string;
    encoding?: string;
    'batch-size'?: string;
  },
): Promise<number> {
  const path = required(file, 'FILE');
  const country = countryOption(values.country);
  const encoding = encodingOption(values.encoding);
  // Checked before the database folder is created, so a mistyped path or a
  // file that cannot be imported leaves nothing behind.
  checkReadableFile(path);
  const checked = await checkFileText(path, encoding);

  const db = openDatabase(values.db);
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastLine = 0;

  try {
    const report = await importDncFile(db, createStores(db).suppressions, path, {
      reason: values.reason,
      country,
      source: values.source,
      encoding,
      checked,
      batchSize: positiveInteger(values['batch-size'], '--batch-size', 50_000) || 50_000,
      onProgress: ({ bytesRead, totalBytes, rows }) => {
        const fraction = totalBytes === 0 ? 1 : Math.min(1, bytesRead / totalBytes);
        if (tty) {
          const width = 30;
          const filled = Math.round(fraction * width);
          process.stderr.write(
            `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${formatCount(rows)} rows`,
          );
        } else if (performance.now() - lastLine > 2000) {
          lastLine = performance.now();
          process.stderr.write(
            `import: ${(fraction * 100).toFixed(0)}% read, ${formatCount(rows)} rows\n`,
          );
        }
      },
    });
    if (tty) process.stderr.write('\n');

    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(formatImportReport(path, report, seconds));
    return 0;
  } finally {
    db.close();
  }
}

/** Parses --country. An unknown code stops the command here, because the import would reject every national number. */
function countryOption(value: string | undefined): CountryCode | undefined {
  if (value === undefined) return undefined;
  const code = value.trim().toUpperCase();
  if (!isKnownCountry(code))
    throw new UsageError(
      `invalid --country "${value}": expected an ISO 3166-1 alpha-2 code that libphonenumber-js supports, such as GB, US or DE`,
    );
  return code;
}

/** Parses --encoding. An unknown label stops the command here, before the file is read. */
function encodingOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (encodingName(value) === null)
    throw new UsageError(
      `unknown --encoding "${value}": expected an encoding label that TextDecoder accepts (WHATWG Encoding Standard), such as gb18030, big5, shift_jis, euc-kr or windows-1252`,
    );
  return value;
}

/** Reads the file through before the import starts. A workbook or a file that is not UTF-8 stops the command. */
async function checkFileText(
  path: string,
  encoding: string | undefined,
): Promise<TextEncodingUsed> {
  try {
    return await checkCsvFile(path, encoding);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    if (error.problem === 'workbook')
      throw new Error(
        `${path} is a spreadsheet workbook, not a CSV: save it as CSV UTF-8 (in Excel: File > Save As, type "CSV UTF-8 (Comma delimited)") and import that file. Nothing was imported.`,
      );
    throw new Error(
      [
        `${path} is not UTF-8 text, so nothing was imported. Either:`,
        '  - save it again from Excel with File > Save As and the type "CSV UTF-8 (Comma delimited)", or',
        '  - name the encoding it was saved in: --encoding gb18030 (Excel\'s plain "CSV" on Simplified',
        '    Chinese Windows), big5 (Traditional Chinese), shift_jis (Japanese), euc-kr (Korean) or',
        '    windows-1252 (Western European).',
      ].join('\n'),
    );
  }
}

/** Throws "file not found" or "not a file" for a path the import cannot read as a file. */
function checkReadableFile(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
      throw new Error(`file not found: ${path}`);
    throw error;
  }
  if (!stats.isFile()) throw new Error(`not a file: ${path}`);
}

function auditVerifyCommand(dbPath: string): number {
  const db = openDatabase(dbPath);
  try {
    const result = verifyAudit(db);
    if (result.ok) {
      process.stdout.write('ok\n');
      return 0;
    }
    process.stdout.write(`audit chain broken at seq ${result.brokenSeq}: ${result.problem}\n`);
    return 1;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`error: ${error.message}\nRun with --help for usage.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
