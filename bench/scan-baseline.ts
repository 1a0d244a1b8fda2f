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

interface LongFrames {
  count: number;
  maxMs: number;
}

/** Frames of 50 ms or more from `change` on, with no scanner running: the page's own price. */
async function longFramesAfter(change: () => void): Promise<LongFrames> {
  const frames: LongFrameEntry[] = [];
  const observer = new PerformanceObserver((list) =>
    frames.push(...(list.getEntries() as LongFrameEntry[])),
  );
  observer.observe({ type: 'long-animation-frame' });
  const startedAt = performance.now();

  change();
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  await new Promise((resolve) => setTimeout(resolve, 100));

  frames.push(...(observer.takeRecords() as LongFrameEntry[]));
  observer.disconnect();
  const ours = frames.filter((entry) => entry.startTime + entry.duration >= startedAt);
  return { count: ours.length, maxMs: Math.max(0, ...ours.map((entry) => entry.duration)) };
}

/** Control for the append phase: the page appends rows and no scanner runs. */
function appendRowsAlone(rowsHtml: string): Promise<LongFrames> {
  return longFramesAfter(() =>
    document.querySelector('#list tbody')?.insertAdjacentHTML('beforeend', rowsHtml),
  );
}

/**
 * Control for the smallest change anyone can make to the list: one empty
 * span added to one cell. It shows the frame that any badge in this table
 * costs, however small.
 */
function addOneSpan(): Promise<LongFrames> {
  const cell = document.querySelector('#list tbody td:nth-child(3)');
  return longFramesAfter(() => cell?.append(document.createElement('span')));
}

Object.assign(globalThis, { runBaseline, appendRowsAlone, addOneSpan });
