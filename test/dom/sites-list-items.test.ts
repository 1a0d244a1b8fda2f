import { afterEach, describe, expect, it } from 'vitest';
import { genericAdapter } from '../../lib/sites/generic';
import { loadHtml } from './harness';

const LIST_URL = new URL('https://crm.example.com/app/list');

afterEach(() => {
  document.documentElement.replaceChildren();
});

function readAt(html: string, focusSelector: string) {
  loadHtml(html);
  const focus = document.querySelector(focusSelector);
  expect(focus).not.toBeNull();
  return genericAdapter.readRecord(document, LIST_URL, focus);
}

// A contacts tab as Chinese CRMs write it: each label and its number in one
// element, a Call button after it, the address as plain text.
const CONTACTS_TAB = `
  <title>客户详情 - 示例CRM</title>
  <div id="contacts">
    <div class="contact"><span class="nm">张伟</span><span>采购经理</span>
      <span>手机：<span>138 0013 8000</span></span><button>拨打</button>
      <span>zhang.wei@example.cn</span></div>
    <div class="contact"><span class="nm">李娜</span><span>财务总监</span>
      <span>手机：<span>+86 139 1234 5678</span></span><button>拨打</button>
      <span>电话：<span>(021) 5888-1234</span></span>
      <span>li.na@example.cn</span></div>
  </div>`;

// A kanban board: cards in columns, a deal title first, the contact's name
// and number in one line, an activity feed with other numbers below.
const BOARD = `
  <title>Deals - Example CRM</title>
  <h1>Deals</h1>
  <div class="kanban">
    <div class="col"><h4>New</h4>
      <div class="card" id="card1"><div class="t">Deal #4415: Server rack</div>
        <div class="contact"><span>Olga Petrova</span><span>+49 30 12345678</span></div></div>
    </div>
    <div class="col"><h4>Negotiation</h4>
      <div class="card" id="card2"><div class="t">Deal #4417: Support</div>
        <div class="sum">$7,200.00</div>
        <div class="contact"><span id="kate">Kate Moss</span><span>+1 (646) 555-0199</span>
          <button title="Call">☎</button></div>
        <div>Closes 03/17/2024</div></div>
      <div class="card" id="card3"><div class="t">Deal #4418: Training</div>
        <div class="contact"><span>Chen Jing</span><span>+86 139 1234 5678</span></div></div>
    </div>
  </div>
  <div class="feed"><div>Outgoing call to <span>+1 415-555-0132</span></div></div>`;

// A deals list whose rows open the deal in a panel over the list.
const DEALS_WITH_PANEL = `
  <title>Deals - Example CRM</title>
  <table><tbody>
    <tr id="vogt"><td>Vogt - CNC retrofit</td><td>Lena Vogt</td><td>+1 646 555 0101</td></tr>
    <tr><td>Haddad - Fleet</td><td>Omar Haddad</td><td>+1 646 555 0111</td></tr>
  </tbody></table>
  <aside id="panel" style="position: fixed; top: 0; right: 0" aria-label="Deal details">
    <h2>Vogt - CNC retrofit</h2>
    <h3>Lena Vogt</h3>
    <dl><dt>Work</dt><dd>+1 646 555 0101</dd><dt>Mobile</dt><dd>+1 646 555 0102</dd>
      <dt>Home</dt><dd>+49 30 901820</dd><dt>Email</dt><dd>lena.vogt@example.com</dd></dl>
  </aside>`;

describe('record panel over a list', () => {
  it('reads the open panel, not the clicked row', () => {
    const snapshot = readAt(DEALS_WITH_PANEL, '#vogt td');

    expect(snapshot!.phones).toEqual(['+1 646 555 0101', '+1 646 555 0102', '+49 30 901820']);
    expect(snapshot!.emails).toEqual(['lena.vogt@example.com']);
  });

  it('reads the clicked row once the panel is closed', () => {
    const snapshot = readAt(
      DEALS_WITH_PANEL.replace('<aside id="panel"', '<aside hidden'),
      '#vogt td',
    );

    expect(snapshot!.phones).toEqual(['+1 646 555 0101']);
  });
});

