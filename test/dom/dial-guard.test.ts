import { afterEach, describe, expect, it } from 'vitest';
import { installDialGuard } from '../../lib/content/dial-guard';
import { isCallControl } from '../../lib/content/dial-targets';
import { StatusClient } from '../../lib/content/status-client';
import type { NumberResult } from '../../lib/messaging/protocol';
import { salesforceAdapter } from '../../lib/sites/salesforce';
import { listInfo, loadFixture, loadHtml, notice, pageLog, startOnPage, wait } from './harness';

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  document.querySelector('dnc-guard-notice')?.remove();
});

function pressEnter(target: HTMLElement): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
  );
}

describe('dial links', () => {
  it('blocks a suppressed tel link', async () => {
    loadFixture('crm-record.html');
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.getElementById('home-link')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.getAttribute('role')).toBe('alertdialog');
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
    expect(notice()?.shadowRoot?.textContent).toContain('Customer asked');
    expect(page.reports).toEqual([{ raw: '+14155550123', decision: 'block' }]);
  });

  it('announces the notice as an alert in its language', async () => {
    document.documentElement.lang = 'de';
    loadHtml('<a id="link" href="tel:+14155550123">+1 415 555 0123</a>');
    page = startOnPage();
    await page.settle();

    document.getElementById('link')?.click();
    await wait();

    // The modal <dialog> is what the accessibility tree keeps of the notice.
    expect(notice()?.shadowRoot?.querySelector('dialog')?.getAttribute('role')).toBe('alertdialog');
    expect(notice()?.getAttribute('lang')).toBe('en');
    expect(document.querySelector('dnc-guard-badge')?.getAttribute('lang')).toBe('en');
    document.documentElement.removeAttribute('lang');
  });

  it('lets an allowed tel link through', async () => {
    loadHtml('<a id="ok" href="tel:+12125550187">+1 212 555 0187</a>');
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.getElementById('ok')?.click();
    await wait();

    expect(events).toEqual(['click:ok']);
    expect(notice()).toBeNull();
  });

  it('lets an allowed one-tap dial-in link through', async () => {
    loadHtml('<a id="tap" href="tel:+12125550187,,84522317788#,,,,*1234567#">One tap</a>');
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.getElementById('tap')?.click();
    await wait();

    expect(events).toEqual(['click:tap']);
    expect(notice()).toBeNull();
  });

  it('holds a click until an unseen number is checked', async () => {
    loadHtml('<a id="late" href="callto:+12125550187">Ring</a>');
    const events = pageLog();
    page = startOnPage({ delayMs: 20 });

    document.getElementById('late')?.click();
    expect(events).toEqual([]);
    await wait(80);

    expect(events).toEqual(['click:late']);
  });

  it('blocks a sip link with a user part', async () => {
    loadHtml('<a id="sip" href="sip:+14155550123@pbx.example;user=phone">Softphone</a>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('sip')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('holds a London link with default country US', async () => {
    loadHtml('<a id="london" href="tel:020 7946 0018">Call</a>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('london')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(page.reports).toEqual([{ raw: '020 7946 0018', decision: 'block' }]);
  });
});

describe('dial pad', () => {
  const dialPad = `
    <div class="dialer">
      <input id="number" aria-label="Number to dial">
      <button id="call" type="button" class="call-btn"><svg><title>Call</title></svg></button>
    </div>
    <form id="zh"><input id="zh-number" type="tel" name="callee"><button id="zh-call" type="submit"><span><span>拨打</span></span></button></form>`;

  it('blocks the call button for a suppressed number', async () => {
    loadHtml(dialPad);
    const events = pageLog();
    page = startOnPage();
    (document.getElementById('number') as HTMLInputElement).value = '+44 (20) 7946-0018';

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it('matches a number the dialer reformatted', async () => {
    loadHtml(dialPad);
    const events = pageLog();
    page = startOnPage();
    (document.getElementById('number') as HTMLInputElement).value = '+442079460018';

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual([]);
  });

  it('lets the call button dial an allowed number', async () => {
    loadHtml(dialPad);
    const events = pageLog();
    page = startOnPage();
    (document.getElementById('number') as HTMLInputElement).value = '(212) 555-0187';

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual(['click:call']);
    expect(notice()).toBeNull();
  });

  it('blocks Enter in the number box', async () => {
    loadHtml(dialPad);
    const events = pageLog();
    page = startOnPage();
    const box = document.getElementById('number') as HTMLInputElement;
    box.value = '+1 415 555 0123';

    pressEnter(box);
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('blocks a Chinese dial form on submit', async () => {
    loadHtml(dialPad);
    const events = pageLog();
    page = startOnPage();
    (document.getElementById('zh-number') as HTMLInputElement).value = '+86 138 1234 5678';

    document.getElementById('zh-call')?.click();
    await wait();

    expect(events.filter((event) => event.startsWith('submit'))).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('blocks forms with outside call buttons', async () => {
    loadHtml(
      '<form id="dial"><input id="to" type="tel" value="+1 646 555 0199"></form>' +
        '<button form="dial" title="Call">☎</button>',
    );
    const events = pageLog();
    page = startOnPage();

    (document.getElementById('dial') as HTMLFormElement).requestSubmit();
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('ignores Enter in a search box', async () => {
    loadHtml('<input id="search" type="search" value="+1 415 555 0123"><button>Call</button>');
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.getElementById('search') as HTMLElement);
    await wait();

    expect(events).toEqual(['keydown:search']);
  });

  it('blocks Enter in a dialer search box', async () => {
    loadHtml(
      '<div class="panel"><div class="wrap"><input id="a" type="search" value="+1 415 555 0123"></div>' +
        '<button type="button">Call</button></div>' +
        '<div class="panel"><input id="b" role="combobox" aria-label="Search or enter a number" value="+1 646 555 0199">' +
        '<button type="button">Call</button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.getElementById('a') as HTMLElement);
    pressEnter(document.getElementById('b') as HTMLElement);
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('ignores Enter in a page search box', async () => {
    loadHtml(
      '<header><div class="bar"><form><input id="search" type="search" value="+1 415 555 0123"></form></div></header>' +
        '<main><div class="card"><button type="button">Call</button></div></main>',
    );
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.getElementById('search') as HTMLElement);
    await wait();

    expect(events).toEqual(['keydown:search']);
    expect(notice()).toBeNull();
  });

  it('blocks Enter with nothing focused on a softphone', async () => {
    loadHtml(
      '<div id="display">4155550123</div><div role="button" aria-label="Call" tabindex="0">Call</div>',
    );
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.body);
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('passes page Enter on an allowed softphone number once', async () => {
    loadHtml(
      '<div id="display">2125550187</div><div role="button" aria-label="Call" tabindex="0">Call</div>',
    );
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.body);
    await wait();

    expect(events).toEqual(['keydown:body']);
    expect(notice()).toBeNull();
  });

  it('leaves page Enter alone beside several Call buttons', async () => {
    loadHtml(
      '<p><span>+1 415 555 0123</span> <button type="button">Call</button></p>' +
        '<p><span>+1 212 555 0187</span> <button type="button">Call</button></p>',
    );
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.body);
    await wait();

    expect(events).toEqual(['keydown:body']);
  });

  it('never blocks a hang-up button', async () => {
    loadHtml('<div><input id="n" value="+1 415 555 0123"><button id="end">End call</button></div>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('end')?.click();
    await wait();

    expect(events).toEqual(['click:end']);
  });

  it('checks a preview panel beside a dial form', async () => {
    loadHtml(
      '<div><form><input id="n" value="+1 212 555 0187"><button>Dial</button></form>' +
        '<div><table><tr><th>number1</th><td>+1 415 555 0123</td></tr></table>' +
        '<div><button id="preview">Dial</button><button>Skip</button></div></div></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('preview')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(page.reports.map((report) => report.decision)).toEqual(['block']);
  });

  it.each([
    ['Chinese', '拨号盘'],
    ['English', 'Dial pad'],
    ['English keypad', 'Show keypad'],
  ])('leaves the %s dial pad tab alone', async (_language, label) => {
    loadHtml(
      `<div><button id="tab">${label}</button><input id="n" value="">` +
        '<ul><li>+1 415 555 0123 <button>Call</button></li></ul></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('tab')?.click();
    await wait();

    expect(events).toEqual(['click:tab']);
  });
});

describe('messages that mention a number', () => {
  it('sends a note naming a blocked number', async () => {
    loadHtml(
      '<form id="note-form"><textarea id="note" aria-label="Note">DNC requested 415 555 0123</textarea>' +
        '<button id="send">Send</button></form>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('send')?.click();
    await wait();

    expect(events).toEqual(['click:send', 'submit:note-form']);
    expect(notice()).toBeNull();
  });

  it('sends a chat message with Enter or Send', async () => {
    loadHtml(
      '<div class="composer"><div id="msg" contenteditable="true" role="textbox" aria-label="Message #team">' +
        'Do not call 415 555 0123 again</div><button id="send" type="button">Send</button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.getElementById('msg') as HTMLElement);
    document.getElementById('send')?.click();
    await wait();

    expect(events).toEqual(['keydown:msg', 'click:send']);
    expect(notice()).toBeNull();
  });

  it('sends an email whose subject has a number', async () => {
    loadHtml(
      '<form id="mail"><input id="subject" name="subject" aria-label="Subject" ' +
        'value="Re: your number 415-555-0123 removed"><button id="send">Send</button></form>',
    );
    const events = pageLog();
    page = startOnPage();

    pressEnter(document.getElementById('subject') as HTMLElement);
    (document.getElementById('mail') as HTMLFormElement).requestSubmit();
    await wait();

    expect(events).toEqual(['keydown:subject', 'submit:mail']);
    expect(notice()).toBeNull();
  });

  it('sends beside a chat history with numbers', async () => {
    loadHtml(
      '<div class="chat"><p>Customer: call me on 415 555 0123</p>' +
        '<input id="reply" value="Noted"><button id="send">Send</button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('send')?.click();
    await wait();

    expect(events).toEqual(['click:send']);
  });

  it('blocks Send beside a number-only box', async () => {
    loadHtml('<div><input id="to" value="(415) 555-0123"><button id="send">Send</button></div>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('send')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('blocks a sentence in a box labelled as a phone', async () => {
    loadHtml(
      '<div><label for="to">Phone to call</label><textarea id="to">Mobile, after 5pm: 415 555 0123</textarea>' +
        '<button id="call">Call</button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(page.reports).toEqual([{ raw: '415 555 0123', decision: 'block' }]);
  });
});

describe('calls from a chat', () => {
  const chat = (header: string, log = '<div class="msg">') =>
    '<div class="chat"><header>' +
    header +
    '<button id="audio" type="button" aria-label="Audio call">📞</button></header>' +
    log +
    "Lead: the customer's new number is +1 415 555 0123, do not call before Monday.</div>" +
    '<div id="composer" contenteditable="true" role="textbox" aria-label="Type a message"></div></div>';

  /** Clicks "Audio call" and returns the events the page received. */
  async function clickAudioCall(): Promise<string[]> {
    const events = pageLog();
    page = startOnPage();
    document.getElementById('audio')?.click();
    await wait();
    return events;
  }

  it('calls the partner over a message', async () => {
    loadHtml(chat('<b>Chat with Team Lead</b>'));
    expect(await clickAudioCall()).toEqual(['click:audio']);
    expect(notice()).toBeNull();
  });

  it.each([
    'role="log"',
    'role="feed"',
    'aria-live="polite" aria-label="Messages"',
    'role="list" aria-label="Chat history"',
  ])('calls the partner over a log (%s)', async (log) => {
    loadHtml(
      '<section><h2>Ann Lee</h2><button id="audio" type="button" aria-label="Audio call">📞</button>' +
        `<div ${log}><p>Ann: my old number 415 555 0123 is gone</p></div></section>`,
    );
    expect(await clickAudioCall()).toEqual(['click:audio']);
    expect(notice()).toBeNull();
  });

  it('calls the partner beside a dial pad', async () => {
    loadHtml(
      '<div><div><input aria-label="Type a name or number" value="+1 415 555 0123">' +
        '<button type="button">Call</button></div>' +
        `<div>${chat('<b>Chat with Team Lead</b>')}</div></div>`,
    );
    expect(await clickAudioCall()).toEqual(['click:audio']);
    expect(notice()).toBeNull();
  });

  it('blocks a header showing a number', async () => {
    loadHtml(chat('<b>+1 415 555 0123</b>'));
    expect(await clickAudioCall()).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('blocks a number shown after the call', async () => {
    loadHtml(
      '<div><button id="audio" type="button" aria-label="Audio call">📞</button>' +
        '<p>+1 415 555 0123</p><textarea aria-label="Text message"></textarea></div>',
    );
    expect(await clickAudioCall()).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('sends a number-only chat message', async () => {
    loadHtml(chat('<b>Chat with Team Lead</b>'));
    const composer = document.getElementById('composer') as HTMLElement;
    composer.textContent = '415-555-0123';
    const events = pageLog();
    page = startOnPage();

    pressEnter(composer);
    await wait();

    expect(events).toEqual(['keydown:composer']);
    expect(notice()).toBeNull();
  });

  it('calls the partner over a number-only draft', async () => {
    loadHtml(chat('<b>Chat with Team Lead</b>'));
    (document.getElementById('composer') as HTMLElement).textContent = '415-555-0123';
    expect(await clickAudioCall()).toEqual(['click:audio']);
    expect(notice()).toBeNull();
  });

  it('blocks Call back inside a message', async () => {
    loadHtml(
      '<div role="log"><div class="msg">Missed call from +1 415 555 0123 ' +
        '<button id="back" type="button">Call back</button></div></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('back')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });
});

describe('number pickers', () => {
  const picker = (selected: 'blocked' | 'allowed') => `
    <div role="dialog" aria-label="Calling">
      <label>Calling from <select id="from"><option>+1 (646) 555-0199 (my number)</option></select></label>
      <label>To <select id="to">
        <option value="+14155550123"${selected === 'blocked' ? ' selected' : ''}>(415) 555-0123</option>
        <option value="+12125550187"${selected === 'allowed' ? ' selected' : ''}>(212) 555-0187</option>
      </select></label>
      <button id="go">Call</button>
    </div>`;

  it('dials the allowed selected option once', async () => {
    loadHtml(picker('allowed'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();

    expect(events).toEqual(['click:go']);
    expect(notice()).toBeNull();
  });

  it('blocks the suppressed selected option', async () => {
    loadHtml(picker('blocked'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(page.reports).toEqual([{ raw: '+14155550123', decision: 'block' }]);
  });

  it('reads an option by its text', async () => {
    loadHtml(
      '<div><select id="to"><option value="contact-1">(212) 555-0187</option>' +
        '<option value="contact-2" selected>(415) 555-0123</option></select>' +
        '<button id="go">Call</button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(page.reports).toEqual([{ raw: '(415) 555-0123', decision: 'block' }]);
  });
});

describe('call menus', () => {
  const sidebar = (trigger: string) => `
    <aside>
      ${trigger}
      <div role="menu">
        <div role="menuitem" id="item" data-number="+14155550123">Phone (415) 555-0123</div>
      </div>
      <p><label>Phone <input value="(415) 555-0123"></label></p>
      <p><label>Mobile <input value="+1 212 555 0187"></label></p>
    </aside>`;

  it.each([
    ['a menu', '<button id="go" title="Call" aria-haspopup="menu">☎</button>'],
    ['a dialog', '<button id="go" aria-haspopup="dialog">Call</button>'],
    ['a collapsed list', '<div id="go" role="button" aria-expanded="false">Call</div>'],
  ])('lets a Call control open %s', async (_kind, trigger) => {
    loadHtml(sidebar(trigger));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();

    expect(events).toEqual(['click:go']);
    expect(notice()).toBeNull();
  });

  it('blocks a Call control with haspopup false', async () => {
    loadHtml(sidebar('<button id="go" title="Call" aria-haspopup="false">☎</button>'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();

    expect(events).toEqual([]);
  });

  it('blocks the menu item picked', async () => {
    loadHtml(sidebar('<button id="go" title="Call" aria-haspopup="menu">☎</button>'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('item')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(page.reports).toEqual([{ raw: '+14155550123', decision: 'block' }]);
  });
});

describe('dialing prefixes', () => {
  const dialer =
    '<div><input id="n" aria-label="Phone number"><button id="call" aria-label="Call">☎</button></div>';

  it.each(['*67 415 555 0123', '*674155550123', '9 1 415 555 0123', '*82 1 (415) 555-0123'])(
    'blocks %s on Call and Enter',
    async (typed) => {
      loadHtml(dialer);
      const events = pageLog();
      page = startOnPage();
      const box = document.getElementById('n') as HTMLInputElement;
      box.value = typed;

      document.getElementById('call')?.click();
      await wait();
      expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
      notice()?.remove();
      pressEnter(box);
      await wait();

      expect(events).toEqual([]);
      expect(page.reports.map((report) => report.decision)).toEqual(['block', 'block']);
    },
  );

  it('dials an allowed number after a prefix once', async () => {
    loadHtml(dialer);
    const events = pageLog();
    page = startOnPage();
    (document.getElementById('n') as HTMLInputElement).value = '9 1 212 555 0187';

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual(['click:call']);
    expect(notice()).toBeNull();
  });

  it('blocks a dial link with a star code', async () => {
    loadHtml('<a id="link" href="tel:*674155550123">Call withheld</a>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('link')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('keeps a valid typed number as typed', async () => {
    loadHtml(dialer);
    const events = pageLog();
    (document.getElementById('n') as HTMLInputElement).value = '9 415 555 0123';
    // A numbering plan where the typed digits are a valid allowed number of
    // their own, and the digits after the leading 9 a suppressed one.
    const statuses = new StatusClient(
      async (numbers) => ({
        results: numbers.map<NumberResult>((raw) =>
          raw.startsWith('9')
            ? { raw, e164: '+19415550123', status: 'allowed' }
            : { raw, e164: '+14155550123', status: 'suppressed' },
        ),
        list: listInfo(),
      }),
      () => undefined,
    );
    const controller = new AbortController();
    installDialGuard(
      window,
      { statuses, unknownPolicy: () => 'block', report: () => undefined },
      controller.signal,
    );

    document.getElementById('call')?.click();
    await wait();
    controller.abort();

    expect(events).toEqual(['click:call']);
    expect(notice()).toBeNull();
  });
});

describe('country-code pickers', () => {
  const dialer = (picker: string, typed: string) => `
    <div class="dialer">
      ${picker}
      <input id="n" aria-label="Phone number" value="${typed}">
      <button id="go" aria-label="Call">☎</button>
    </div>`;
  const selectPicker = (chosen: string) =>
    `<select id="cc"><option value="+1"${chosen === '+1' ? ' selected' : ''}>+1</option>` +
    `<option value="+44"${chosen === '+44' ? ' selected' : ''}>+44</option></select>`;

  it.each([
    ['a select of codes', selectPicker('+44')],
    [
      'a select of countries',
      '<select><option value="US">United States (+1)</option>' +
        '<option value="GB" selected>United Kingdom (+44)</option></select>',
    ],
    [
      'a flag button and its list',
      '<button type="button" aria-haspopup="listbox"><span class="flag">🇬🇧</span> +44</button>' +
        '<ul role="listbox" hidden><li role="option">🇺🇸 +1</li><li role="option">🇬🇧 +44</li></ul>',
    ],
    ['a combobox', '<div role="combobox" aria-expanded="false">🇬🇧 United Kingdom +44</div>'],
  ])('blocks a national number beside %s', async (_kind, picker) => {
    loadHtml(dialer(picker, '20 7946 0018'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();
    expect(notice()?.shadowRoot?.textContent).toContain('+442079460018');
    notice()?.remove();
    pressEnter(document.getElementById('n') as HTMLElement);
    await wait();

    expect(events).toEqual([]);
    expect(page.reports.map((report) => report.raw)).toEqual([
      '+44 20 7946 0018',
      '+44 20 7946 0018',
    ]);
  });

  it.each([
    ['the same country', '+1', '212 555 0187'],
    ['a number the code makes invalid', '+44', '212 555 0187'],
    ['a number typed with +', '+44', '+1 212 555 0187'],
  ])('dials once for %s', async (_case, chosen, typed) => {
    loadHtml(dialer(selectPicker(chosen), typed));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();

    expect(events).toEqual(['click:go']);
    expect(notice()).toBeNull();
  });

  it('ignores a count such as +44 more', async () => {
    loadHtml(dialer('<button type="button">+44 more</button>', '20 7946 0018'));
    const events = pageLog();
    page = startOnPage();

    document.getElementById('go')?.click();
    await wait();

    expect(events).toEqual(['click:go']);
  });
});

describe('keyboard activation', () => {
  const dialer = (typed: string) =>
    `<div><input id="n" aria-label="Phone number" value="${typed}">` +
    '<div id="call" role="button" tabindex="0" aria-label="Call">☎</div></div>';

  /** Records the keys that reach the page's handlers on the control. */
  function keyLog(): string[] {
    const keys: string[] = [];
    const control = document.getElementById('call') as HTMLElement;
    for (const type of ['keydown', 'keyup'])
      control.addEventListener(type, (event) =>
        keys.push(`${type}:${(event as KeyboardEvent).key}`),
      );
    return keys;
  }

  const press = (element: HTMLElement, type: 'keydown' | 'keyup', key: string) =>
    element.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));

  it.each(['Enter', ' '])('blocks %j on a div button', async (key) => {
    loadHtml(dialer('415 555 0123'));
    const keys = keyLog();
    page = startOnPage();
    const control = document.getElementById('call') as HTMLElement;

    press(control, 'keydown', key);
    press(control, 'keyup', key);
    await wait();

    expect(keys).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
    expect(page.reports).toHaveLength(1);
  });

  it('leaves Enter on a dial link to the click it makes', async () => {
    loadHtml(
      '<div><a id="call" href="tel:+12125550187">(212) 555-0187</a> <button>Call</button></div>',
    );
    const keys = keyLog();
    page = startOnPage();
    await page.settle();
    const link = document.getElementById('call') as HTMLElement;
    link.focus();

    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    link.dispatchEvent(enter);
    await wait();

    expect(keys).toEqual(['keydown:Enter']);
    expect(enter.defaultPrevented).toBe(false);
  });

  it.each(['Enter', ' '])('passes %j on an allowed number once', async (key) => {
    loadHtml(dialer('212 555 0187'));
    const keys = keyLog();
    page = startOnPage();
    const control = document.getElementById('call') as HTMLElement;

    press(control, 'keydown', key);
    press(control, 'keyup', key);
    await wait();

    expect(keys).toEqual([`keydown:${key}`, `keyup:${key}`]);
    expect(notice()).toBeNull();
  });

  it('ignores keys typed in an editable region', async () => {
    loadHtml(
      '<div data-phone="+1 415 555 0123"><div id="msg" contenteditable="true" tabindex="0">Hi</div></div>',
    );
    const events = pageLog();
    page = startOnPage();

    press(document.getElementById('msg') as HTMLElement, 'keydown', ' ');
    await wait();

    expect(events).toEqual(['keydown:msg']);
  });

  it('leaves Enter on a native button to its click', async () => {
    loadHtml('<div><input id="n" value="415 555 0123"><button id="call">Call</button></div>');
    const events = pageLog();
    page = startOnPage();

    press(document.getElementById('call') as HTMLElement, 'keydown', 'Enter');
    await wait();

    expect(events).toEqual(['keydown:call']);
    expect(notice()).toBeNull();
  });
});

describe('numbers not valid in the default country', () => {
  it('blocks a long one it cannot check', async () => {
    loadHtml('<a id="br" href="tel:(11)%2091234-5678">(11) 91234-5678</a>');
    const events = pageLog();
    document.addEventListener('click', (event) => event.preventDefault());
    page = startOnPage();

    document.getElementById('br')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain(
      'it is not a valid number in the default country (United States)',
    );
  });

  it('names an invalid number with a country code', async () => {
    loadHtml('<a id="uk" href="tel:+447700900062">+44 7700 900062</a>');
    document.addEventListener('click', (event) => event.preventDefault());
    page = startOnPage();

    document.getElementById('uk')?.click();
    await wait();

    const text = notice()?.shadowRoot?.textContent ?? '';
    expect(text).toContain('+447700900062: it is not a valid phone number');
    expect(text).not.toContain('default country');
  });

  it('warns about it under the warn policy', async () => {
    loadHtml('<a id="br" href="tel:(11)%2091234-5678">(11) 91234-5678</a>');
    const events = pageLog();
    document.addEventListener('click', (event) => event.preventDefault());
    page = startOnPage({ list: listInfo({ unknownPolicy: 'warn' }) });

    document.getElementById('br')?.click();
    await wait();

    expect(events).toEqual(['click:br']);
    expect(notice()?.shadowRoot?.textContent).toContain('The call was not blocked.');
  });

  it('keeps a link apart from text of its digits', async () => {
    loadHtml('<a id="pbx" href="tel:646-555-0199,1234">Sales</a><p>Old line 646-555-0199-1234</p>');
    const events = pageLog();
    document.addEventListener('click', (event) => event.preventDefault());
    page = startOnPage({ list: listInfo({ unknownPolicy: 'warn' }) });
    await page.settle();

    document.getElementById('pbx')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.dataset.decision).toBe('block');
  });

  it('dials an internal extension as before', async () => {
    loadHtml('<a id="ext" href="tel:1234">Help desk 1234</a>');
    const events = pageLog();
    document.addEventListener('click', (event) => event.preventDefault());
    page = startOnPage();

    document.getElementById('ext')?.click();
    await wait();

    expect(events).toEqual(['click:ext']);
    expect(notice()).toBeNull();
  });
});

describe('click-to-dial elements', () => {
  it('blocks a button whose text is the number', async () => {
    loadHtml('<button id="c2d" type="button">+1 646 555 0199</button>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('c2d')?.click();
    await wait();

    expect(events).toEqual([]);
  });

  it('blocks an element with a data-phone attribute', async () => {
    loadHtml('<span id="icon" role="button" data-phone="+1 415 555 0123">☎</span>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait();

    expect(events).toEqual([]);
  });

  it('hides first presses of unseen numbers', async () => {
    loadHtml('<button id="c2d" type="button" title="Call" data-phone="+1 415 555 0123">☎</button>');
    const presses: string[] = [];
    for (const type of ['pointerdown', 'mousedown'])
      document.addEventListener(type, (event) => presses.push(event.type));
    page = startOnPage();
    const button = document.getElementById('c2d') as HTMLElement;

    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    await wait();
    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));

    expect(presses).toEqual([]);
  });

  it('replays held presses once allowed', async () => {
    loadHtml(
      '<button id="c2d" type="button" title="Call" data-phone="+1 212 555 0187"><i id="icon">☎</i></button>',
    );
    const presses: Array<{ type: string; target: string; x: number }> = [];
    for (const type of ['mousedown', 'mouseup'])
      document.addEventListener(type, (event) =>
        presses.push({
          type: event.type,
          target: (event.target as Element).id,
          x: (event as MouseEvent).clientX,
        }),
      );
    page = startOnPage();
    const icon = document.getElementById('icon') as HTMLElement;

    icon.dispatchEvent(
      new MouseEvent('mousedown', { bubbles: true, cancelable: true, clientX: 7 }),
    );
    icon.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, clientX: 7 }));
    expect(presses).toEqual([]);
    await wait();

    expect(presses).toEqual([
      { type: 'mousedown', target: 'icon', x: 7 },
      { type: 'mouseup', target: 'icon', x: 7 },
    ]);
  });

  it('stops a double click on a blocked number', async () => {
    loadHtml('<span id="num" style="cursor: pointer" tabindex="0">+1 415 555 0123</span>');
    const clicks: string[] = [];
    document.addEventListener('dblclick', (event) => clicks.push(event.type));
    page = startOnPage();
    const number = document.getElementById('num') as HTMLElement;

    number.dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
    await wait();
    number.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
    await wait();

    expect(clicks).toEqual([]);
  });

  it('replays a held double click once allowed', async () => {
    loadHtml('<span id="num" style="cursor: pointer" tabindex="0">+1 212 555 0187</span>');
    const clicks: string[] = [];
    document.addEventListener('dblclick', (event) => clicks.push(event.type));
    page = startOnPage();
    const number = document.getElementById('num') as HTMLElement;

    number.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
    expect(clicks).toEqual([]);
    await wait();

    expect(clicks).toEqual(['dblclick']);
  });

  it('passes presses on known allowed numbers', async () => {
    loadHtml('<button id="c2d" type="button" title="Call" data-phone="+1 212 555 0187">☎</button>');
    const presses: string[] = [];
    document.addEventListener('mousedown', (event) => presses.push(event.type));
    page = startOnPage();
    const button = document.getElementById('c2d') as HTMLElement;

    button.dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
    await wait();
    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));

    expect(presses).toEqual(['mousedown']);
  });

  it('decides Enter on a focused call control at once, looked up on focus', async () => {
    // Numbers the scan does not read: in a data attribute and in a box filled after the scan.
    loadHtml(
      '<button id="c2d" type="button" title="Call" data-phone="+1 212 555 0187">☎</button>' +
        '<input id="box" type="tel"><button id="dial">Dial</button>',
    );
    const events = pageLog();
    page = startOnPage();
    await wait();
    (document.getElementById('box') as HTMLInputElement).value = '+1 212 555 0188';

    const seenAtOnce: string[] = [];
    for (const id of ['c2d', 'dial']) {
      const control = document.getElementById(id) as HTMLElement;
      control.focus();
      await wait();
      // The click a browser makes for Enter on a focused button.
      control.click();
      seenAtOnce.push(...events.splice(0));
    }

    // Not held for a look-up, so the page gets the original events.
    expect(seenAtOnce).toEqual(['click:c2d', 'click:dial']);
  });

  it('takes no badge for a call icon', async () => {
    // The allowed badge's label, "Not on the do-not-call list", contains "call".
    loadHtml(
      '<dl><dt>Mobile</dt><dd><a href="tel:+12125550187">+1 (212) 555-0187</a></dd>' +
        '<dt>Home</dt><dd>+1 212 555 0188</dd><dt>Work</dt><dd>+1 415 555 0123</dd></dl>',
    );
    page = startOnPage();
    await page.settle();
    const badge = document.querySelector('dd:nth-of-type(2) dnc-guard-badge');
    const body = badge?.shadowRoot?.querySelector<HTMLElement>('.badge');
    body!.style.cursor = 'pointer';

    body!.dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }),
    );
    await wait();

    expect(isCallControl(body!)).toBe(false);
    expect(notice()).toBeNull();
  });

  it('blocks redial beside a shown number', async () => {
    loadHtml(
      '<div>Last number: <span>+1 415 555 0123</span> <button id="redial">Redial</button></div>' +
        '<div>上一个号码：<span>+1 646 555 0199</span> <button id="cn">重拨</button></div>' +
        '<div><span>+44 20 7946 0018</span><button id="icon" aria-label="Call last number"><svg></svg></button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    for (const id of ['redial', 'cn', 'icon']) document.getElementById(id)?.click();
    await wait();

    expect(events).toEqual([]);
    expect(page.reports.map((report) => report.raw)).toEqual([
      '+1 415 555 0123',
      '+1 646 555 0199',
      '+44 20 7946 0018',
    ]);
  });

  it('blocks a call button beside several numbers if one is blocked', async () => {
    loadHtml(
      '<div>Mobile <span>+1 212 555 0187</span> Work <span>+1 415 555 0123</span>' +
        '<button id="call">Call</button></div>' +
        '<div>Mobile <span>+1 212 555 0187</span> Work <span>+1 212 555 0142</span>' +
        '<button id="ok">Call</button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('call')?.click();
    await wait();
    document.querySelector('dnc-guard-notice')?.remove();
    document.getElementById('ok')?.click();
    await wait();

    expect(events).toEqual(['click:ok']);
    expect(page.reports).toEqual([{ raw: '+1 415 555 0123', decision: 'block' }]);
  });

  it('reads numbers from other data attributes', async () => {
    loadHtml(
      '<button id="c2d" type="button" title="Call" data-callee="+1 415 555 0123">☎</button>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('c2d')?.click();
    await wait();

    expect(events).toEqual([]);
  });

  it('treats call back as a call and back as not', async () => {
    loadHtml(
      '<div><span>+1 415 555 0123</span><button id="back-call">Call back</button></div>' +
        '<div><span>+1 646 555 0199</span><button id="back">Back</button></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('back-call')?.click();
    document.getElementById('back')?.click();
    await wait();

    expect(events).toEqual(['click:back']);
  });

  it.each([
    ['a pointer cursor', 'style="cursor: pointer"'],
    ['a tabindex', 'tabindex="0"'],
  ])('blocks a clickable number text with %s', async (_kind, attributes) => {
    loadHtml(`<p>Phone: <span id="c2c" ${attributes}>(415) 555-0123</span></p>`);
    const events = pageLog();
    page = startOnPage();

    document.getElementById('c2c')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('passes an allowed clickable number text once', async () => {
    loadHtml('<p>Phone: <span id="c2c" style="cursor: pointer">(212) 555-0187</span></p>');
    const events = pageLog();
    page = startOnPage();

    document.getElementById('c2c')?.click();
    await wait();

    expect(events).toEqual(['click:c2c']);
    expect(notice()).toBeNull();
  });

  it('finds the number around a clicked icon', async () => {
    loadHtml(
      '<p><span id="c2c" style="cursor: pointer"><i id="icon">☎</i> (415) 555-0123</span></p>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait();

    expect(events).toEqual([]);
  });

  it.each([
    ['plain text', '<p>Phone: <span id="num">(415) 555-0123</span></p>'],
    [
      'a number in a clickable row',
      '<div style="cursor: pointer"><span>Ann Lee</span> <span>ann.lee@example.com</span> ' +
        '<span id="num" style="cursor: pointer">(415) 555-0123</span></div>',
    ],
    [
      'a value edited in place',
      '<p>Phone: <span id="num" class="field editable" style="cursor: pointer">(415) 555-0123</span></p>',
    ],
    [
      'a value titled as editable',
      '<p>Phone: <span id="num" title="Click to edit" tabindex="0">(415) 555-0123</span></p>',
    ],
    [
      'a suggestion of a dialer search',
      '<input role="combobox" aria-label="Search or enter a number"><div role="listbox">' +
        '<div id="num" role="option" style="cursor: pointer"><span>Ann Lee</span> <small>(415) 555-0123</small></div></div>',
    ],
  ])('lets clicks on %s through', async (_kind, html) => {
    loadHtml(html);
    const events = pageLog();
    page = startOnPage();

    document.getElementById('num')?.click();
    await wait();

    expect(events).toEqual(['click:num']);
  });

  it('lets a link to a contact record open', async () => {
    loadHtml('<a id="record" href="/contacts/42">+1 415 555 0123</a>');
    const events = pageLog();
    document.addEventListener('click', (event) => event.preventDefault());
    page = startOnPage();

    document.getElementById('record')?.click();
    await wait();

    expect(events).toEqual(['click:record']);
  });
});

/**
 * Builds a Salesforce-style click-to-dial component: the number sits in a nested
 * shadow root and the clicked element is a plain span, so nothing but the
 * adapter's selector marks it as a call control.
 */
function clickToDialComponent(number: string): HTMLElement {
  loadHtml('<lightning-click-to-dial id="sf"></lightning-click-to-dial>');
  const host = document.getElementById('sf') as HTMLElement;
  const outer = host.attachShadow({ mode: 'open' });
  const label = document.createElement('span');
  label.id = 'inner';
  const formatted = document.createElement('lightning-formatted-phone');
  formatted.attachShadow({ mode: 'open' }).textContent = number;
  label.append(formatted);
  outer.append(label);
  return label;
}

const clickComposed = (element: HTMLElement) =>
  element.dispatchEvent(
    new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }),
  );

describe('site dial hints', () => {
  it('blocks clicks in hinted components', async () => {
    const inner = clickToDialComponent('+1 415 555 0123');
    const events = pageLog();
    page = startOnPage({ hints: salesforceAdapter.dialHints });

    clickComposed(inner);
    await wait();

    expect(events).toEqual([]);
    expect(page.reports).toEqual([{ raw: '+1 415 555 0123', decision: 'block' }]);
  });

  it('misses that component without hints', async () => {
    const inner = clickToDialComponent('+1 415 555 0123');
    const events = pageLog();
    page = startOnPage();

    clickComposed(inner);
    await wait();

    expect(events).toEqual(['click:sf']);
  });

  it('replays allowed dials on the target', async () => {
    const inner = clickToDialComponent('+1 212 555 0187');
    const clicked: string[] = [];
    inner.addEventListener('click', () => clicked.push('inner'));
    page = startOnPage({ hints: salesforceAdapter.dialHints });

    clickComposed(inner);
    await wait();

    expect(clicked).toEqual(['inner']);
    expect(notice()).toBeNull();
  });

  it('blocks Enter in hinted number boxes', async () => {
    loadHtml('<div><input id="box" class="phone-entry" value="+1 415 555 0123"></div>');
    const events = pageLog();
    page = startOnPage({ hints: { numberBoxSelectors: ['.phone-entry'] } });

    pressEnter(document.getElementById('box') as HTMLElement);
    await wait();

    expect(events).toEqual([]);
    expect(notice()).not.toBeNull();
  });

  it('ignores Enter in nearby notes', async () => {
    loadHtml(
      '<div><lightning-click-to-dial>+1 415 555 0123</lightning-click-to-dial>' +
        '<input id="notes" name="notes" value="left msg at 415 555 0123"></div>',
    );
    const events = pageLog();
    page = startOnPage({ hints: salesforceAdapter.dialHints });

    pressEnter(document.getElementById('notes') as HTMLElement);
    await wait();

    expect(events).toEqual(['keydown:notes']);
    expect(notice()).toBeNull();
  });

  it('reads a hinted control by blocks', async () => {
    loadHtml('<div class="c2d"><div>Line 2</div><div id="number">(212) 555-0187</div></div>');
    const events = pageLog();
    page = startOnPage({ hints: { callControlSelectors: ['.c2d'] } });

    document.getElementById('number')?.click();
    await wait(80);

    expect(notice()).toBeNull();
    expect(events).toEqual(['click:number']);
  });

  it('ignores a selector the browser rejects', async () => {
    loadHtml('<button id="c2d" type="button">+1 646 555 0199</button>');
    const events = pageLog();
    page = startOnPage({ hints: { callControlSelectors: ['::not a selector'] } });

    document.getElementById('c2d')?.click();
    await wait();

    expect(events).toEqual([]);
  });
});

describe('unknown status', () => {
  it('blocks when the list is stale under the default policy', async () => {
    loadHtml('<a id="ok" href="tel:+12125550187">call</a>');
    const events = pageLog();
    page = startOnPage({ list: listInfo({ stale: true }) });

    document.getElementById('ok')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.dataset.status).toBe('unknown');
    expect(notice()?.shadowRoot?.textContent).toContain('Sync now');
  });

  it('warns and dials under the warn policy', async () => {
    loadHtml('<a id="ok" href="tel:+12125550187">call</a>');
    const events = pageLog();
    page = startOnPage({ list: listInfo({ stale: true, unknownPolicy: 'warn' }) });

    document.getElementById('ok')?.click();
    await wait();

    expect(events).toEqual(['click:ok']);
    expect(notice()?.dataset.decision).toBe('warn');
    expect(page.reports).toEqual([{ raw: '+12125550187', decision: 'warn' }]);
  });
});

describe('notice', () => {
  it('closes with Escape and shows text only', async () => {
    loadHtml('<a id="bad" href="tel:+14155550123">x</a>');
    page = startOnPage();
    document.getElementById('bad')?.click();
    await wait();
    expect(notice()).not.toBeNull();

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

    expect(notice()).toBeNull();
  });

  it('describes the number and reason to screen readers', async () => {
    loadHtml('<a id="bad" href="tel:+14155550123">x</a>');
    page = startOnPage();
    document.getElementById('bad')?.click();
    await wait();

    const description = notice()?.getAttribute('aria-description') ?? '';
    expect(description).toContain('+14155550123');
    expect(description).toContain('Customer asked');
  });

  it('keeps Tab inside the notice', async () => {
    loadHtml('<a id="bad" href="tel:+14155550123">x</a><button id="next">Next</button>');
    page = startOnPage();
    document.getElementById('bad')?.click();
    await wait();
    const close = notice()?.shadowRoot?.querySelector('button');

    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    document.dispatchEvent(tab);

    expect(tab.defaultPrevented).toBe(true);
    expect(notice()?.shadowRoot?.activeElement).toBe(close);
  });

  it('gives focus back inside a shadow root', async () => {
    loadHtml('<div id="pad"></div>');
    const root = (document.getElementById('pad') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML =
      '<input id="to" type="tel" value="+1 415 555 0123"><button id="call">Call</button>';
    const box = root.getElementById('to') as HTMLInputElement;
    page = startOnPage();
    box.focus();

    (root.getElementById('call') as HTMLElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }),
    );
    await wait();
    expect(notice()).not.toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

    expect(root.activeElement).toBe(box);
  });
});

describe('double clicks on call log rows', () => {
  const CALL_LOG =
    '<div class="log">' +
    '<div class="item" id="blocked"><span>Unknown</span> <span>(415) 555-0123</span> ' +
    '<button aria-label="Call back">↩</button></div>' +
    '<div class="item" id="allowed"><span>Ann Lee</span> <span>(212) 555-0187</span> ' +
    '<button aria-label="Call back">↩</button></div>' +
    '<div class="item" id="plain"><span>Bo Chen</span> <span>(415) 555-0123</span></div>' +
    '</div>';

  /** Records the double clicks that reach the page's own handlers. */
  function doubleClicks(): string[] {
    const seen: string[] = [];
    document.addEventListener('dblclick', (event) => {
      const row = (event.target as HTMLElement).closest('.item');
      seen.push(row?.id ?? '');
    });
    return seen;
  }

  function doubleClick(selector: string): void {
    document
      .querySelector(selector)
      ?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
  }

  it('blocks a row that calls back a suppressed number', async () => {
    loadHtml(CALL_LOG);
    const seen = doubleClicks();
    page = startOnPage();

    doubleClick('#blocked span');
    await wait();

    expect(seen).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('passes an allowed row once', async () => {
    loadHtml(CALL_LOG);
    const seen = doubleClicks();
    page = startOnPage();

    doubleClick('#allowed span');
    await wait();

    expect(seen).toEqual(['allowed']);
    expect(notice()).toBeNull();
  });

  it('leaves rows without a call control alone', async () => {
    loadHtml(CALL_LOG);
    const seen = doubleClicks();
    page = startOnPage();

    doubleClick('#plain span');
    await wait();

    expect(seen).toEqual(['plain']);
  });
});

describe('keys on a focused queue row', () => {
  // A callback queue stores each row's number under a name that says nothing
  // of phones, and dials the focused row on Enter as its "Call back" does.
  const row = (id: string, name: string, number: string) =>
    `<tr id="${id}" tabindex="0" data-key="${number}"><td>${name}</td><td>${number}</td>` +
    '<td><button type="button">Call back</button></td></tr>';
  const QUEUE =
    '<table><tbody>' +
    row('blocked', 'Wen Xu', '+1 415 555 0123') +
    row('allowed', 'Yara Zed', '+1 212 555 0187') +
    '<tr id="plain" tabindex="0"><td>Bo Chen</td><td>+1 646 555 0199</td><td></td></tr>' +
    '</tbody></table>';

  /** Records the keys that reach the page's handlers on the rows. */
  function rowKeys(): string[] {
    const keys: string[] = [];
    for (const type of ['keydown', 'keyup'])
      document.addEventListener(type, (event) => {
        const target = event.target as HTMLElement;
        keys.push(`${type}:${target.id}:${(event as KeyboardEvent).key}`);
      });
    return keys;
  }

  const press = (id: string, key: string) => {
    const focused = document.getElementById(id) as HTMLElement;
    focused.focus();
    for (const type of ['keydown', 'keyup'])
      focused.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
  };

  it('blocks Enter on a suppressed row', async () => {
    loadHtml(QUEUE);
    const keys = rowKeys();
    page = startOnPage();

    press('blocked', 'Enter');
    await wait();

    expect(keys).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
    expect(page.reports).toHaveLength(1);
  });

  it('passes Enter on an allowed row once', async () => {
    loadHtml(QUEUE);
    const keys = rowKeys();
    page = startOnPage();

    press('allowed', 'Enter');
    await wait(80);

    expect(keys).toEqual(['keydown:allowed:Enter', 'keyup:allowed:Enter']);
    expect(notice()).toBeNull();
  });

  it.each([
    ['Space on a suppressed row', 'blocked', ' '],
    ['Enter on a row without a call control', 'plain', 'Enter'],
  ])('leaves %s alone', async (_kind, id, key) => {
    loadHtml(QUEUE);
    const keys = rowKeys();
    page = startOnPage();

    press(id, key);
    await wait();

    expect(keys).toEqual([`keydown:${id}:${key}`, `keyup:${id}:${key}`]);
    expect(notice()).toBeNull();
  });
});

describe('rows that keep their number in an attribute', () => {
  // A callback queue keeps each row's number in data-phone for its own
  // handlers; selecting a row or dragging it by its handle is no dial.
  const row = (id: string, number: string, shown = number) =>
    `<tr id="${id}" tabindex="0" data-phone="${number}">` +
    '<td><span class="handle" aria-label="Drag to reorder">⋮⋮</span></td>' +
    `<td class="name">Olga Pratt</td><td>${shown}</td>` +
    '<td><button type="button" class="done">Mark as done</button> ' +
    '<button type="button" class="cb">Call back</button></td></tr>';
  const queue = (rows: string) => `<table><tbody>${rows}</tbody></table>`;

  /** Records the events that reach the page's own handlers on the document. */
  function seen(types: string[]): string[] {
    const events: string[] = [];
    for (const type of types)
      document.addEventListener(type, (event) => {
        const target = event.target as HTMLElement;
        events.push(`${type}:${target.className || target.id}`);
      });
    return events;
  }

  const fire = (selector: string, type: string) =>
    document
      .querySelector(selector)
      ?.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));

  it.each([
    ['a click that selects the row', 'name'],
    ['a labelled control other than Call', 'done'],
  ])('lets %s through', async (_kind, cell) => {
    loadHtml(queue(row('blocked', '+1 415 555 0123')));
    const events = seen(['click']);
    page = startOnPage();
    await page.settle();

    fire(`#blocked .${cell}`, 'click');
    await wait();

    expect(events).toEqual([`click:${cell}`]);
    expect(notice()).toBeNull();
  });

  it('lets a press on the drag handle through', async () => {
    loadHtml(queue(row('blocked', '+1 415 555 0123')));
    const events = seen(['pointerdown', 'mousedown']);
    page = startOnPage();
    await page.settle();

    fire('#blocked .handle', 'pointerdown');
    fire('#blocked .handle', 'mousedown');

    expect(events).toEqual(['pointerdown:handle', 'mousedown:handle']);
  });

  it('blocks Call back reading the attribute', async () => {
    loadHtml(queue(row('blocked', '+1 415 555 0123', '')));
    const events = seen(['click']);
    page = startOnPage();

    fire('#blocked .cb', 'click');
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('blocks a double click with a notice', async () => {
    loadHtml(queue(row('blocked', '+1 415 555 0123')));
    const events = seen(['dblclick']);
    page = startOnPage();
    await page.settle();

    fire('#blocked .name', 'dblclick');
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('blocks an icon in a number wrapper', async () => {
    loadHtml(
      '<p><span class="c2d" data-phone="+1 415 555 0123"><i id="icon">☎</i></span> ' +
        '<span class="c2d" data-phone="+1 212 555 0187"><i>☎</i></span></p>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('icon')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });
});

describe('counts beside a number', () => {
  const pill = 'display:inline-block;padding:0 4px;border-radius:8px';

  it.each([
    ['a pill before it', `<span style="${pill}">3</span> (646) 555-0199`],
    ['a count after it', '(646) 555-0199 2 calls'],
  ])('blocks a row with %s', async (_kind, cell) => {
    loadHtml(`<div class="row">${cell} <button id="call">Call</button></div>`);
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+16465550199');
  });

  it('lets an allowed number after a pill dial', async () => {
    loadHtml(
      `<div class="row"><span style="${pill}">3</span> (212) 555-0142 <button id="call">Call</button></div>`,
    );
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    document.getElementById('call')?.click();
    await wait();

    expect(events).toEqual(['click:call']);
    expect(notice()).toBeNull();
  });
});

describe('controls found on trial pages', () => {
  it('lets a "Call ▾" button open its panel', async () => {
    loadHtml(
      '<aside><h2>Marcus Ortega</h2><button id="opener">Call ▾</button>' +
        '<p>Mobile (415) 555-0123</p><p>Work (212) 555-0187</p></aside>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('opener')?.click();
    await wait();

    expect(events).toEqual(['click:opener']);
    expect(notice()).toBeNull();
  });

  it.each([
    ['a button tab', '<button id="tab" role="tab" aria-selected="false">Call</button>'],
    ['a div tab', '<div id="tab" role="tab" tabindex="-1">Call</div>'],
  ])('lets %s named Call switch the view', async (_kind, tab) => {
    loadHtml(
      `<main><div role="tablist"><button role="tab" aria-selected="true">Notes</button>${tab}</div>` +
        '<p>Called her mobile (415) 555-0123, then the office (212) 555-0187.</p></main>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('tab')?.click();
    await wait();

    expect(events).toEqual(['click:tab']);
    expect(notice()).toBeNull();
  });

  it('reads the row of a virtual list placed absolutely', async () => {
    loadHtml(
      '<style>.r { position: absolute; } #spacer { position: relative; }</style>' +
        '<div id="spacer">' +
        '<div class="r"><div>Contact 1</div><div>(212) 555-0187</div><div>$1,037.00</div>' +
        '<div><button id="row-call" aria-label="Call contact">☎</button></div></div>' +
        '<div class="r"><div>Contact 3</div><div>(415) 555-0123</div><div>$1,111.00</div>' +
        '<div><button aria-label="Call contact">☎</button></div></div></div>',
    );
    const events = pageLog();
    page = startOnPage();

    document.getElementById('row-call')?.click();
    await wait();

    expect(events).toEqual(['click:row-call']);
    expect(notice()).toBeNull();
  });

  it('reads the row whose badge was right-clicked', async () => {
    loadHtml(
      '<table><tbody><tr><td>Marcus Lee</td><td id="cell">+1 415-555-0123</td></tr>' +
        '<tr><td>Helen Park</td><td>+1 212-555-0187</td></tr>' +
        // More rows than a softphone's frame holds, so the page is not read as one panel.
        '<tr><td>Ann Lee</td><td>Open</td></tr>'.repeat(10) +
        '</tbody></table>' +
        '<div role="menu" style="position: absolute"><div role="menuitem" id="menu-call">Call</div></div>',
    );
    const events = pageLog();
    page = startOnPage();
    await page.settle();

    const badge = document.querySelector('#cell dnc-guard-badge');
    badge?.dispatchEvent(
      new MouseEvent('contextmenu', { bubbles: true, composed: true, button: 2 }),
    );
    document.getElementById('menu-call')?.click();
    await wait();

    expect(events).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });

  it('decides Enter on a focused dial pad area', async () => {
    loadHtml(
      '<div id="pad" tabindex="0"><select aria-label="Country"><option>+1</option></select>' +
        '<div id="display" role="textbox" aria-label="Number">(415) 555-0123</div>' +
        '<div class="keys">' +
        [...'123456789*0#'].map((key) => `<button>${key}</button>`).join('') +
        '</div><button aria-label="Call">📞</button></div>',
    );
    const keys: string[] = [];
    document.addEventListener('keydown', (event) => keys.push(event.key));
    page = startOnPage();
    const pad = document.getElementById('pad');
    pad?.focus();

    pad?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    pad?.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
    await wait();

    expect(keys).toEqual([]);
    expect(notice()?.shadowRoot?.textContent).toContain('+14155550123');
  });
});
