import { afterEach, describe, expect, it } from 'vitest';
import { PageScanner, type ScanSink } from '../../lib/content/scanner';
import { BADGE_CSS } from '../../lib/content/styles';
import { validateCandidate } from '../../lib/phone/validate';
import { crmListHtml, crmListRowsHtml, hostileHtml, listedNumber } from '../fixtures/generate';
import { badgeMap, badgesIn, loadFixture, loadHtml, pageLog, startOnPage } from './harness';

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
});

describe('CRM record page', () => {
  it('flags every number with its status', async () => {
    loadFixture('crm-record.html');
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({
      '+442079460018': 'suppressed',
      '+12125550187': 'allowed',
      '+14155550123': 'suppressed',
      '+12125550142': 'allowed',
      '+16465550199': 'suppressed',
      '+8613812345678': 'suppressed',
    });
  });

  it('places one badge per number', async () => {
    loadFixture('crm-record.html');
    page = startOnPage();
    await page.settle();

    const keys = badgesIn().map((badge) => badge.dataset.e164);
    expect(keys).toHaveLength(new Set(keys).size);
  });

  it("puts a dial link's badge inside it", async () => {
    loadFixture('crm-record.html');
    const text = document.getElementById('home-link')?.textContent;
    page = startOnPage();
    await page.settle();

    const link = document.getElementById('home-link');
    expect(link?.lastChild?.nodeName).toBe('DNC-GUARD-BADGE');
    expect(link?.textContent).toBe(text);
  });

  it.each([
    ['ext. 12', '<a href="tel:+12125550187">(212) 555-0187</a> ext. 12'],
    ['ramal 214', '<a href="tel:+12125550188">(212) 555-0188</a> ramal 214'],
    ['内線 123', '<a href="tel:+12125550187">(212) 555-0187</a> 内線 123'],
  ])('gives a dial link followed by %s one badge', async (_words, html) => {
    loadHtml(`<p>${html}</p>`);
    page = startOnPage();
    await page.settle();

    expect(badgesIn()).toHaveLength(1);
    expect(document.querySelector('a dnc-guard-badge')).not.toBeNull();
  });

  it('passes a click on a badge inside a link to the link', async () => {
    loadHtml(
      '<p><a id="link" href="tel:+12125550187">(212) 555-0187</a></p>' +
        '<p id="text">(212) 555-0188</p>',
    );
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.querySelector<HTMLElement>('#link dnc-guard-badge')?.click();
    document.querySelector<HTMLElement>('#text dnc-guard-badge')?.click();
    await page.settle();

    expect(events).toEqual(['click:dnc-guard-badge']);
  });

  it('blocks a click on the badge of a suppressed link', async () => {
    loadHtml('<p><a id="link" href="tel:+14155550123">(415) 555-0123</a></p>');
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.querySelector<HTMLElement>('#link dnc-guard-badge')?.click();
    await page.settle();

    expect(events).toEqual([]);
    expect(document.querySelector('dnc-guard-notice')).not.toBeNull();
  });

  it('keeps the children of reused rows', async () => {
    loadHtml(
      '<div id="phones"><div class="row" style="display: flex">' +
        '<span>work</span><a href="tel:+14155550123">(415) 555-0123</a></div></div>' +
        '<div id="form" style="display: grid"><label for="to">To</label>' +
        '<div style="display: flex"><input id="to" type="tel" value="+1 646 555 0199"></div></div>',
    );
    page = startOnPage();
    await page.settle();

    expect(document.getElementById('phones')?.children).toHaveLength(1);
    expect(document.querySelector('#phones .row')?.children).toHaveLength(2);
    expect(document.getElementById('form')?.children).toHaveLength(2);
    expect(document.getElementById('to')?.nextElementSibling?.localName).toBe('dnc-guard-badge');
  });

  it("drops a link's badge when its target changes", async () => {
    loadHtml(
      '<p><a id="gone" href="tel:+14155550123">Call</a></p>' +
        '<p><a id="moved" href="tel:+14155550123">Call</a></p>',
    );
    page = startOnPage();
    await page.settle();
    expect(badgesIn()).toHaveLength(2);

    document.getElementById('gone')?.setAttribute('href', '#');
    document.getElementById('moved')?.setAttribute('href', 'tel:+12125550187');
    await page.settle();

    expect(badgeMap()).toEqual({ '+12125550187': 'allowed' });
  });

  it('flags link text that shows another number', async () => {
    loadHtml(
      '<p><a href="tel:+16465550142">+1 415 555 0123</a></p>' +
        '<p><a href="tel:+12125550187">(212) 555-0187</a></p>' +
        '<p><a href="tel:+442079460018">020 7946 0018</a></p>',
    );
    page = startOnPage();
    await page.settle();

    // The text's badge sits inside the link, before the link's own.
    expect(badgesIn().map((badge) => badge.dataset.e164)).toEqual([
      '+14155550123',
      '+16465550142',
      '+12125550187',
      '+442079460018',
    ]);
  });

  it('gives a link with an extension one badge', async () => {
    loadHtml(
      '<p><a href="tel:212-555-0187,123">(212) 555-0187 ext. 123</a></p>' +
        '<p><a href="tel:+14155550123,,45">+1 415 555 0123</a></p>' +
        '<p><a href="tel:646-555-0199;ext=7">646-555-0199 x7</a></p>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgesIn().map((badge) => badge.dataset.e164)).toEqual([
      '+12125550187',
      '+14155550123',
      '+16465550199',
    ]);
  });

  it('reads a one-tap dial-in link by its number', async () => {
    loadHtml(
      '<p><a href="tel:+16465550156,,84522317788#,,,,*1234567#">One tap</a></p>' +
        '<p><a href="tel:+442079460018,,,123#">One tap</a></p>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgesIn().map((badge) => badge.dataset.e164)).toEqual([
      '+16465550156',
      '+442079460018',
    ]);
  });

  it('finds a number split across spans', async () => {
    loadFixture('crm-record.html');
    page = startOnPage();
    await page.settle();

    expect(document.querySelector('#split dnc-guard-badge')?.getAttribute('data-e164')).toBe(
      '+12125550142',
    );
  });

  it('leaves the page text unchanged', async () => {
    loadFixture('crm-record.html');
    const before = document.body.textContent;
    page = startOnPage();
    await page.settle();

    expect(document.body.textContent).toBe(before);
  });

  it('keeps markup in names as text', async () => {
    loadFixture('crm-record.html');
    page = startOnPage();
    await page.settle();

    expect(document.querySelectorAll('img, b b')).toHaveLength(0);
    expect(document.body.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows an icon and text on suppressed badges', async () => {
    loadFixture('crm-record.html');
    page = startOnPage();
    await page.settle();

    const badge = document.querySelector<HTMLElement>('dnc-guard-badge[data-status="suppressed"]');
    expect(badge?.shadowRoot?.querySelector('.badge')?.textContent).toBe('Do not call');
    expect(badge?.shadowRoot?.querySelector('.badge')?.getAttribute('role')).toBe('img');
    expect(badge?.shadowRoot?.querySelector('.badge')?.getAttribute('aria-label')).toBe(
      'Do not call',
    );
    const allowed = document.querySelector('dnc-guard-badge[data-status="allowed"]');
    expect(allowed?.shadowRoot?.querySelector('.badge')?.getAttribute('aria-label')).toBe(
      'Not on the do-not-call list',
    );
    expect(allowed?.shadowRoot?.querySelector('.badge')?.textContent).toBe('\u2713');
    // jsdom draws no backgrounds, so the icon is checked in the style sheet.
    expect(BADGE_CSS).toMatch(
      /:host\(\[data-status="suppressed"\]\) \.badge \{[^}]*background-image: linear-gradient/,
    );
  });

  it('hides allowed badges when the setting is off', async () => {
    loadFixture('crm-record.html');
    page = startOnPage({
      list: { ...(await import('./harness')).listInfo({ showAllowedBadges: false }) },
    });
    await page.settle();

    const allowed = document.querySelector<HTMLElement>('dnc-guard-badge[data-status="allowed"]');
    expect(allowed?.hidden).toBe(true);
    const suppressed = document.querySelector<HTMLElement>(
      'dnc-guard-badge[data-status="suppressed"]',
    );
    expect(suppressed?.hidden).toBe(false);
  });

  it('reports the count of suppressed numbers', async () => {
    loadFixture('crm-record.html');
    page = startOnPage();
    await page.settle();

    expect(page.counts.at(-1)).toBe(4);
  });
});

