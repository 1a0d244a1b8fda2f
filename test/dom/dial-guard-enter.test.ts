// Enter where a page, not the focused element, decides what it does: on a
// softphone keypad's focused digit key, and in a search box or command
// palette whose active option offers to call the typed number.
import { afterEach, describe, expect, it } from 'vitest';
import { badgeMap, loadFixture, loadHtml, notice, pageLog, startOnPage, wait } from './harness';

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

  it('lets Enter type a digit of a number not complete yet', async () => {
    loadFixture('keypad-display.html');
    const events = pageLog();
    page = startOnPage();
    typeOnKeypad('20255501', '202-555-01');
    events.length = 0;

    press(byId('key-1'), 'Enter');
    await wait(80);

    // Held for the look-up, then given back with the click that types the digit.
    expect(events).toEqual(['keydown:key-1', 'click:key-1']);
    expect(notice()).toBeNull();
  });

  it('lets Enter type a digit beside a list of recent numbers', async () => {
    loadFixture('keypad-display.html');
    byId('softphone').insertAdjacentHTML(
      'beforeend',
      '<ul><li>+1 415 555 0123</li><li>+1 212 555 0187</li></ul>',
    );
    const events = pageLog();
    page = startOnPage();
    byId('key-2').focus();
    events.length = 0;

    const down = press(byId('key-2'), 'Enter');
    await wait(80);

    expect(events).toEqual(['keydown:key-2']);
    expect(down.defaultPrevented).toBe(false);
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

  it('leaves Enter on a page number alone', async () => {
    loadHtml(
      '<section><p>Marcus Lee <span>+1 415 555 0123</span> <button type="button">Call</button></p>' +
        '<nav>' +
        [...'123456789']
          .map((page) => `<button type="button" id="page-${page}">${page}</button>`)
          .join('') +
        '<button type="button" id="page-10">10</button><button type="button">Next</button></nav></section>',
    );
    const events = pageLog();
    page = startOnPage();
    byId('page-2').focus();

    press(byId('page-2'), 'Enter');
    await wait();

    expect(events).toEqual(['keydown:page-2']);
    expect(notice()).toBeNull();
  });
});

/** Shows the options the page's script would show for a typed number. */
function showQuickOptions(typed: string): void {
  const quick = byId('quick') as HTMLInputElement;
  quick.value = typed;
  const list = byId('quick-list');
  list.innerHTML =
    `<li role="option" id="quick-call" aria-selected="true" data-call="${typed.replace(/\D/g, '')}">Call ${typed}</li>` +
    `<li role="option" id="quick-find" aria-selected="false">Search contacts for "${typed}"</li>`;
  list.hidden = false;
  quick.focus();
}

function showPaletteOptions(typed: string, activeId = 'palette-call'): void {
  const palette = byId('palette') as HTMLInputElement;
  palette.value = typed;
  const list = byId('palette-list');
  list.innerHTML =
    `<li role="option" id="palette-call">Call ${typed}</li>` +
    `<li role="option" id="palette-find">Find "${typed}"</li>`;
  list.hidden = false;
  palette.setAttribute('aria-expanded', 'true');
  palette.setAttribute('aria-activedescendant', activeId);
  palette.focus();
}

describe('Enter on a call option of a search box', () => {
  it('blocks the selected option beside the box', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showQuickOptions('415 555 0123');

    press(byId('quick'), 'Enter');
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('blocks the active descendant in a portal', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showPaletteOptions('+1 646 555 0199');

    press(byId('palette'), 'Enter');
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+16465550199');
  });

  it('passes an allowed option checked before once', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showPaletteOptions('+1 212 555 0187');
    await page.settle();
    byId('palette').dispatchEvent(new KeyboardEvent('keyup', { key: '7', bubbles: true }));
    await wait();
    events.length = 0;

    const down = press(byId('palette'), 'Enter');
    await wait(80);

    expect(events).toEqual(['keydown:palette']);
    expect(down.defaultPrevented).toBe(false);
    expect(notice()).toBeNull();
  });

  it('decides Enter at once after typing', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showQuickOptions('Helen');
    // An option naming a contact keeps the number only in its data, where no badge reads it.
    byId('quick-call').dataset.call = '2125550187';
    byId('quick-call').textContent = 'Call Helen Park';
    byId('quick').dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await wait();

    const down = press(byId('quick'), 'Enter');
    await wait(80);

    expect(events).toEqual(['keydown:quick']);
    expect(down.defaultPrevented).toBe(false);
  });

  it('leaves Enter alone on an option that is not a call', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showPaletteOptions('+1 646 555 0199', 'palette-find');

    press(byId('palette'), 'Enter');
    await wait();

    expect(events).toEqual(['keydown:palette']);
    expect(notice()).toBeNull();
  });

  it('leaves Enter alone once the list is closed', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showQuickOptions('415 555 0123');
    byId('quick-list').hidden = true;

    press(byId('quick'), 'Enter');
    await wait();

    expect(events).toEqual(['keydown:quick']);
  });
});

describe('clicks on a call option', () => {
  it('blocks a click on an option that shows its number only as text', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showPaletteOptions('+1 646 555 0199');

    byId('palette-call').click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+16465550199');
  });

  it('explains a click on the badge inside a blocked option', async () => {
    loadFixture('search-call-option.html');
    const events = pageLog();
    page = startOnPage();
    showQuickOptions('415 555 0123');
    await page.settle();
    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed' });
    const badge = byId('quick-call').querySelector('dnc-guard-badge') as HTMLElement;

    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'])
      badge.dispatchEvent(
        new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }),
      );
    badge.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });
});
