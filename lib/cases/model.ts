import { z } from 'zod';
import { E164_PATTERN } from '../phone/normalize.ts';
import { isKnownTimeZone } from './calendar.ts';

// Schemas for deletion cases, shared by the extension, the server and tests.
// Objects that carry staff input are strict, so a field the model does not
// know (above all a customer's verification answer) is rejected, not stored.

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** An IANA time-zone name that this runtime supports, such as "Europe/Berlin". */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Berlin or UTC');

export const e164Schema = z
  .string()
  .regex(E164_PATTERN, { message: 'Expected an E.164 phone number such as +8613812345678' });

export const CHANNELS = [
  'phone_call',
  'email',
  'web_form',
  'social_message',
  'in_person',
  'letter',
  'other',
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const SCOPES = ['phone_only', 'all_personal_data'] as const;
export const scopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof scopeSchema>;

export const JURISDICTIONS = [
  'eu_gdpr',
  'uk_gdpr',
  'us_ccpa_cpra',
  'us_telemarketing',
  'canada',
  'china_pipl',
  'brazil_lgpd',
  'india_dpdp',
  'bangladesh',
  'other',
] as const;
export const jurisdictionSchema = z.enum(JURISDICTIONS);
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const CASE_STATUSES = [
  'received',
  'verified',
  'verification_failed',
  'in_progress',
  'legal_review',
  'actions_done',
  'confirmed',
  'rejected',
] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const ROLES = ['agent', 'lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const VERIFICATION_METHODS = [
  'email_on_file',
  'phone_digits',
  'security_question',
  'authenticated_channel',
] as const;
export const verificationMethodSchema = z.enum(VERIFICATION_METHODS);
export type VerificationMethod = z.infer<typeof verificationMethodSchema>;

/** Outcome of an identity check. The customer's answer has no field here by design. */
export const verificationRecordSchema = z.strictObject({
  method: verificationMethodSchema,
  passed: z.boolean(),
  by: z.string().min(1),
  at: isoDateTimeSchema,
});
export type VerificationRecord = z.infer<typeof verificationRecordSchema>;

export const LEGAL_BASES = [
  'legal_obligation',
  'freedom_of_expression',
  'public_interest',
  'legal_claims',
] as const;
export const legalBasisSchema = z.enum(LEGAL_BASES);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** A reviewed reason to keep some data despite the request. */
export const legalExceptionSchema = z.strictObject({
  basis: legalBasisSchema,
  /** Description of the data kept, e.g. "invoices 2023-2024 in the billing system". */
  dataKept: z.string().trim().min(1).max(1000),
  why: z.string().trim().min(1).max(2000),
  reviewer: z.string().min(1),
  at: isoDateTimeSchema,
});
export type LegalException = z.infer<typeof legalExceptionSchema>;

export const CHECKLIST_KINDS = [
  'internal_dnc',
  'crm_dnc_flag',
  'marketing_lists',
  'dial_queues',
  'campaigns',
  'erase_crm',
  'erase_call_center',
  'erase_email_platform',
  'backup_guard',
  'processor_notified',
] as const;
export const checklistKindSchema = z.enum(CHECKLIST_KINDS);
export type ChecklistKind = z.infer<typeof checklistKindSchema>;

export const CHECKLIST_ITEM_STATUSES = ['open', 'done', 'not_applicable'] as const;
export const checklistItemStatusSchema = z.enum(CHECKLIST_ITEM_STATUSES);
export type ChecklistItemStatus = z.infer<typeof checklistItemStatusSchema>;

/** One action of the deletion workflow; `by` and `at` record who closed it and when. */
export const checklistItemSchema = z
  .strictObject({
    id: z.string().min(1),
    kind: checklistKindSchema,
    /** The system the action happens in: CRM product, dialer, email platform or processor name. */
    system: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    status: checklistItemStatusSchema,
    by: z.string().min(1).optional(),
    at: isoDateTimeSchema.optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((item) => item.status === 'open' || (item.by !== undefined && item.at !== undefined), {
    message: 'A done or not_applicable checklist item needs "by" and "at"',
  });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** A third party that received the data and must be asked to delete it too. */
export const processorNotificationSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  notifiedAt: isoDateTimeSchema.optional(),
  confirmedAt: isoDateTimeSchema.optional(),
});
export type ProcessorNotification = z.infer<typeof processorNotificationSchema>;

/** The confirmation sent to the customer that closes the case. */
export const confirmationSchema = z.strictObject({
  sentAt: isoDateTimeSchema,
  channel: channelSchema,
});
export type Confirmation = z.infer<typeof confirmationSchema>;

/** A deadline extension; it only counts if the customer was notified (`noticeSentAt`). */
export const extensionSchema = z.strictObject({
  extendedAt: isoDateTimeSchema,
  noticeSentAt: isoDateTimeSchema,
  reason: z.string().trim().min(1).max(2000),
});
export type Extension = z.infer<typeof extensionSchema>;

export const crmReferenceSchema = z.strictObject({
  system: z.string().trim().min(1).max(100),
  recordId: z.string().trim().min(1).max(200),
  url: z.url().optional(),
});
export type CrmReference = z.infer<typeof crmReferenceSchema>;

/** The person who made the request, as read from the record on screen. */
export const subjectSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phones: z.array(e164Schema).min(1).max(20),
  emails: z.array(z.email()).max(20),
  crm: crmReferenceSchema.optional(),
});
export type Subject = z.infer<typeof subjectSchema>;