describe('text split over elements', () => {
  it('reads cells styled as boxes apart', async () => {
    loadHtml(
      '<div><span style="display:block">Ana</span><span style="display:block">+1 415 555 0123</span></div>' +
        '<div><span style="display:inline-block">Contact 2</span>' +
        '<span style="display:inline-block">(646) 555-0199</span></div>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed', '+16465550199': 'suppressed' });
  });

  it('joins digits drawn in inline boxes', async () => {
    const digits = [...'+14155550123']
      .map((digit) => `<span style="display:inline-block">${digit}</span>`)
      .join('');
    loadHtml(`<div>${digits}</div>`);
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed' });
  });

  it('names the number when words follow it', async () => {
    loadHtml(
      '<p id="note">Reach the office at (415) 555-0123 from now on; the mobile is personal.</p>' +
        '<p id="field">Phone: +1 212 555 0187</p>',
    );
    page = startOnPage();
    await page.settle();

    const digitsOf = (id: string) =>
      document.querySelector(`#${id} dnc-guard-badge`)?.shadowRoot?.querySelector('.digits')
        ?.textContent;
    expect(digitsOf('note')).toBe('…0123');
    expect(digitsOf('field')).toBeUndefined();
  });

  it('ends a number where a link starts', async () => {
    loadHtml(
      '<p><span>+44 161 496 0321</span><a href="#">Call</a></p>' +
        '<p><span>(646) 555-0199</span><button type="button">Text</button></p>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+441614960321': 'allowed', '+16465550199': 'suppressed' });
  });

  it('splits boxes separated by a space', async () => {
    loadHtml(
      '<div><span style="display:block">2</span> <span style="display:block">(646) 555-0199</span></div>' +
        '<div><span style="display:block">#48213 </span><span style="display:block">(212) 555-0142</span></div>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+16465550199': 'suppressed', '+12125550142': 'allowed' });
  });

  it('reads a count pill apart from the number after it', async () => {
    const pill = 'display:inline-block;padding:0 4px;border-radius:8px';
    loadHtml(
      `<div><span style="${pill}">3</span> (646) 555-0199</div>` +
        `<div><span style="${pill}">12</span> +1 212 555 0142</div>` +
        '<div><span style="display:inline-block">646</span> <span style="display:inline-block">555</span> ' +
        '<span style="display:inline-block">0123</span></div>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({
      '+16465550199': 'suppressed',
      '+12125550142': 'allowed',
      '+16465550123': 'allowed',
    });
  });

  it('finishes a walk whose paused node the page removed', () => {
    const counters = Array.from(
      { length: 800 },
      (_, i) => `<p><span class="tick">${i}s</span></p>`,
    );
    loadHtml(`<div>${counters.join('')}<p>Call +1 415 555 0123</p></div>`);
    const found: string[] = [];
    const sink: ScanSink = {
      found: (numbers) => found.push(...numbers.map((number) => number.raw)),
      forget: () => undefined,
      replace: (_anchors, numbers) => found.push(...numbers.map((number) => number.raw)),
      removed: () => undefined,
    };
    const slices: Array<(deadline: number) => void> = [];
    const scanner = new PageScanner(sink, (work) => slices.push(work));
    scanner.watch(document);

    // Each slice pauses at its first deadline check; between slices the page
    // rewrites every counter, which replaces the text node the walk paused at.
    for (let tick = 0; tick < 400 && slices.length > 0; tick++) {
      slices.shift()?.(performance.now() + 1);
      for (const counter of document.querySelectorAll('.tick')) counter.textContent = `${tick}s`;
    }
    scanner.stop();

    expect(found).toContain('+1 415 555 0123');
  });

  it('joins inline spans that touch', async () => {
    loadHtml('<p><span>+1</span><span>(212) 555-0142</span></p>');
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+12125550142': 'allowed' });
  });

  it('flags numbers in preformatted text', async () => {
    loadHtml('<pre>From: Ana\nPhone: +44 20 7946 0018\nSent: 2024-05-12 10:20</pre>');
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+442079460018': 'suppressed' });
  });
});

