import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOSED_ROOT_EVENT,
  SHADOW_ROOT_EVENT,
  announceShadowRoots,
  listenForShadowRoots,
} from '../../lib/content/shadow-signal';
import { attachClosedRoot, badgeMap, loadHtml, startOnPage, stubChromeDom } from './harness';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
});

beforeAll(() => {
  // In the extension this runs in the page's world; jsdom has only one.
  announceShadowRoots(window);
  announceShadowRoots(window);
});

function announcedRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  listenForShadowRoots(window, (root) => roots.push(root), controller.signal);
  return roots;
}

describe('shadow roots attached late', () => {
  it('announces roots of connected hosts', async () => {
    loadHtml('<x-late id="host"></x-late>');
    const roots = announcedRoots();

    const root = document.getElementById('host')?.attachShadow({ mode: 'open' });
    expect(roots).toEqual([]);
    await nextTask();

    expect(roots).toEqual([root]);
  });

  it('skips open roots of detached hosts', async () => {
    loadHtml('<p>Account</p>');
    const roots = announcedRoots();

    document.createElement('x-detached').attachShadow({ mode: 'open' });
    await nextTask();

    expect(roots).toEqual([]);
  });

  it('announces closed roots, of detached hosts too', async () => {
    const unstub = stubChromeDom();
    loadHtml('<x-closed id="host"></x-closed>');
    const roots = announcedRoots();
    const seen: string[] = [];
    document.addEventListener(CLOSED_ROOT_EVENT, () => seen.push('document'));

    try {
      const onPage = attachClosedRoot(document.getElementById('host') as Element);
      const detached = attachClosedRoot(document.createElement('x-detached'));
      await nextTask();

      expect(roots).toEqual([onPage, detached]);
      expect(seen).toEqual([]);
    } finally {
      unstub();
    }
  });

  it('keeps what attachShadow returns and throws', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });

    expect(host.shadowRoot).toBe(root);
    expect(() => host.attachShadow({ mode: 'open' })).toThrow();
    expect(() => document.createElement('input').attachShadow({ mode: 'open' })).toThrow();
  });

  it('survives pages replacing its globals', async () => {
    loadHtml('<x-late id="host"></x-late>');
    const roots = announcedRoots();
    const saved = { queueMicrotask: window.queueMicrotask, CustomEvent: window.CustomEvent };
    window.queueMicrotask = () => {
      throw new Error('patched by the page');
    };
    window.CustomEvent = class extends Event {} as unknown as typeof CustomEvent;

    try {
      const root = document.getElementById('host')?.attachShadow({ mode: 'open' });
      await nextTask();
      expect(roots).toEqual([root]);
    } finally {
      Object.assign(window, saved);
    }
  });

  it('hides the event from the page', async () => {
    loadHtml('<x-late id="host"></x-late>');
    announcedRoots();
    const seen: string[] = [];
    document.addEventListener(SHADOW_ROOT_EVENT, () => seen.push('document'));

    document.getElementById('host')?.attachShadow({ mode: 'open' });
    await nextTask();

    expect(seen).toEqual([]);
  });

  it('flags numbers in late roots', async () => {
    loadHtml('<p>Account</p><x-contact id="host"></x-contact>');
    const page = startOnPage();
    listenForShadowRoots(window, (root) => page.scanner.watch(root), controller.signal);
    await page.settle();
    expect(badgeMap()).toEqual({});

    const root = document.getElementById('host')?.attachShadow({ mode: 'open' });
    if (!root) throw new Error('no shadow root');
    const line = document.createElement('p');
    line.textContent = 'Mobile: +1 415 555 0123';
    root.append(line);
    await nextTask();
    await page.settle();

    expect(badgeMap(root)).toEqual({ '+14155550123': 'suppressed' });
    page.stop();
  });
});
