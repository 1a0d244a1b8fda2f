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

function click(element: Element): void {
  element.dispatchEvent(
    new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 1 }),
  );
}

function pressEnter(target: HTMLElement): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
  );
}

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

describe('call buttons drawn as SVG', () => {
  const aircall = `<section class="sc-jSUZER">
      <div class="sc-gKPRtg">
        <input id="box" class="sc-ftTHYK" type="text" placeholder="Type a name or number">
        <div class="sc-pyfCe"><svg id="call" class="Call__SvgCall-sc-1q2w3e-0 hKtYzr" viewBox="0 0 24 24">${HANDSET}</svg></div>
      </div>
    </section>${FILLER}`;

  it('blocks a call icon by class', async () => {
    loadHtml(aircall);
    const call = byId<SVGElement>('call') as SVGElement;
    const dials = handlerOn(call);
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    click(call.querySelector('path') as Element);
    await wait();

    expect(dials).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it('dials an allowed number once', async () => {
    loadHtml(aircall);
    const call = byId<SVGElement>('call') as SVGElement;
    const dials = handlerOn(call);
    page = startOnPage();
    setValue('box', '+1 212 555 0187');

    click(call.querySelector('path') as Element);
    await wait(80);

    expect(notice()).toBeNull();
    expect(dials).toEqual(['click']);
  });

  const widget = `<div class="DialerPanel_root">
      <div class="RecipientsInput_root"><span>To:</span>
        <input id="to" placeholder="Enter Name or Number"></div>
      <div class="DialerPanel_callBtnRow"><div class="DialerPanel_callBtn">
        <svg id="call" data-sign="callButton" class="CircleButton_btnSvg" viewBox="0 0 500 500">
          <g><circle id="circle" cx="250" cy="250" r="245"/>
          <svg class="CircleButton_icon" viewBox="0 0 200 200">${HANDSET}</svg></g>
        </svg></div></div>
    </div>${FILLER}`;

  it('blocks a data-sign call button', async () => {
    loadHtml(widget);
    const dials = handlerOn(byId<SVGElement>('call') as SVGElement);
    page = startOnPage();
    setValue('to', '+1 415 555 0123');

    click(byId<SVGElement>('circle') as SVGElement);
    await wait();

    expect(dials).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it('reads the svg title', async () => {
    loadHtml(`<div class="pad"><input id="box" aria-label="Number">
        <div class="round"><svg id="call"><title>Call</title>${HANDSET}</svg></div></div>${FILLER}`);
    const dials = handlerOn(byId<SVGElement>('call') as SVGElement);
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    click((byId<SVGElement>('call') as SVGElement).querySelector('path') as Element);
    await wait();

    expect(dials).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it.each([
    ['an icon with no call name', '<svg id="icon" class="chevron-down">'],
    ['a flag', '<svg id="icon" data-testid="flag-gb">'],
  ])('leaves %s free', async (_name, svg) => {
    loadHtml(`<div class="pad"><input id="box" aria-label="Number">
        <div>${svg}${HANDSET}</svg></div></div>${FILLER}`);
    const clicks = handlerOn(byId<SVGElement>('icon') as SVGElement);
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    click((byId<SVGElement>('icon') as SVGElement).querySelector('path') as Element);
    await wait();

    expect(notice()).toBeNull();
    expect(clicks).toEqual(['click']);
  });

  it('lets the enclosing button decide', async () => {
    loadHtml(`<div class="pad"><input id="box" aria-label="Number">
        <button id="mute" type="button" aria-label="Mute"><svg id="icon" class="phone-icon">${HANDSET}</svg></button>
      </div>${FILLER}`);
    const clicks = handlerOn(byId('mute') as HTMLElement);
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    click((byId<SVGElement>('icon') as SVGElement).querySelector('path') as Element);
    await wait();

    expect(notice()).toBeNull();
    expect(clicks).toEqual(['click']);
  });
});

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

describe('a box for a name or a number', () => {
  const box = (placeholder: string) =>
    `<div class="top"><div><input id="box" type="text" placeholder="${placeholder}"></div></div>${FILLER}`;

  it('blocks Enter on a number', async () => {
    loadHtml(box('Type a name or number'));
    const keys = handlerOn(byId('box') as HTMLElement, 'keydown');
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    pressEnter(byId('box') as HTMLElement);
    await wait();

    expect(keys).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it.each([
    ['a name', 'Type a name or number', 'Grace Patel'],
    ['an account number', 'Account name or number', '415 555 0123'],
  ])('leaves Enter on %s alone', async (_name, placeholder, value) => {
    loadHtml(box(placeholder));
    const keys = handlerOn(byId('box') as HTMLElement, 'keydown');
    page = startOnPage();
    setValue('box', value);

    pressEnter(byId('box') as HTMLElement);
    await wait();

    expect(notice()).toBeNull();
    expect(keys).toEqual(['keydown']);
  });
});

describe('a caller-ID picker beside the number box', () => {
  const widget = (from: string) => `<div class="DialerPanel_root">
      <div class="from">${from}</div>
      <div class="to"><span>To:</span><input id="to" placeholder="Enter Name or Number"></div>
      <div class="callRow"><div id="call" role="button" title="Call"><svg>${HANDSET}</svg></div></div>
    </div>${FILLER}`;

  it.each([
    ['an aria-label', '<select aria-label="From"><option>+1 212 555 0100</option></select>'],
    [
      'aria-labelledby',
      '<span id="f">From</span><select aria-labelledby="f"><option>+1 212 555 0100</option></select>',
    ],
    ['a placeholder', '<input placeholder="From" value="+1 212 555 0100">'],
    ['a name', '<input name="from" value="+1 212 555 0100">'],
  ])('skips a From box named by %s', async (_name, from) => {
    loadHtml(widget(from));
    const dials = handlerOn(byId('call') as HTMLElement);
    page = startOnPage();
    setValue('to', '+1 415 555 0123');

    byId('call')?.click();
    await wait();

    expect(dials).toEqual([]);
    expect(noticeText()).toContain('+14155550123');
  });

  it('prefers the number box', async () => {
    loadHtml(widget('<select aria-label="Line"><option>+1 212 555 0100</option></select>'));
    const dials = handlerOn(byId('call') as HTMLElement);
    page = startOnPage();
    setValue('to', '+1 415 555 0123');

    byId('call')?.click();
    await wait();

    expect(dials).toEqual([]);
    expect(noticeText()).toContain('+14155550123');
  });
});

describe('quick connects beside a dial pad', () => {
  const ccp = `<div class="view">
      <div class="phone-row"><input id="box" type="tel" aria-label="Phone number"></div>
      <div class="dialpad">${[...'123456789'].map((k) => `<button class="key">${k}</button>`).join('')}</div>
      <button id="pad-call" class="call-btn" type="button">Call</button>
      <ul class="quick-connects" aria-label="Quick connects">
        <li class="qc-item"><span>Billing queue</span><button id="queue" type="button">Call</button></li>
        <li class="qc-item"><span>Partner desk <span>+1 212 555 0187</span></span><button id="partner" type="button">Call</button></li>
        <li class="qc-item"><span>Escalations <span>+1 646 555 0199</span></span><button id="escalations" type="button">Call</button></li>
      </ul>
    </div>${FILLER}`;

  it('passes a quick connect without number', async () => {
    loadHtml(ccp);
    const dials = handlerOn(byId('queue') as HTMLElement);
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    byId('queue')?.click();
    await wait();

    expect(notice()).toBeNull();
    expect(dials).toEqual(['click']);
  });

  it('blocks the dial pad Call', async () => {
    loadHtml(ccp);
    const dials = handlerOn(byId('pad-call') as HTMLElement);
    page = startOnPage();
    setValue('box', '+1 415 555 0123');

    byId('pad-call')?.click();
    await wait();

    expect(dials).toEqual([]);
    expect(noticeText()).toContain('+14155550123');
  });

  it('blocks a quick connect number', async () => {
    loadHtml(ccp);
    const dials = handlerOn(byId('escalations') as HTMLElement);
    page = startOnPage();
    setValue('box', '+1 212 555 0187');

    byId('escalations')?.click();
    await wait();

    expect(dials).toEqual([]);
    expect(noticeText()).toContain('+16465550199');
  });
});

describe('a held click let through', () => {
  const panel = `<div class="panel"><input id="to" aria-label="Number">
      <div id="call" role="button" title="Call"><svg id="icon">${HANDSET}</svg></div></div>${FILLER}`;

  it('reaches the clicked inner element', async () => {
    loadHtml(panel);
    const icon = byId<SVGElement>('icon') as SVGElement;
    const onIcon = handlerOn(icon);
    const onControl = handlerOn(byId('call') as HTMLElement);
    page = startOnPage({ delayMs: 10 });
    setValue('to', '+1 212 555 0187');

    click(icon);
    expect(onControl).toEqual([]);
    await wait(80);

    expect(notice()).toBeNull();
    expect(onIcon).toEqual(['click']);
    expect(onControl).toEqual(['click']);
  });

  it('replays on the control when detached', async () => {
    loadHtml(panel);
    const icon = byId<SVGElement>('icon') as SVGElement;
    const onControl = handlerOn(byId('call') as HTMLElement);
    page = startOnPage({ delayMs: 10 });
    setValue('to', '+1 212 555 0187');

    click(icon);
    icon.remove();
    await wait(80);

    expect(onControl).toEqual(['click']);
  });
});