describe('cells that cut off their line', () => {
  it('keeps the first child of a truncated cell', async () => {
    loadHtml(
      '<style>.truncate { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }</style>' +
        '<div class="truncate" id="cell">+1 646 555 0199</div>',
    );
    page = startOnPage();
    await page.settle();

    const cell = document.getElementById('cell');
    expect(cell?.firstChild?.nodeType).toBe(Node.TEXT_NODE);
    expect(cell?.lastChild?.nodeName).toBe('DNC-GUARD-BADGE');
  });

  it('keeps the badge after numbers in open cells', async () => {
    loadHtml(
      '<div style="overflow: hidden"><span id="phone">+1 646 555 0199</span></div>' +
        '<p style="white-space: nowrap"><span id="other">+44 20 7946 0018</span></p>',
    );
    page = startOnPage();
    await page.settle();

    expect(document.getElementById('phone')?.lastChild?.nodeName).toBe('DNC-GUARD-BADGE');
    expect(document.getElementById('other')?.lastChild?.nodeName).toBe('DNC-GUARD-BADGE');
  });
});

describe('regions that are not page text', () => {
  it('skips svg text and form options', async () => {
    loadHtml(
      '<p id="plain">Call +1 415 555 0123</p>' +
        '<svg><text>+1 212 555 0187</text></svg>' +
        '<select><option>+1 212 555 0100</option></select>' +
        '<p contenteditable="false">Locked +1 212 555 0101</p>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed', '+12125550101': 'allowed' });
  });

  it('flags a short editable field after it, never inside', async () => {
    loadHtml(
      '<div id="field" contenteditable="true"><p>+1 646 555 0199</p>' +
        '<span contenteditable="false">Chip +44 20 7946 0018</span></div>' +
        '<div id="plain" contenteditable="PLAINTEXT-ONLY">Note +86 138 1234 5678</div>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({
      '+16465550199': 'suppressed',
      '+442079460018': 'suppressed',
      '+8613812345678': 'suppressed',
    });
    for (const id of ['field', 'plain']) {
      const field = document.getElementById(id);
      expect(badgesIn(field ?? document)).toHaveLength(0);
      expect(field?.nextElementSibling?.localName).toBe('dnc-guard-badge');
    }
  });

  it('leaves the text of a long editor alone', async () => {
    const note = `Customer said: ${'please stop calling me. '.repeat(6)}My number is +1 646 555 0199.`;
    loadHtml(`<div contenteditable="true"><p>${note}</p></div>`);
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({});
  });

  it('follows an editable field as its text changes', async () => {
    loadHtml('<div id="field" contenteditable="true">+1 212 555 0100</div>');
    page = startOnPage();
    await page.settle();
    expect(badgeMap()).toEqual({ '+12125550100': 'allowed' });

    const field = document.getElementById('field');
    if (!field?.firstChild) throw new Error('no field text');
    (field.firstChild as Text).data = '+1 646 555 0199';
    await page.settle();

    expect(badgeMap()).toEqual({ '+16465550199': 'suppressed' });
  });

  it('handles a dial link inside an editor as the field text', async () => {
    loadHtml('<div contenteditable><a href="tel:+14155550123">+1 415 555 0123</a></div>');
    page = startOnPage();
    await page.settle();

    expect(badgesIn(document.querySelector('a') ?? document)).toHaveLength(0);
    expect(document.querySelector('div')?.nextElementSibling?.localName).toBe('dnc-guard-badge');
  });
});