describe('pointed row or card on list pages', () => {
  it('reads clicked contact with inline labels', () => {
    const snapshot = readAt(CONTACTS_TAB, '.contact:nth-child(2) .nm');

    expect(snapshot!.name).toBe('李娜');
    expect(snapshot!.phones).toEqual(['+86 139 1234 5678', '(021) 5888-1234']);
    expect(snapshot!.emails).toEqual(['li.na@example.cn']);
    expect(snapshot!.leftOutPhones).toEqual(['138 0013 8000']);
  });

  it('reads clicked board card', () => {
    const snapshot = readAt(BOARD, '#kate');

    expect(snapshot!.name).toBe('Kate Moss');
    expect(snapshot!.phones).toEqual(['+1 (646) 555-0199']);
  });

  it('names card from its number line', () => {
    const snapshot = readAt(BOARD, '#card2 .sum');

    expect(snapshot!.name).toBe('Kate Moss');
    expect(snapshot!.phones).toEqual(['+1 (646) 555-0199']);
  });

  it('reads a table row', () => {
    const snapshot = readAt(
      `<title>Contacts | Example CRM</title><h1>Contacts</h1>
      <table><thead><tr><th>Name</th><th>Phone</th><th>Email</th></tr></thead><tbody>
        <tr><td>Olga Petrova</td><td>+49 30 12345678</td><td>olga@example.com</td></tr>
        <tr class="selected"><td>Kate Moss</td><td id="cell">+1 (646) 555-0199</td>
          <td>kate@example.com</td></tr>
      </tbody></table>`,
      '#cell',
    );

    expect(snapshot!.name).toBe('Kate Moss');
    expect(snapshot!.phones).toEqual(['+1 (646) 555-0199']);
    expect(snapshot!.emails).toEqual(['kate@example.com']);
  });

  it('names a row from its Name column', () => {
    const snapshot = readAt(
      `<title>Contacts | Example CRM</title>
      <table><tr><th>Name</th><th>Title</th><th>Phone</th></tr>
        <tr><td>Olga Petrova</td><td>Finance Director</td><td>+49 30 12345678</td></tr>
        <tr><td>Kate Moss</td><td>Head Buyer</td><td id="cell">+1 (646) 555-0199</td></tr>
      </table>`,
      '#cell',
    );

    expect(snapshot!.name).toBe('Kate Moss');
    expect(snapshot!.phones).toEqual(['+1 (646) 555-0199']);
  });

  it('leaves unsure row name empty', () => {
    const snapshot = readAt(
      `<title>People | Example CRM</title>
      <ul>
        <li><span>Olga Petrova</span> <span>Finance Director</span> <span>+49 30 12345678</span></li>
        <li><span>Kate Moss</span> <span>Head Buyer</span> <span id="num">+1 (646) 555-0199</span></li>
      </ul>`,
      '#num',
    );

    expect(snapshot!.name).toBeNull();
    expect(snapshot!.phones).toEqual(['+1 (646) 555-0199']);
  });

  it('keeps record panels together', () => {
    const snapshot = readAt(
      `<div role="main">
        <div><span>Inbound call</span><span aria-label="Phone number">+1 212 555 0190</span></div>
        <div id="attributes"><dl><dt>Customer name</dt><dd>Liam Patel</dd>
          <dt>Email</dt><dd>liam.patel@example.com</dd></dl></div>
      </div>`,
      '#attributes dd',
    );

    expect(snapshot!.name).toBe('Liam Patel');
    expect(snapshot!.phones).toEqual(['+1 212 555 0190']);
    expect(snapshot!.emails).toEqual(['liam.patel@example.com']);
  });

  it('ignores section heading outside cards', () => {
    const snapshot = readAt(BOARD, 'h1');

    expect(snapshot).toBeNull();
  });
});
