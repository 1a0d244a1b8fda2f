import { z } from 'zod';
import {
  caseStatusSchema,
  channelSchema,
  checklistItemStatusSchema,
  checklistKindSchema,
  confirmationSchema,
  crmReferenceSchema,
  e164Schema,
  extensionSchema,
  isoDateTimeSchema,
  jurisdictionSchema,
  legalExceptionSchema,
  processorNotificationSchema,
  rejectionSchema,
  roleSchema,
  scopeSchema,
  verificationRecordSchema,
  type Case,
  type ChecklistItem,
} from './model.ts';
import { isFinalStatus } from './workflow.ts';

// What a closed case keeps. docs/data-retention.md gives the reason for each
// field; change both together.

export const minimisedActionSchema = z.strictObject({
  id: z.string().min(1),
  kind: checklistKindSchema,
  system: z.string().min(1).optional(),
  status: checklistItemStatusSchema,
  by: z.string().min(1).optional(),
  at: isoDateTimeSchema.optional(),
});
export type MinimisedAction = z.infer<typeof minimisedActionSchema>;

export const minimisedCaseSchema = z.strictObject({
  id: z.uuid(),
  receivedAt: isoDateTimeSchema,
  channel: channelSchema,
  scope: scopeSchema,
  jurisdiction: jurisdictionSchema,
  status: caseStatusSchema,
  version: z.int().min(0),
  dueAt: isoDateTimeSchema.optional(),
  minimisedAt: isoDateTimeSchema,
  /** Stay on the DNC list after the case closes, so the case keeps them too. */
  suppressedPhones: z.array(e164Schema),
  /** CRM product and record id, without the URL, to show which record was erased. */
  crm: crmReferenceSchema.omit({ url: true }).optional(),
  statusHistory: z.array(
    z.strictObject({
      from: caseStatusSchema.nullable(),
      to: caseStatusSchema,
      by: z.string().min(1),
      role: roleSchema,
      at: isoDateTimeSchema,
    }),
  ),
  verification: verificationRecordSchema.optional(),
  actions: z.array(minimisedActionSchema),
  processors: z.array(processorNotificationSchema),
  extensions: z.array(extensionSchema),
  confirmation: confirmationSchema.optional(),
  rejection: rejectionSchema.optional(),
  legalException: legalExceptionSchema.optional(),
});
export type MinimisedCase = z.infer<typeof minimisedCaseSchema>;

/**
 * Reduces a closed (confirmed or rejected) case to its audit record. The
 * subject's name, email addresses, CRM URL, free-text notes and per-item notes
 * are dropped. Free text survives only where it is the recorded justification
 * for a decision: extension reason, rejection reason, legal exception.
 * Throws for a case that is still open, because its data is still in use.
 */
export function minimiseCase(current: Case, minimisedAt: string): MinimisedCase {
  if (!isFinalStatus(current.status)) {
    throw new Error(
      `Cannot minimise case ${current.id} while it is ${current.status}: only confirmed and rejected cases are minimised`,
    );
  }

  const minimised: MinimisedCase = {
    id: current.id,
    receivedAt: current.receivedAt,
    channel: current.channel,
    scope: current.scope,
    jurisdiction: current.jurisdiction,
    status: current.status,
    version: current.version,
    minimisedAt,
    suppressedPhones: [...current.subject.phones],
    statusHistory: current.statusHistory.map(({ from, to, by, role, at }) => ({
      from,
      to,
      by,
      role,
      at,
    })),
    actions: current.checklist.map(minimiseAction),
    processors: current.processors.map((processor) => ({ ...processor })),
    extensions: current.extensions.map(({ extendedAt, noticeSentAt, reason }) => ({
      extendedAt,
      noticeSentAt,
      reason,
    })),
  };

  if (current.dueAt) minimised.dueAt = current.dueAt;
  if (current.subject.crm) {
    minimised.crm = { system: current.subject.crm.system, recordId: current.subject.crm.recordId };
  }
  if (current.verification) minimised.verification = { ...current.verification };
  if (current.confirmation) minimised.confirmation = { ...current.confirmation };
  if (current.rejection) minimised.rejection = { ...current.rejection };
  if (current.legalException) minimised.legalException = { ...current.legalException };

  return minimised;
}

function minimiseAction(item: ChecklistItem): MinimisedAction {
  const action: MinimisedAction = { id: item.id, kind: item.kind, status: item.status };
  if (item.system !== undefined) action.system = item.system;
  if (item.by !== undefined) action.by = item.by;
  if (item.at !== undefined) action.at = item.at;
  return action;
}
