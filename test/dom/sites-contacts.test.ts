import { afterEach, describe, expect, it } from 'vitest';
import { genericAdapter } from '../../lib/sites/generic';
import { loadFixture, loadHtml } from './harness';

const LEAD_URL = new URL('https://sales.example.com/app#/lead/lead_7Hq2xK9');

const ALL_PHONES = [
  '+1 617 555 0141',
  '+1 617 555 0142',
  '(857) 555-0177',
  '+1 857 555 0178',
  '+1 617 555 0149',
];

afterEach(() => {
  document.documentElement.replaceChildren();
});

describe('generic adapter on a lead with several contacts', () => {
  it('reads every typed phone row', () => {
    loadFixture('lead-contacts.html');

    const snapshot = genericAdapter.readRecord(document, LEAD_URL);

    expect(snapshot!.phones).toEqual(ALL_PHONES);
    expect(snapshot!.leftOutPhones).toEqual([]);
  });

  it('leaves the name to the agent without a chosen contact', () => {
    loadFixture('lead-contacts.html');

    const snapshot = genericAdapter.readRecord(document, LEAD_URL);

    expect(snapshot!.name).toBeNull();
    expect(snapshot!.people).toEqual(['Olivia Brennan', 'Marcus Feld', 'Ines Duarte']);
    expect(snapshot!.emails).toEqual(['olivia@harbor.example', 'marcus@harbor.example']);
  });

  it('reads the contact the agent clicked', () => {
    loadFixture('lead-contacts.html');

    const snapshot = genericAdapter.readRecord(
      document,
      LEAD_URL,
      document.getElementById('call-marcus'),
    );

    expect(snapshot!.name).toBe('Marcus Feld');
    expect(snapshot!.phones).toEqual(['(857) 555-0177', '+1 857 555 0178']);
    expect(snapshot!.emails).toEqual(['marcus@harbor.example']);
    expect(snapshot!.leftOutPhones).toEqual([
      '+1 617 555 0141',
      '+1 617 555 0142',
      '+1 617 555 0149',
    ]);
  });

  it('reads the contact of a selected number', () => {
    loadFixture('lead-contacts.html');
    const number = document.querySelector('#card-3 .number')!.firstChild;

    const snapshot = genericAdapter.readRecord(document, LEAD_URL, number);

    expect(snapshot!.name).toBe('Ines Duarte');
    expect(snapshot!.phones).toEqual(['+1 617 555 0149']);
  });

  it('ignores a click outside the contacts', () => {
    loadFixture('lead-contacts.html');

    const snapshot = genericAdapter.readRecord(document, LEAD_URL, document.querySelector('h1'));

    expect(snapshot!.phones).toEqual(ALL_PHONES);
  });
});

describe('contact cards on one-person records', () => {
  it('takes rows of one person for no cards', () => {
    loadHtml(`
      <h1>Nora Vance</h1>
      <div class="row"><span>Mobile</span><span>+1 202 555 0101</span></div>
      <div class="row"><span>Office</span><span>+1 202 555 0102</span></div>
      <div class="row"><span>Email</span><a href="mailto:nora@example.com">nora@example.com</a></div>`);

    const snapshot = genericAdapter.readRecord(document, LEAD_URL);

    expect(snapshot!.name).toBe('Nora Vance');
    expect(snapshot!.phones).toEqual(['+1 202 555 0101', '+1 202 555 0102']);
  });
});
