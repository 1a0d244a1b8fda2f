import {
  confirmationSchema,
  legalExceptionSchema,
  verificationRecordSchema,
  type Case,
  type CaseStatus,
  type Confirmation,
  type LegalException,
  type Role,
  type VerificationRecord,
} from './model.ts';

// The deletion-case state machine. Every rule lives in the tables below so the
// server, the side panel and the dashboard agree on what may happen next.

export type TransitionErrorCode =
  'forbidden_transition' | 'forbidden_role' | 'incomplete_checklist' | 'missing_field';

export type TransitionCheck =
  { ok: true } | { ok: false; code: TransitionErrorCode; reason: string };

/** Data sent with a status change; each target status needs different fields. */
export interface TransitionPatch {
  verification?: VerificationRecord;
  legalException?: LegalException;
  confirmation?: Confirmation;
  reason?: string;
}

interface TransitionRule {
  from: CaseStatus;
  to: CaseStatus;
  roles: readonly Role[];
  /** Completes "Only a lead or admin can …" when another role tries. */
  action: string;
}

const EVERY_ROLE: readonly Role[] = ['agent', 'lead', 'admin'];
const LEAD_OR_ADMIN: readonly Role[] = ['lead', 'admin'];

/** Every allowed transition. Anything not listed is rejected. */
export const TRANSITION_RULES: readonly TransitionRule[] = [
  { from: 'received', to: 'verified', roles: EVERY_ROLE, action: 'record a passed verification' },
  {
    from: 'received',
    to: 'verification_failed',
    roles: EVERY_ROLE,
    action: 'record a failed verification',
  },
  { from: 'verified', to: 'in_progress', roles: EVERY_ROLE, action: 'start processing a case' },
  {
    from: 'in_progress',
    to: 'actions_done',
    roles: EVERY_ROLE,
    action: 'mark the actions as done',
  },
  {
    from: 'in_progress',
    to: 'legal_review',
    roles: LEAD_OR_ADMIN,
    action: 'send a case to legal review',
  },
  {
    from: 'legal_review',
    to: 'in_progress',
    roles: LEAD_OR_ADMIN,
    action: 'return a case from legal review',
  },
  { from: 'legal_review', to: 'rejected', roles: LEAD_OR_ADMIN, action: 'reject a case' },
  { from: 'verification_failed', to: 'rejected', roles: LEAD_OR_ADMIN, action: 'reject a case' },
  { from: 'actions_done', to: 'confirmed', roles: LEAD_OR_ADMIN, action: 'confirm a case' },
];

/** States with no way out: the case record is only minimised after this. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['confirmed', 'rejected'];

export function isFinalStatus(status: CaseStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

function nextStatuses(from: CaseStatus): CaseStatus[] {
  return TRANSITION_RULES.filter((rule) => rule.from === from).map((rule) => rule.to);
}

function findRule(from: CaseStatus, to: CaseStatus): TransitionRule | undefined {
  return TRANSITION_RULES.find((rule) => rule.from === from && rule.to === to);
}

function fail(code: TransitionErrorCode, reason: string): TransitionCheck {
  return { ok: false, code, reason };
}

/**
 * Returns the status a new case starts in. A verification recorded during
 * capture takes the case past `received` to the status its outcome allows,
 * so the same check is not recorded twice.
 */
export function captureStatus(verification?: Pick<VerificationRecord, 'passed'>): CaseStatus {
  if (!verification) return 'received';
  return verification.passed ? 'verified' : 'verification_failed';
}

/** Returns the states `role` may move the case to, ignoring missing fields. */
export function allowedTransitions(current: Pick<Case, 'status'>, role: Role): CaseStatus[] {
  return TRANSITION_RULES.filter(
    (rule) => rule.from === current.status && rule.roles.includes(role),
  ).map((rule) => rule.to);
}

/**
 * Checks whether `role` may move `current` to `target` with `patch`. The
 * order of checks is fixed: the state graph first, then the role, then the
 * fields the target needs, so the reason names the most basic problem.
 */
export function checkTransition(
  current: Case,
  target: CaseStatus,
  role: Role,
  patch: TransitionPatch,
): TransitionCheck {
  if (isFinalStatus(current.status)) {
    return fail(
      'forbidden_transition',
      `Cannot move from ${current.status} to ${target}: ${current.status} cases are final`,
    );
  }

  const rule = findRule(current.status, target);
  if (!rule) {
    const allowed = nextStatuses(current.status).join(', ');
    return fail(
      'forbidden_transition',
      `Cannot move from ${current.status} to ${target}: allowed next states are ${allowed}`,
    );
  }

  if (!rule.roles.includes(role)) {
    return fail('forbidden_role', `Only a lead or admin can ${rule.action}`);
  }

  return checkRequiredFields(current, target, patch);
}

