import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  ROLES,
  type CaseStatus,
  type Role,
  type LegalException,
} from '../../lib/cases/model.ts';
import {
  allowedTransitions,
  applyTransition,
  captureStatus,
  checkTransition,
  suppressionOutcome,
  type TransitionPatch,
} from '../../lib/cases/workflow.ts';
import { AT, makeCase, outcomeOf, reasonOf, withChecklistClosed } from './cases-fixtures.ts';

// Written out independently of TRANSITION_RULES, so a change to the rules
// table has to be made here as well.
const ALLOWED: Record<string, readonly Role[]> = {
  'received>verified': ['agent', 'lead', 'admin'],
  'received>verification_failed': ['agent', 'lead', 'admin'],
  'verified>in_progress': ['agent', 'lead', 'admin'],
  'in_progress>actions_done': ['agent', 'lead', 'admin'],
  'in_progress>legal_review': ['lead', 'admin'],
  'legal_review>in_progress': ['lead', 'admin'],
  'legal_review>rejected': ['lead', 'admin'],
  'verification_failed>rejected': ['lead', 'admin'],
  'actions_done>confirmed': ['lead', 'admin'],
};

const LEGAL_EXCEPTION: LegalException = {
  basis: 'legal_obligation',
  dataKept: 'Invoices 2023-2024 in the billing system',
  why: 'Tax law requires keeping invoices for ten years',
  reviewer: 'counsel-2',
  at: AT,
};

/** Builds a patch with every field any target status can need. */
function completePatch(target: CaseStatus): TransitionPatch {
  return {
    verification: {
      method: 'email_on_file',
      passed: target !== 'verification_failed',
      by: 'agent-7',
      at: AT,
    },
    legalException: LEGAL_EXCEPTION,
    confirmation: { sentAt: AT, channel: 'email' },
    reason: 'Reviewed by counsel',
  };
}

type Expected = 'ok' | 'forbidden_transition' | 'forbidden_role';

const table: [CaseStatus, CaseStatus, Role, Expected][] = [];
for (const from of CASE_STATUSES) {
  for (const to of CASE_STATUSES) {
    for (const role of ROLES) {
      const roles = ALLOWED[`${from}>${to}`];
      const expected: Expected = !roles
        ? 'forbidden_transition'
        : roles.includes(role)
          ? 'ok'
          : 'forbidden_role';
      table.push([from, to, role, expected]);
    }
  }
}

describe('checkTransition table', () => {
  it('covers every from, to and role combination', () => {
    expect(table).toHaveLength(CASE_STATUSES.length * CASE_STATUSES.length * ROLES.length);
  });

  it.each(table)('%s -> %s as %s: %s', (from, to, role, expected) => {
    const current = withChecklistClosed(makeCase(from));
    const result = checkTransition(current, to, role, completePatch(to));

    expect(outcomeOf(result)).toBe(expected);
  });
});

describe('checkTransition reasons', () => {
  it('lists the allowed next states', () => {
    const result = checkTransition(makeCase('received'), 'confirmed', 'admin', {});
    expect(result).toEqual({
      ok: false,
      code: 'forbidden_transition',
      reason:
        'Cannot move from received to confirmed: allowed next states are verified, verification_failed',
    });
  });

  it('names the roles that may confirm', () => {
    const current = makeCase('actions_done');
    const result = checkTransition(current, 'confirmed', 'agent', completePatch('confirmed'));
    expect(result).toEqual({
      ok: false,
      code: 'forbidden_role',
      reason: 'Only a lead or admin can confirm a case',
    });
  });

  it.each(['confirmed', 'rejected'] as const)('treats %s as final', (status) => {
    const result = checkTransition(makeCase(status), 'in_progress', 'admin', {});
    expect(reasonOf(result)).toBe(
      `Cannot move from ${status} to in_progress: ${status} cases are final`,
    );
  });
});

describe('checklist completion gate', () => {
  it('blocks actions_done while items are open', () => {
    const result = checkTransition(makeCase('in_progress'), 'actions_done', 'agent', {});
    expect(outcomeOf(result)).toBe('incomplete_checklist');
    expect(reasonOf(result)).toMatch(/^10 checklist item\(s\) still open: /);
  });

  it('blocks actions_done when one item is open', () => {
    const closed = withChecklistClosed(makeCase('in_progress'));
    const current = {
      ...closed,
      checklist: closed.checklist.map((item) =>
        item.id === 'backup_guard'
          ? { id: item.id, kind: item.kind, status: 'open' as const }
          : item,
      ),
    };
    const result = checkTransition(current, 'actions_done', 'lead', {});
    expect(result).toEqual({
      ok: false,
      code: 'incomplete_checklist',
      reason: '1 checklist item(s) still open: backup_guard. Mark each done or not_applicable',
    });
  });

  it('blocks actions_done with an empty checklist', () => {
    const current = makeCase('in_progress', { checklist: [] });
    const result = checkTransition(current, 'actions_done', 'agent', {});
    expect(outcomeOf(result)).toBe('incomplete_checklist');
  });

  it('accepts done and not_applicable items', () => {
    const current = withChecklistClosed(makeCase('in_progress'));
    expect(checkTransition(current, 'actions_done', 'agent', {})).toEqual({ ok: true });
  });
});

