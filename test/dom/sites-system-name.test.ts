import { afterEach, describe, expect, it } from 'vitest';
import { genericAdapter } from '../../lib/sites/generic';
import { systemOfPage } from '../../lib/sites/system-name';
import { loadHtml } from './harness';

const URL_ON_OWN_HOST = new URL('http://10.0.0.5:8080/record/42');

afterEach(() => {
  document.documentElement.replaceChildren();
});

describe('system of a page no adapter claims', () => {
  it.each([
    ['Contact: Information: Jane Doe - Dynamics 365', 'dynamics'],
    ['Service Console | Salesforce', 'salesforce'],
    ['Ticket #4410: Refund please – Zendesk Support', 'zendesk'],
    ['[#1200] Cancel my plan : Acme Support | Freshdesk', 'freshdesk'],
    ['Acme Ltd | Close', 'close'],
    ['Close the ticket', '10.0.0.5'],
    ['Ana García | Contact | Example CRM', '10.0.0.5'],
    ['', '10.0.0.5'],
  ])('reads the title %j', (title, expected) => {
    loadHtml(`<title>${title}</title>`);

    expect(systemOfPage(document, URL_ON_OWN_HOST)).toBe(expected);
  });

  it.each([
    ['<meta name="application-name" content="Freshdesk">', 'freshdesk'],
    ['<meta property="og:site_name" content="Acme Service Desk">', 'Acme Service Desk'],
  ])('reads the declared app name %s', (meta, expected) => {
    loadHtml(`<head>${meta}<title>Ticket 1200</title></head>`);

    expect(systemOfPage(document, URL_ON_OWN_HOST)).toBe(expected);
  });

  it('prefers a product in the title over an unknown app name', () => {
    loadHtml(
      '<head><meta name="application-name" content="Acme Desk"><title>Inbox - Zendesk</title></head>',
    );

    expect(systemOfPage(document, URL_ON_OWN_HOST)).toBe('zendesk');
  });

  it('names the system in the generic snapshot', () => {
    loadHtml(
      '<title>Jane Doe - Dynamics 365</title><a href="tel:+12025550143">+1 202 555 0143</a>',
    );

    expect(genericAdapter.readRecord(document, URL_ON_OWN_HOST)!.system).toBe('dynamics');
  });
});