describe('large list page', () => {
  it('flags all numbers of a 2,000-row list', async () => {
    loadHtml(crmListHtml(2000));
    page = startOnPage();
    await page.settle(60_000);

    let expected = 0;
    for (let row = 0; row < 2000; row++) {
      for (const column of [0, 1])
        if (validateCandidate(listedNumber(row, column).written, 'US')) expected++;
    }
    expect(badgesIn()).toHaveLength(expected);
    expect(expected).toBeGreaterThan(3000);
  }, 120_000);

  it('scans the list in many slices', async () => {
    loadHtml(crmListHtml(2000));
    page = startOnPage();
    await page.settle(60_000);

    expect(page.stats.slices).toBeGreaterThan(5);
  }, 120_000);

  it('asks the background in batches', async () => {
    loadHtml(crmListHtml(2000));
    page = startOnPage();
    await page.settle(60_000);

    // A slice walks at least 256 text nodes before it checks its deadline,
    // and it sends one request for what it found. So even a slow machine
    // sends at most one request per 256 text nodes, against 4,000 requests
    // if each number had its own.
    let textNodes = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) textNodes++;
    expect(page.background.calls.length).toBeLessThanOrEqual(Math.ceil(textNodes / 256));
    for (const batch of page.background.calls) expect(batch.length).toBeLessThanOrEqual(1000);
  }, 120_000);
});

