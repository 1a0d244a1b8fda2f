// All-day cost of the built extension on busy pages, in headless Chromium.
// It measures main-thread time per minute on a page that rewrites counters
// beside its numbers every 50 ms and on a list that renders all its rows
// anew every 500 ms, each with and without the extension. It also counts
// the painted frames that show a number without its badge. Run with
// `npm run bench -- busy`, which builds the extension first, or with
// `npx tsx bench/busy-page.bench.ts` after `npm run build`; it prints a
// Markdown section.

import { cpus, loadavg } from 'node:os';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { z } from 'zod';

import {
  CHROMIUM,
  chromiumArgs,
  launchWithExtension,
  servePages,
} from '../scripts/lib/chromium.ts';
import { importCsv } from '../test/e2e/browser.ts';

/** Seconds measured on each page, after WARMUP_MS. */
const WINDOW_S = 20;
const WARMUP_MS = 4000;
/** Painted frames checked for numbers without a badge, after the window. */
const CHECKED_FRAMES = 180;
const ROWS = 100;
const AREA_CODES = [212, 646, 415, 312, 617];

/** Returns the fictional number of row `i`: 555-0100 to 555-0199, in a new area code each hundred rows. */
function numberOf(i: number): { shown: string; e164: string } {
  const area = AREA_CODES[Math.floor(i / 100) % AREA_CODES.length] ?? 212;
  const line = `01${String(i % 100).padStart(2, '0')}`;
  return { shown: `(${area}) 555-${line}`, e164: `+1${area}555${line}` };
}

/** Tells whether row `i`'s number is on the list: every third one is. */
const isListed = (i: number): boolean => i % 3 === 0;

function countersPage(): string {
  const rows = Array.from(
    { length: ROWS },
    (_, i) =>
      `<tr><td>Contact ${i}</td><td><span class="n">${numberOf(i).shown}</span> · ` +
      `<span class="tick">0</span></td><td class="seen">0s ago</td></tr>`,
  );
  return `<!doctype html><meta charset="utf-8"><title>Counters</title>
<table><tbody>${rows.join('')}</tbody></table>
<script>
const ticks = [...document.querySelectorAll('.tick')].map((span) => span.firstChild);
const seen = [...document.querySelectorAll('.seen')];
let tick = 0;
setInterval(() => {
  tick++;
  for (const text of ticks) text.data = String(tick);
  for (const cell of seen) cell.textContent = Math.floor(tick / 20) + 's ago';
}, 50);
</script>`;
}

function rerenderPage(): string {
  const numbers = Array.from({ length: ROWS * 2 }, (_, i) => numberOf(i).shown);
  return `<!doctype html><meta charset="utf-8"><title>List rendered anew</title>
<table><tbody id="rows"></tbody></table>
<script>
const numbers = ${JSON.stringify(numbers)};
const body = document.getElementById('rows');
let renders = 0;
function render() {
  const rows = numbers.map((number, i) => {
    const row = document.createElement('tr');
    for (const [name, text] of [['', 'Contact ' + i], ['n', number], ['', renders + ' renders']]) {
      const cell = document.createElement('td');
      cell.className = name;
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  body.replaceChildren(...rows);
  renders++;
}
render();
setInterval(render, 500);
</script>`;
}

const PAGES = [
  {
    path: '/counters.html',
    name: `${ROWS} rows, a counter beside each number and a "seen" cell rewritten every 50 ms`,
    make: countersPage,
    numbers: ROWS,
  },
  {
    path: '/rerender.html',
    name: `${ROWS * 2} rows with a number each, all rows replaced every 500 ms`,
    make: rerenderPage,
    numbers: ROWS * 2,
  },
];

const metricsSchema = z.object({
  metrics: z.array(z.object({ name: z.string(), value: z.number() })),
});

interface Costs {
  taskMs: number;
  scriptMs: number;
  styleLayoutMs: number;
}

/** Returns main-thread time per minute over WINDOW_S, from CDP Performance.getMetrics (thread time). */
async function measureCosts(page: Page): Promise<Costs> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => {
    const { metrics } = metricsSchema.parse(await session.send('Performance.getMetrics'));
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return {
      task: value('TaskDuration'),
      script: value('ScriptDuration'),
      styleLayout: value('LayoutDuration') + value('RecalcStyleDuration'),
    };
  };
  const before = await read();
  await page.waitForTimeout(WINDOW_S * 1000);
  const after = await read();
  const perMinute = (seconds: number) => (seconds * 1000 * 60) / WINDOW_S;
  return {
    taskMs: perMinute(after.task - before.task),
    scriptMs: perMinute(after.script - before.script),
    styleLayoutMs: perMinute(after.styleLayout - before.styleLayout),
  };
}

