// `npm run demo`: builds the extension, starts the reference API with a demo
// list and token, serves a sample CRM record and dial pad on 127.0.0.1,
// opens Chromium with the extension configured and walks the tour.
// `npm run demo -- --once` exits after the tour: 0 only if every step worked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../server/index';
import { importDncFile } from '../server/importer';
import { stopWhenOrphaned } from '../server/orphan';
import { createToken } from '../server/tokens';
import {
  badgeStatuses,
  configureApi,
  launchWithExtension,
  servePages,
  syncNowFromPopup,
  waitUntil,
  type ExtensionSession,
} from './lib/chromium';

const { values: flags } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (flags.help) {
  console.log(`Usage: npm run demo [-- --once] [-- --skip-build] [-- --headless]

  --once        walk the tour, then stop everything; exit 0 only if every step worked
  --skip-build  use the extension already built in .output/chrome-mv3
  --headless    no browser window (the default when no DISPLAY is set)`);
  process.exit(0);
}

const DEMO_DIR = resolve('demo-data');
const SCREENSHOTS = join(DEMO_DIR, 'screenshots');
const steps: Array<{ name: string; ok: boolean; detail: string }> = [];
const cleanups: Array<() => Promise<void>> = [];

function report(name: string, ok: boolean, detail: string): void {
  steps.push({ name, ok, detail });
  console.log(`${ok ? '✔' : '✖'} ${name}${detail ? ` — ${detail}` : ''}`);
}

async function step(name: string, run: () => Promise<string>): Promise<void> {
  try {
    report(name, true, await run());
  } catch (error) {
    report(name, false, error instanceof Error ? error.message : String(error));
  }
}

async function stopAll(): Promise<void> {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}

async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

async function main(): Promise<number> {
  if (!flags['skip-build']) {
    console.log('Building the extension …');
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }

  rmSync(DEMO_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const server: RunningServer = await startServer({
    dbPath: join(DEMO_DIR, 'db'),
    logger: pino({ level: 'warn' }),
  });
  cleanups.push(() => server.close());
  const seeded = await importDncFile(
    server.stores.db,
    server.stores.suppressions,
    'demo/dnc-list.csv',
    {
      reason: 'Demo list',
      country: 'US',
    },
  );
  const agentToken = createToken(server.stores.db, 'agent', 'demo agent').token;
  const leadToken = createToken(server.stores.db, 'lead', 'demo lead').token;
  console.log(
    `API: ${server.url} (database in ${join(DEMO_DIR, 'db')}, ${seeded.added} numbers seeded)`,
  );

  const pages = await servePages('test/fixtures/pages');
  cleanups.push(() => pages.close());
  console.log(`Sample pages: ${pages.url}/crm-record.html and ${pages.url}/dial-pad.html`);

  const session: ExtensionSession = await launchWithExtension({ headless: flags.headless });
  cleanups.push(() => session.close());
  console.log(
    `Chromium started ${flags.headless ? 'headless' : 'with a window'}; walking the tour …\n`,
  );

  await step('Extension connected to the API and synced', async () => {
    await configureApi(session, server.url, agentToken);
    const popup = await syncNowFromPopup(session);
    const text = (await popup.locator('.list-summary').textContent()) ?? '';
    await popup.close();
    if (!text.includes(`${seeded.added} numbers on the list`))
      throw new Error(`unexpected popup text: ${text}`);
    return text.trim();
  });

  const record = await session.context.newPage();
  await step('Numbers on the CRM record are flagged', async () => {
    await record.goto(`${pages.url}/crm-record.html`);
    const badges = await waitUntil(
      () => badgeStatuses(record),
      (found) => Object.keys(found).length >= 6,
      'badges',
    );
    const suppressed = Object.values(badges).filter((status) => status === 'suppressed').length;
    if (suppressed !== 4)
      throw new Error(`expected 4 suppressed numbers, found ${JSON.stringify(badges)}`);
    return `${suppressed} suppressed, ${Object.keys(badges).length - suppressed} allowed; ${await screenshot(record, '1-flagged')}`;
  });

  await step('Dialing a suppressed number is blocked', async () => {
    await record.locator('#home-link').click();
    const notice = record.locator('dnc-guard-notice[role="alertdialog"]');
    await notice.waitFor({ timeout: 5_000 });
    const path = await screenshot(record, '2-blocked');
    await record.keyboard.press('Escape');
    return `the tel: link to +1 415 555 0123 showed the notice; ${path}`;
  });

  await step('A number added on the server is flagged after sync', async () => {
    const response = await fetch(`${server.url}/v1/suppressions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        entries: [{ phone: '+1 212 555 0187', reason: 'Asked during the demo call' }],
      }),
    });
    if (!response.ok) throw new Error(`the API returned HTTP ${response.status}`);
    const popup = await syncNowFromPopup(session);
    await popup.close();
    await waitUntil(
      () => badgeStatuses(record),
      (found) => found['+12125550187'] === 'suppressed',
      '+1 212 555 0187 flagged',
    );
    return `+1 212 555 0187 turned red in the open tab; ${await screenshot(record, '3-synced')}`;
  });

  const failed = steps.filter((entry) => !entry.ok).length;
  console.log(
    `\n${steps.length - failed} of ${steps.length} steps worked. Screenshots: ${SCREENSHOTS}`,
  );
  return failed === 0 ? 0 : 1;
}

// Ctrl-C, a closed terminal and `kill` or a supervisor's timeout all stop
// the API, the page server and Chromium, so no port is left open. So does
// the end of the npm process that started the demo.
let stopping = false;
function shutDown(cause: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`\nStopping (${cause}) …`);
  void stopAll().then(() => process.exit(0));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => shutDown(signal));
}
stopWhenOrphaned(() => shutDown('parent process exited'));

main()
  .then(async (code) => {
    if (flags.once || code !== 0) {
      await stopAll();
      process.exit(code);
    }
    console.log(
      flags.headless
        ? 'The API and the sample pages keep running; open them in your own browser with .output/chrome-mv3 loaded. Press Ctrl-C to stop.'
        : 'Everything keeps running; try the pages above in the browser. Press Ctrl-C to stop.',
    );
  })
  .catch(async (error: unknown) => {
    console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll();
    process.exit(1);
  });
