import { afterEach, describe, expect, it } from 'vitest';
import { badgeMap, loadHtml, startOnPage } from './harness';

let page: ReturnType<typeof startOnPage> | null = null;
afterEach(() => {
  page?.stop();
  page = null;
});

async function badgesOf(html: string): Promise<Record<string, string>> {
  loadHtml(html);
  page = startOnPage();
  await page.settle();
  return badgeMap();
}

describe('numbers in table cells', () => {
  it.each([
    [
      'a record table label',
      '<table><tr><td>Account #</td><td>4155550177</td></tr>' +
        '<tr><td>Phone</td><td>(212) 555-0187</td></tr></table>',
    ],
    [
      'a row header',
      '<table><tr><th>Ticket</th><td>4155550177</td><td>open</td></tr>' +
        '<tr><th>Mobile</th><td>(212) 555-0187</td><td></td></tr></table>',
    ],
    [
      'a column header',
      '<table><thead><tr><th>Name</th><th>Customer ID</th><th>Phone</th></tr></thead>' +
        '<tbody><tr><td>Ana Lee</td><td><span>4155550177</span></td><td>(212) 555-0187</td></tr></tbody></table>',
    ],
    [
      'a grid column header',
      '<div role="grid"><div role="row"><div role="columnheader">Order number</div>' +
        '<div role="columnheader">Phone</div></div>' +
        '<div role="row"><div role="gridcell">4155550177</div><div role="gridcell">(212) 555-0187</div></div></div>',
    ],
    ...['No. de crédito', 'Nº do pedido', 'Kundennummer', 'N° de facture', '顧客番号', 'CPF'].map(
      (header): [string, string] => [
        `a ${header} header`,
        `<table><thead><tr><th>${header}</th><th>Phone</th></tr></thead>` +
          '<tbody><tr><td>4155550177</td><td>(212) 555-0187</td></tr></tbody></table>',
      ],
    ),
  ])('skips an identifier under %s', async (_kind, html) => {
    const badges = await badgesOf(html);

    expect(badges).toEqual({ '+12125550187': 'allowed' });
  });

  it.each([
    [
      'a company name before it',
      '<table><tr><td>Ana Lee</td><td>Acme Tax Services</td><td>(415) 555-0123</td></tr></table>',
    ],
    [
      'a name beside it in an id column',
      '<table><thead><tr><th>Customer</th></tr></thead>' +
        '<tbody><tr><td>Ana Lee (415) 555-0123</td></tr></tbody></table>',
    ],
    [
      'a Customer care row header',
      '<table><tr><th>Customer care</th><td>(415) 555-0123</td></tr></table>',
    ],
    ...['Telefone do cliente', 'Teléfono del cliente', 'Kundentelefon', 'Téléphone client'].map(
      (header): [string, string] => [
        `a ${header} header`,
        `<table><thead><tr><th>${header}</th></tr></thead>` +
          '<tbody><tr><td>(415) 555-0123</td></tr></tbody></table>',
      ],
    ),
  ])('flags a number with %s', async (_kind, html) => {
    const badges = await badgesOf(html);

    expect(badges).toEqual({ '+14155550123': 'suppressed' });
  });
});
