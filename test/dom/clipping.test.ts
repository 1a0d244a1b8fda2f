import { afterEach, describe, expect, it } from 'vitest';
import { clippingBox, type BoxLook } from '../../lib/content/clipping';
import { loadHtml } from './harness';

afterEach(() => {
  document.documentElement.replaceChildren();
});

describe('clipping box', () => {
  it('tells apart columns styled by position', () => {
    // Only the Phone column cuts its text off; Mobile lets it run on.
    loadHtml(`
      <style>td { white-space: nowrap } td:nth-child(1) { overflow: hidden; max-width: 150px }</style>
      <table><tr><td id="phone">+1 202 555 2001</td><td id="mobile">+1 303 555 3001</td></tr></table>`);
    const looks = new Map<string, BoxLook>();
    const cell = (id: string) => document.getElementById(id);

    expect(clippingBox(cell('phone'), looks)).toBe(cell('phone'));
    expect(clippingBox(cell('mobile'), looks)).toBeNull();
  });
});