describe('content added after load', () => {
  it('flags rows appended later', async () => {
    loadHtml(crmListHtml(10));
    page = startOnPage();
    await page.settle();
    const before = badgesIn().length;

    document.querySelector('tbody')?.insertAdjacentHTML('beforeend', crmListRowsHtml(10, 50));
    await page.settle();

    expect(badgesIn().length).toBeGreaterThan(before + 50);
  });

  it('updates the badge when a text changes in place', async () => {
    loadHtml('<p id="cell">+1 212 555 0187</p>');
    page = startOnPage();
    await page.settle();
    expect(badgeMap()).toEqual({ '+12125550187': 'allowed' });

    const text = document.getElementById('cell')?.firstChild as Text;
    text.data = '+1 415 555 0123';
    await page.settle();

    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed' });
  });

  it('drops the badge when its number is removed', async () => {
    loadHtml('<div id="box"><p id="cell">+1 415 555 0123</p></div>');
    page = startOnPage();
    await page.settle();
    expect(badgesIn()).toHaveLength(1);

    document.getElementById('cell')?.firstChild?.remove();
    await page.settle();

    expect(badgesIn()).toHaveLength(0);
  });

  it('never scans the same text twice', async () => {
    loadHtml('<p>+1 212 555 0187</p><div id="more"></div>');
    page = startOnPage();
    await page.settle();
    const looked = page.background.calls.flat().length;

    document.getElementById('more')?.append(document.createElement('span'));
    await page.settle();

    expect(page.background.calls.flat().length).toBe(looked);
    expect(badgesIn()).toHaveLength(1);
  });
});