/**
 * Body of `POST /v1/cases`. The client makes the id, so a retried request
 * creates the case once.
 */
export const caseCaptureSchema = z.strictObject({
  id: z.uuid(),
  receivedAt: isoDateTimeSchema,
  channel: channelSchema,
  scope: scopeSchema,
  jurisdiction: jurisdictionSchema,
  subject: subjectSchema,
  notes: z.string().max(4000).optional(),
  /** Zone of the agent's clock, whose calendar counts the deadline days. The server assumes UTC without it. */
  timeZone: timeZoneSchema.optional(),
});
export type CaseCapture = z.infer<typeof caseCaptureSchema>;

const CASE_REASON_PREFIX = 'Deletion request ';

/**
 * Returns the reason stored with the numbers a deletion case puts on the
 * list. The case id in it ties each entry to its case, for people reading the
 * list and for the server counting which numbers the case added.
 */
export function caseReason(caseId: string): string {
  return `${CASE_REASON_PREFIX}${caseId}`;
}

/**
 * Returns true when `reason` is the one `caseReason` gives for `caseId`. It
 * ignores letter case, because the server wrote the reason in lower case
 * before it used `caseReason`.
 */
export function isCaseReason(reason: string, caseId: string): boolean {
  return reason.toLowerCase() === caseReason(caseId).toLowerCase();
}

/** Returns true when `reason` is one that `caseReason` gives, for any case. */
export function isAnyCaseReason(reason: string): boolean {
  return reason.toLowerCase().startsWith(CASE_REASON_PREFIX.toLowerCase());
}

/** One step of the status history; `from` is null for the creation entry. */
export const statusChangeSchema = z.strictObject({
  from: caseStatusSchema.nullable(),
  to: caseStatusSchema,
  by: z.string().min(1),
  role: roleSchema,
  at: isoDateTimeSchema,
  reason: z.string().max(2000).optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const rejectionSchema = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  by: z.string().min(1),
  at: isoDateTimeSchema,
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const caseSchema = caseCaptureSchema.extend({
  status: caseStatusSchema,
  /** Optimistic-locking counter; a PATCH must send the version it read. */
  version: z.int().min(0),
  updatedAt: isoDateTimeSchema,
  dueAt: isoDateTimeSchema.optional(),
  statusHistory: z.array(statusChangeSchema),
  verification: verificationRecordSchema.optional(),
  legalException: legalExceptionSchema.optional(),
  checklist: z.array(checklistItemSchema),
  processors: z.array(processorNotificationSchema),
  extensions: z.array(extensionSchema),
  confirmation: confirmationSchema.optional(),
  rejection: rejectionSchema.optional(),
});
export type Case = z.infer<typeof caseSchema>;
