import { afterEach, describe, expect, it } from 'vitest';
import { listInfo, loadHtml, startOnPage } from './harness';

// A call control in a fixed column that grid libraries draw as a separate
// table or container: the number sits in the twin row of the main part.

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
  document.querySelector('dnc-guard-notice')?.remove();
});

const notice = () => document.querySelector<HTMLElement>('dnc-guard-notice');
const noticeText = () => notice()?.shadowRoot?.textContent ?? '';
const wait = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));
/** Elements enough to make the body a page, not a softphone's own frame. */
const FILLER = '<span>x</span>'.repeat(30);
/** Height of every row in the fixtures, in CSS pixels. */
const ROW_HEIGHT = 40;

/**
 * Gives each element with `at="top left width"` that box, because jsdom
 * lays nothing out. The twins of a row are found by where they sit on screen.
 */
function layOut(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[at]')) {
    const [top = 0, left = 0, width = 0] = (element.getAttribute('at') ?? '')
      .split(' ')
      .map(Number);
    const box = { top, left, width, height: ROW_HEIGHT, x: left, y: top };
    const rect = { ...box, right: left + width, bottom: top + ROW_HEIGHT };
    element.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect });
  }
}

/** Records the page's own dials: clicks on elements with an id. */
function dials(): string[] {
  const log: string[] = [];
  document.addEventListener('click', (event) => {
    const id = (event.target as HTMLElement).id;
    if (id) log.push(id);
  });
  return log;
}

/** Loads `html`, clicks the control `id` and returns the page's dials. */
async function clickOn(html: string, id: string): Promise<string[]> {
  loadHtml(`${html}${FILLER}`);
  layOut();
  page = startOnPage({ list: listInfo() });
  const log = dials();
  document
    .getElementById(id)
    ?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  await wait();
  return log;
}

const top = (index: number) => 40 + index * ROW_HEIGHT;

describe('a fixed right column drawn as its own table (Ant Design 3)', () => {
  const leads = [
    { key: 'L1', name: 'Gus Hale', numbers: ['(415) 555-0123', '(212) 555-0100'] },
    { key: 'L2', name: 'Ann Lee', numbers: ['(212) 555-0187', '(212) 555-0101'] },
  ];
  const mainRows = leads
    .map(
      (lead, i) => `<tr class="ant-table-row" data-row-key="${lead.key}" at="${top(i)} 0 1300">
        <td>${lead.name}</td><td>${lead.numbers[0]}</td><td>${lead.numbers[1]}</td><td></td></tr>`,
    )
    .join('');
  const fixedRows = leads
    .map(
      (lead, i) => `<tr class="ant-table-row" data-row-key="${lead.key}" at="${top(i)} 740 160">
        <td><a class="call" id="call-${lead.key}">Call</a> | <a>Convert</a></td></tr>`,
    )
    .join('');
  const table = `<div class="ant-table-wrapper"><div class="ant-table">
    <div class="ant-table-scroll"><div class="ant-table-body">
      <table class="main"><thead><tr><th>Name</th><th>Mobile</th><th>Office</th><th>Action</th></tr></thead>
      <tbody class="ant-table-tbody">${mainRows}</tbody></table></div></div>
    <div class="ant-table-fixed-right" style="position: absolute; top: 0; right: 0">
      <div class="ant-table-body-outer"><div class="ant-table-body-inner">
      <table class="fixed"><thead><tr><th>Action</th></tr></thead>
      <tbody class="ant-table-tbody">${fixedRows}</tbody></table></div></div></div>
  </div></div>`;

  it('blocks a row whose twin in the main table shows a suppressed number', async () => {
    const log = await clickOn(table, 'call-L1');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
    expect(noticeText()).toContain('could not tell which');
    expect(noticeText()).toContain('+14155550123');
  });

  it('dials a row whose twin shows only allowed numbers', async () => {
    const log = await clickOn(table, 'call-L2');

    expect(notice()).toBeNull();
    expect(log).toEqual(['call-L2']);
  });
});

