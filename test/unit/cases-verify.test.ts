import { describe, expect, it } from 'vitest';
import { caseCaptureSchema, verificationRecordSchema } from '../../lib/cases/model.ts';
import { verificationRecord, verifyIdentity } from '../../lib/cases/verify.ts';

const record = {
  emails: ['Maria.Schmidt@Example.com', 'm.s@work.example'],
  phones: ['+4915123456789', '030 1234 5670'],
};

describe('verifyIdentity email_on_file', () => {
  it.each([
    ['exact', 'maria.schmidt@example.com', true],
    ['upper case', 'MARIA.SCHMIDT@EXAMPLE.COM', true],
    ['spaces around', '  maria.schmidt@example.com \t', true],
    ['spelled with spaces', 'maria . schmidt @ example . com', true],
    ['second address', 'M.S@work.example', true],
    ['dots removed', 'mariaschmidt@example.com', false],
    ['plus tag added', 'maria.schmidt+x@example.com', false],
    ['other domain', 'maria.schmidt@example.org', false],
    ['empty', '   ', false],
  ])('%s', (_name, answer, expected) => {
    expect(verifyIdentity('email_on_file', answer, record)).toBe(expected);
  });
});

describe('verifyIdentity phone_digits', () => {
  it.each([
    ['last four', '6789', 4, true],
    ['spaced digits', ' 6 7 8 9 ', 4, true],
    ['with dash', '67-89', 4, true],
    ['second phone', '5670', 4, true],
    ['wrong digits', '6788', 4, false],
    ['too few digits', '789', 4, false],
    ['whole number', '+4915123456789', 4, false],
    ['last six', '456789', 6, true],
    ['no digits', 'six seven', 4, false],
  ])('%s', (_name, answer, lastDigits, expected) => {
    expect(verifyIdentity('phone_digits', answer, record, { lastDigits })).toBe(expected);
  });

  it('rejects an invalid digit count', () => {
    expect(() => verifyIdentity('phone_digits', '6789', record, { lastDigits: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('agent-asserted methods', () => {
  it.each(['security_question', 'authenticated_channel'] as const)(
    'rejects comparing %s',
    (method) => {
      const call = verifyIdentity as (
        method: string,
        answer: string,
        side: typeof record,
      ) => boolean;
      expect(() => call(method, 'blue', record)).toThrow(`cannot check ${method}`);
    },
  );
});

describe('verification record', () => {
  it('holds method and outcome only', () => {
    const stored = verificationRecord('email_on_file', true, 'agent-7', '2025-03-10T09:00:00Z');
    expect(Object.keys(stored).sort()).toEqual(['at', 'by', 'method', 'passed']);
  });

  it('rejects a record carrying the answer', () => {
    const withAnswer = {
      method: 'security_question',
      passed: true,
      by: 'agent-7',
      at: '2025-03-10T09:00:00Z',
      answer: 'blue',
    };
    expect(verificationRecordSchema.safeParse(withAnswer).success).toBe(false);
  });
});

describe('caseCaptureSchema', () => {
  const capture = {
    id: '3f0c8b52-6d1e-4c7a-9b2f-1a5e7d9c4b60',
    receivedAt: '2025-03-03T14:25:00+01:00',
    channel: 'web_form',
    scope: 'phone_only',
    jurisdiction: 'uk_gdpr',
    subject: {
      name: 'Sam Jones',
      phones: ['+447700900123'],
      emails: [],
      crm: {
        system: 'HubSpot',
        recordId: '51',
        url: 'https://app.hubspot.com/contacts/1/record/0-1/51',
      },
    },
  };

  it('accepts a capture', () => {
    expect(caseCaptureSchema.safeParse(capture).success).toBe(true);
  });

  it.each([
    ['a national phone format', { phones: ['07700 900123'] }],
    ['no phone', { phones: [] }],
    ['an invalid email', { emails: ['not-an-email'] }],
  ])('rejects %s', (_name, subjectPatch) => {
    const invalid = { ...capture, subject: { ...capture.subject, ...subjectPatch } };
    expect(caseCaptureSchema.safeParse(invalid).success).toBe(false);
  });

  it('rejects a non-uuid id', () => {
    expect(caseCaptureSchema.safeParse({ ...capture, id: 'case-1' }).success).toBe(false);
  });
});
