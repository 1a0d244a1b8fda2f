import type { Case, CreateCaseRequest, PatchCaseRequest, Role } from '../lib/api/schemas.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Computes when the customer's confirmation is due: a flat 30 days after
 * receipt for every jurisdiction.
 * NOTE: GDPR's one month can be shorter than 30 days (February), so this is
 * placeholder arithmetic until the per-law rules in lib/cases replace it.
 */
export function computeDueAt(
  caseInput: Pick<CreateCaseRequest, 'receivedAt' | 'jurisdiction'>,
): string {
  return new Date(Date.parse(caseInput.receivedAt) + 30 * DAY_MS).toISOString();
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether `role` may apply `patch` to `current`. Every change between
 * statuses of the enum is allowed for now; this is the single place where
 * the workflow rules will plug in.
 */
export function checkTransition(
  _current: Case,
  _patch: PatchCaseRequest,
  _role: Role,
): TransitionCheck {
  return { ok: true };
}
