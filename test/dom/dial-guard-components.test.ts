import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, loadFixture, loadHtml, notice, pageLog, startOnPage, wait } from './harness';

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  notice()?.remove();
});

type FixtureWindow = Window & { pageEvents: string[] };
const pageEvents = () => (window as unknown as FixtureWindow).pageEvents;

/** The fixture's scripts: the first defines its components, the second adds the page's listeners. */
const [defineComponents = '', addListeners = ''] = [
  ...readFileSync(join(FIXTURES, 'slotted-controls.html'), 'utf8').matchAll(
    /<script>([\s\S]*?)<\/script>/g,
  ),
].map((match) => match[1] ?? '');

// loadHtml leaves scripts out, so the page's own scripts run here. Custom
// elements can be defined only once per window.
beforeAll(() => runPageScript(defineComponents));

function runPageScript(source: string): void {
  new Function(source)();
}

function openPage(): void {
  loadFixture('slotted-controls.html');
  runPageScript(addListeners);
}

/** Returns the <button> a design-system host renders, following hosts inside its shadow root. */
function innerButton(hostId: string): HTMLButtonElement {
  let root = document.getElementById(hostId)?.shadowRoot;
  for (;;) {
    const button = root?.querySelector('button');
    if (button) return button;
    const host = root?.querySelector('x-button');
    if (!host?.shadowRoot) throw new Error(`No button rendered in #${hostId}`);
    root = host.shadowRoot;
  }
}

describe('buttons labelled through a slot', () => {
  it.each([
    ['in a table row', 'row-blocked', '+14155550123'],
    ['through two slots', 'nested-blocked', '+16465550199'],
    ['in a shadow-root tile', 'tile-blocked', '+14155550123'],
  ])('blocks a Call button %s', async (_where, id, e164) => {
    openPage();
    page = startOnPage();
    await page.settle();

    innerButton(id).click();
    await wait();

    expect(pageEvents()).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain(e164);
  });

  it.each([
    ['in a table row', 'row-allowed'],
    ['in a shadow-root tile', 'tile-allowed'],
  ])('dials an allowed Call button %s once', async (_where, id) => {
    openPage();
    page = startOnPage();
    await page.settle();

    innerButton(id).click();
    await wait(80);

    expect(pageEvents()).toEqual([`dial:${id}`]);
    expect(notice()).toBeNull();
  });

  it('reads a label in the control’s shadow root', async () => {
    loadHtml(
      '<table><tbody><tr><td>Ana Lee</td><td>(415) 555-0123</td>' +
        '<td><div id="host" role="button" tabindex="0"></div></td></tr></tbody></table>',
    );
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>Call</span>';
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    host.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('blocks a button whose slotted label is the number', async () => {
    loadHtml('<p>Ana Lee <x-button id="number">(415) 555-0123</x-button></p>');
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    innerButton('number').click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('lets a slotted "Call ▾" open its menu', async () => {
    loadHtml(
      '<aside><p>Mobile (415) 555-0123</p><p>Work (212) 555-0187</p>' +
        '<x-button id="opener">Call ▾</x-button></aside>',
    );
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    innerButton('opener').click();
    await wait();

    expect(events).toEqual(['click:opener']);
    expect(notice()).toBeNull();
  });
});
describe('call icons with the number in their title', () => {
  it('blocks an icon titled with a suppressed number', async () => {
    openPage();
    page = startOnPage();
    await page.settle();

    document.getElementById('icon-blocked')?.click();
    await wait();

    expect(pageEvents()).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('dials an icon titled with an allowed number once', async () => {
    openPage();
    page = startOnPage();
    await page.settle();

    document.getElementById('icon-allowed')?.click();
    await wait(80);

    expect(pageEvents()).toEqual(['dial:(212) 555-0142']);
    expect(notice()).toBeNull();
  });

  it.each([
    [
      'an aria-label',
      '<button id="call" aria-label="Call Ana Lee, mobile, (415) 555-0123">☎</button>',
    ],
    ['a nested title', '<button id="call"><i title="Call (415) 555-0123"></i></button>'],
  ])('reads the number in %s of a button', async (_kind, button) => {
    loadHtml(`<p>Ana Lee ${button}</p>`);
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('lets a titled Copy button through', async () => {
    loadHtml('<p>Ana Lee <button id="copy" title="Copy (415) 555-0123">⧉</button></p>');
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.getElementById('copy')?.click();
    await wait();

    expect(events).toEqual(['click:copy']);
    expect(notice()).toBeNull();
  });
});
