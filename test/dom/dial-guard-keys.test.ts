import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml, notice, pageLog, startOnPage, wait } from './harness';

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  notice()?.remove();
});

/** Sends a keydown of a shortcut written like "Control+Shift+C" and returns it. */
function pressShortcut(target: HTMLElement, written: string): KeyboardEvent {
  const parts = written.split('+');
  const key = parts.pop() ?? '';
  const event = new KeyboardEvent('keydown', {
    key,
    code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
    ctrlKey: parts.includes('Control'),
    altKey: parts.includes('Alt'),
    shiftKey: parts.includes('Shift'),
    metaKey: parts.includes('Meta'),
    bubbles: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  return event;
}

const dialer = (typed: string) =>
  `<div><input id="box" aria-label="Phone number" value="${typed}">` +
  '<button id="call" type="button">Call</button></div><textarea id="notes"></textarea>';

const box = () => document.getElementById('box') as HTMLElement;

describe('shortcuts in a dial box', () => {
  it('stops a blocked shortcut but keeps its default', async () => {
    loadHtml(dialer('415 555 0123'));
    const events = pageLog();
    page = startOnPage();

    const press = pressShortcut(box(), 'Control+Shift+C');
    await wait();

    expect(events).toEqual([]);
    expect(press.defaultPrevented).toBe(false);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('passes an allowed shortcut once', async () => {
    loadHtml(dialer('212 555 0187'));
    const events = pageLog();
    page = startOnPage();

    pressShortcut(box(), 'Alt+D');
    await wait(80);

    expect(events).toEqual(['keydown:box']);
    expect(notice()).toBeNull();
  });

  it.each([
    'Control+c',
    'Control+v',
    'Control+x',
    'Control+a',
    'Meta+z',
    'Control+Shift+Z',
    'Control+Shift+V',
    'Control+ArrowLeft',
    'Alt+ArrowRight',
    'Control+Backspace',
    'Control',
  ])('leaves the editing key %s alone', async (written) => {
    loadHtml(dialer('415 555 0123'));
    const events = pageLog();
    page = startOnPage();

    pressShortcut(box(), written);
    await wait();

    expect(events).toEqual(['keydown:box']);
    expect(notice()).toBeNull();
  });

  it('leaves shortcuts in other fields alone', async () => {
    loadHtml(dialer('415 555 0123'));
    const events = pageLog();
    page = startOnPage();

    pressShortcut(document.getElementById('notes') as HTMLElement, 'Control+Shift+C');
    await wait();

    expect(events).toEqual(['keydown:notes']);
  });
});

describe('shortcuts a call control declares', () => {
  const declaring = (typed: string, attributes: string) =>
    `<div><input id="box" aria-label="Phone number" value="${typed}">` +
    `<button id="call" type="button" ${attributes}>☎</button></div><textarea id="notes"></textarea>`;

  it.each([
    ['a tooltip key in brackets', 'title="Call (C)"', 'c'],
    ['a tooltip combination', 'title="Call · Ctrl+Shift+C"', 'Control+Shift+C'],
    [
      'aria-keyshortcuts',
      'aria-label="Call" aria-keyshortcuts="Alt+Shift+K Control+K"',
      'Control+k',
    ],
    ['an accesskey', 'aria-label="Call" accesskey="d"', 'Alt+d'],
  ])('blocks %s on the page', async (_kind, attributes, written) => {
    loadHtml(declaring('415 555 0123', attributes));
    const events = pageLog();
    page = startOnPage();

    const press = pressShortcut(document.body, written);
    await wait();

    expect(events).toEqual([]);
    expect(press.defaultPrevented).toBe(false);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('passes a declared key on an allowed number once', async () => {
    loadHtml(declaring('212 555 0187', 'title="Call (C)"'));
    const events = pageLog();
    page = startOnPage();

    pressShortcut(document.body, 'c');
    await wait(80);

    expect(events).toEqual(['keydown:body']);
    expect(notice()).toBeNull();
  });

  it.each([
    ['another key', 'title="Call (C)"', 'd', 'body'],
    ['the key with other modifiers', 'title="Call (C)"', 'Control+c', 'body'],
    ['a key no control declares', 'title="Call"', 'c', 'body'],
    ['a key on a control that does not call', 'title="Mute (C)"', 'c', 'body'],
    ['a count in brackets', 'title="Call queue (3)"', '3', 'body'],
    ['a declared key typed in a field', 'title="Call (C)"', 'c', 'notes'],
  ])('leaves %s alone', async (_kind, attributes, written, focused) => {
    loadHtml(declaring('415 555 0123', attributes));
    const events = pageLog();
    page = startOnPage();

    const target = focused === 'body' ? document.body : document.getElementById(focused);
    pressShortcut(target as HTMLElement, written);
    await wait();

    expect(events).toEqual([`keydown:${focused}`]);
    expect(notice()).toBeNull();
  });
});

describe('declared shortcuts on a changing page', () => {
  it('finds a call control added after a key press', async () => {
    loadHtml(
      '<div id="panel"><input id="box" aria-label="Phone number" value="415 555 0123"></div>',
    );
    const events = pageLog();
    page = startOnPage();
    pressShortcut(document.body, 'c');

    const call = document.createElement('button');
    call.title = 'Call (C)';
    document.getElementById('panel')?.append(call);
    await wait();
    pressShortcut(document.body, 'c');
    await wait();

    expect(events).toEqual(['keydown:body']);
    expect(notice()).not.toBeNull();
  });
});

describe('declared shortcuts of a toolbar control', () => {
  // A web client's "Call selected" dials the contact the agent clicked last.
  const contacts = `<div class="top"><button id="call" type="button" title="Call selected (Alt+C)">Call selected</button></div>
    <div id="contacts">
      <div class="contact"><span id="blocked" class="nm">Gil Hart</span><span>+1 415 555 0123</span></div>
      <div class="contact"><span id="allowed" class="nm">Hana Ito</span><span>+1 212 555 0187</span></div>
    </div>${'<span>x</span>'.repeat(30)}`;

  const select = (id: string) => {
    const options = { bubbles: true, cancelable: true, composed: true };
    const row = document.getElementById(id) as HTMLElement;
    row.dispatchEvent(new PointerEvent('pointerdown', options));
    row.dispatchEvent(new MouseEvent('click', options));
  };

  it('blocks the shortcut for a suppressed contact', async () => {
    loadHtml(contacts);
    page = startOnPage();
    select('blocked');
    const events = pageLog();

    pressShortcut(document.body, 'Alt+c');
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('passes the shortcut for an allowed contact', async () => {
    loadHtml(contacts);
    page = startOnPage();
    select('allowed');
    const events = pageLog();

    pressShortcut(document.body, 'Alt+c');
    await wait(80);

    expect(events).toEqual(['keydown:body']);
    expect(notice()).toBeNull();
  });
});