/**
 * Counts painted frames in which a number lacks its badge or shows a wrong
 * status. Numbers are the `.n` elements in row order, and every third one
 * is listed.
 */
async function framesLackingBadges(page: Page): Promise<{ lacking: number; wrong: number }> {
  // A string, because tsx names the functions it compiles with a helper the page lacks.
  const counts = await page.evaluate(`new Promise((resolve) => {
    let seen = 0, lacking = 0, wrong = 0;
    requestAnimationFrame(function check() {
      let missing = false, mismatched = false;
      document.querySelectorAll('.n').forEach((element, i) => {
        const badge = element.querySelector('dnc-guard-badge');
        if (!badge) missing = true;
        else if ((badge.getAttribute('data-status') === 'suppressed') !== (i % 3 === 0)) mismatched = true;
      });
      if (missing) lacking++;
      if (mismatched) wrong++;
      if (++seen < ${CHECKED_FRAMES}) requestAnimationFrame(check);
      else resolve({ lacking, wrong });
    });
  })`);
  return z.object({ lacking: z.number(), wrong: z.number() }).parse(counts);
}

async function runPage(
  context: BrowserContext,
  url: string,
  withExtension: boolean,
): Promise<Costs & { lacking: number | null; wrong: number | null }> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForTimeout(WARMUP_MS);
    const costs = await measureCosts(page);
    if (!withExtension) return { ...costs, lacking: null, wrong: null };
    return { ...costs, ...(await framesLackingBadges(page)) };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const csv = [
    'phone',
    ...Array.from({ length: ROWS * 2 }, (_, i) => i)
      .filter(isListed)
      .map((i) => numberOf(i).e164),
  ].join('\n');
  const server = await servePages(
    'test/fixtures/pages',
    Object.fromEntries(PAGES.map((page) => [page.path, page.make])),
  );
  const session = await launchWithExtension();
  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs().filter((arg) => !arg.includes('extension')),
  });
  const load = loadavg();
  const rows: string[] = [];
  try {
    await (await importCsv(session, csv)).close();
    const plainContext = await plain.newContext({ viewport: { width: 1200, height: 800 } });

    for (const page of PAGES) {
      const url = `${server.url}${page.path}`;
      const alone = await runPage(plainContext, url, false);
      const withExtension = await runPage(session.context, url, true);
      const cell = (ours: number, control: number) =>
        `${Math.round(ours).toLocaleString('en-US')} (${Math.round(control).toLocaleString('en-US')}; +${Math.round(ours - control).toLocaleString('en-US')})`;
      rows.push(
        `| ${page.name} | ${cell(withExtension.taskMs, alone.taskMs)} | ` +
          `${cell(withExtension.scriptMs, alone.scriptMs)} | ` +
          `${cell(withExtension.styleLayoutMs, alone.styleLayoutMs)} | ` +
          `${withExtension.lacking} of ${CHECKED_FRAMES} | ${withExtension.wrong} |`,
      );
    }
  } finally {
    await session.close();
    await plain.close();
    await server.close();
  }

  console.log(`### Content script on busy pages (built extension, Chromium)

Each page runs ${WARMUP_MS / 1000} s. Then main-thread time is read over ${WINDOW_S} s from CDP \`Performance.getMetrics\` (thread time), in a browser with the built extension and a list of every third number. The same is read in a browser without it (in brackets, with the difference). Then ${CHECKED_FRAMES} painted frames are checked, each for a number without a badge and for a badge with the wrong status. Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, load average ${load.map((value) => value.toFixed(2)).join(', ')} before the runs.

| page | main-thread task time (ms/min) | of which script | of which style and layout | frames with a number lacking its badge | frames with a wrong badge |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

A page that rewrites text beside a number keeps the number's badge: the rescan of the text finds the same number and leaves its badge in place. A list that replaces its rows loses their badges with them; the new rows get theirs after the next idle slice and frame.`);
}

await main();
