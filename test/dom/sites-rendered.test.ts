import { afterEach, describe, expect, it } from 'vitest';
import { genericAdapter } from '../../lib/sites/generic';
import { loadFixture } from './harness';

const CONSOLE_URL = new URL('https://console.example.com/workspace');

afterEach(() => {
  document.documentElement.replaceChildren();
});

describe('generic adapter on a console with a hidden record tab', () => {
  it('reads the shown record only', () => {
    loadFixture('console-tabs.html');

    const snapshot = genericAdapter.readRecord(document, CONSOLE_URL);

    expect(snapshot!.name).toBe('Mei Tanaka');
    expect(snapshot!.recordId).toBe('REC0000000222');
    expect(snapshot!.emails).toEqual(['mei.tanaka@example.com']);
  });

  it('keeps fields in closed details', () => {
    loadFixture('console-tabs.html');

    const phones = genericAdapter.readRecord(document, CONSOLE_URL)!.phones;

    expect(phones).toEqual(['+1 415 555 0136', '+1 415 555 0177']);
  });

  it.each([
    ['display: none', '+353 87 123 4567'],
    ['visibility: hidden', '+1 415 555 0190'],
    ['the hidden attribute', '+1 415 555 0160'],
    ['aria-hidden', '+1 415 555 0161'],
  ])('leaves out a number hidden by %s', (_how, phone) => {
    loadFixture('console-tabs.html');

    expect(genericAdapter.readRecord(document, CONSOLE_URL)!.phones).not.toContain(phone);
  });

  it('leaves out an inert section', () => {
    loadFixture('console-tabs.html');

    expect(genericAdapter.readRecord(document, CONSOLE_URL)!.emails).not.toContain(
      'old.address@example.com',
    );
  });
});

describe('rendered check through checkVisibility', () => {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'checkVisibility');

  afterEach(() => {
    if (original) Object.defineProperty(Element.prototype, 'checkVisibility', original);
    else delete (Element.prototype as Partial<Element>).checkVisibility;
  });

  it('uses checkVisibility outside closed details', () => {
    // Returns what Chromium returns for this page: no layout box inside the hidden
    // panel or a closed details element, and no visible box under .ghost.
    Element.prototype.checkVisibility = function (this: Element, options?: CheckVisibilityOptions) {
      if (this.closest('.panel-off, details:not([open]) > :not(summary)')) return false;
      return !(options?.visibilityProperty && this.closest('.ghost'));
    };
    loadFixture('console-tabs.html');

    const snapshot = genericAdapter.readRecord(document, CONSOLE_URL);

    expect(snapshot!.name).toBe('Mei Tanaka');
    expect(snapshot!.phones).toEqual(['+1 415 555 0136', '+1 415 555 0177']);
  });
});
