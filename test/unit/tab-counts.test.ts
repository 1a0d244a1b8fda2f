import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';

import { TabCounts } from '../../lib/background/tab-counts.ts';

/** Returns a stand-in toolbar button that records the text set on each tab. */
function fakeButton() {
  const texts = new Map<number, string>();
  return {
    texts,
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setBadgeText: vi.fn(async ({ tabId, text }: { tabId: number; text: string }) => {
      texts.set(tabId, text);
    }),
  };
}

const original = { action: browser.action, browserAction: browser.browserAction };
afterEach(() => Object.assign(browser, original));

describe('TabCounts', () => {
  it('sums the frames of a tab on its button', async () => {
    const button = fakeButton();
    Object.assign(browser, { action: button });
    const counts = new TabCounts();

    counts.report(7, 0, 2);
    counts.report(7, 3, 1);
    await vi.waitFor(() => expect(button.texts.get(7)).toBe('3'));
  });

  it('uses browserAction where action is missing', async () => {
    const button = fakeButton();
    Object.assign(browser, { action: undefined, browserAction: button });
    const counts = new TabCounts();

    counts.report(4, 0, 5);
    await vi.waitFor(() => expect(button.texts.get(4)).toBe('5'));
  });
});
