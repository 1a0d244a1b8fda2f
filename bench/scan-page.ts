/**
 * Page half of bench/scan.bench.ts: the content-script parts (scanner,
 * badges, status client, idle scheduler, real message client) wired as
 * lib/content/main.ts wires them, with every piece of their main-thread work
 * timed. Bundled by esbuild with `wxt/browser` aliased to scan-browser-stub.ts.
 */
import { BadgeManager } from '../lib/content/badges';
import { BADGE_TAG } from '../lib/content/dom-rules';
import { scheduleIdle, type IdleScheduler } from '../lib/content/idle';
import { PageScanner, type ScanSink } from '../lib/content/scanner';
import { StatusClient } from '../lib/content/status-client';
import { sendToBackground } from '../lib/messaging/client';
import type { ListInfo, NumberResult } from '../lib/messaging/protocol';
import { backgroundStandIn } from './scan-browser-stub';

/** Main-thread figures of one phase (the first scan, or the rows appended after it), in ms. */
export interface PhaseFigures {
  /** Everything below: slice tasks with their microtasks, reply tasks, observer callbacks outside them. */
  totalMs: number;
  scanSlices: number;
  scanSliceMs: number;
  renderSlices: number;
  renderSliceMs: number;
  /** Microtasks that ran after a slice in the same task: mutation observer callbacks, status requests. */
  sliceMicrotaskMs: number;
  replyTasks: number;
  replyMs: number;
  /** Mutation observer callbacks run in a task that is not ours (the page appending rows). */
  observerOutsideMs: number;
  maxSliceMs: number;
  /** Longest of our tasks: a slice or a reply with the microtasks that follow it. */
  maxTaskMs: number;
  longTaskCount: number;
  longTaskMaxMs: number;
  /** Frames of 50 ms or more, rendering included (Long Animation Frames API), which "longtask" entries leave out. */
  longFrameCount: number;
  longFrameMaxMs: number;
  /** Style, layout and paint time of those frames. */
  longFrameRenderMs: number;
  /** Numbers stage 1 found and passed to the badge manager. */
  candidates: number;
  badges: number;
  wallMs: number;
  /** Raw numbers the stand-in worker had no prepared result for. */
  missing: string[];
}

export interface BadgeInfo {
  row: number;
  e164: string;
  status: string;
}

/** Microtask rounds waited after a task's own code, so the promise chains it started are timed with it. */
const MICROTASK_ROUNDS = 8;
/** Wait after the frame that showed the last badges, before reading long-task entries, which arrive a little later. */
const LONG_TASK_SETTLE_MS = 100;
const PHASE_TIMEOUT_MS = 60_000;

function afterMicrotasks(rounds: number, done: () => void): void {
  queueMicrotask(() => (rounds <= 1 ? done() : afterMicrotasks(rounds - 1, done)));
}

class Meter {
  figures = emptyFigures();
  inOurTask = false;
  private startedAt = 0;
  private finish: (() => void) | null = null;

  constructor(private readonly isIdle: () => boolean) {}

  begin(onDone: () => void): void {
    this.figures = emptyFigures();
    this.startedAt = performance.now();
    this.finish = onDone;
  }

  /** Times `run` and the microtasks it leaves, as one task of ours. */
  task(kind: 'scan' | 'render' | 'reply', run: () => void): void {
    const start = performance.now();
    this.inOurTask = true;
    run();
    const codeMs = performance.now() - start;

    afterMicrotasks(MICROTASK_ROUNDS, () => {
      const end = performance.now();
      this.inOurTask = false;
      this.record(kind, codeMs, end - start);
      if (this.finish && this.isIdle()) {
        this.figures.wallMs = end - this.startedAt;
        const finish = this.finish;
        this.finish = null;
        finish();
      }
    });
  }

  observerCallback(ms: number): void {
    if (this.inOurTask) return;
    this.figures.observerOutsideMs += ms;
    this.figures.totalMs += ms;
  }

  private record(kind: 'scan' | 'render' | 'reply', codeMs: number, taskMs: number): void {
    const f = this.figures;
    f.totalMs += taskMs;
    f.maxTaskMs = Math.max(f.maxTaskMs, taskMs);
    if (kind === 'reply') {
      f.replyTasks++;
      f.replyMs += taskMs;
      return;
    }
    f.maxSliceMs = Math.max(f.maxSliceMs, codeMs);
    f.sliceMicrotaskMs += taskMs - codeMs;
    if (kind === 'scan') {
      f.scanSlices++;
      f.scanSliceMs += codeMs;
    } else {
      f.renderSlices++;
      f.renderSliceMs += codeMs;
    }
  }
}

function emptyFigures(): PhaseFigures {
  return {
    totalMs: 0,
    scanSlices: 0,
    scanSliceMs: 0,
    renderSlices: 0,
    renderSliceMs: 0,
    sliceMicrotaskMs: 0,
    replyTasks: 0,
    replyMs: 0,
    observerOutsideMs: 0,
    maxSliceMs: 0,
    maxTaskMs: 0,
    longTaskCount: 0,
    longTaskMaxMs: 0,
    longFrameCount: 0,
    longFrameMaxMs: 0,
    longFrameRenderMs: 0,
    candidates: 0,
    badges: 0,
    wallMs: 0,
    missing: [],
  };
}

/** The fields of a "long-animation-frame" entry used here; TypeScript's DOM types lack the interface. */
interface LongFrameEntry extends PerformanceEntry {
  renderStart: number;
}

