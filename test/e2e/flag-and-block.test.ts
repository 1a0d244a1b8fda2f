import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeStatuses,
  importCsv,
  launchWithExtension,
  pageEvents,
  serveFixtures,
  type ExtensionSession,
} from './browser';

const DNC_CSV = [
  'phone,reason',
  '+44 20 7946 0018,Asked not to be called',
  '+1 415 555 0123,Deletion request',
  '+86 138 1234 5678,Complaint',
  '"+1 646 555 0199",Registry',
  'not a number,oops',
].join('\n');

let session: ExtensionSession;
let site: Awaited<ReturnType<typeof serveFixtures>>;

beforeAll(async () => {
  site = await serveFixtures();
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${site.url}/${path}`);
  return page;
}

/** Waits until the page shows at least `count` badges (usable in hooks, unlike expect.poll). */
async function waitForBadges(page: Page, count: number): Promise<Record<string, string>> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const badges = await badgeStatuses(page);
    if (Object.keys(badges).length >= count) return badges;
    if (Date.now() > deadline)
      throw new Error(`Expected ${count} badges, found ${JSON.stringify(badges)}`);
    await page.waitForTimeout(100);
  }
}

const notice = (page: Page) => page.locator('dnc-guard-notice[role="alertdialog"]');

describe('before a list is loaded', () => {
  it('marks numbers unknown and blocks dialing', async () => {
    const page = await open('crm-record.html');
    const badges = await waitForBadges(page, 6);

    expect(new Set(Object.values(badges))).toEqual(new Set(['unknown']));
    await page.locator('#home-link').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await notice(page).getAttribute('data-status')).toBe('unknown');
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });
});

describe('with a list imported from CSV', () => {
  let recordPage: Page;

  beforeAll(async () => {
    recordPage = await open('crm-record.html');
    await waitForBadges(recordPage, 6);
    const options = await importCsv(session, DNC_CSV);
    await options.close();
  });

  it('updates open tabs without reloading', async () => {
    await expect
      .poll(async () => (await badgeStatuses(recordPage))['+14155550123'], { timeout: 15_000 })
      .toBe('suppressed');
    expect(await badgeStatuses(recordPage)).toEqual({
      '+442079460018': 'suppressed',
      '+12125550187': 'allowed',
      '+14155550123': 'suppressed',
      '+12125550142': 'allowed',
      '+16465550199': 'suppressed',
      '+8613812345678': 'suppressed',
    });
  });

  it('shows the notice above a modal dialog of the page', async () => {
    const page = await open('modal-card.html');
    await page.locator('#open-card').click();
    await waitForBadges(page, 1);

    await page.locator('#card-call').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    // Scripts that check the contract wait for the notice to be visible.
    expect(await notice(page).isVisible()).toBe(true);
    // Playwright clicks only an element that the pointer reaches at its centre.
    await notice(page).getByRole('button', { name: 'Close' }).click({ timeout: 5_000 });

    await expect.poll(() => notice(page).count()).toBe(0);
    expect(await page.locator('#card').evaluate((card) => (card as HTMLDialogElement).open)).toBe(
      true,
    );
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('keeps the badge icon in forced colors', async () => {
    const page = await open('reset-css.html');
    await waitForBadges(page, 2);
    await page.emulateMedia({ forcedColors: 'active' });

    const icon = await page.evaluate(() => {
      const badge = document.querySelector('dnc-guard-badge[data-status="suppressed"]');
      const body = badge?.shadowRoot?.querySelector('.badge');
      return body ? getComputedStyle(body).backgroundImage : null;
    });

    expect(icon).toContain('gradient');
    await page.close();
  });

  it('keeps the notice inside a small window', async () => {
    const page = await open('crm-record.html');
    await page.setViewportSize({ width: 320, height: 256 });
    await waitForBadges(page, 6);

    await page.locator('#home-link').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    const fits = await notice(page).evaluate((host) => {
      const box = host.shadowRoot?.querySelector('.dialog')?.getBoundingClientRect();
      return box ? box.bottom <= innerHeight && box.right <= innerWidth : false;
    });
    const close = notice(page).getByRole('button');
    await close.scrollIntoViewIfNeeded();

    const closeInSight = await close.evaluate((button) => {
      const box = button.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });

    expect(fits).toBe(true);
    expect(closeInSight).toBe(true);
    await page.close();
  });

  it('blocks a suppressed tel link with a notice', async () => {
    const page = await open('crm-record.html');
    await waitForBadges(page, 6);

    await page.locator('#home-link').click();

    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await notice(page).textContent()).toBe('');
    const text = await notice(page).evaluate((element) => element.shadowRoot?.textContent ?? '');
    expect(text).toContain('(415) 555-0123');
    expect(text).toContain('Deletion request');
    expect(await pageEvents(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => notice(page).count()).toBe(0);
    await page.close();
  });

  it('lets an allowed click-to-dial reach the page', async () => {
    const page = await open('crm-record.html');
    await waitForBadges(page, 6);

    await page.locator('#click-to-dial').click();

    await expect.poll(() => pageEvents(page)).toEqual(['click:click-to-dial']);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it('blocks the dial pad call button and Enter', async () => {
    const page = await open('dial-pad.html');
    const box = page.locator('#dial-number');
    await box.fill('+44 (20) 7946-0018');

    await page.locator('#call').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    await page.keyboard.press('Escape');

    await box.focus();
    await box.press('Enter');
    await expect.poll(() => notice(page).count()).toBe(1);

    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('lets the dial pad dial an allowed number', async () => {
    const page = await open('dial-pad.html');
    await page.locator('#dial-number').fill('212-555-0187');

    await page.locator('#call').click();
    await page.locator('#dial-number').press('Enter');

    // The dialer strips formatting on change; the page sees its own reformatted value.
    await expect
      .poll(() => pageEvents(page))
      .toEqual(['dial:button:2125550187', 'dial:enter:2125550187']);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it('dials typed pad digits over last dial', async () => {
    const page = await open('call-menus.html');
    await waitForBadges(page, 3);

    for (const digit of '2125550187') await page.locator('.key', { hasText: digit }).click();
    await page.locator('#pad-call').click();

    await expect.poll(() => pageEvents(page)).toEqual(['dial:pad:2125550187']);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it('blocks Enter on the last keypad key clicked', async () => {
    const page = await open('keypad-display.html');
    const keypad = page.locator('#softphone');

    for (const digit of '4155550123') await keypad.locator(`#key-${digit}`).click();
    await expect.poll(() => badgeStatuses(page)).toEqual({ '+14155550123': 'suppressed' });
    await page.keyboard.press('Enter');

    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('lets Enter on a keypad key dial an allowed number once', async () => {
    const page = await open('keypad-display.html');
    const keypad = page.locator('#softphone');

    for (const digit of '2125550187') await keypad.locator(`#key-${digit}`).click();
    await page.keyboard.press('Enter');

    await expect.poll(() => pageEvents(page)).toEqual(['dial:keypad:2125550187']);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it('blocks Enter on a Call option a search box offers', async () => {
    const page = await open('search-call-option.html');

    await page.locator('#quick').fill('415 555 0123');
    await page.keyboard.press('Enter');
    await expect.poll(() => notice(page).count()).toBe(1);
    await page.keyboard.press('Escape');

    await page.locator('#palette').fill('+1 646 555 0199');
    await page.keyboard.press('Enter');
    await expect.poll(() => notice(page).count()).toBe(1);

    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('lets Enter on an allowed Call option dial once', async () => {
    const page = await open('search-call-option.html');

    await page.locator('#palette').fill('+1 212 555 0187');
    await page.keyboard.press('Enter');
    await page.locator('#quick').fill('212 555 0187');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => pageEvents(page))
      .toEqual(['dial:palette:+1 212 555 0187', 'dial:quick-enter:2125550187']);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it('explains a click on the badge in a blocked Call option', async () => {
    const page = await open('search-call-option.html');

    await page.locator('#quick').fill('415 555 0123');
    const badge = page.locator('#quick-call dnc-guard-badge');
    await expect.poll(() => badge.getAttribute('data-status')).toBe('suppressed');
    await badge.click();

    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('decides portal menu Call by row', async () => {
    const page = await open('call-menus.html');
    await waitForBadges(page, 3);

    await page.locator('#marcus').click({ button: 'right' });
    await page.locator('#menu-call').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    const text = await notice(page).evaluate((element) => element.shadowRoot?.textContent ?? '');
    expect(text).toContain('646');
    await page.keyboard.press('Escape');
    // The blocked click never reached the page, so its menu is still open over the rows.
    await page.evaluate(() => {
      (document.getElementById('menu') as HTMLElement).style.display = 'none';
    });

    await page.locator('#helen').click({ button: 'right' });
    await page.locator('#menu-call').click();
    await expect.poll(() => pageEvents(page)).toEqual(['dial:menu:+1 212-555-0187']);
    await page.close();
  });

  it('blocks a Chinese dial form', async () => {
    const page = await open('dial-pad.html');
    await page.locator('#zh-number').fill('+86 138 1234 5678');

    await page.locator('#zh-call').click();

    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('flags numbers in shadow roots', async () => {
    const page = await open('shadow-dom.html');
    expect(await waitForBadges(page, 2)).toEqual({
      '+442079460018': 'suppressed',
      '+12125550187': 'allowed',
    });
    await page.close();
  });

  it('flags numbers in late shadow roots', async () => {
    const page = await open('late-shadow.html');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toContain('(ready)');

    expect(await waitForBadges(page, 1)).toEqual({ '+442079460018': 'suppressed' });
    await page.close();
  });

  it('flags and guards numbers in closed shadow roots', async () => {
    const page = await open('closed-shadow.html');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toContain('(ready)');
    type CardPage = { cardRoot(id: string): ShadowRoot };
    const badgeIn = (card: string) =>
      page.evaluate((id) => {
        const badge = (window as unknown as CardPage).cardRoot(id).querySelector('dnc-guard-badge');
        return badge && `${badge.getAttribute('data-e164')} ${badge.getAttribute('data-status')}`;
      }, card);
    // Playwright's locators do not enter closed roots; the mouse goes where the button is.
    const clickCall = async (card: string) => {
      const box = await page.evaluate((id) => {
        const call = (window as unknown as CardPage).cardRoot(id).querySelector('button');
        const rect = call?.getBoundingClientRect();
        return rect && { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }, card);
      if (!box) throw new Error(`No Call button in ${card}`);
      await page.mouse.click(box.x, box.y);
    };

    await expect.poll(() => badgeIn('lena'), { timeout: 15_000 }).toBe('+14155550123 suppressed');
    await expect.poll(() => badgeIn('sam')).toBe('+12125550187 allowed');
    await expect.poll(() => badgeIn('ana')).toBe('+442079460018 suppressed');

    await clickCall('lena');
    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => notice(page).count()).toBe(0);

    await clickCall('sam');
    await expect.poll(() => pageEvents(page)).toEqual(['dial:sam']);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it('keeps badge styles under CSS resets', async () => {
    const page = await open('reset-css.html');
    await waitForBadges(page, 2);

    const looks = await page.evaluate(() =>
      [...document.querySelectorAll('dnc-guard-badge')].map((badge) => {
        const body = badge.shadowRoot?.querySelector('.badge');
        if (!body) return null;
        const box = getComputedStyle(body);
        return {
          status: badge.getAttribute('data-status'),
          padding: box.paddingLeft,
          fontSize: box.fontSize,
          text: body.textContent,
          // The suppressed icon is drawn by gradients on the body itself.
          iconDrawn: box.backgroundImage.includes('gradient'),
        };
      }),
    );

    expect(looks).toEqual([
      { status: 'allowed', padding: '3px', fontSize: '11px', text: '\u2713', iconDrawn: false },
      {
        status: 'suppressed',
        padding: '18px',
        fontSize: '11px',
        text: 'Do not call',
        iconDrawn: true,
      },
    ]);
    await page.close();
  });

  it('flags and guards inside frames', async () => {
    const page = await open('iframe-host.html');
    await waitForBadges(page, 1);
    const softphone = page.frameLocator('#softphone');
    const inline = page.frame({ url: /about:srcdoc/ });

    await expect
      .poll(async () =>
        inline?.evaluate(() =>
          document.querySelector('dnc-guard-badge')?.getAttribute('data-status'),
        ),
      )
      .toBe('suppressed');
    await softphone.locator('#dial-number').fill('+1 415 555 0123');
    await softphone.locator('#call').click();
    await expect.poll(() => softphone.locator('dnc-guard-notice').count()).toBe(1);
    await page.close();
  });

  it('guards a frame written with document.write', async () => {
    const page = await open('written-frame.html');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toContain('(ready)');
    const frame = page.frameLocator('#log');
    await expect
      .poll(() => frame.locator('dnc-guard-badge').getAttribute('data-status'))
      .toBe('suppressed');

    await frame.locator('#last').click();
    await expect.poll(() => frame.locator('dnc-guard-notice').count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('guards a sandboxed mail frame', async () => {
    const page = await open('mail-frame.html');
    const mail = page.frameLocator('#mail');
    await expect
      .poll(() => mail.locator('dnc-guard-badge').getAttribute('data-status'))
      .toBe('suppressed');

    await mail.locator('#back').click();
    await expect.poll(() => mail.locator('dnc-guard-notice').count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('reads flex and grid cells apart', async () => {
    const page = await open('contact-cards.html');
    const badges = await waitForBadges(page, 2);

    expect(badges['+14155550123']).toBe('suppressed');
    expect(badges['+12125550187']).toBe('allowed');
    await page.close();
  });

  it('follows values set by scripts', async () => {
    const page = await open('contact-cards.html');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toContain('(ready)');

    await expect
      .poll(async () => (await badgeStatuses(page))['+8613812345678'], { timeout: 15_000 })
      .toBe('suppressed');
    await page.close();
  });

  it('keeps badges in sight in narrow cells', async () => {
    const page = await open('contact-cards.html');
    await waitForBadges(page, 3);

    const boxes = await page.evaluate(() => {
      const cell = document.getElementById('narrow');
      const badge = cell?.querySelector('dnc-guard-badge');
      if (!cell || !badge) return null;
      const box = badge.getBoundingClientRect();
      const under = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        cell: cell.getBoundingClientRect().toJSON(),
        badge: box.toJSON(),
        // A badge drawn over a link's number is part of the link.
        underIsInLink: cell.querySelector('a')?.contains(under) ?? false,
      };
    });
    expect(boxes?.badge.left).toBeGreaterThanOrEqual(boxes?.cell.left ?? Infinity);
    expect(boxes?.badge.right).toBeLessThanOrEqual(boxes?.cell.right ?? -Infinity);
    expect(boxes?.underIsInLink).toBe(true);

    // Pointing at it explains it; clicking it is a click on the link.
    const badge = page.locator('#narrow dnc-guard-badge');
    await badge.hover();
    expect(await badge.getAttribute('title')).toContain('Do not call');
    await badge.click();
    await expect.poll(() => notice(page).count()).toBe(1);
    expect(await pageEvents(page)).toEqual([]);
    await page.close();
  });

  it('shows only the icon where the label has no room', async () => {
    const page = await open('contact-cards.html');
    await waitForBadges(page, 3);

    const boxes = await page.evaluate(() =>
      ['narrow', 'roomy'].map((id) => {
        const cell = document.getElementById(id);
        const text = cell?.querySelector('a')?.firstChild;
        const badge = cell?.querySelector('dnc-guard-badge');
        if (!cell || !text || !badge) return null;
        const range = document.createRange();
        range.selectNode(text);
        return {
          cell: cell.getBoundingClientRect().toJSON(),
          text: range.getBoundingClientRect().toJSON(),
          badge: badge.getBoundingClientRect().toJSON(),
          name: badge.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label'),
        };
      }),
    );
    const [narrow, roomy] = boxes;
    // Over the number's end, the icon hides two or three digits, not the number.
    expect(narrow?.badge.width).toBeLessThan(30);
    expect(narrow?.name).toBe('Do not call');
    expect(roomy?.badge.left).toBeGreaterThanOrEqual(roomy?.text.right ?? Infinity);
    expect(roomy?.badge.right).toBeLessThanOrEqual(roomy?.cell.right ?? -Infinity);
    await page.close();
  });

  it("keeps a card row's call icon in sight", async () => {
    const page = await open('contact-cards.html');
    await waitForBadges(page, 3);

    const boxes = await page.evaluate(() => {
      const row = document.getElementById('card-row');
      const call = document.getElementById('card-call');
      return row?.querySelector('dnc-guard-badge') && call
        ? { row: row.getBoundingClientRect().toJSON(), call: call.getBoundingClientRect().toJSON() }
        : null;
    });
    expect(boxes?.call.right).toBeLessThanOrEqual(boxes?.row.right ?? -Infinity);
    await page.close();
  });

  it("puts a phone widget's link badge after its label", async () => {
    const page = await open('contact-cards.html');
    const before = await page.evaluate(
      () => document.getElementById('widget-link')?.getBoundingClientRect().height ?? 0,
    );
    await expect
      .poll(() => page.locator('#widget-link dnc-guard-badge').count(), { timeout: 15_000 })
      .toBe(1);

    const boxes = await page.evaluate(() => {
      const link = document.getElementById('widget-link');
      const label = link?.firstChild;
      const badge = link?.querySelector('dnc-guard-badge');
      if (!link || !label || !badge) return null;
      const range = document.createRange();
      range.selectNode(label);
      return {
        height: link.getBoundingClientRect().height,
        labelRight: range.getBoundingClientRect().right,
        badgeLeft: badge.getBoundingClientRect().left,
      };
    });
    // The box before it may shrink (min-width: 0), so the badge needs no overlay.
    expect(boxes?.height).toBe(before);
    expect(boxes?.badgeLeft).toBeGreaterThanOrEqual(boxes?.labelRight ?? Infinity);
    await page.close();
  });

  it('keeps a narrow dialer row intact', async () => {
    const page = await open('contact-cards.html');
    await waitForBadges(page, 3);

    const boxes = await page.evaluate(() => {
      const row = document.getElementById('widget');
      const call = document.getElementById('widget-call');
      const badge = document.getElementById('widget-to')?.nextElementSibling;
      return row && call && badge?.localName === 'dnc-guard-badge'
        ? {
            row: row.getBoundingClientRect().toJSON(),
            call: call.getBoundingClientRect().toJSON(),
            badge: badge.getBoundingClientRect().toJSON(),
          }
        : null;
    });
    expect(boxes?.call.right).toBeLessThanOrEqual(boxes?.row.right ?? -Infinity);
    expect(boxes?.badge.right).toBeLessThanOrEqual(boxes?.call.left ?? -Infinity);
    await page.close();
  });

  it('keeps the controls under a full-width number box in place', async () => {
    const page = await open('contact-cards.html');
    const before = await page.evaluate(() =>
      document.getElementById('full-call')?.getBoundingClientRect().toJSON(),
    );
    await waitForBadges(page, 3);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.getElementById('full-to')?.nextElementSibling?.localName ?? null,
        ),
      )
      .toBe('dnc-guard-badge');

    const boxes = await page.evaluate(() => {
      const box = document.getElementById('full-box');
      const badge = document.getElementById('full-to')?.nextElementSibling;
      const call = document.getElementById('full-call');
      return box && badge && call
        ? {
            box: box.getBoundingClientRect().toJSON(),
            badge: badge.getBoundingClientRect().toJSON(),
            call: call.getBoundingClientRect().toJSON(),
          }
        : null;
    });
    expect(Math.abs((boxes?.call.top ?? 0) - (before?.top ?? 0))).toBeLessThan(1);
    expect(boxes?.badge.right).toBeLessThanOrEqual(boxes?.box.right ?? -Infinity);
    expect(boxes?.badge.bottom).toBeLessThanOrEqual(boxes?.box.bottom ?? -Infinity);
    await page.close();
  });

  it("keeps a deal card's size when its number wraps", async () => {
    const page = await open('contact-cards.html');
    const boxesOf = () =>
      page.evaluate(() => {
        const deal = document.getElementById('deal');
        const call = document.getElementById('deal-call');
        return deal && call
          ? {
              deal: deal.getBoundingClientRect().toJSON(),
              call: call.getBoundingClientRect().toJSON(),
              badge: deal.querySelector('dnc-guard-badge')?.getBoundingClientRect().toJSON(),
            }
          : null;
      });
    const before = await boxesOf();
    await expect.poll(async () => (await boxesOf())?.badge !== undefined).toBe(true);

    const after = await boxesOf();
    expect(after?.deal.height).toBe(before?.deal.height);
    expect(after?.call.left).toBe(before?.call.left);
    expect(after?.badge?.right).toBeLessThanOrEqual(after?.call.left ?? -Infinity);
    await page.close();
  });

  it('puts the badge after the number where the cell has room', async () => {
    const page = await open('contact-cards.html');
    await waitForBadges(page, 3);

    const boxes = await page.evaluate(() => {
      const cell = document.getElementById('wide');
      const text = document.getElementById('wide-link')?.firstChild;
      const badge = cell?.querySelector('dnc-guard-badge');
      if (!cell || !text || !badge) return null;
      const range = document.createRange();
      range.selectNode(text);
      return {
        cell: cell.getBoundingClientRect().toJSON(),
        text: range.getBoundingClientRect().toJSON(),
        badge: badge.getBoundingClientRect().toJSON(),
      };
    });
    expect(boxes?.badge.left).toBeGreaterThanOrEqual(boxes?.text.right ?? Infinity);
    expect(boxes?.badge.right).toBeLessThanOrEqual(boxes?.cell.right ?? -Infinity);
    await page.close();
  });

  it('keeps the badge after a number that fits its clipping link', async () => {
    const page = await open('contact-cards.html');
    await waitForBadges(page, 3);

    const boxes = await page.evaluate(() => {
      const link = document.getElementById('block-link');
      const text = link?.firstChild;
      const badge = link?.querySelector('dnc-guard-badge');
      if (!link || !text || !badge) return null;
      const range = document.createRange();
      range.selectNode(text);
      return {
        link: link.getBoundingClientRect().toJSON(),
        text: range.getBoundingClientRect().toJSON(),
        badge: badge.getBoundingClientRect().toJSON(),
      };
    });
    expect(boxes?.badge.left).toBeGreaterThanOrEqual(boxes?.text.right ?? Infinity);
    expect(boxes?.badge.right).toBeLessThanOrEqual(boxes?.link.right ?? -Infinity);
    await page.close();
  });

  it('stops presses dialing suppressed numbers', async () => {
    const page = await open('contact-cards.html');

    await page.locator('#press-dial').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => notice(page).count()).toBe(0);
    await page.locator('#press-dial-ok').hover();
    await page.waitForTimeout(200);
    await page.locator('#press-dial-ok').click();

    expect(await pageEvents(page)).toEqual(['dialed:press-dial-ok']);
    await page.close();
  });

  it('passes on a first tap once allowed', async () => {
    const page = await open('contact-cards.html');

    // A tap gives no hover before the press, so the number is not looked up yet.
    await page.dispatchEvent('#tap-dial-ok', 'pointerdown', { pointerType: 'touch', clientX: 9 });

    await expect.poll(() => pageEvents(page)).toEqual(['tapped:touch:9']);
    expect(await notice(page).count()).toBe(0);
    await page.close();
  });

  it('guards number texts that look clickable', async () => {
    const page = await open('clickable-numbers.html');

    await page.locator('#span-dial').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => notice(page).count()).toBe(0);
    await page.locator('#span-dial-ok').click();
    await page.locator('#row-phone').click();

    await expect.poll(() => pageEvents(page)).toEqual(['dialed:span-dial-ok', 'opened:row']);
    // Nothing arrives late: the allowed dial reached the page once.
    await page.waitForTimeout(300);
    expect(await pageEvents(page)).toEqual(['dialed:span-dial-ok', 'opened:row']);
    await page.close();
  });

  it('guards Enter and Space on a div button', async () => {
    const page = await open('clickable-numbers.html');

    for (const key of ['Enter', 'Space']) {
      await page.locator('#key-dial').focus();
      await page.keyboard.press(key);
      await expect.poll(() => notice(page).count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => notice(page).count()).toBe(0);
    }
    expect(await pageEvents(page)).toEqual([]);

    await page.locator('#key-number').fill('212 555 0142');
    await page.locator('#key-dial').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pageEvents(page)).toEqual(['dialed:key-dial:212 555 0142']);
    await page.waitForTimeout(300);
    expect(await pageEvents(page)).toEqual(['dialed:key-dial:212 555 0142']);
    await page.close();
  });

  it('guards Call buttons labelled through a slot', async () => {
    const page = await open('slotted-controls.html');
    expect(await waitForBadges(page, 4)).toMatchObject({
      '+14155550123': 'suppressed',
      '+16465550199': 'suppressed',
    });

    for (const button of ['#row-blocked', '#nested-blocked', '#tile-blocked x-button']) {
      await page.locator(button).click();
      await expect.poll(() => notice(page).count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => notice(page).count()).toBe(0);
    }
    expect(await pageEvents(page)).toEqual([]);

    await page.locator('#row-allowed').click();
    await page.locator('#tile-allowed x-button').click();
    const allowed = ['dial:row-allowed', 'dial:tile-allowed'];
    await expect.poll(() => pageEvents(page)).toEqual(allowed);
    // Nothing arrives late: each allowed dial reached the page once.
    await page.waitForTimeout(300);
    expect(await pageEvents(page)).toEqual(allowed);
    await page.close();
  });

  it('guards an icon with its number in its title', async () => {
    const page = await open('slotted-controls.html');

    await page.locator('#icon-blocked').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => notice(page).count()).toBe(0);
    expect(await pageEvents(page)).toEqual([]);

    await page.locator('#icon-allowed').click();
    await expect.poll(() => pageEvents(page)).toEqual(['dial:(212) 555-0142']);
    // Nothing arrives late: the allowed dial reached the page once.
    await page.waitForTimeout(300);
    expect(await pageEvents(page)).toEqual(['dial:(212) 555-0142']);
    await page.close();
  });

  it('guards an injected call icon and a dial box shortcut', async () => {
    const page = await open('injected-dialer.html');
    const box = page.locator('#pc-number');

    await page.locator('#icon-blocked').click();
    await expect.poll(() => notice(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await box.fill('415 555 0123');
    await box.press('Control+Shift+C');
    await expect.poll(() => notice(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await pageEvents(page)).toEqual([]);

    await page.locator('#icon-allowed').click();
    await box.fill('212 555 0142');
    await box.press('Control+Shift+C');
    const allowed = ['icon:+12125550142', 'shortcut:212 555 0142'];
    await expect.poll(() => pageEvents(page)).toEqual(allowed);
    // Nothing arrives late: each allowed dial reached the page once.
    await page.waitForTimeout(300);
    expect(await pageEvents(page)).toEqual(allowed);
    await page.close();
  });

  it('shows the suppressed count on the toolbar button', async () => {
    const page = await open('crm-record.html');
    await waitForBadges(page, 6);

    await expect
      .poll(() =>
        session.worker.evaluate(async () => {
          const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
          const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.id === undefined ? '' : api.action.getBadgeText({ tabId: tab.id });
        }),
      )
      .toBe('4');
    await page.close();
  });

  it('looks a number up in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);

    await page.getByLabel('Phone number').fill('020 7946 0018');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.result').getAttribute('data-status')).toBe('invalid');

    await page.getByLabel('Phone number').fill('+44 20 7946 0018');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.result').getAttribute('data-status')).toBe('suppressed');
    expect(await page.locator('.result').textContent()).toContain('Asked not to be called');
    await page.close();
  });
});