describe('input values', () => {
  it('follows values from input events', async () => {
    loadHtml('<input id="phone" type="tel">');
    page = startOnPage();
    await page.settle();
    const input = document.getElementById('phone') as HTMLInputElement;

    input.value = '+1 415 555 0123';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await page.settle();

    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed' });
  });

  it('follows values set without events', async () => {
    loadHtml('<input id="phone" type="tel"><input id="agree" type="checkbox">');
    page = startOnPage();
    await page.settle();

    (document.getElementById('phone') as HTMLInputElement).value = '+44 20 7946 0018';
    await expect
      .poll(() => badgeMap(), { timeout: 5000 })
      .toEqual({
        '+442079460018': 'suppressed',
      });
  });

  it('leaves identifier inputs alone', async () => {
    loadHtml(
      '<label for="order">Order number</label> <input id="order" value="4155550123">' +
        '<label for="company">Company ID</label> <input id="company" value="6465550199">' +
        '<input name="invoice_number" aria-label="Invoice no." value="4155550123">' +
        '<label for="cust">Customer phone</label> <input id="cust" value="6465550199">',
    );
    page = startOnPage();
    await page.settle();

    expect(badgesIn().map((badge) => badge.previousElementSibling?.id)).toEqual(['cust']);
  });

  it('reads a box with its picked country code', async () => {
    loadHtml(
      '<div class="dialer"><select id="cc"><option value="+1">🇺🇸 +1</option>' +
        '<option value="+44" selected>🇬🇧 +44</option></select>' +
        '<input id="phone" type="tel" value="20 7946 0018"></div>',
    );
    page = startOnPage();
    await page.settle();

    expect(badgeMap()).toEqual({ '+442079460018': 'suppressed' });
  });

  it('follows a change of the country picker', async () => {
    loadHtml(
      '<div class="dialer"><select id="cc"><option value="+1" selected>🇺🇸 +1</option>' +
        '<option value="+44">🇬🇧 +44</option></select>' +
        '<input id="phone" type="tel" value="20 7946 0018"></div>',
    );
    page = startOnPage();
    await page.settle();
    expect(badgeMap()).toEqual({ '+12079460018': 'allowed' });

    const picker = document.getElementById('cc') as HTMLSelectElement;
    picker.value = '+44';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await page.settle();

    expect(badgeMap()).toEqual({ '+442079460018': 'suppressed' });
  });

  it('drops badges of cleared values', async () => {
    loadHtml('<input id="phone" type="tel" value="+1 646 555 0199">');
    page = startOnPage();
    await page.settle();
    expect(badgesIn()).toHaveLength(1);

    const input = document.getElementById('phone') as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await page.settle();

    expect(badgesIn()).toHaveLength(0);
  });
});

describe('pages that render again', () => {
  /** Lets the mutation callbacks run, and no idle time or frame. */
  const afterCallbacks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

  it('reads digits appended one span at a time', async () => {
    loadHtml('<div id="display" aria-live="polite"></div>');
    page = startOnPage();
    await page.settle();

    const display = document.getElementById('display');
    for (const digit of '+14155550123') {
      const span = document.createElement('span');
      span.textContent = digit;
      display?.append(span);
      await page.settle();
    }

    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed' });
  });

  it('joins a span added to a started number', async () => {
    loadHtml('<p id="line">Mobile: <span>+1 415</span></p>');
    page = startOnPage();
    await page.settle();

    const rest = document.createElement('span');
    rest.textContent = ' 555 0123';
    document.getElementById('line')?.append(rest);
    await page.settle();

    expect(badgeMap()).toEqual({ '+14155550123': 'suppressed' });
  });

  it('keeps the badge when the same text is written', async () => {
    loadHtml('<p id="cell">+1 646 555 0199</p>');
    page = startOnPage();
    await page.settle();
    const badge = badgesIn()[0];

    const text = document.getElementById('cell')?.firstChild as Text;
    text.data = '+1 646 555 0199';
    await page.settle();

    expect(badgesIn()).toHaveLength(1);
    expect(badgesIn()[0]).toBe(badge);
  });

  it('keeps the badge when a counter beside the number changes', async () => {
    loadHtml(
      '<p id="cell"><span>+1 646 555 0199</span> · <span id="tick">1s</span></p>' +
        '<p id="row"><a href="tel:+12125550142">Call</a> <span id="since">2s</span></p>',
    );
    page = startOnPage();
    await page.settle();
    const before = badgesIn();
    expect(before).toHaveLength(2);

    const tick = document.getElementById('tick')?.firstChild as Text;
    const since = document.getElementById('since') as HTMLElement;
    for (let second = 2; second < 5; second++) {
      tick.data = `${second}s`;
      since.textContent = `${second + 1}s`;
      await page.settle();
    }

    expect(badgesIn()).toEqual(before);
    expect(before.every((badge) => badge.isConnected)).toBe(true);
  });

  it('replaces the badge when the number beside a counter changes', async () => {
    loadHtml('<p id="cell"><span id="number">+1 646 555 0199</span> <span>1s</span></p>');
    page = startOnPage();
    await page.settle();

    const number = document.getElementById('number')?.firstChild as Text;
    number.data = '+1 212 555 0142';
    await page.settle();

    expect(badgeMap()).toEqual({ '+12125550142': 'allowed' });
  });

  it('places known badges before the next frame', async () => {
    loadHtml('<table><tbody id="rows"><tr><td>+1 646 555 0199</td></tr></tbody></table>');
    page = startOnPage();
    await page.settle();

    const rows = document.getElementById('rows') as HTMLElement;
    rows.innerHTML = '<tr><td>+1 646 555 0199</td></tr>';
    await afterCallbacks();

    expect(badgesIn(rows).map((badge) => badge.dataset.status)).toEqual(['suppressed']);
  });

  it('replaces a rewritten text node without a gap', async () => {
    loadHtml('<p id="cell">+1 646 555 0199</p>');
    page = startOnPage();
    await page.settle();

    const cell = document.getElementById('cell') as HTMLElement;
    cell.textContent = '+1 646 555 0199';
    await afterCallbacks();

    expect(badgesIn(cell)).toHaveLength(1);
  });
});

