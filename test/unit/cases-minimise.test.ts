import { describe, expect, it } from 'vitest';
import { minimiseCase, minimisedCaseSchema } from '../../lib/cases/minimise.ts';
import { CASE_STATUSES } from '../../lib/cases/model.ts';
import { AT, makeCase, withChecklistClosed } from './cases-fixtures.ts';

const MINIMISED_AT = '2025-04-01T00:00:00Z';

function confirmedCase() {
  return withChecklistClosed(
    makeCase('confirmed', {
      verification: { method: 'phone_digits', passed: true, by: 'agent-7', at: AT },
      confirmation: { sentAt: '2025-03-20T11:00:00Z', channel: 'email' },
      extensions: [
        { extendedAt: AT, noticeSentAt: AT, reason: 'Two processors must confirm deletion' },
      ],
      statusHistory: [
        { from: null, to: 'received', by: 'agent-7', role: 'agent', at: AT },
        {
          from: 'actions_done',
          to: 'confirmed',
          by: 'lead-1',
          role: 'lead',
          at: AT,
          reason: 'Spoke to Maria Schmidt',
        },
      ],
    }),
  );
}

describe('minimiseCase', () => {
  it('removes name, emails, CRM URL and notes', () => {
    const minimised = minimiseCase(confirmedCase(), MINIMISED_AT);
    const text = JSON.stringify(minimised);

    expect(text).not.toContain('Maria');
    expect(text).not.toContain('Schmidt');
    expect(text).not.toContain('maria.schmidt@example.com');
    expect(text).not.toContain('salesforce.com');
    expect(text).not.toContain('spring campaign');
    expect(minimised).not.toHaveProperty('subject');
    expect(minimised).not.toHaveProperty('notes');
  });

  it('keeps the suppressed numbers and CRM record id', () => {
    const minimised = minimiseCase(confirmedCase(), MINIMISED_AT);
    expect(minimised.suppressedPhones).toEqual(['+4915123456789']);
    expect(minimised.crm).toEqual({ system: 'Salesforce', recordId: '003Hs00001AbCdE' });
  });

  it('keeps what the audit needs', () => {
    const current = confirmedCase();
    const minimised = minimiseCase(current, MINIMISED_AT);

    expect(minimised).toMatchObject({
      id: current.id,
      receivedAt: current.receivedAt,
      channel: 'phone_call',
      scope: 'all_personal_data',
      jurisdiction: 'eu_gdpr',
      status: 'confirmed',
      minimisedAt: MINIMISED_AT,
      verification: { method: 'phone_digits', passed: true, by: 'agent-7', at: AT },
      confirmation: { sentAt: '2025-03-20T11:00:00Z', channel: 'email' },
    });
    expect(minimised.actions).toHaveLength(current.checklist.length);
    expect(minimised.actions[1]).toEqual({
      id: 'crm_dnc_flag',
      kind: 'crm_dnc_flag',
      system: 'Salesforce',
      status: 'done',
      by: 'agent-7',
      at: AT,
    });
    expect(minimised.processors[0]?.confirmedAt).toBe('2025-03-06T10:00:00Z');
    expect(minimised.extensions[0]?.reason).toBe('Two processors must confirm deletion');
  });

  it('drops free-text history reasons and item notes', () => {
    const minimised = minimiseCase(confirmedCase(), MINIMISED_AT);
    expect(minimised.statusHistory[1]).toEqual({
      from: 'actions_done',
      to: 'confirmed',
      by: 'lead-1',
      role: 'lead',
      at: AT,
    });
    expect(minimised.actions[0]).not.toHaveProperty('note');
  });

  it('keeps the rejection and legal exception', () => {
    const rejected = makeCase('rejected', {
      rejection: { reason: 'Invoices must be kept', by: 'lead-1', at: AT },
      legalException: {
        basis: 'legal_obligation',
        dataKept: 'Invoices',
        why: 'Tax law',
        reviewer: 'counsel-2',
        at: AT,
      },
    });
    const minimised = minimiseCase(rejected, MINIMISED_AT);
    expect(minimised.rejection?.reason).toBe('Invoices must be kept');
    expect(minimised.legalException?.basis).toBe('legal_obligation');
  });

  it('produces a schema-valid record', () => {
    const minimised = minimiseCase(confirmedCase(), MINIMISED_AT);
    expect(minimisedCaseSchema.parse(minimised)).toEqual(minimised);
  });

  it.each(CASE_STATUSES.filter((status) => status !== 'confirmed' && status !== 'rejected'))(
    'refuses an open case in %s',
    (status) => {
      expect(() => minimiseCase(makeCase(status), MINIMISED_AT)).toThrow(
        `while it is ${status}: only confirmed and rejected cases are minimised`,
      );
    },
  );
});