describe('a frozen column in a sibling table with no row keys', () => {
  const table = (frozenRows: string) => `<div class="grid">
    <table class="frozen" style="position: absolute; left: 0"><tbody>${frozenRows}</tbody></table>
    <table class="main"><tbody>
      <tr at="${top(0)} 0 900"><td></td><td>Gus Hale</td><td>(415) 555-0123</td></tr>
      <tr at="${top(1)} 0 900"><td></td><td>Ann Lee</td><td>(212) 555-0187</td></tr>
    </tbody></table></div>`;
  const frozen = (i: number, at = top(i)) =>
    `<tr at="${at} 0 120"><td><button id="call-${i}">Call</button> Contact ${i}</td></tr>`;

  it('blocks the row at the same index as a suppressed one', async () => {
    const log = await clickOn(table(frozen(0) + frozen(1)), 'call-0');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it('dials the row at the same index as an allowed one', async () => {
    const log = await clickOn(table(frozen(0) + frozen(1)), 'call-1');

    expect(notice()).toBeNull();
    expect(log).toEqual(['call-1']);
  });

  it('finds the twin by its height on screen when the indexes differ', async () => {
    // A group heading row in the frozen table shifts its indexes by one.
    const heading = `<tr at="0 0 120"><td>Group A</td></tr>`;
    const log = await clickOn(table(heading + frozen(0) + frozen(1)), 'call-0');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });
});

describe('a grid with pinned containers (AG Grid)', () => {
  const row = (index: number, id: string, at: string, cells: string) =>
    `<div class="ag-row" role="row" row-index="${index}" row-id="${id}" at="${at}">${cells}</div>`;
  const cell = (text: string) => `<div class="ag-cell" role="gridcell">${text}</div>`;
  const callCell = (id: string) => cell(`<button id="call-${id}" aria-label="Call">☎</button>`);
  // The center rows are out of index order, as a grid that recycles rows leaves them.
  const grid = `<div class="ag-root" role="grid">
    <div class="ag-body-viewport">
      <div class="ag-center-cols-clipper"><div class="ag-center-cols-viewport">
        <div class="ag-center-cols-container">
          ${row(1, 'b', `${top(1)} 0 900`, cell('Ann Lee') + cell('(212) 555-0187'))}
          ${row(0, 'a', `${top(0)} 0 900`, cell('Gus Hale') + cell('(415) 555-0123'))}
        </div></div></div>
      <div class="ag-pinned-right-cols-container">
        ${row(0, 'a', `${top(0)} 900 80`, callCell('a'))}
        ${row(1, 'b', `${top(1)} 900 80`, callCell('b'))}
      </div>
    </div></div>`;

  it('blocks the pinned row whose center row shows a suppressed number', async () => {
    const log = await clickOn(grid, 'call-a');

    expect(log).toEqual([]);
    expect(notice()?.dataset.status).toBe('suppressed');
  });

  it('dials the pinned row whose center row shows an allowed number', async () => {
    const log = await clickOn(grid, 'call-b');

    expect(notice()).toBeNull();
    expect(log).toEqual(['call-b']);
  });
});

describe('two unrelated tables that share row keys', () => {
  const contacts = (left: number, first: number) =>
    `<table class="contacts"><tbody>${[0, 1]
      .map(
        (i) => `<tr data-row-key="${i + 1}" at="${top(first + i)} ${left} 400">
          <td>Contact ${i}</td><td>${i === 0 ? '(415) 555-0123' : '(212) 555-0187'}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  const queues = (left: number, first: number) =>
    `<table class="queues"><tbody>${[0, 1]
      .map(
        (i) => `<tr data-row-key="${i + 1}" at="${top(first + i)} ${left} 400">
          <td>Queue ${i}</td><td><button id="queue-${i}">Call</button></td></tr>`,
      )
      .join('')}</tbody></table>`;

  it('leaves a table below another alone', async () => {
    const html = `<section><h2>Contacts</h2>${contacts(0, 0)}<h2>Queues</h2>${queues(0, 4)}</section>`;
    const log = await clickOn(html, 'queue-0');

    expect(notice()).toBeNull();
    expect(log).toEqual(['queue-0']);
  });

  it('leaves a table beside another alone', async () => {
    const html = `<section style="display: flex">${contacts(0, 0)}${queues(440, 0)}</section>`;
    const log = await clickOn(html, 'queue-0');

    expect(notice()).toBeNull();
    expect(log).toEqual(['queue-0']);
  });
});
