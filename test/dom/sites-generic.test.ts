import { afterEach, describe, expect, it } from 'vitest';
import { genericAdapter, nameFromTitle, readGenericFields } from '../../lib/sites/generic';
import { looksLikePersonName } from '../../lib/sites/person-name';
import { recordSnapshotSchema } from '../../lib/sites/types';
import { loadFixture, loadHtml } from './harness';

const PAGE_URL = new URL('http://127.0.0.1:5173/crm-record.html');

function read(html: string, url = new URL('https://crm.example.com/app')) {
  loadHtml(html);
  return genericAdapter.readRecord(document, url);
}

afterEach(() => {
  document.documentElement.replaceChildren();
});

describe('generic adapter on crm-record.html', () => {
  it('reads name, phones, email and header id', () => {
    loadFixture('crm-record.html');

    const snapshot = genericAdapter.readRecord(document, PAGE_URL);

    expect(snapshot).not.toBeNull();
    expect(snapshot!.name).toBe('Ana García');
    expect(snapshot!.phones).toEqual([
      '+44 20 7946 0018',
      '(212) 555-0187',
      '+1 415 555 0123',
      '+86 138 1234 5678',
    ]);
    expect(snapshot!.emails).toEqual(['ana.garcia@example.com']);
    expect(snapshot!.recordId).toBe('003XX0000012345');
    expect(snapshot!.system).toBe('127.0.0.1');
    expect(snapshot!.url).toBe(PAGE_URL.href);
    expect(snapshot!.title).toBe('Ana García | Contact | Example CRM');
  });

  it('leaves out numbers in notes and the assistant line', () => {
    loadFixture('crm-record.html');

    const phones = genericAdapter.readRecord(document, PAGE_URL)!.phones;

    expect(phones).not.toContain('+1 646 555 0199');
    expect(phones).not.toContain('+1 (212) 555-0142');
    expect(phones).not.toContain('+1 (718) 555-0111');
  });

  it('returns a snapshot the schema accepts', () => {
    loadFixture('crm-record.html');

    const snapshot = genericAdapter.readRecord(document, PAGE_URL);

    expect(recordSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });
});

describe('generic adapter beside a dial box', () => {
  it('leaves out the number typed to dial', () => {
    const snapshot = read(`
      <h1>Marcus Oyelaran</h1>
      <table>
        <tr><td>Home</td><td>202 555 0121</td><td><a href="tel:2025550121">dial</a></td></tr>
        <tr><td>Work</td><td>(212) 555-0104</td></tr>
      </table>
      <h2>Quick dial</h2>
      <form>
        <label for="box">Number</label> <input id="box" name="number" type="tel" value="202-555-0102">
        <button type="submit">Call</button>
      </form>`);

    expect(snapshot!.phones).toEqual(['202 555 0121', '(212) 555-0104']);
  });

  it('keeps phone fields with a click-to-call icon', () => {
    // Each field wraps its box and icon alone, as Dynamics 365 forms do.
    const field = (id: string, label: string, value: string, readonly = false) => `
      <div class="field"><label for="${id}">${label}</label>
        <div class="ctl"><input id="${id}" type="tel" value="${value}"${readonly ? ' readonly' : ''}>
        <button type="button" aria-label="Call">☎</button></div></div>`;
    const snapshot = read(`
      <h1>Nora Whitfield</h1>
      <section>
        ${field('business', 'Business Phone', '(202) 555-0100')}
        ${field('main', 'Phone', '(202) 555-0143', true)}
      </section>`);

    expect(snapshot!.phones).toEqual(['(202) 555-0100', '(202) 555-0143']);
  });

  it('keeps a phone field of an edit form', () => {
    const snapshot = read(`
      <h1>Marcus Oyelaran</h1>
      <form>
        <label for="mobile">Mobile</label> <input id="mobile" type="tel" value="202-555-0102">
        <button type="submit">Save</button>
      </form>`);

    expect(snapshot!.phones).toEqual(['202-555-0102']);
  });
});

describe('generic adapter on odd pages', () => {
  it('returns null name when nothing names the person', () => {
    const snapshot = read(
      `<title>Example CRM</title><div><span>Mobile</span><span>+44 20 7946 0123</span></div>`,
    );

    expect(snapshot!.name).toBeNull();
    expect(snapshot!.phones).toEqual(['+44 20 7946 0123']);
  });

  it('reads label and number in one element', () => {
    const snapshot = read(`
      <div><span>手机：<span>+86 139 1234 5678</span></span><button>拨打</button></div>
      <div><span>Mobile: <span>+1 646 555 0199</span></span><button>Call</button></div>`);

    expect(snapshot!.phones).toEqual(['+86 139 1234 5678', '+1 646 555 0199']);
  });

  it('returns null for a page without record fields', () => {
    expect(read('<title>Inbox</title><p>Nothing to see.</p>')).toBeNull();
  });

  it('reads numbers that are only in inputs', () => {
    const snapshot = read(`
      <form>
        <input type="tel" value="+1 212 555 0134">
        <input name="mobilePhone" value="020 7946 0456">
        <input id="contact_tel" value="030 901820">
        <input name="hotel" value="+1 212 555 0999">
        <input type="hidden" name="phone" value="+1 212 555 0998">
        <label>Work <input value="(212) 555-0177"></label>
        <input type="email" value="sam.lee@example.com">
      </form>`);

    expect(snapshot!.phones).toEqual([
      '(212) 555-0177',
      '+1 212 555 0134',
      '020 7946 0456',
      '030 901820',
    ]);
    expect(snapshot!.emails).toEqual(['sam.lee@example.com']);
  });

  it('reads Chinese labels', () => {
    const snapshot = read(`
      <title>客户详情 - 示例CRM</title>
      <dl>
        <dt>客户名称</dt><dd>王小明</dd>
        <dt>手机：</dt><dd>138 1234 5678</dd>
        <dt>电话</dt><dd>010-6552 9988</dd>
        <dt>邮箱</dt><dd>wang.xiaoming@example.com</dd>
        <dt>地址</dt><dd>北京市朝阳区 100020</dd>
      </dl>`);

    expect(snapshot!.name).toBe('王小明');
    expect(snapshot!.phones).toEqual(['138 1234 5678', '010-6552 9988']);
    expect(snapshot!.emails).toEqual(['wang.xiaoming@example.com']);
  });

  it('reads 姓名 and German labels', () => {
    expect(read('<table><tr><th>姓名</th><td>李娜</td></tr></table>')!.name).toBe('李娜');
    expect(read('<div><span>Kontakt:</span><span>Jonas Weber</span></div>')!.name).toBe(
      'Jonas Weber',
    );
  });

  it('keeps markup in names as text', () => {
    const snapshot = read(
      '<dl><dt>Name</dt><dd>&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;Eve&lt;/b&gt;</dd></dl><a href="tel:+12125550111">call</a>',
    );

    expect(snapshot!.name).toBe('<img src=x onerror=alert(1)> <b>Eve</b>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('joins inline markup inside a name', () => {
    expect(read('<h1>Ana Gar<b>c</b>ía</h1>')!.name).toBe('Ana García');
  });

  it('joins first and last name fields', () => {
    const snapshot = read(`
      <label for="f">First name</label><input id="f" value="Lea">
      <label for="l">Last name</label><input id="l" value="Müller">`);

    expect(snapshot!.name).toBe('Lea Müller');
  });

  it('reads aria-labelled values', () => {
    const snapshot = read(`
      <div aria-label="Caller name">Priya Nair</div>
      <span id="lbl">Phone number</span><span aria-labelledby="lbl">+44 20 7946 0789</span>`);

    expect(snapshot!.name).toBe('Priya Nair');
    expect(snapshot!.phones).toEqual(['+44 20 7946 0789']);
  });

  it('ignores a Contact link in navigation', () => {
    const snapshot = read(`
      <nav><a href="/contacts">Contact</a><a href="/leads">Leads</a></nav>
      <h1>Jonas Weber</h1>`);

    expect(snapshot!.name).toBe('Jonas Weber');
  });

  it('reads callto and sip links', () => {
    const snapshot = read(`
      <a href="callto:+442079460111">Call</a>
      <a href="sip:+12125550112@pbx.example.com;user=phone">Dial</a>`);

    expect(snapshot!.phones).toEqual(['+442079460111', '+12125550112']);
  });

  it('merges national and international spellings', () => {
    const snapshot = read(`
      <div><span>Phone</span><span>(212) 555-0187</span></div>
      <a href="tel:+12125550187">+1 212 555 0187</a>
      <div><span>Home</span><span>020 7946 0018</span></div>
      <a href="tel:+442079460018">+44 20 7946 0018</a>`);

    expect(snapshot!.phones).toEqual(['+1 212 555 0187', '+44 20 7946 0018']);
  });

  it('reads phones inside open shadow roots', () => {
    loadHtml('<contact-card></contact-card>');
    const host = document.querySelector('contact-card')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<h1>Ana García</h1><p>Mobile: +44 20 7946 0018</p>';

    const snapshot = genericAdapter.readRecord(document, new URL('https://crm.example.com/'));

    expect(snapshot!.name).toBe('Ana García');
    expect(snapshot!.phones).toEqual(['+44 20 7946 0018']);
  });

  it('reads mailto links with several addresses', () => {
    const snapshot = read(
      '<a href="mailto:a.one@example.com,b.two@example.com?subject=Hi">mail</a>',
    );

    expect(snapshot!.emails).toEqual(['a.one@example.com', 'b.two@example.com']);
  });

  it('cuts an over-long name to the limit', () => {
    const snapshot = read(
      `<div><span>Name</span><span>${'A'.repeat(90)}</span></div><h1>${'B'.repeat(300)}</h1>`,
    );

    expect(snapshot!.name).toBe('A'.repeat(90));
    expect(read(`<h1>${'B'.repeat(300)}</h1>`)!.name).toHaveLength(200);
  });

  it('keeps at most 20 phones', () => {
    const links = Array.from(
      { length: 25 },
      (_, i) => `<a href="tel:+1212555${String(1000 + i)}">x</a>`,
    );

    expect(read(links.join(''))!.phones).toHaveLength(20);
  });
});

describe('record id from the URL', () => {
  it.each([
    ['https://crm.example.com/contacts/view?id=4711', '4711'],
    ['https://crm.example.com/app#/contact/123', '123'],
    ['https://crm.example.com/app#!/person/9', '9'],
    ['https://crm.example.com/contact/7/edit', '7'],
    ['https://crm.example.com/records/5f1d7a2b9c8e4d3f2a1b0c9d', '5f1d7a2b9c8e4d3f2a1b0c9d'],
    [
      'https://crm.example.com/x/8a1f0c2e-1b2c-4d5e-8f90-1234567890ab',
      '8a1f0c2e-1b2c-4d5e-8f90-1234567890ab',
    ],
    ['https://crm.example.com/c/00412345/details', '00412345'],
    ['https://crm.example.com/k/12/show?record=3', '3'],
    ['https://crm.example.com/k/12/show#record=3&mode=show', '3'],
    ['https://crm.example.com/app/view?page=2&Record_ID=A17', 'A17'],
    ['https://crm.example.com/app/view?tab=4&dealId=4417', '4417'],
  ])('reads %s', (url, expected) => {
    loadHtml('<h1>Ana García</h1>');

    expect(readGenericFields(document, new URL(url)).recordId).toBe(expected);
  });

  it.each([
    ['https://crm.example.com/crm-record.html'],
    ['https://crm.example.com/api/v2/view'],
    ['https://crm.example.com/reports/2024-03-15'],
    ['https://crm.example.com/app/list?page=3&tab=2&view=7&sort=4'],
    ['https://crm.example.com/app/form?record=new'],
  ])('finds none in %s', (url) => {
    loadHtml('<h1>Ana García</h1>');

    expect(readGenericFields(document, new URL(url)).recordId).toBeNull();
  });
});

describe('name from the document title', () => {
  it.each([
    ['Ana García | Contact | Example CRM', 'Ana García'],
    ['Jonas Weber - Kontakte - Beispiel CRM', 'Jonas Weber'],
    ['王小明｜客户｜示例CRM', '王小明'],
    ['Example CRM', null],
    ['+44 20 7946 0018 | Dialer', null],
    ['Zendesk Talk – Dialer', null],
    ['Ticket #48213: Please stop calling me – Zendesk Support', null],
    ['Deals - Bitrix24', null],
    ['客户详情 - 纷享销客', null],
    ['Lead 4471 – John Smith | MyCRM', 'John Smith'],
    ['Power Dialer - Close', null],
    ['Agent Workspace | Example Contact Center', null],
    ['外呼工作台 - 示例呼叫中心', null],
    ['Jennifer Power - Example CRM', 'Jennifer Power'],
  ])('reads %s', (title, expected) => {
    expect(nameFromTitle(title)).toBe(expected);
  });
});

describe('record beside a related contact', () => {
  const RECORD_PAGE = `
    <h1>Harriet Okafor</h1>
    <dl>
      <dt>Contact ID</dt><dd>0035g00000XyZ12AAB</dd>
      <dt>Phone</dt><dd><a href="tel:+442079460731">020 7946 0731</a></dd>
      <dt>Mobile</dt><dd><a href="tel:+447400123912">07400 123912</a></dd>
    </dl>
    <section>
      <h2>Related Contacts</h2>
      <div class="card">
        <p>Name: Daniel Reyes</p>
        <p>Finance Director</p>
        <p>Mobile: <a href="tel:+441214960461">0121 496 0461</a></p>
      </div>
    </section>`;

  it("leaves out the related contact's number", () => {
    loadHtml(RECORD_PAGE);

    const fields = readGenericFields(document, new URL('http://127.0.0.1:8080/record.html'));

    expect(fields.phones).toEqual(['020 7946 0731', '07400 123912']);
    expect(fields.leftOutPhones).toEqual(['0121 496 0461']);
    expect(fields.name).toBe('Harriet Okafor');
  });

  it('reads a labelled record id', () => {
    loadHtml(RECORD_PAGE);

    const fields = readGenericFields(document, new URL('http://127.0.0.1:8080/record.html'));

    expect(fields.recordId).toBe('0035g00000XyZ12AAB');
  });
});

describe('numbers in plain text', () => {
  const DIALER = `
    <ol aria-label="Call queue">
      <li><span>Bright Dental Group</span><span>+1 (480) 555-0127</span></li>
      <li><span>Azure Interior</span><span>+1 503 555 0111</span></li>
      <li><span>Harbor Freightways</span><span>+1 (480) 555-0128</span></li>
    </ol>
    <section aria-label="Power dialer">
      <div class="lead">Bright Dental Group</div>
      <div class="contact">Dr. Maya Lind · $24,000</div>
      <div class="number">+1 (480) 555-0127</div>
      <button type="button">Call</button>
    </section>`;

  it("reads a power dialer's number", () => {
    loadHtml(DIALER);
    document.title = 'Power Dialer - Close';

    const fields = readGenericFields(document, new URL('https://app.example.com/dialer/0'));

    expect(fields.phones).toEqual(['+1 (480) 555-0127']);
    expect(fields.name).toBeNull();
  });

  it('prefers a linked number to text', () => {
    loadHtml(`${DIALER}<p>Phone: <a href="tel:+15035550111">+1 503 555 0111</a></p>`);

    const fields = readGenericFields(document, new URL('https://app.example.com/dialer/0'));

    expect(fields.phones).toEqual(['+1 503 555 0111']);
  });

  it('skips three plain-text numbers', () => {
    loadHtml(
      '<div>Bright Dental Group</div><div>+1 (480) 555-0127</div>' +
        '<div>Azure Interior</div><div>+1 503 555 0111</div><div>+1 (480) 555-0128</div>',
    );

    expect(readGenericFields(document, new URL('https://app.example.com/')).phones).toEqual([]);
  });

  it('skips header, footer and navigation', () => {
    loadHtml(
      '<header>Sales line +1 (480) 555-0199</header><main><h1>Maya Lind</h1></main>' +
        '<footer>Support +1 503 555 0100</footer>',
    );

    expect(readGenericFields(document, new URL('https://app.example.com/')).phones).toEqual([]);
  });
});

describe('name from an opening h2', () => {
  it('reads a page whose record opens with an h2', () => {
    loadHtml(
      '<h2>John Smith</h2><dl><dt>Phone</dt><dd>+1 (646) 555-0177</dd>' +
        '<dt>ID</dt><dd>4471</dd></dl>',
    );

    expect(readGenericFields(document, new URL('https://crm.example.com/')).name).toBe(
      'John Smith',
    );
  });
});

describe('name on a helpdesk ticket', () => {
  const TICKET_URL = new URL('https://help.example.com/agent/tickets/5120');

  it('takes the requester, not the subject', () => {
    loadFixture('ticket-requester.html');

    const snapshot = genericAdapter.readRecord(document, TICKET_URL);

    expect(snapshot!.name).toBe('Greta Lindqvist');
    expect(snapshot!.phones).toEqual(['+46 70 123 45 67']);
  });

  it('takes no subject heading as a name', () => {
    const snapshot = read(
      '<title>Help</title><h1>Please stop calling me</h1><a href="tel:+12125550111">call</a>',
    );

    expect(snapshot!.name).toBeNull();
  });

  it('takes heading of number panel', () => {
    const snapshot = read(`
      <title>#10234 Refund not received - Help Desk</title>
      <main><h2>#10234 · Refund not received</h2><p>Call me on +44 20 7946 0018.</p></main>
      <aside>
        <h3>Rhys Evans</h3>
        <div><span>Email</span><span>rhys.evans@example.co.uk</span></div>
        <div><span>Phone</span><span>+44 20 7946 0018</span></div>
      </aside>`);

    expect(snapshot!.name).toBe('Rhys Evans');
    expect(snapshot!.phones).toEqual(['+44 20 7946 0018']);
  });

  it.each(['Contact details', 'Phone'])('takes no panel heading %j as a name', (heading) => {
    const snapshot = read(`
      <title>Help Desk</title>
      <aside><h3>${heading}</h3><div><span>Mobile</span><span>+44 20 7946 0018</span></div></aside>`);

    expect(snapshot!.name).toBeNull();
  });

  it.each([
    ['Ludwig van Beethoven', true],
    ["Siobhán O'Neill-Byrne", true],
    ['Becker, Thomas', true],
    ['王小明', true],
    ['Please stop calling me', false],
    ['Ticket #48213', false],
    ['Where is my refund?', false],
    ['Order 2026-0042', false],
    ['Deals', false],
    ['Contact Details', false],
    ['Kanban', false],
    ['My Open Deals', false],
    ['客户详情', false],
    ['联系人', false],
    ['Mark Case', true],
    ['李娜', true],
  ])('tells whether %j is shaped like a name', (text, expected) => {
    expect(looksLikePersonName(text)).toBe(expected);
  });
});
