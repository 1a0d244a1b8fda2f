import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadgeManager } from '../../lib/content/badges';
import type { FrameScheduler, IdleScheduler } from '../../lib/content/idle';
import type { FoundNumber } from '../../lib/content/scanner';
import { StatusClient } from '../../lib/content/status-client';
import { BADGE_CSS } from '../../lib/content/styles';
import { fakeBackground, loadHtml } from './harness';

/** Idle slices and frames that run only when the test calls runIdle or runFrame. */
function manualSchedulers() {
  const idle: Array<(deadline: number) => void> = [];
  const frames: Array<(frameStart: number) => void> = [];
  const schedule: IdleScheduler = (work) => idle.push(work);
  const frame: FrameScheduler = (work) => frames.push(work);
  /** Runs idle work until none is left, including slices that work queues again. */
  const runIdle = () => {
    while (idle.length > 0) for (const work of idle.splice(0)) work(performance.now() + 50);
  };
  const runFrame = () => {
    for (const work of frames.splice(0)) work(performance.now());
  };
  return { schedule, frame, runIdle, runFrame };
}

const flushReplies = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
  const background = fakeBackground();
  const statuses = new StatusClient(background.check, () => undefined);
  const timing = manualSchedulers();
  const counts: number[] = [];
  const badges = new BadgeManager(statuses, timing.schedule, (count) => counts.push(count));
  badges.frames = timing.frame;
  let scanning = false;
  badges.scannerBusy = () => scanning;
  const setScanning = (value: boolean) => {
    scanning = value;
  };
  return { badges, statuses, counts, ...timing, setScanning };
}

function numbersIn(ids: string[]): FoundNumber[] {
  return ids.map((id) => {
    const anchor = document.getElementById(id)?.firstChild;
    if (!anchor) throw new Error(`no text in #${id}`);
    return { raw: anchor.textContent ?? '', kind: 'text', anchor };
  });
}

const placed = () => document.querySelectorAll('dnc-guard-badge').length;

afterEach(() => {
  vi.useRealTimers();
});

describe('badge insertion', () => {
  it('inserts all badges after the scan', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p><p id="b">+1 212 555 0187</p>');
    const { badges, runIdle, runFrame, setScanning } = setUp();
    setScanning(true);

    badges.found(numbersIn(['a', 'b']));
    await flushReplies();
    runIdle();
    runFrame();
    expect(placed()).toBe(0);
    expect(badges.rendering).toBe(true);

    setScanning(false);
    runFrame();
    expect(placed()).toBe(2);
    expect(badges.rendering).toBe(false);
    expect(document.getElementById('a')?.lastElementChild?.getAttribute('data-status')).toBe(
      'suppressed',
    );
  });

  it('inserts anyway after the delay', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p>');
    const { badges, runIdle, runFrame, setScanning } = setUp();
    setScanning(true);
    const now = vi.spyOn(performance, 'now');

    badges.found(numbersIn(['a']));
    await flushReplies();
    runIdle();
    runFrame();
    expect(placed()).toBe(0);

    now.mockReturnValue(performance.now() + 1_000);
    runFrame();
    now.mockRestore();
    expect(placed()).toBe(1);
  });

  it('replaces rescanned badges at once', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p>');
    const { badges, runIdle, runFrame, setScanning } = setUp();
    const [found] = numbersIn(['a']);
    if (!found) throw new Error('no number');
    badges.found([found]);
    await flushReplies();
    runIdle();
    runFrame();
    expect(placed()).toBe(1);

    setScanning(true);
    badges.forget([found.anchor]);
    badges.found([found]);
    await flushReplies();
    runIdle();
    runFrame();

    expect(placed()).toBe(1);
  });

  it('drops badges whose number left', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p><p id="b">+1 212 555 0187</p>');
    const { badges, runIdle, runFrame } = setUp();

    badges.found(numbersIn(['a', 'b']));
    await flushReplies();
    runIdle();
    document.getElementById('a')?.remove();
    runFrame();

    expect(placed()).toBe(1);
    expect(badges.size).toBe(1);
  });

  it('drops badges forgotten before insertion', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p>');
    const { badges, runIdle, runFrame } = setUp();
    const [found] = numbersIn(['a']);
    if (!found) throw new Error('no number');

    badges.found([found]);
    await flushReplies();
    runIdle();
    badges.forget([found.anchor]);
    runFrame();

    expect(placed()).toBe(0);
    expect(badges.rendering).toBe(false);
  });

  it('ignores statuses for changed text', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p>');
    const { badges, runIdle, runFrame } = setUp();
    const [found] = numbersIn(['a']);
    if (!found) throw new Error('no number');

    badges.found([found]);
    badges.forget([found.anchor]);
    (found.anchor as Text).data = 'no number here';
    await flushReplies();
    runIdle();
    runFrame();

    expect(placed()).toBe(0);
    expect(badges.rendering).toBe(false);
  });

  it('reports the count before insertion', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p>');
    const { badges, counts, runIdle, setScanning } = setUp();
    setScanning(true);

    badges.found(numbersIn(['a']));
    await flushReplies();
    runIdle();

    expect(placed()).toBe(0);
    expect(counts).toEqual([1]);
  });
});

