import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composedPathWithin, shadowRootOf } from '../../lib/content/closed-roots';
import { announceShadowRoots, listenForShadowRoots } from '../../lib/content/shadow-signal';
import { attachClosedRoot, badgeMap, loadHtml, startOnPage, stubChromeDom } from './harness';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const notice = () => document.querySelector<HTMLElement>('dnc-guard-notice');

let page: ReturnType<typeof startOnPage> | null = null;
let unstub: () => void = () => undefined;
let controller = new AbortController();

beforeAll(() => {
  // In the extension this runs in the page's world; jsdom has only one.
  announceShadowRoots(window);
});

beforeEach(() => {
  unstub = stubChromeDom();
});

afterEach(() => {
  page?.stop();
  page = null;
  controller.abort();
  controller = new AbortController();
  unstub();
  notice()?.remove();
});

/** Starts the content-script parts with the page-world signal, as the entrypoint wires them. */
function startWithSignal(): ReturnType<typeof startOnPage> {
  const started = startOnPage();
  listenForShadowRoots(
    window,
    (root, host) => started.scanner.watchHost(root, host),
    controller.signal,
  );
  return started;
}

/** Builds a contact card in a closed root, showing a number and a Call button that dials it. */
function closedCard(host: Element, number: string, dials: string[]): ShadowRoot {
  const root = attachClosedRoot(host);
  const line = document.createElement('div');
  line.textContent = number;
  const call = document.createElement('button');
  call.id = 'call';
  call.textContent = 'Call';
  call.addEventListener('click', () => dials.push(number));
  root.append(line, call);
  return root;
}

/** Makes the root's elementFromPoint, which jsdom lacks, return the element at every point. */
function pointAt(root: ShadowRoot, element: Element): void {
  Object.defineProperty(root, 'elementFromPoint', { value: () => element, configurable: true });
}

/** Puts a contact card with a closed root on the page, its Call button under the pointer. */
function cardOnPage(number: string) {
  loadHtml('<x-card id="host"></x-card>');
  const dials: string[] = [];
  const root = closedCard(document.getElementById('host') as Element, number, dials);
  const call = root.getElementById('call') as HTMLElement;
  pointAt(root, call);
  return { dials, root, call };
}

/** Clicks `element` as a mouse does: the event carries coordinates and a click count. */
function mouseClick(element: Element): void {
  element.dispatchEvent(
    new MouseEvent('click', {
      bubbles: true,
      cancelable: true,
      composed: true,
      detail: 1,
      clientX: 20,
      clientY: 20,
    }),
  );
}

describe('closed shadow roots', () => {
  it('reaches a closed root through the extension API', () => {
    const host = document.createElement('x-card');
    const root = attachClosedRoot(host);

    expect(host.shadowRoot).toBeNull();
    expect(shadowRootOf(host)).toBe(root);
    expect(shadowRootOf(document.createElement('div'))).toBeNull();
  });

  it('flags a number in a closed root attached on the page', async () => {
    loadHtml('<h1>Lena Fox</h1><x-card id="host"></x-card>');
    page = startWithSignal();
    await page.settle();

    const root = closedCard(document.getElementById('host') as Element, '+1 415 555 0123', []);
    await nextTask();
    await page.settle();

    expect(badgeMap(root)).toEqual({ '+14155550123': 'suppressed' });
  });

  it('flags a closed root attached before its host was inserted', async () => {
    loadHtml('<div id="list"></div>');
    page = startWithSignal();
    await page.settle();

    const host = document.createElement('x-card');
    const root = closedCard(host, '+1 212 555 0187', []);
    await nextTask();
    document.getElementById('list')?.append(host);
    await page.settle();

    expect(badgeMap(root)).toEqual({ '+12125550187': 'allowed' });
  });

  it('completes an event path from inside a closed root', () => {
    loadHtml('<x-card id="host"></x-card>');
    const host = document.getElementById('host') as Element;
    const root = closedCard(host, '+1 212 555 0187', []);
    const call = root.getElementById('call') as HTMLElement;
    pointAt(root, call);
    let path: EventTarget[] = [];
    document.addEventListener('click', (event) => (path = composedPathWithin(event)), {
      signal: controller.signal,
    });

    mouseClick(call);

    expect(path.slice(0, 4)).toEqual([call, root, host, document.body]);
  });

  it('blocks the Call button of a suppressed number in a closed root', async () => {
    const { dials, call } = cardOnPage('+1 415 555 0123');
    page = startWithSignal();
    await page.settle();

    mouseClick(call);
    await nextTask();

    expect(dials).toEqual([]);
    expect(notice()?.getAttribute('role')).toBe('alertdialog');
    expect(page.reports).toEqual([{ raw: '+1 415 555 0123', decision: 'block' }]);
  });

  it('dials an allowed number in a closed root once', async () => {
    const { dials, call } = cardOnPage('+1 212 555 0187');
    page = startWithSignal();

    // Before the scan: the number is looked up while the click is held.
    mouseClick(call);
    await page.settle();

    expect(dials).toEqual(['+1 212 555 0187']);
    expect(notice()).toBeNull();
  });

  it('blocks a key on the focused Call button of a closed root', async () => {
    const { dials, root, call } = cardOnPage('+1 415 555 0123');
    page = startWithSignal();
    await page.settle();

    call.focus();
    expect(root.activeElement).toBe(call);
    // A button pressed with the keyboard gets a click without a pointer behind it.
    call.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }),
    );
    await nextTask();

    expect(dials).toEqual([]);
    expect(notice()?.getAttribute('role')).toBe('alertdialog');
  });

  it('blocks Enter in a dial box of a closed root', async () => {
    loadHtml('<x-dialer id="host"></x-dialer>');
    const root = attachClosedRoot(document.getElementById('host') as Element);
    const pad = document.createElement('div');
    const box = document.createElement('input');
    box.type = 'tel';
    box.setAttribute('aria-label', 'Number');
    box.value = '+1 415 555 0123';
    const call = document.createElement('button');
    call.textContent = 'Call';
    pad.append(box, call);
    const keys: string[] = [];
    box.addEventListener('keydown', (event) => keys.push(event.key));
    root.append(pad);
    page = startWithSignal();
    await page.settle();

    box.focus();
    box.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
    await nextTask();

    expect(keys).toEqual([]);
    expect(notice()?.getAttribute('role')).toBe('alertdialog');
  });
});