/** Makes every MutationObserver created from now on report the time of its callbacks. */
function timeMutationObservers(report: (ms: number) => void): void {
  const Native = window.MutationObserver;
  class TimedMutationObserver extends Native {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        const start = performance.now();
        callback(records, observer);
        report(performance.now() - start);
      });
    }
  }
  window.MutationObserver = TimedMutationObserver;
}

function createHarness() {
  let scanner: PageScanner | null = null;
  let badges: BadgeManager | null = null;
  let candidates = 0;

  const meter = new Meter(
    () =>
      !!scanner &&
      !!badges &&
      !scanner.busy &&
      !badges.rendering &&
      backgroundStandIn.outstanding === 0,
  );
  timeMutationObservers((ms) => meter.observerCallback(ms));
  backgroundStandIn.deliver = (settle) => meter.task('reply', settle);

  const timedScheduler =
    (kind: 'scan' | 'render'): IdleScheduler =>
    (work) =>
      scheduleIdle((deadline) => meter.task(kind, () => work(deadline)));

  /** Runs `start` and resolves with the figures once every number it led to has its badge. */
  async function measure(start: () => void): Promise<PhaseFigures> {
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const longFrames: LongFrameEntry[] = [];
    const frameObserver = new PerformanceObserver((list) =>
      longFrames.push(...(list.getEntries() as LongFrameEntry[])),
    );
    frameObserver.observe({ type: 'long-animation-frame' });
    const startedAt = performance.now();
    const candidatesBefore = candidates;
    const badgesBefore = badges?.size ?? 0;

    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The scan did not finish within ${PHASE_TIMEOUT_MS} ms.`)),
        PHASE_TIMEOUT_MS,
      );
      meter.begin(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    start();
    await done;
    const figures = meter.figures;

    // The second animation frame callback runs only after the frame that rendered the last badges.
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    await new Promise((resolve) => setTimeout(resolve, LONG_TASK_SETTLE_MS));
    longTasks.push(...observer.takeRecords());
    observer.disconnect();
    longFrames.push(...(frameObserver.takeRecords() as LongFrameEntry[]));
    frameObserver.disconnect();
    const tasks = longTasks.filter((entry) => entry.startTime >= startedAt);
    figures.longTaskCount = tasks.length;
    figures.longTaskMaxMs = Math.max(0, ...tasks.map((entry) => entry.duration));
    const frames = longFrames.filter((entry) => entry.startTime + entry.duration >= startedAt);
    figures.longFrameCount = frames.length;
    figures.longFrameMaxMs = Math.max(0, ...frames.map((entry) => entry.duration));
    figures.longFrameRenderMs = frames.reduce(
      (sum, entry) =>
        sum + (entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0),
      0,
    );
    figures.candidates = candidates - candidatesBefore;
    figures.badges = (badges?.size ?? 0) - badgesBefore;
    figures.missing = [...backgroundStandIn.missing];
    return figures;
  }

  return {
    setResults(results: NumberResult[], list: ListInfo): void {
      backgroundStandIn.results = new Map(results.map((result) => [result.raw, result]));
      backgroundStandIn.list = list;
      backgroundStandIn.missing.clear();
    },

    /** Starts the content-script parts on the loaded document and waits until every badge is placed. */
    scan(): Promise<PhaseFigures> {
      return measure(() => {
        const statuses = new StatusClient(
          (numbers) => sendToBackground('numbers.check', { numbers }),
          (error) => console.warn('[scan bench] status look-up failed:', error),
        );
        const manager = new BadgeManager(statuses, timedScheduler('render'), (count) => {
          sendToBackground('frame.suppressedCount', { count }).catch(() => undefined);
        });
        const sink: ScanSink = {
          found(numbers) {
            candidates += numbers.length;
            manager.found(numbers);
          },
          forget: (anchors) => manager.forget(anchors),
          replace: (anchors, numbers) => manager.replace(anchors, numbers),
          removed: () => manager.removed(),
          placeNow: () => manager.placeNow(),
        };
        badges = manager;
        manager.frames = (work) =>
          requestAnimationFrame((frameStart) => meter.task('render', () => work(frameStart)));
        const pageScanner = new PageScanner(sink, timedScheduler('scan'));
        manager.scannerBusy = () => pageScanner.busy;
        manager.mutate = (work) => pageScanner.whileUnobserved(work);
        scanner = pageScanner;
        meter.task('scan', () => scanner?.watch(document));
      });
    },

    /** Appends rows to the list's tbody, as infinite scroll does, and waits until they are flagged. */
    append(rowsHtml: string): Promise<PhaseFigures> {
      const body = document.querySelector('#list tbody');
      if (!body) throw new Error('The page has no #list tbody to append rows to.');
      return measure(() => body.insertAdjacentHTML('beforeend', rowsHtml));
    },

    /** Stops the scanner and removes rows from `firstRow` on, so the baseline reads the original page. */
    stopAndTrim(firstRow: number): void {
      scanner?.stop();
      for (const row of document.querySelectorAll<HTMLElement>('#list tr[data-row]')) {
        if (Number(row.dataset.row) >= firstRow) row.remove();
      }
    },

    badgeInfo(): BadgeInfo[] {
      return [...document.querySelectorAll<HTMLElement>(BADGE_TAG)].map((badge) => ({
        row: Number(badge.closest<HTMLElement>('tr[data-row]')?.dataset.row ?? -1),
        e164: badge.dataset.e164 ?? '',
        status: badge.dataset.status ?? '',
      }));
    },
  };
}

export type ScanHarness = ReturnType<typeof createHarness>;

Object.assign(globalThis, { scanHarness: createHarness() });