describe('badge menu', () => {
  it('gives the focus back on Escape', async () => {
    loadHtml('<p id="a">+1 212 555 0187</p><button id="before">Save</button>');
    const background = fakeBackground();
    const statuses = new StatusClient(background.check, () => undefined);
    const timing = manualSchedulers();
    const badges = new BadgeManager(
      statuses,
      timing.schedule,
      () => undefined,
      async () => {},
    );
    badges.frames = timing.frame;
    const controller = new AbortController();
    badges.listen(window, controller.signal);
    badges.found(numbersIn(['a']));
    await flushReplies();
    timing.runIdle();
    timing.runFrame();
    const before = document.getElementById('before') as HTMLElement;
    before.focus();
    const badge = document.querySelector('dnc-guard-badge') as HTMLElement;

    // A press on the badge, which takes no focus, moves the focus to the body.
    badge.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    before.blur();
    badge.click();
    const add = badge.shadowRoot?.querySelector<HTMLElement>('[data-action="add"]');
    expect(badge.shadowRoot?.activeElement).toBe(add);
    add?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

    expect(badge.shadowRoot?.querySelector('.menu')).toBeNull();
    expect(document.activeElement).toBe(before);
    controller.abort();
  });
});

describe('numbers that share a text node', () => {
  it('shows the last digits of each number', async () => {
    loadHtml('<p id="p">Mobile 206 555 0144, never the office 415 555 0123.</p>');
    const anchor = document.getElementById('p')?.firstChild;
    if (!anchor) throw new Error('no text');
    const { badges, runIdle, runFrame } = setUp();

    badges.found([
      { raw: '206 555 0144', kind: 'text', anchor },
      { raw: '415 555 0123', kind: 'text', anchor },
    ]);
    await flushReplies();
    runIdle();
    runFrame();

    const labels = [...document.querySelectorAll('dnc-guard-badge')].map((badge) => [
      badge.getAttribute('data-status'),
      badge.shadowRoot?.querySelector('.digits')?.textContent,
      badge.shadowRoot?.querySelector('.badge')?.getAttribute('aria-label'),
    ]);
    expect(labels).toEqual([
      ['allowed', '…0144', 'Not on the do-not-call list …0144'],
      ['suppressed', '…0123', 'Do not call …0123'],
    ]);
  });

  it('shows no digits for a number alone in its text', async () => {
    loadHtml('<p id="a">+1 415 555 0123</p>');
    const { badges, runIdle, runFrame } = setUp();

    badges.found(numbersIn(['a']));
    await flushReplies();
    runIdle();
    runFrame();

    expect(document.querySelector('dnc-guard-badge')?.shadowRoot?.querySelector('.digits')).toBe(
      null,
    );
  });
});

describe('status client', () => {
  it('survives a throwing callback', async () => {
    const errors: unknown[] = [];
    const statuses = new StatusClient(fakeBackground().check, (error) => errors.push(error));
    const answered: string[] = [];

    statuses.request('+1 415 555 0123', () => {
      throw new Error('caller failed');
    });
    statuses.request('+1 415 555 0123', (result) => answered.push(result.status));
    statuses.request('+1 212 555 0187', (result) => answered.push(result.status));
    await flushReplies();

    expect(answered).toEqual(['suppressed', 'allowed']);
    expect(errors).toHaveLength(1);
  });
});

describe('badge styles', () => {
  // A transformed pseudo-element on each of 10,000 badges made wheel
  // scrolling cost four times as much main-thread time in Chromium.
  it('draw icons without transforms', () => {
    expect(BADGE_CSS).not.toMatch(/transform/);
  });
});
