import { afterEach, describe, expect, it } from 'vitest';
import { isCallControl } from '../../lib/content/dial-targets';
import { loadHtml, notice, pageLog, startOnPage, wait } from './harness';

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  notice()?.remove();
});

function button(label: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.textContent = label;
  return element;
}

describe('call control labels', () => {
  it.each([
    // Japanese
    '発信',
    '電話をかける',
    '電話する',
    '架電',
    'リダイヤル',
    // Traditional Chinese
    '撥打',
    '撥號',
    '打電話給客戶',
    '重撥',
    '回撥',
    '外撥',
    // Korean
    '전화 걸기',
    '전화걸기',
    '발신',
    '통화',
    // European languages
    'Llamar',
    'Marcar',
    'Marcar número',
    'Ligar',
    'Discar',
    'Discar número',
    'Anrufen',
    'Wählen',
    'Nummer wählen',
    'Appeler',
    'Composer',
    'Composer le numéro',
    'Chiama',
    'Chiamare',
    'Bellen',
    'Zadzwoń',
    'ZADZWOŃ',
  ])('reads %j as a call control', (label) => {
    expect(isCallControl(button(label))).toBe(true);
  });

  it.each([
    // Ending, holding or listing calls
    '通話終了',
    '切断',
    '発信履歴',
    '掛斷',
    '結束通話',
    '통화 종료',
    '전화 끊기',
    'Colgar',
    'Cancelar llamada',
    'Desligar',
    'Encerrar ligação',
    'Auflegen',
    'Anruf beenden',
    'Raccrocher',
    "Annuler l'appel",
    'Riaggancia',
    'Termina chiamata',
    'Ophangen',
    'Gesprek beëindigen',
    'Rozłącz',
    'Zakończ połączenie',
    // Other meanings of the same words
    'Marcar como leído',
    'Land wählen',
    'Auswählen',
    'Composer un message',
    'Recall',
  ])('does not read %j as a call control', (label) => {
    expect(isCallControl(button(label))).toBe(false);
  });

  it('does not read a tab as a call control', () => {
    const tab = button('Call');
    tab.setAttribute('role', 'tab');

    expect(isCallControl(tab)).toBe(false);
  });
});

describe('call controls in other languages', () => {
  it.each(['発信', '撥打', '전화 걸기', 'Llamar'])(
    'blocks %j beside a suppressed number',
    async (label) => {
      loadHtml(`<div><span>+1 415 555 0123</span><button id="call">${label}</button></div>`);
      const events = pageLog();
      page = startOnPage();

      document.getElementById('call')?.click();
      await wait();

      expect(events).toEqual([]);
      expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
    },
  );

  it('lets an end-call control through beside a suppressed number', async () => {
    loadHtml('<div><span>+1 415 555 0123</span><button id="hang-up">통화 종료</button></div>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('hang-up')?.click();
    await wait();

    expect(events).toEqual(['click:hang-up']);
  });
});

describe('click-to-call icons of other extensions', () => {
  const icon = (attributes: string, shown = '(415) 555-0123') =>
    `<p><span>${shown}</span><span id="icon" style="cursor: pointer" ${attributes}></span></p>`;

  it('blocks an icon titled Call with a number attribute', async () => {
    loadHtml(icon('title="Call with PowerCall" data-kx-to="+14155550123"'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('dials an allowed icon number once', async () => {
    loadHtml(icon('aria-label="Click to call" data-kx-to="+1 (212) 555-0187"'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait(80);

    expect(events).toEqual(['click:icon']);
    expect(notice()).toBeNull();
  });

  // A call icon dials the number shown beside it, so those beside an
  // allowed number show that a suppressed one in an attribute is not read.
  it.each([
    ['an icon not labelled as a call', 'title="Open deal" data-kx-to="+14155550123"', undefined],
    ['an identifier attribute', 'title="Call" data-contact-id="4155550123"', '(212) 555-0187'],
    [
      'a value that is more than a number',
      'title="Call" data-kx-note="Call +1 415 555 0123"',
      '(212) 555-0187',
    ],
  ])('lets %s through', async (_kind, attributes, shown) => {
    loadHtml(icon(attributes, shown));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait(80);

    expect(events).toEqual(['click:icon']);
  });
});

describe('call icons with a page listener', () => {
  /** A list row with a call icon after its number; the page's listener leaves no mark in the markup. */
  const row = (number: string, icon: string) =>
    `<table><tbody><tr><td>Gus Hale</td><td><span>${number}</span> ${icon}</td></tr></tbody></table>`;
  const pointer = 'style="cursor: pointer"';

  it.each([
    ['a title', `title="Click to call" ${pointer}`],
    ['an aria-label', `aria-label="Call Gus Hale" ${pointer}`],
    ['a tabindex', 'title="Call" tabindex="0"'],
  ])('blocks an icon named by %s', async (_kind, attributes) => {
    loadHtml(row('(415) 555-0123', `<span id="icon" ${attributes}>☎</span>`));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it('dials an allowed icon once', async () => {
    loadHtml(row('(212) 555-0187', `<span id="icon" title="Click to call" ${pointer}>☎</span>`));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait(80);

    expect(events).toEqual(['click:icon']);
    expect(notice()).toBeNull();
  });

  it.each([
    ['a hang-up icon', `<span id="icon" title="End call" ${pointer}>☎</span>`],
    ['an icon that does not look clickable', '<span id="icon" title="Call">☎</span>'],
    ['a field', `<input id="icon" title="Number to call" ${pointer}>`],
    ['a tab', `<span id="icon" role="tab" title="Call" ${pointer}>Call</span>`],
    ['a cell', `</td><td id="icon" title="Call" ${pointer}>`],
    [
      'a panel',
      `<div id="icon" title="Call" ${pointer}>Call notes from Tuesday: she asked for email only</div>`,
    ],
    [
      'a menu button around an icon',
      `<button aria-haspopup="menu"><span id="icon" title="Call" ${pointer}>☎</span></button>`,
    ],
  ])('lets %s through', async (_kind, html) => {
    loadHtml(row('(415) 555-0123', html));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait();

    expect(events).toEqual(['click:icon']);
    expect(notice()).toBeNull();
  });
});
