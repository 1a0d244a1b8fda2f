/**
 * Baseline of bench/scan.bench.ts: what a click-to-call extension typically
 * does, libphonenumber-js `findPhoneNumbersInText` (full metadata) over every
 * text node of the body, default country US, in one task.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/max';

export interface BaselineFigures {
  ms: number;
  textNodes: number;
  /** One "row|E.164" entry per number found, row -1 outside the list. */
  found: string[];
}

function runBaseline(): BaselineFigures {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const hits: Array<{ node: Node; e164: string }> = [];
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes++;
    for (const match of findPhoneNumbersInText((node as Text).data, 'US')) {
      hits.push({ node, e164: match.number.number });
    }
  }
  const ms = performance.now() - start;

  const found = hits.map(({ node, e164 }) => {
    const row = node.parentElement?.closest<HTMLElement>('tr[data-row]')?.dataset.row ?? '-1';
    return `${row}|${e164}`;
  });
  return { ms, textNodes, found };
}

interface LongFrameEntry extends PerformanceEntry {
  renderStart: number;
}

/** Control for the append phase: frames of 50 ms or more when the page appends rows and no scanner runs. */
async function appendRowsAlone(rowsHtml: string): Promise<{ count: number; maxMs: number }> {
  const frames: LongFrameEntry[] = [];
  const observer = new PerformanceObserver((list) =>
    frames.push(...(list.getEntries() as LongFrameEntry[])),
  );
  observer.observe({ type: 'long-animation-frame' });
  const startedAt = performance.now();

  document.querySelector('#list tbody')?.insertAdjacentHTML('beforeend', rowsHtml);
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  await new Promise((resolve) => setTimeout(resolve, 100));

  frames.push(...(observer.takeRecords() as LongFrameEntry[]));
  observer.disconnect();
  const ours = frames.filter((entry) => entry.startTime + entry.duration >= startedAt);
  return { count: ours.length, maxMs: Math.max(0, ...ours.map((entry) => entry.duration)) };
}

Object.assign(globalThis, { runBaseline, appendRowsAlone });
