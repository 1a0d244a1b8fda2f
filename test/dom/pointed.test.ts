import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followPointedNode } from '../../lib/content/pointed';
import { loadHtml } from './harness';

let controller = new AbortController();

beforeEach(() => {
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  window.getSelection()?.removeAllRanges();
  document.documentElement.replaceChildren();
});

describe('followPointedNode', () => {
  it('returns the last clicked element', () => {
    loadHtml('<div id="a">Ana</div><div id="b">Ben</div>');
    const pointed = followPointedNode(window, controller.signal);

    document.getElementById('b')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));

    expect(pointed()).toBe(document.getElementById('b'));
  });

  it('prefers the selected text', () => {
    loadHtml('<div id="a">Ana</div><div id="b">Ben</div>');
    const pointed = followPointedNode(window, controller.signal);
    document.getElementById('b')!.dispatchEvent(new Event('contextmenu', { bubbles: true }));

    const text = document.getElementById('a')!.firstChild!;
    window.getSelection()!.setBaseAndExtent(text, 0, text, 3);

    expect(pointed()).toBe(text);
  });

  it('forgets an element the page removed', () => {
    loadHtml('<div id="a">Ana</div>');
    const pointed = followPointedNode(window, controller.signal);

    document.getElementById('a')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document.getElementById('a')!.remove();

    expect(pointed()).toBeNull();
  });

  it('skips focus on the DNC Guard notice', () => {
    loadHtml('<div id="a">Ana</div><dnc-guard-notice><button>Close</button></dnc-guard-notice>');
    const pointed = followPointedNode(window, controller.signal);

    document.getElementById('a')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document
      .querySelector('dnc-guard-notice button')!
      .dispatchEvent(new Event('focusin', { bubbles: true }));

    expect(pointed()).toBe(document.getElementById('a'));
  });
});
