import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { messagesOf } from '../setup/english-messages';
import { listInfo, loadHtml, startOnPage } from './harness';

// Which number a call control with no number of its own dials.

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  document.querySelector('dnc-guard-notice')?.remove();
});

const notice = () => document.querySelector<HTMLElement>('dnc-guard-notice');
const noticeText = () => notice()?.shadowRoot?.textContent ?? '';
const wait = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));
/** Elements enough to make the body a page, not a softphone's own frame. */
const FILLER = '<span>x</span>'.repeat(30);

/** Records the page's own dials: clicks on elements with an id. */
function dials(): string[] {
  const log: string[] = [];
  document.addEventListener('click', (event) => {
    const id = (event.target as HTMLElement).id;
    if (id) log.push(id);
  });
  return log;
}

function press(element: Element, init: MouseEventInit = {}): void {
  const options = { bubbles: true, cancelable: true, composed: true, ...init };
  element.dispatchEvent(new PointerEvent('pointerdown', options));
  element.dispatchEvent(new MouseEvent('click', options));
}

function rightClick(element: Element): void {
  const options = { bubbles: true, cancelable: true, composed: true, button: 2 };
  element.dispatchEvent(new PointerEvent('pointerdown', options));
  element.dispatchEvent(new MouseEvent('contextmenu', options));
}

/** Loads a dial pad whose keys write into a display div, as page script would. */
function padPage(extra = ''): HTMLElement {
  loadHtml(`<div class="app">
    <div class="pad-card">
      <div id="display" aria-label="Phone number"></div>
      ${[...'0123456789'].map((k) => `<div class="key" role="button" tabindex="0">${k}</div>`).join('')}
      <div id="call" role="button" aria-label="Call" tabindex="0"></div>
      <div id="log">Last dial: +1 415 555 0123</div>
    </div>${extra}</div>${FILLER}`);
  const display = document.getElementById('display') as HTMLElement;
  for (const key of document.querySelectorAll<HTMLElement>('.key')) {
    key.addEventListener('click', () => display.append(key.textContent ?? ''));
  }
  return display;
}

/** Loads `html`, presses the control `id` and returns the page's dials. */
async function pressOn(html: string, id: string, unknownPolicy: 'block' | 'warn' = 'block') {
  loadHtml(html);
  page = startOnPage({ list: listInfo({ unknownPolicy }) });
  const log = dials();
  press(document.getElementById(id) as HTMLElement);
  await wait();
  return log;
}

describe('the panel the control dials from', () => {
  it('dials typed pad digits over last dial', async () => {
    padPage();
    page = startOnPage();
    const log = dials();
    const keys = [...document.querySelectorAll<HTMLElement>('.key')];
    for (const digit of '2125550187') press(keys[Number(digit)] as HTMLElement);
    await wait();

    press(document.getElementById('call') as HTMLElement);
    await wait();

    expect(notice()).toBeNull();
    expect(log.filter((id) => id === 'call')).toEqual(['call']);
  });

  it('never reads the whole page for a control with nothing near', async () => {
    loadHtml(
      `<div><div><p>Marcus +1 646 555 0199</p></div></div>
       <div><div><div><button id="call">Call</button></div></div></div>${FILLER}`,
    );
    page = startOnPage();
    const log = dials();

    press(document.getElementById('call') as HTMLElement);
    await wait();

    expect(notice()).toBeNull();
    expect(log).toEqual(['call']);
  });

  it('says it could not tell which number when a control shows several', async () => {
    loadHtml(
      `<div class="panel"><span>+1 212 555 0187</span> <span>+1 415 555 0123</span>
       <button id="call">Call</button></div>${FILLER}`,
    );
    page = startOnPage();
    const log = dials();

    press(document.getElementById('call') as HTMLElement);
    await wait();

    expect(log).toEqual([]);
    expect(noticeText()).toContain('could not tell which');
    expect(noticeText()).toContain('+12125550187');
    expect(noticeText()).toContain('+14155550123');
  });

  it.each([
    ['Work', ['call'], ''],
    ['Mobile', [], 'is on the do-not-call list'],
  ])('dials the number the %s option picks', async (label, dialed, shown) => {
    const chosen = label === 'Work' ? 'selected' : '';
    const log = await pressOn(
      `<section class="record">
         <div><span class="k">Mobile</span> <span>+1 415 555 0123</span></div>
         <div><span class="k">Work</span> <span>+1 212 555 0187</span></div>
         <label>Number to call <select><option value="m">Mobile</option>
           <option value="w" ${chosen}>Work</option></select></label>
         <button id="call">Call</button></section>${FILLER}`,
      'call',
    );

    expect(log).toEqual(dialed);
    expect(noticeText()).not.toContain('could not tell');
    expect(noticeText()).toContain(shown);
  });

  it('dials the number an option names', async () => {
    const log = await pressOn(
      `<section><span>+1 212 555 0187</span> <span>+1 415 555 0123</span>
         <select><option>+1 415 555 0123</option><option selected>+1 212 555 0187</option></select>
         <button id="call">Call</button></section>${FILLER}`,
      'call',
    );

    expect(log).toEqual(['call']);
    expect(notice()).toBeNull();
  });

  it('writes the numbers and the date in Chinese style', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    loadHtml(
      `<div class="panel"><span>+1 212 555 0187</span> <span>+1 415 555 0123</span>
       <button id="call">Call</button></div>${FILLER}`,
    );
    page = startOnPage();

    press(document.getElementById('call') as HTMLElement);
    await wait();

    expect(noticeText()).toContain('以下哪个号码：+12125550187、+14155550123。');
    expect(noticeText()).toMatch(/列入名单时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}关闭$/);
  });
});