describe('shadow DOM and frames', () => {
  it('flags numbers inside nested open shadow roots', async () => {
    loadHtml('<div id="host"></div>');
    const outer = document.getElementById('host')?.attachShadow({ mode: 'open' });
    const line = document.createElement('p');
    line.textContent = 'Mobile: +44 20 7946 0018';
    const inner = document.createElement('div');
    inner.attachShadow({ mode: 'open' }).innerHTML =
      '<a href="tel:+12125550187">+1 212 555 0187</a>';
    outer?.append(line, inner);

    page = startOnPage();
    await page.settle();

    expect(badgeMap(outer as ParentNode)).toEqual({ '+442079460018': 'suppressed' });
    expect(badgeMap(inner.shadowRoot as ParentNode)).toEqual({ '+12125550187': 'allowed' });
  });

  it('flags content added to a shadow root later', async () => {
    loadHtml('<div id="host"></div>');
    const root = document.getElementById('host')?.attachShadow({ mode: 'open' });
    page = startOnPage();
    await page.settle();

    const line = document.createElement('p');
    line.textContent = '+1 646 555 0199';
    root?.append(line);
    await page.settle();

    expect(badgeMap(root as ParentNode)).toEqual({ '+16465550199': 'suppressed' });
  });

  it('flags roots gained while detached', async () => {
    loadHtml('<div id="list"></div>');
    page = startOnPage();
    await page.settle();
    const host = document.createElement('x-card');
    document.getElementById('list')?.append(host);
    await page.settle();

    host.remove();
    const root = host.attachShadow({ mode: 'open' });
    root.append('Mobile: +1 415 555 0123');
    document.getElementById('list')?.append(host);
    await page.settle();

    expect(badgeMap(root)).toEqual({ '+14155550123': 'suppressed' });
  });

  it('scans a same-origin frame document', async () => {
    loadHtml('<iframe id="frame"></iframe>');
    const frame = document.getElementById('frame') as HTMLIFrameElement;
    const inner = frame.contentDocument;
    if (!inner) throw new Error('jsdom gave the frame no document');
    inner.body.innerHTML = '<p>Softphone: +1 415 555 0123</p>';

    page = startOnPage({ root: inner });
    await page.settle();

    expect(badgeMap(inner)).toEqual({ '+14155550123': 'suppressed' });
  });
});

describe('hostile page', () => {
  it('keeps markup as text and finishes in slices', async () => {
    loadHtml(hostileHtml(100_000));
    const elementsBefore = document.querySelectorAll('*').length;
    page = startOnPage();
    await page.settle(240_000);

    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    expect((window as unknown as { injected?: boolean }).injected).toBeUndefined();
    expect(document.getElementById('name')?.textContent).toContain(
      '<img src=x onerror="window.injected=true">',
    );
    expect(document.querySelectorAll('*').length - badgesIn().length).toBe(elementsBefore);
    expect(page.stats.slices).toBeGreaterThan(20);
  }, 300_000);
});
