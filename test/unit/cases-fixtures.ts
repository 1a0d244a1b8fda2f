import { buildDefaultChecklist } from '../../lib/cases/checklist.ts';
import { caseSchema, type Case, type CaseStatus } from '../../lib/cases/model.ts';

export const CASE_ID = '3f0c8b52-6d1e-4c7a-9b2f-1a5e7d9c4b60';
export const AT = '2025-03-10T09:00:00Z';

/** Builds a schema-valid case in `status`, with a default checklist and one processor. */
export function makeCase(status: CaseStatus, overrides: Partial<Case> = {}): Case {
  const value: Case = {
    id: CASE_ID,
    receivedAt: '2025-03-03T14:25:00Z',
    channel: 'phone_call',
    scope: 'all_personal_data',
    jurisdiction: 'eu_gdpr',
    subject: {
      name: 'Maria Schmidt',
      phones: ['+4915123456789'],
      emails: ['maria.schmidt@example.com'],
      crm: {
        system: 'Salesforce',
        recordId: '003Hs00001AbCdE',
        url: 'https://example.my.salesforce.com/lightning/r/Contact/003Hs00001AbCdE/view?email=maria.schmidt%40example.com',
      },
    },
    notes: 'Called after the spring campaign; asked us to forget her.',
    status,
    version: 3,
    updatedAt: AT,
    statusHistory: [{ from: null, to: 'received', by: 'agent-7', role: 'agent', at: AT }],
    checklist: buildDefaultChecklist({
      scope: 'all_personal_data',
      systems: { crm: 'Salesforce', callCenter: 'Twilio Flex', emailPlatform: 'Mailchimp' },
      processors: ['Acme Dialer Services'],
    }),
    processors: [{ name: 'Acme Dialer Services' }],
    extensions: [],
    ...overrides,
  };
  return caseSchema.parse(value);
}

/** Returns the case with every checklist item closed and the processor confirmed. */
export function withChecklistClosed(current: Case): Case {
  return {
    ...current,
    processors: current.processors.map((processor) => ({
      ...processor,
      notifiedAt: '2025-03-05T10:00:00Z',
      confirmedAt: '2025-03-06T10:00:00Z',
    })),
    checklist: current.checklist.map((item, index) =>
      index === 0
        ? { ...item, status: 'not_applicable', by: 'agent-7', at: AT, note: 'Already listed' }
        : { ...item, status: 'done', by: 'agent-7', at: AT },
    ),
  };
}

/** Returns "ok" or the error code, so a test asserts one value. */
export function outcomeOf(result: { ok: true } | { ok: false; code: string }): string {
  return result.ok ? 'ok' : result.code;
}

/** Returns the failure reason, or "ok" when the result succeeded. */
export function reasonOf(result: { ok: true } | { ok: false; reason: string }): string {
  return result.ok ? 'ok' : result.reason;
}