describe('a menu drawn in a portal', () => {
  const table = `<div id="app"><table><tbody>
      <tr><td id="marcus">Marcus Lee</td><td>+1 646-555-0199</td></tr>
      <tr><td id="helen">Helen Park</td><td>+1 212-555-0187</td></tr>
    </tbody></table></div>
    <div><div><div><div><div><div><ul role="menu" style="position:absolute">
      <li role="none"><span role="menuitem" id="menu-call">Call</span></li>
    </ul></div></div></div></div></div></div>${FILLER}`;

  it('blocks the number of the row the menu was opened on', async () => {
    loadHtml(table);
    page = startOnPage();
    const log = dials();

    rightClick(document.getElementById('marcus') as HTMLElement);
    press(document.getElementById('menu-call') as HTMLElement);
    await wait();

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
    expect(noticeText()).toContain('646');
  });

  it('dials an allowed row once', async () => {
    loadHtml(table);
    page = startOnPage();
    const log = dials();

    rightClick(document.getElementById('helen') as HTMLElement);
    press(document.getElementById('menu-call') as HTMLElement);
    await wait();

    expect(notice()).toBeNull();
    expect(log).toEqual(['menu-call']);
  });
});

describe('redial', () => {
  const dialer = `<div id="app">
      <section><p>Marcus +1 646 555 0199</p><a id="helen" href="tel:+12125550187">Helen</a></section>
      <div class="panel"><input placeholder="Type a number">
        <div><div id="redial" role="button" aria-label="Redial last number">↻</div></div></div>
    </div>${FILLER}`;

  it('decides a redial control against the last number dialed on the page', async () => {
    loadHtml(dialer);
    page = startOnPage();
    const log = dials();

    press(document.getElementById('helen') as HTMLElement);
    await wait();
    press(document.getElementById('redial') as HTMLElement);
    await wait();

    expect(notice()).toBeNull();
    expect(log).toEqual(['helen', 'redial']);
  });
});

describe('Enter on a page that reads the keyboard', () => {
  it('decides the display the typed digits went into, beside speed-dial buttons', async () => {
    const display = padPage(`<div class="speed">
        <div class="row">Rosa +1 212 555 0187 <div role="button" aria-label="Call Rosa">☎</div></div>
      </div>`);
    document.addEventListener('keydown', (event) => {
      if (/^\d$/.test(event.key)) display.append(event.key);
    });
    const log: string[] = [];
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') log.push('enter');
    });
    page = startOnPage();

    for (const key of '4155550123') {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    await wait();
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    await wait();

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });
});

