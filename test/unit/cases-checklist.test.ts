import { describe, expect, it } from 'vitest';
import {
  applyChecklistUpdate,
  applyProcessorUpdate,
  buildDefaultChecklist,
} from '../../lib/cases/checklist.ts';
import { CASE_STATUSES, checklistItemSchema, ROLES } from '../../lib/cases/model.ts';
import { AT, makeCase, outcomeOf } from './cases-fixtures.ts';

describe('buildDefaultChecklist', () => {
  it('orders suppression before erasure', () => {
    const ids = buildDefaultChecklist({ scope: 'phone_only' }).map((item) => item.id);
    expect(ids).toEqual([
      'internal_dnc',
      'crm_dnc_flag',
      'marketing_lists',
      'dial_queues',
      'campaigns',
      'erase_crm',
      'erase_call_center',
      'erase_email_platform',
      'backup_guard',
    ]);
  });

  it('names each system in its erasure item', () => {
    const items = buildDefaultChecklist({
      scope: 'all_personal_data',
      systems: { crm: 'HubSpot', callCenter: 'Genesys Cloud', emailPlatform: 'Brevo' },
    });
    const erasure = items.filter((item) => item.kind.startsWith('erase_'));
    expect(erasure.map((item) => [item.system, item.label])).toEqual([
      ['HubSpot', 'Delete or irreversibly anonymise all personal data in HubSpot'],
      ['Genesys Cloud', 'Delete or irreversibly anonymise all personal data in Genesys Cloud'],
      ['Brevo', 'Delete or irreversibly anonymise all personal data in Brevo'],
    ]);
  });

  it('limits phone_only erasure to the phone', () => {
    const item = buildDefaultChecklist({ scope: 'phone_only' }).find(
      (candidate) => candidate.id === 'erase_crm',
    );
    expect(item?.label).toBe(
      'Delete or irreversibly anonymise the phone number and its call history in the CRM',
    );
  });

  it('adds one item per processor, deduplicated', () => {
    const items = buildDefaultChecklist({
      scope: 'phone_only',
      processors: ['Acme Dialer', ' acme dialer ', 'Lead Vendor Ltd', ''],
    });
    const processors = items.filter((item) => item.kind === 'processor_notified');
    expect(processors.map((item) => item.id)).toEqual([
      'processor:acme dialer',
      'processor:lead vendor ltd',
    ]);
  });

  it('produces schema-valid open items', () => {
    for (const item of buildDefaultChecklist({ scope: 'all_personal_data', processors: ['X'] })) {
      expect(checklistItemSchema.parse(item).status).toBe('open');
    }
  });
});

