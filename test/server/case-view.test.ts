import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../lib/api/schemas.ts';
import { toTimelineEntry } from '../../server/case-view.ts';

function auditEvent(type: string, payload: Record<string, unknown>): AuditEvent {
  return {
    seq: 7,
    at: '2026-12-01T10:00:00.000Z',
    actor: 'agent-ann',
    type,
    caseId: '7d8f4f0e-2b7c-4c52-9a49-2f4f3f7d9a10',
    payload,
    prevHash: '',
    hash: '',
  };
}

describe('toTimelineEntry', () => {
  it('sends the fields the summary names', () => {
    const entry = toTimelineEntry(
      auditEvent('suppressions.added', {
        role: 'agent',
        added: 2,
        alreadyPresent: 1,
        firstSeq: 10,
        digest: 'abc',
      }),
    );

    expect(entry.summary).toBe('2 number(s) added to the DNC list, 1 already on it');
    expect(entry.details).toEqual({ added: 2, alreadyPresent: 1 });
  });

  it('sends whether a note was given', () => {
    const entry = toTimelineEntry(
      auditEvent('case.checklist_item', {
        itemId: 'campaigns',
        kind: 'marketing_lists',
        status: 'not_applicable',
        withNote: true,
      }),
    );

    expect(entry.details).toEqual({
      itemId: 'campaigns',
      kind: 'marketing_lists',
      status: 'not_applicable',
      withNote: true,
    });
  });

  it('leaves out unset and nested values', () => {
    const entry = toTimelineEntry(
      auditEvent('case.processor', { name: 'Mailer Ltd', notifiedAt: undefined, confirmedAt: {} }),
    );

    expect(entry.details).toEqual({ name: 'Mailer Ltd' });
  });

  it('sends no details for an unknown type', () => {
    const entry = toTimelineEntry(auditEvent('case.archived', { reason: 'x' }));

    expect(entry.summary).toBe('case.archived');
    expect(entry.details).toEqual({});
  });
});
