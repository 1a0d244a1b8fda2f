import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shadowRootOf } from '../../lib/content/closed-roots';
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

/** A contact card whose closed root shows a number and a Call button that dials it. */
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
});