describe('applyChecklistUpdate', () => {
  it.each(ROLES)('lets %s tick an item while in_progress', (role) => {
    const result = applyChecklistUpdate(
      makeCase('in_progress'),
      { itemId: 'dial_queues', status: 'done' },
      { id: `${role}-1`, role },
      AT,
    );
    expect(result.ok).toBe(true);
    const item = result.ok ? result.case.checklist.find((c) => c.id === 'dial_queues') : undefined;
    expect(item).toMatchObject({ status: 'done', by: `${role}-1`, at: AT });
  });

  it.each(CASE_STATUSES.filter((status) => status !== 'in_progress'))(
    'rejects changes while %s',
    (status) => {
      const result = applyChecklistUpdate(
        makeCase(status),
        { itemId: 'dial_queues', status: 'done' },
        { id: 'admin-1', role: 'admin' },
        AT,
      );
      const expected =
        status === 'confirmed' || status === 'rejected' ? 'case_final' : 'wrong_status';
      expect(outcomeOf(result)).toBe(expected);
    },
  );

  it('needs a note for not_applicable', () => {
    const result = applyChecklistUpdate(
      makeCase('in_progress'),
      { itemId: 'erase_email_platform', status: 'not_applicable', note: '  ' },
      { id: 'agent-7', role: 'agent' },
      AT,
    );
    expect(outcomeOf(result)).toBe('missing_field');
  });

  it('keeps the note for not_applicable', () => {
    const result = applyChecklistUpdate(
      makeCase('in_progress'),
      { itemId: 'erase_email_platform', status: 'not_applicable', note: 'No email platform' },
      { id: 'agent-7', role: 'agent' },
      AT,
    );
    const item = result.ok
      ? result.case.checklist.find((c) => c.id === 'erase_email_platform')
      : undefined;
    expect(item?.note).toBe('No email platform');
  });

  it('reopens an item without who and when', () => {
    const done = applyChecklistUpdate(
      makeCase('in_progress'),
      { itemId: 'campaigns', status: 'done' },
      { id: 'agent-7', role: 'agent' },
      AT,
    );
    if (!done.ok) throw new Error(done.reason);
    const reopened = applyChecklistUpdate(
      done.case,
      { itemId: 'campaigns', status: 'open' },
      { id: 'lead-1', role: 'lead' },
      AT,
    );
    const item = reopened.ok
      ? reopened.case.checklist.find((c) => c.id === 'campaigns')
      : undefined;
    expect(item).toEqual({
      id: 'campaigns',
      kind: 'campaigns',
      label: 'Remove from running campaigns',
      status: 'open',
    });
  });

  it('rejects an unknown item', () => {
    const result = applyChecklistUpdate(
      makeCase('in_progress'),
      { itemId: 'fax_machine', status: 'done' },
      { id: 'agent-7', role: 'agent' },
      AT,
    );
    expect(outcomeOf(result)).toBe('unknown_item');
  });

  it('needs processor dates before ticking', () => {
    const result = applyChecklistUpdate(
      makeCase('in_progress'),
      { itemId: 'processor:acme dialer services', status: 'done' },
      { id: 'agent-7', role: 'agent' },
      AT,
    );
    expect(outcomeOf(result)).toBe('missing_field');
  });

  it('ticks a processor after confirmation', () => {
    const notified = applyProcessorUpdate(
      makeCase('in_progress'),
      {
        name: 'Acme Dialer Services',
        notifiedAt: '2025-03-05T10:00:00Z',
        confirmedAt: '2025-03-06T10:00:00Z',
      },
      AT,
    );
    if (!notified.ok) throw new Error(notified.reason);
    const result = applyChecklistUpdate(
      notified.case,
      { itemId: 'processor:acme dialer services', status: 'done' },
      { id: 'agent-7', role: 'agent' },
      AT,
    );
    expect(result.ok).toBe(true);
  });
});

describe('applyProcessorUpdate', () => {
  it('adds a new processor and its item', () => {
    const result = applyProcessorUpdate(
      makeCase('in_progress'),
      { name: 'Lead Vendor Ltd', notifiedAt: '2025-03-05T10:00:00Z' },
      AT,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.case.processors.at(-1)).toEqual({
      name: 'Lead Vendor Ltd',
      notifiedAt: '2025-03-05T10:00:00Z',
    });
    expect(result.case.checklist.at(-1)?.id).toBe('processor:lead vendor ltd');
  });

  it('rejects confirmation before notification', () => {
    const result = applyProcessorUpdate(
      makeCase('in_progress'),
      {
        name: 'Acme Dialer Services',
        notifiedAt: '2025-03-06T10:00:00+01:00',
        confirmedAt: '2025-03-06T08:00:00Z',
      },
      AT,
    );
    expect(outcomeOf(result)).toBe('missing_field');
  });

  it('rejects confirmation without notification', () => {
    const result = applyProcessorUpdate(
      makeCase('in_progress'),
      { name: 'Acme Dialer Services', confirmedAt: '2025-03-06T08:00:00Z' },
      AT,
    );
    expect(outcomeOf(result)).toBe('missing_field');
  });
});