describe('required fields', () => {
  it('needs a verification record to verify', () => {
    const result = checkTransition(makeCase('received'), 'verified', 'agent', {});
    expect(outcomeOf(result)).toBe('missing_field');
  });

  it('rejects a failed check as verified', () => {
    const patch = completePatch('verification_failed');
    const result = checkTransition(makeCase('received'), 'verified', 'agent', patch);
    expect(result).toEqual({
      ok: false,
      code: 'missing_field',
      reason:
        'The verification record says the check failed: move the case to verification_failed instead',
    });
  });

  it('rejects a passed check as verification_failed', () => {
    const patch = completePatch('verified');
    const result = checkTransition(makeCase('received'), 'verification_failed', 'agent', patch);
    expect(outcomeOf(result)).toBe('missing_field');
  });

  it('needs confirmation sentAt and channel', () => {
    const current = makeCase('actions_done');
    const noChannel = { confirmation: { sentAt: AT } } as unknown as TransitionPatch;
    expect(checkTransition(current, 'confirmed', 'lead', {}).ok).toBe(false);
    expect(checkTransition(current, 'confirmed', 'lead', noChannel).ok).toBe(false);
  });

  it('needs a reason to reject', () => {
    const current = makeCase('verification_failed');
    const result = checkTransition(current, 'rejected', 'lead', {});
    expect(result).toEqual({
      ok: false,
      code: 'missing_field',
      reason: 'Rejecting a case needs a reason',
    });
  });

  it('rejects after failed verification without exception', () => {
    const current = makeCase('verification_failed');
    const result = checkTransition(current, 'rejected', 'lead', { reason: 'Could not verify' });
    expect(result).toEqual({ ok: true });
  });

  it('needs a legal exception to reject after review', () => {
    const current = makeCase('legal_review');
    const result = checkTransition(current, 'rejected', 'lead', { reason: 'Tax records' });
    expect(outcomeOf(result)).toBe('missing_field');
  });

  it('accepts a legal exception already on the case', () => {
    const current = makeCase('legal_review', { legalException: LEGAL_EXCEPTION });
    const result = checkTransition(current, 'rejected', 'lead', { reason: 'Tax records' });
    expect(result).toEqual({ ok: true });
  });
});

describe('allowedTransitions', () => {
  it.each([
    ['received', 'agent', ['verified', 'verification_failed']],
    ['in_progress', 'agent', ['actions_done']],
    ['in_progress', 'lead', ['actions_done', 'legal_review']],
    ['legal_review', 'agent', []],
    ['legal_review', 'admin', ['in_progress', 'rejected']],
    ['actions_done', 'lead', ['confirmed']],
    ['confirmed', 'admin', []],
  ] as const)('from %s as %s', (status, role, expected) => {
    expect(allowedTransitions({ status }, role)).toEqual(expected);
  });
});

describe('applyTransition', () => {
  it('appends history and bumps the version', () => {
    const current = makeCase('received');
    const result = applyTransition(
      current,
      'verified',
      { id: 'agent-7', role: 'agent' },
      completePatch('verified'),
      '2025-03-11T08:00:00Z',
    );

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.case.status).toBe('verified');
    expect(result.case.version).toBe(current.version + 1);
    expect(result.case.verification?.passed).toBe(true);
    expect(result.case.legalException).toBeUndefined();
    expect(result.case.statusHistory.at(-1)).toEqual({
      from: 'received',
      to: 'verified',
      by: 'agent-7',
      role: 'agent',
      at: '2025-03-11T08:00:00Z',
      reason: 'Reviewed by counsel',
    });
    expect(current.status).toBe('received');
  });

  it('records the rejection', () => {
    const current = makeCase('legal_review');
    const result = applyTransition(
      current,
      'rejected',
      { id: 'lead-1', role: 'lead' },
      { reason: 'Invoices must be kept', legalException: LEGAL_EXCEPTION },
      AT,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.case.rejection).toEqual({
      reason: 'Invoices must be kept',
      by: 'lead-1',
      at: AT,
    });
    expect(result.case.legalException).toEqual(LEGAL_EXCEPTION);
  });

  it('returns the check failure unchanged', () => {
    const result = applyTransition(
      makeCase('received'),
      'confirmed',
      { id: 'a', role: 'admin' },
      {},
      AT,
    );
    expect(outcomeOf(result)).toBe('forbidden_transition');
  });
});

describe('captureStatus', () => {
  it.each([
    [undefined, 'received'],
    [{ passed: true }, 'verified'],
    [{ passed: false }, 'verification_failed'],
  ] as const)('starts a capture with %o as %s', (verification, expected) => {
    expect(captureStatus(verification)).toBe(expected);
  });

  it.each([true, false])('starts in a state reachable from received (passed: %s)', (passed) => {
    const target = captureStatus({ passed });

    expect(allowedTransitions({ status: 'received' }, 'agent')).toContain(target);
  });
});

describe('suppressionOutcome', () => {
  it.each(CASE_STATUSES)('keeps the number suppressed when %s', (status) => {
    expect(suppressionOutcome(status)).toBe('keep_suppressed');
  });
});