function checkRequiredFields(
  current: Case,
  target: CaseStatus,
  patch: TransitionPatch,
): TransitionCheck {
  switch (target) {
    case 'verified':
    case 'verification_failed':
      return checkVerification(target, patch.verification);
    case 'actions_done':
      return checkChecklistComplete(current);
    case 'confirmed':
      return confirmationSchema.safeParse(patch.confirmation).success
        ? { ok: true }
        : fail(
            'missing_field',
            'Confirming a case needs the confirmation sent to the customer: sentAt and channel',
          );
    case 'rejected':
      return checkRejection(current, patch);
    default:
      return { ok: true };
  }
}

function checkVerification(
  target: 'verified' | 'verification_failed',
  verification: VerificationRecord | undefined,
): TransitionCheck {
  const parsed = verificationRecordSchema.safeParse(verification);
  if (!parsed.success) {
    return fail(
      'missing_field',
      `Moving to ${target} needs a verification record: method, passed, by and at`,
    );
  }

  const expectedPass = target === 'verified';
  if (parsed.data.passed !== expectedPass) {
    const outcome = parsed.data.passed ? 'passed' : 'failed';
    const other = expectedPass ? 'verification_failed' : 'verified';
    return fail(
      'missing_field',
      `The verification record says the check ${outcome}: move the case to ${other} instead`,
    );
  }

  return { ok: true };
}

/** Lists the checklist items that still block `actions_done`. */
export function openChecklistItems(current: Pick<Case, 'checklist'>): Case['checklist'] {
  return current.checklist.filter((item) => item.status === 'open');
}

function checkChecklistComplete(current: Case): TransitionCheck {
  if (current.checklist.length === 0) {
    return fail(
      'incomplete_checklist',
      'The case has no checklist: build the default checklist before marking actions done',
    );
  }

  const open = openChecklistItems(current);
  if (open.length > 0) {
    const names = open.map((item) => item.label ?? item.id).join('; ');
    return fail(
      'incomplete_checklist',
      `${open.length} checklist item(s) still open: ${names}. Mark each done or not_applicable`,
    );
  }

  return { ok: true };
}

function checkRejection(current: Case, patch: TransitionPatch): TransitionCheck {
  if (!patch.reason || patch.reason.trim() === '') {
    return fail('missing_field', 'Rejecting a case needs a reason');
  }

  if (current.status === 'legal_review') {
    const exception = patch.legalException ?? current.legalException;
    if (!legalExceptionSchema.safeParse(exception).success) {
      return fail(
        'missing_field',
        'Rejecting after legal review needs a legal exception: basis, dataKept, why, reviewer and at',
      );
    }
  }

  return { ok: true };
}

export type ApplyTransitionResult =
  { ok: true; case: Case } | { ok: false; code: TransitionErrorCode; reason: string };

/**
 * Checks and applies a status change, returning a new case with the history
 * entry appended and the version increased. `current` is not modified.
 */
export function applyTransition(
  current: Case,
  target: CaseStatus,
  actor: { id: string; role: Role },
  patch: TransitionPatch,
  at: string,
): ApplyTransitionResult {
  const check = checkTransition(current, target, actor.role, patch);
  if (!check.ok) return check;

  const next: Case = {
    ...current,
    status: target,
    version: current.version + 1,
    updatedAt: at,
    statusHistory: [
      ...current.statusHistory,
      {
        from: current.status,
        to: target,
        by: actor.id,
        role: actor.role,
        at,
        ...(patch.reason ? { reason: patch.reason } : {}),
      },
    ],
  };

  if (patch.verification && (target === 'verified' || target === 'verification_failed')) {
    next.verification = patch.verification;
  }
  const touchesLegalReview = current.status === 'legal_review' || target === 'legal_review';
  if (patch.legalException && touchesLegalReview) next.legalException = patch.legalException;
  if (target === 'confirmed' && patch.confirmation) next.confirmation = patch.confirmation;
  if (target === 'rejected' && patch.reason) {
    next.rejection = { reason: patch.reason, by: actor.id, at };
  }

  return { ok: true, case: next };
}

/** The only suppression outcome a case can have. */
export const SUPPRESSION_OUTCOME = 'keep_suppressed' as const;
export type SuppressionOutcome = typeof SUPPRESSION_OUTCOME;

/**
 * Returns what happens to the case's numbers on the DNC list: they stay
 * suppressed in every status, including `rejected` after legal review. A legal
 * exception can justify keeping data, but an objection to direct marketing has
 * no exception, so no case outcome ever removes a number from the list. The
 * parameter exists so callers write the question they mean to ask.
 */
export function suppressionOutcome(_status: CaseStatus): SuppressionOutcome {
  return SUPPRESSION_OUTCOME;
}
