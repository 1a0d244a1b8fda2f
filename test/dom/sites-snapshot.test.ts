import { describe, expect, it } from 'vitest';
import { PhoneSet } from '../../lib/sites/extract';
import { classifyIdentifier, classifyLabel } from '../../lib/sites/labels';
import { buildSnapshot, clampText } from '../../lib/sites/snapshot';
import { recordSnapshotSchema, type RecordSnapshot } from '../../lib/sites/types';

const VALID: RecordSnapshot = {
  system: 'salesforce',
  recordId: '003XX00000AbCdEQAZ',
  url: 'https://acme.lightning.force.com/lightning/r/Contact/003XX00000AbCdEQAZ/view',
  name: 'Ana García',
  phones: ['+44 20 7946 0018'],
  emails: ['ana.garcia@example.com'],
  phonesCut: 0,
  leftOutPhones: [],
  people: [],
  title: 'Ana García | Salesforce',
};

describe('recordSnapshotSchema', () => {
  it('accepts a plain snapshot', () => {
    expect(recordSnapshotSchema.safeParse(VALID).success).toBe(true);
  });

  it.each([
    ['a name over 200 characters', { name: 'a'.repeat(201) }],
    [
      '21 phones',
      {
        phones: Array.from({ length: 21 }, (_, i) => `+1 212 555 01${String(i).padStart(2, '0')}`),
      },
    ],
    ['a phone over 64 characters', { phones: ['1'.repeat(65)] }],
    ['21 emails', { emails: Array.from({ length: 21 }, (_, i) => `p${i}@example.com`) }],
    ['an email over 254 characters', { emails: [`${'a'.repeat(250)}@example.com`] }],
    ['a URL over 2048 characters', { url: `https://example.com/${'a'.repeat(2048)}` }],
    ['a value that is not a URL', { url: 'not a url' }],
    ['markup as an object', { name: { html: '<b>Ana</b>' } }],
    ['an unknown field', { html: '<b>Ana</b>' }],
  ])('rejects %s', (_case, change) => {
    expect(recordSnapshotSchema.safeParse({ ...VALID, ...change }).success).toBe(false);
  });
});

describe('buildSnapshot', () => {
  it('clamps every field to the schema', () => {
    document.title = 'T'.repeat(600);
    const url = new URL(`https://crm.example.com/c/1?utm=${'x'.repeat(3000)}`);

    const snapshot = buildSnapshot(document, url, 'crm.example.com', {
      name: `  Ana\n   ${'García'.repeat(50)} `,
      recordId: 'r'.repeat(300),
      phones: ['1'.repeat(65), ...Array.from({ length: 25 }, () => '+44 20 7946 0018')],
      emails: ['x', 'ana@example.com'],
    })!;

    expect(recordSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.name).toHaveLength(200);
    expect(snapshot.name!.startsWith('Ana García')).toBe(true);
    expect(snapshot.recordId).toBeNull();
    expect(snapshot.phones).toHaveLength(20);
    expect(snapshot.phonesCut).toBe(5);
    expect(snapshot.emails).toEqual(['ana@example.com']);
    expect(snapshot.url).toBe('https://crm.example.com/c/1');
    expect(snapshot.title).toHaveLength(512);
  });

  it('returns null when no field was found', () => {
    const snapshot = buildSnapshot(
      document,
      new URL('https://crm.example.com/'),
      'crm.example.com',
      {
        name: '  ',
        recordId: null,
        phones: [],
        emails: [],
      },
    );

    expect(snapshot).toBeNull();
  });

  it('does not split a surrogate pair', () => {
    expect(clampText(`${'a'.repeat(199)}😀`, 200)).toBe('a'.repeat(199));
  });
});

describe('PhoneSet', () => {
  it.each([
    [['(212) 555-0187', '+1 212 555 0187'], ['+1 212 555 0187']],
    [['+1 212 555 0187', '(212) 555-0187'], ['+1 212 555 0187']],
    [['020 7946 0018', '+44 20 7946 0018'], ['+44 20 7946 0018']],
    [['212.555.0187', '212-555-0187'], ['212.555.0187']],
    [
      ['+1 212 555 0187', '+44 212 555 0187'],
      ['+1 212 555 0187', '+44 212 555 0187'],
    ],
    [
      ['555 0187', '+1 212 555 0187'],
      ['555 0187', '+1 212 555 0187'],
    ],
  ])('reduces %j to %j', (input, expected) => {
    const phones = new PhoneSet();
    phones.addAll(input);

    expect(phones.values()).toEqual(expected);
  });
});

describe('labels', () => {
  it.each([
    ['Mobile', 'phone'],
    ['Work', 'phone'],
    ['Home Phone:', 'phone'],
    ['Telefon', 'phone'],
    ['电话', 'phone'],
    ['手机：', 'phone'],
    ['Number 2', 'phone'],
    ['E-mail', 'email'],
    ['Work email', 'email'],
    ['邮箱', 'email'],
    ['Full name', 'name'],
    ['Kontakt', 'name'],
    ['姓名', 'name'],
    ['客户名称', 'name'],
    ['First Name *', 'firstName'],
    ['Home address', null],
    ['Hotel', null],
    ['Account Name', null],
    ['Order number', null],
  ])('classifies %s as %s', (label, kind) => {
    expect(classifyLabel(label)).toBe(kind);
  });

  it.each([
    ['telephone1.fieldControl-phone-text-input', 'phone'],
    ['mobilePhone', 'phone'],
    ['contact_tel', 'phone'],
    ['emailaddress1', 'email'],
    ['hotel', null],
    ['MailingStreet', null],
  ])('classifies identifier %s as %s', (identifier, kind) => {
    expect(classifyIdentifier(identifier)).toBe(kind);
  });
});
