// Enter where a page, not the focused element, decides what it does: on a
// softphone keypad's focused digit key.
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture, notice, pageLog, startOnPage, wait } from './harness';

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  notice()?.remove();
});

const byId = (id: string) => document.getElementById(id) as HTMLElement;

function press(target: HTMLElement, key: string, type = 'keydown'): KeyboardEvent {
  const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

/** Clicks keypad keys the way an agent does. The page's script does not run here, so the screen text is set too. */
function typeOnKeypad(digits: string, screenText: string): void {
  for (const digit of digits) {
    const key = byId(`key-${digit}`);
    key.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    key.click();
  }
  byId('screen').textContent = screenText;
  byId(`key-${digits.at(-1) ?? ''}`).focus();
}

describe('Enter on a focused keypad key', () => {
  it('blocks a suppressed number on the screen', async () => {
    loadFixture('keypad-display.html');
    const events = pageLog();
    page = startOnPage();
    typeOnKeypad('4155550123', '(415) 555-0123');
    events.length = 0;

    const down = press(byId('key-3'), 'Enter');
    press(byId('key-3'), 'Enter', 'keyup');
    await wait();

    expect(events).toEqual([]);
    expect(down.defaultPrevented).toBe(true);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('passes an allowed number checked before once', async () => {
    loadFixture('keypad-display.html');
    const events = pageLog();
    page = startOnPage();
    typeOnKeypad('2125550187', '(212) 555-0187');
    await page.settle();
    events.length = 0;

    const down = press(byId('key-7'), 'Enter');
    await wait(80);

    expect(events).toEqual(['keydown:key-7']);
    expect(down.defaultPrevented).toBe(false);
    expect(notice()).toBeNull();
  });

  it('replays a held Enter with the click the key would get', async () => {
    loadFixture('keypad-display.html');
    const events = pageLog();
    page = startOnPage({ delayMs: 20 });
    typeOnKeypad('2125550187', '(212) 555-0187');
    events.length = 0;

    press(byId('key-7'), 'Enter');
    await wait(120);

    expect(events).toEqual(['keydown:key-7', 'click:key-7']);
    expect(notice()).toBeNull();
  });

  it('leaves Space on a key to type its digit', async () => {
    loadFixture('keypad-display.html');
    const events = pageLog();
    page = startOnPage();
    typeOnKeypad('4155550123', '(415) 555-0123');
    events.length = 0;

    press(byId('key-3'), ' ');
    await wait();

    expect(events).toEqual(['keydown:key-3']);
    expect(notice()).toBeNull();
  });

  it('leaves Enter alone on a keypad that sends tones in a call', async () => {
    loadFixture('keypad-display.html');
    byId('softphone').remove();
    const events = pageLog();
    page = startOnPage();
    byId('tone-2').focus();

    press(byId('tone-2'), 'Enter');
    await wait();

    expect(events).toEqual(['keydown:tone-2']);
  });
});
