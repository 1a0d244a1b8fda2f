import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml, notice, startOnPage, wait } from './harness';

// Shapes of third-party web softphones: call buttons drawn as SVG, controls
// named only by test ids, a box for a name or a number, a caller-ID picker
// beside the number box, and quick connects listed beside a dial pad.

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  document.querySelector('dnc-guard-notice')?.remove();
});

const noticeText = () => notice()?.shadowRoot?.textContent ?? '';
/** Elements enough to make the body a page, not a softphone's own frame. */
const FILLER = '<span>x</span>'.repeat(30);
/** A phone handset drawn as a path, as icon sets ship it. */
const HANDSET =
  '<path d="M6 10a15 15 0 006 6l2-2a1 1 0 011 0 11 11 0 004 1v4a1 1 0 01-1 1A17 17 0 013 4"/>';

/** Records the events a page listener on `element` receives. */
function handlerOn(element: Element, type = 'click'): string[] {
  const log: string[] = [];
  element.addEventListener(type, () => log.push(type));
  return log;
}

const byId = <T extends Element = HTMLElement>(id: string) =>
  document.getElementById(id) as T | null;

function setValue(id: string, value: string): void {
  (byId<HTMLInputElement>(id) as HTMLInputElement).value = value;
}

describe('controls named by test ids', () => {
  it.each(['data-test', 'data-testid', 'data-test-id', 'data-qa', 'data-cy', 'data-automation-id'])(
    'blocks call back named by %s',
    async (attribute) => {
      loadHtml(`<ul class="sc-jTrPJq">
          <li class="sc-bBABsx"><div>Grace Patel</div><div><span>+1 415-555-0123</span> · Missed</div>
            <button id="back" type="button" class="sc-fmixVB" ${attribute}="call-back-button"><svg>${HANDSET}</svg></button></li>
          <li class="sc-bBABsx"><div>Tom Nash</div><div><span>+1 212-555-0187</span> · Outbound</div>
            <button type="button" class="sc-fmixVB" ${attribute}="call-back-button"><svg>${HANDSET}</svg></button></li>
        </ul>${FILLER}`);
      const dials = handlerOn(byId('back') as HTMLElement);
      page = startOnPage();

      byId('back')?.click();
      await wait();

      expect(dials).toEqual([]);
      expect(noticeText()).toContain('+14155550123');
    },
  );

  it('leaves a back button free', async () => {
    loadHtml(`<div class="pad"><input id="box" aria-label="Number">
        <button id="back" type="button" data-test="back-button"><svg>${HANDSET}</svg></button></div>${FILLER}`);
    const clicks = handlerOn(byId('back') as HTMLElement);
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    byId('back')?.click();
    await wait();

    expect(notice()).toBeNull();
    expect(clicks).toEqual(['click']);
  });
});