describe('a row read cell by cell', () => {
  /** A call list whose rows show `before` in the cell ahead of the phone. */
  const callList = (before: string) => `<table><tbody>
      <tr><td>${before}</td><td>(415) 555-0123</td><td><button id="call-1" aria-label="Call">☎</button></td></tr>
      <tr><td>${before}</td><td>(212) 555-0187</td><td><button id="call-2" aria-label="Call">☎</button></td></tr>
    </tbody></table>${FILLER}`;
  const before = [
    ['a ticket id', '#48213'],
    ['an attempts count', '2'],
    ['a date', 'Mar 3, 2024'],
  ];

  it.each(before)('blocks a suppressed row after %s', async (_kind, cell) => {
    const log = await pressOn(callList(cell), 'call-1');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it.each(before)('dials an allowed row after %s', async (_kind, cell) => {
    const log = await pressOn(callList(cell), 'call-2');

    expect(notice()).toBeNull();
    expect(log).toEqual(['call-2']);
  });

  it.each(before)('blocks under warn after %s', async (_kind, cell) => {
    const log = await pressOn(callList(cell), 'call-1', 'warn');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it.each([
    [
      'grid cells',
      '<div role="row"><div role="gridcell">2</div><div role="gridcell">(415) 555-0123</div>' +
        '<div role="gridcell"><button id="call-1" aria-label="Call">☎</button></div></div>',
    ],
    [
      'flex items',
      '<div class="row" style="display: flex"><span style="display: block">2</span> ' +
        '<span style="display: block">(415) 555-0123</span> <button id="call-1">Call</button></div>',
    ],
    [
      'paragraphs',
      '<div class="card"><p>Attempts 2</p><p>(415) 555-0123</p><button id="call-1">Call</button></div>',
    ],
    [
      'cells but not inline spans',
      '<table><tbody><tr><td>2</td><td><span>(415)</span> <b>555-0123</b></td>' +
        '<td><button id="call-1" aria-label="Call">☎</button></td></tr></tbody></table>',
    ],
  ])('keeps %s apart', async (_kind, html) => {
    const log = await pressOn(`<div>${html}</div>${FILLER}`, 'call-1');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });
});

describe('a row with a number in each of several cells', () => {
  const icon = (id: string) =>
    `<span id="${id}" title="Click to call" style="cursor: pointer">☎</span>`;
  const row = `<table><tbody><tr><td>Gus Hale</td>
      <td><span>(212) 555-0187</span> ${icon('work-icon')}</td>
      <td><span>(415) 555-0123</span> ${icon('mobile-icon')}</td>
    </tr></tbody></table>${FILLER}`;

  it('dials the allowed number of its own cell', async () => {
    const log = await pressOn(row, 'work-icon');

    expect(notice()).toBeNull();
    expect(log).toEqual(['work-icon']);
  });

  it('blocks the suppressed number of its own cell', async () => {
    const log = await pressOn(row, 'mobile-icon');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
    expect(noticeText()).not.toContain('could not tell');
  });
});

describe('a list scrolled in a positioned panel', () => {
  // More rows than the first MAX_TEXT_READ characters of the panel show.
  const rows = Array.from({ length: 12 }, (_, i) => {
    const number = i === 11 ? '(415) 555-0123' : `(212) 555-01${10 + i}`;
    return `<tr><td>Contact ${i}</td><td>${number}</td><td><button id="call-${i}">Call</button></td></tr>`;
  }).join('');
  const panel = `<div style="position: absolute; overflow: auto"><table><tbody>${rows}</tbody></table></div>${FILLER}`;

  it('blocks the suppressed number of a row far down', async () => {
    const log = await pressOn(panel, 'call-11');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it('dials the allowed number of its row', async () => {
    const log = await pressOn(panel, 'call-1');

    expect(notice()).toBeNull();
    expect(log).toEqual(['call-1']);
  });
});

describe('a row clicked before a call control elsewhere', () => {
  const html = `<table><tbody>
      <tr><td id="helen">Helen Park</td><td>+1 212-555-0187</td></tr>
      <tr><td>Ann Lee</td><td>+1 212-555-0100</td></tr>
    </tbody></table>
    <div><div><span>+1 415 555 0123</span> <button id="call">Call</button></div></div>${FILLER}`;

  it('still checks the number beside the control', async () => {
    loadHtml(html);
    page = startOnPage();
    const log = dials();

    press(document.getElementById('helen') as HTMLElement);
    press(document.getElementById('call') as HTMLElement);
    await wait();

    expect(log).toEqual(['helen']);
    expect(notice()?.dataset.status).toBe('suppressed');
  });
});
