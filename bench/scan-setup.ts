/**
 * Setup shared by bench/scan.bench.ts and bench/scan-profile.ts: the page
 * bundles, a 127.0.0.1 server for the list page, Chromium, and the results the
 * stand-in worker returns.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { z } from 'zod';

import type { ListInfo, NumberResult } from '../lib/messaging/protocol.ts';
import { formatForDisplay } from '../lib/phone/format.ts';
import { validateCandidate } from '../lib/phone/validate.ts';
import { crmListHtml, crmListRowsHtml } from '../test/fixtures/generate.ts';
import type { ScanHarness } from './scan-page.ts';

export const ROWS = 2000;
export const APPENDED_ROWS = 50;
/** Quiet time after load and a forced layout, so the scan does not share its first frames with page load. */
const SETTLE_AFTER_LOAD_MS = 300;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const LIST: ListInfo = {
  loaded: true,
  size: 1000,
  pendingCount: 0,
  updatedAt: 1_700_000_000_000,
  stale: false,
  staleAfterHours: 24,
  unknownPolicy: 'block',
  showAllowedBadges: true,
};

export type HarnessWindow = typeof globalThis & { scanHarness: ScanHarness };

/** Points `wxt/browser` at the benchmark's stand-in. */
const browserStub: Plugin = {
  name: 'wxt-browser-stub',
  setup(builder) {
    builder.onResolve({ filter: /^wxt\/browser$/ }, () => ({
      path: resolve(root, 'bench/scan-browser-stub.ts'),
    }));
  },
};

export async function bundle(entry: string, minify = true): Promise<string> {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    // The extension's build minifies too; parse time and bundle size follow it.
    minify,
    write: false,
    plugins: [browserStub],
    logLevel: 'warning',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote no output for ${entry}.`);
  return output.text;
}

async function serve(files: Record<string, { type: string; body: string }>) {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export async function openListPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${url}/list.html`, { waitUntil: 'load' });
  await page.addScriptTag({ url: '/scan-page.js' });
  await page.addScriptTag({ url: '/scan-baseline.js' });
  await page.evaluate(() => document.body.getBoundingClientRect().height);
  await page.waitForTimeout(SETTLE_AFTER_LOAD_MS);
  return page;
}

/** Runs the scanner once with no prepared results, to learn which raw numbers it requests on this page. */
export async function discoverRawNumbers(browser: Browser, url: string, rowsHtml: string) {
  const page = await openListPage(browser, url);
  try {
    const missing = await page.evaluate(
      async ([list, rows]) => {
        const harness = (globalThis as HarnessWindow).scanHarness;
        harness.setResults([], list);
        await harness.scan();
        return (await harness.append(rows)).missing;
      },
      [LIST, rowsHtml] as const,
    );
    return z.array(z.string()).parse(missing);
  } finally {
    await page.close();
  }
}

/** The background worker's result for each raw number: suppressed when the E.164 ends in 7. */
export function resultsFor(raws: readonly string[]): NumberResult[] {
  return raws.map((raw): NumberResult => {
    const e164 = validateCandidate(raw, 'US');
    if (!e164) return { raw, e164: null, status: 'invalid' };
    const display = formatForDisplay(e164);
    if (!e164.endsWith('7')) return { raw, e164, display, status: 'allowed' };
    return {
      raw,
      e164,
      display,
      status: 'suppressed',
      reason: 'Customer asked',
      source: 'bench',
      addedAt: 1_700_000_000_000,
    };
  });
}

export interface BenchSession {
  browser: Browser;
  url: string;
  rowsHtml: string;
  pageScript: string;
  baselineScript: string;
  close(): Promise<void>;
}

/** Bundles the page scripts, serves the list page on 127.0.0.1 and starts headless Chromium. */
export async function startBenchSession(options = { minify: true }): Promise<BenchSession> {
  const [pageScript, baselineScript] = await Promise.all([
    bundle('bench/scan-page.ts', options.minify),
    bundle('bench/scan-baseline.ts', options.minify),
  ]);
  const rowsHtml = crmListRowsHtml(ROWS, APPENDED_ROWS);
  const server = await serve({
    '/list.html': { type: 'text/html; charset=utf-8', body: crmListHtml(ROWS) },
    '/scan-page.js': { type: 'text/javascript', body: pageScript },
    '/scan-baseline.js': { type: 'text/javascript', body: baselineScript },
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  return {
    browser,
    url: server.url,
    rowsHtml,
    pageScript,
    baselineScript,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
