import { expect } from 'vitest';
import { ApiError, Case, type CaseStatus, type Role } from '../../lib/api/schemas.ts';
import { newCaseBody, type ApiResponse, type TestServer } from './helpers.ts';

// Shared steps for the deletion-case HTTP tests: create a case and drive it
// through the workflow with real requests.

export const PASSED = { method: 'email_on_file', passed: true, at: '2025-03-01T09:40:00Z' };
export const FAILED = { method: 'phone_digits', passed: false, at: '2025-03-01T09:40:00Z' };
export const CONFIRMATION = { sentAt: '2025-03-10T12:00:00Z', channel: 'email' };
export const LEGAL_EXCEPTION = {
  basis: 'legal_obligation',
  dataKept: 'Invoices 2023-2024 in the billing system',
  why: 'Tax law requires keeping invoices for ten years',
};

export async function createCase(
  t: TestServer,
  overrides: Record<string, unknown> = {},
  token: Role = 'agent',
): Promise<Case> {
  const res = await t.api('/v1/cases', { method: 'POST', body: newCaseBody(overrides), token });
  expect(res.status, res.text).toBe(201);
  return Case.parse(res.json);
}

export function patchCase(
  t: TestServer,
  current: Pick<Case, 'id' | 'version'>,
  body: Record<string, unknown>,
  token: Role = 'agent',
): Promise<ApiResponse> {
  return t.api(`/v1/cases/${current.id}`, {
    method: 'PATCH',
    body: { version: current.version, ...body },
    token,
  });
}

/** Sends a PATCH that must succeed and returns the updated case. */
export async function patchOk(
  t: TestServer,
  current: Pick<Case, 'id' | 'version'>,
  body: Record<string, unknown>,
  token: Role = 'agent',
): Promise<Case> {
  const res = await patchCase(t, current, body, token);
  expect(res.status, res.text).toBe(200);
  return Case.parse(res.json);
}

/** Sends a PATCH that must be rejected with 409 and returns the error code and message. */
export async function patchRejected(
  t: TestServer,
  current: Pick<Case, 'id' | 'version'>,
  body: Record<string, unknown>,
  token: Role = 'agent',
): Promise<{ code: string; message: string }> {
  const res = await patchCase(t, current, body, token);
  expect(res.status, res.text).toBe(409);
  return ApiError.parse(res.json).error;
}

export async function getCase(t: TestServer, id: string, token: Role = 'agent'): Promise<Case> {
  const res = await t.api(`/v1/cases/${id}`, { token });
  expect(res.status, res.text).toBe(200);
  return Case.parse(res.json);
}

/** Ticks every open checklist item done in one PATCH. */
export function tickAll(t: TestServer, current: Case): Promise<Case> {
  const checklist = current.checklist
    .filter((item) => item.status === 'open')
    .map((item) => ({ itemId: item.id, status: 'done' }));
  return patchOk(t, current, { checklist });
}

/**
 * Creates a case and moves it to `status` along the shortest allowed path. A
 * case in `in_progress` has every checklist item done, so `actions_done` is
 * one step away.
 */
export async function caseIn(
  t: TestServer,
  status: CaseStatus,
  overrides: Record<string, unknown> = {},
): Promise<Case> {
  if (status === 'rejected') {
    const failed = await caseIn(t, 'verification_failed', overrides);
    return patchOk(t, failed, { status: 'rejected', rejection: { reason: 'No match' } }, 'lead');
  }
  const received = await createCase(t, overrides);
  switch (status) {
    case 'received':
      return received;
    case 'verified':
      return patchOk(t, received, { status: 'verified', verification: PASSED });
    case 'verification_failed':
      return patchOk(t, received, { status: 'verification_failed', verification: FAILED });
    default:
      break;
  }

  const verified = await patchOk(t, received, { status: 'verified', verification: PASSED });
  const started = await patchOk(t, verified, { status: 'in_progress' });
  const ticked = await tickAll(t, started);
  switch (status) {
    case 'in_progress':
      return ticked;
    case 'legal_review':
      return patchOk(t, ticked, { status: 'legal_review' }, 'lead');
    case 'actions_done':
      return patchOk(t, ticked, { status: 'actions_done' });
    case 'confirmed': {
      const done = await patchOk(t, ticked, { status: 'actions_done' });
      return patchOk(t, done, { status: 'confirmed', confirmation: CONFIRMATION }, 'lead');
    }
    default:
      throw new Error(`caseIn cannot reach ${status}`);
  }
}
