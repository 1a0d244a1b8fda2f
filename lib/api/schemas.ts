import { z } from 'zod';
import {
  CASE_STATUSES,
  CHANNELS,
  CHECKLIST_ITEM_STATUSES,
  CHECKLIST_KINDS,
  JURISDICTIONS,
  LEGAL_BASES,
  SCOPES,
  VERIFICATION_METHODS,
  timeZoneSchema,
} from '../cases/model.ts';
import { FINAL_STATUSES } from '../cases/workflow.ts';

// Request and response bodies of the central API (v1). The server validates
// requests with these, the extension's sync engine validates responses with
// them, and the OpenAPI document is generated from them, so a field changes
// in one place only. Pure: no Node or browser API.

const E164_REGEX = /^\+[1-9]\d{6,14}$/;

/** Named schemas that become `components.schemas` of the OpenAPI document. */
export const apiRegistry = z.registry<{ id: string }>();

/** Upper bounds on list sizes per request; the server enforces them through these schemas. */
export const API_LIMITS = {
  feedDefaultLimit: 5_000,
  feedMaxLimit: 50_000,
  addMaxEntries: 10_000,
  checkMaxPhones: 1_000,
  eventsMaxPerRequest: 1_000,
  casesDefaultLimit: 100,
  casesMaxLimit: 1_000,
  auditDefaultLimit: 10_000,
  auditMaxLimit: 100_000,
  /** Maximum request body in bytes; larger bodies get 413. */
  maxBodyBytes: 5 * 1024 * 1024,
} as const;

export const E164 = z.string().regex(E164_REGEX, 'must be an E.164 number such as +447700900123');
export const Timestamp = z.iso.datetime({ offset: true });
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as GB');
const ShortText = z.string().trim().min(1).max(500);

export const Role = z.enum(['agent', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

// ---------------------------------------------------------------- errors

export const ErrorCode = z.enum([
  'invalid_json',
  'invalid_body',
  'invalid_query',
  'invalid_path',
  'unauthorized',
  'forbidden',
  'not_found',
  /** No route at that path: the client's API URL is wrong (it ends in /v1, or points at another server). */
  'unknown_route',
  'version_conflict',
  'id_conflict',
  'payload_too_large',
  'rate_limited',
  'forbidden_transition',
  'forbidden_role',
  'incomplete_checklist',
  'missing_field',
  'case_final',
  'wrong_status',
  'unknown_item',
  /** The number to take off the list belongs to a deletion case that the request does not name. */
  'number_in_case',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      /** Invalid fields of the body or query, by dotted path. */
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      /** The case as stored now, sent with a version conflict so the client can merge. */
      current: z.lazy(() => Case).optional(),
      /** Deletion cases that list the number, sent with `number_in_case`. */
      cases: z.array(z.object({ id: z.uuid(), status: z.enum(CASE_STATUSES) })).optional(),
    }),
  })
  .register(apiRegistry, { id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;

export const Health = z
  .object({ status: z.literal('ok'), version: z.literal('v1'), time: Timestamp })
  .register(apiRegistry, { id: 'Health' });
export type Health = z.infer<typeof Health>;

/** The calling token's name and role, as the server stores them. */
export const Me = z.object({ name: z.string(), role: Role }).register(apiRegistry, { id: 'Me' });
export type Me = z.infer<typeof Me>;

// ---------------------------------------------------------------- suppressions

export const FeedQuery = z.object({
  /** Opaque cursor from a previous page; empty or absent starts from the beginning. */
  since: z.string().max(32).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(API_LIMITS.feedMaxLimit)
    .default(API_LIMITS.feedDefaultLimit),
});
export type FeedQuery = z.infer<typeof FeedQuery>;

export const ChangeOp = z.enum(['add', 'remove']);

export const SuppressionChange = z
  .object({
    seq: z.number().int().positive(),
    op: ChangeOp,
    e164: E164,
    /** For an add, why the number is on the list; for a remove, why it was taken off. */
    reason: z.string(),
    source: z.string(),
    /** When this change was committed (for an add, when the number was put on the list). */
    addedAt: Timestamp,
  })
  .register(apiRegistry, { id: 'SuppressionChange' });
export type SuppressionChange = z.infer<typeof SuppressionChange>;

export const FeedPage = z
  .object({
    changes: z.array(SuppressionChange),
    /** Pass as `since` to get the next page; equal to the request cursor when nothing is new. */
    nextCursor: z.string(),
    hasMore: z.boolean(),
  })
  .register(apiRegistry, { id: 'FeedPage' });
export type FeedPage = z.infer<typeof FeedPage>;

export const AddSuppressionsRequest = z
  .object({
    /** Country used to read numbers written in national format, unless an entry names its own. */
    defaultCountry: CountryCode.optional(),
    entries: z
      .array(
        z.object({
          phone: z.string().min(1).max(64),
          reason: ShortText,
          source: z.string().trim().min(1).max(100).optional(),
          country: CountryCode.optional(),
        }),
      )
      .min(1)
      .max(API_LIMITS.addMaxEntries),
  })
  .register(apiRegistry, { id: 'AddSuppressionsRequest' });
export type AddSuppressionsRequest = z.infer<typeof AddSuppressionsRequest>;

export const RejectedEntry = z.object({
  index: z.number().int().nonnegative(),
  phone: z.string(),
  error: z.string(),
});

export const AddSuppressionsResponse = z
  .object({
    added: z.number().int().nonnegative(),
    alreadyPresent: z.number().int().nonnegative(),
    rejected: z.array(RejectedEntry),
  })
  .register(apiRegistry, { id: 'AddSuppressionsResponse' });
export type AddSuppressionsResponse = z.infer<typeof AddSuppressionsResponse>;

export const RemoveSuppressionRequest = z
  .object({
    reason: ShortText,
    /**
     * Every deletion case that lists the number, named to confirm that it is
     * taken off the list anyway (a number a case got by mistake). Rejected
     * cases need not be named.
     */
    cases: z.array(z.uuid()).max(100).optional(),
  })
  .register(apiRegistry, { id: 'RemoveSuppressionRequest' });
export type RemoveSuppressionRequest = z.infer<typeof RemoveSuppressionRequest>;

export const RemoveSuppressionResponse = z
  .object({ removed: z.literal(true), e164: E164, seq: z.number().int().positive() })
  .register(apiRegistry, { id: 'RemoveSuppressionResponse' });
export type RemoveSuppressionResponse = z.infer<typeof RemoveSuppressionResponse>;

export const CheckRequest = z
  .object({
    defaultCountry: CountryCode.optional(),
    phones: z.array(z.string().max(64)).min(1).max(API_LIMITS.checkMaxPhones),
  })
  .register(apiRegistry, { id: 'CheckRequest' });
export type CheckRequest = z.infer<typeof CheckRequest>;

export const CheckStatus = z.enum(['suppressed', 'allowed', 'invalid']);

export const CheckResult = z.object({
  phone: z.string(),
  e164: E164.nullable(),
  status: CheckStatus,
  reason: z.string().optional(),
  source: z.string().optional(),
  addedAt: Timestamp.optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const CheckResponse = z
  .object({ results: z.array(CheckResult) })
  .register(apiRegistry, { id: 'CheckResponse' });
export type CheckResponse = z.infer<typeof CheckResponse>;

// ---------------------------------------------------------------- cases

export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** States after which a case needs no more work and can no longer be overdue. */
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = FINAL_STATUSES;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

/** The data-protection law whose deadline applies to the request. */
export const Jurisdiction = z.enum(JURISDICTIONS);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

const PersonName = z.string().trim().min(1).max(200);

export const CaseSubject = z.object({
  name: z.string().trim().max(200),
  phones: z.array(E164).min(1).max(20),
  emails: z.array(z.email()).max(20).default([]),
  /** Absent when the page showed no record id; the case is then found by its phones. */
  crm: z
    .object({
      system: z.string().trim().min(1).max(100),
      recordId: z.string().trim().min(1).max(200),
      url: z.url().max(2048).optional(),
    })
    .optional(),
});
export type CaseSubject = z.infer<typeof CaseSubject>;

/** An IANA time-zone name that this runtime supports, such as "Europe/Berlin". */
export const TimeZone = timeZoneSchema;

/**
 * Outcome of an identity check as the client sends it. Strict, so a body that
 * carries the customer's answer is rejected instead of stored. `by` defaults
 * to the name of the token that sends it.
 */
export const VerificationInput = z.strictObject({
  method: z.enum(VERIFICATION_METHODS),
  passed: z.boolean(),
  by: PersonName.optional(),
  at: Timestamp,
});
export type VerificationInput = z.infer<typeof VerificationInput>;

/** Names of the systems the default checklist items point at. */
export const ChecklistSystemsInput = z.strictObject({
  /** Defaults to `subject.crm.system`. */
  crm: z.string().trim().min(1).max(100).optional(),
  callCenter: z.string().trim().min(1).max(100).optional(),
  emailPlatform: z.string().trim().min(1).max(100).optional(),
});

export const CreateCaseRequest = z
  .object({
    id: z.uuid(),
    receivedAt: Timestamp,
    channel: Channel,
    scope: Scope,
    jurisdiction: Jurisdiction,
    subject: CaseSubject,
    notes: z.string().max(10_000).default(''),
    /** Zone whose calendar counts the deadline days; default UTC. */
    timeZone: TimeZone.optional(),
    /** A check made while capturing; the case still starts in `received`. */
    verification: VerificationInput.optional(),
    /** Third parties that received the data; each gets a checklist item. */
    processors: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    systems: ChecklistSystemsInput.optional(),
  })
  .register(apiRegistry, { id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

/** A reviewed reason to keep some data; `reviewer` defaults to the token name, `at` to now. */
export const LegalExceptionInput = z.strictObject({
  basis: z.enum(LEGAL_BASES),
  /** The data kept and where, e.g. "invoices 2023-2024 in the billing system". */
  dataKept: z.string().trim().min(1).max(1000),
  why: z.string().trim().min(1).max(2000),
  reviewer: PersonName.optional(),
  at: Timestamp.optional(),
});
export type LegalExceptionInput = z.infer<typeof LegalExceptionInput>;

export const ChecklistTick = z.strictObject({
  itemId: z.string().min(1).max(300),
  status: z.enum(CHECKLIST_ITEM_STATUSES),
  /** Required for `not_applicable`: why the action does not apply. */
  note: z.string().max(2000).optional(),
});
export type ChecklistTick = z.infer<typeof ChecklistTick>;

/** Lengths of the free text a case takes; the side panel limits its fields to them. */
export const CASE_TEXT_LIMITS = {
  notes: 10_000,
  processorName: 200,
  extensionReason: 2000,
} as const;

export const ProcessorInput = z.strictObject({
  name: z.string().trim().min(1).max(CASE_TEXT_LIMITS.processorName),
  notifiedAt: Timestamp.optional(),
  confirmedAt: Timestamp.optional(),
});
export type ProcessorInput = z.infer<typeof ProcessorInput>;

export const ConfirmationInput = z.strictObject({ sentAt: Timestamp, channel: Channel });

export const ExtensionInput = z.strictObject({
  extendedAt: Timestamp,
  /** When the customer was notified; an extension counts only with timely notice. */
  noticeSentAt: Timestamp,
  reason: z.string().trim().min(1).max(CASE_TEXT_LIMITS.extensionReason),
});

const PATCH_CHANGE_FIELDS = [
  'status',
  'verification',
  'legalException',
  'rejection',
  'confirmation',
  'extension',
  'checklist',
  'processors',
  'notes',
] as const;

export const PatchCaseRequest = z
  .strictObject({
    /** The version the client read; a stale one gets 409 with the current case. */
    version: z.number().int().positive(),
    status: CaseStatus.optional(),
    verification: VerificationInput.optional(),
    legalException: LegalExceptionInput.optional(),
    /** Only with `status: "rejected"`. */
    rejection: z.strictObject({ reason: z.string().trim().min(1).max(2000) }).optional(),
    /** Only with `status: "confirmed"`. */
    confirmation: ConfirmationInput.optional(),
    extension: ExtensionInput.optional(),
    checklist: z.array(ChecklistTick).min(1).max(100).optional(),
    processors: z.array(ProcessorInput).min(1).max(50).optional(),
    notes: z.string().max(CASE_TEXT_LIMITS.notes).optional(),
  })
  .superRefine((patch, context) => {
    if (!PATCH_CHANGE_FIELDS.some((field) => patch[field] !== undefined)) {
      context.addIssue({
        code: 'custom',
        message: `nothing to change; send at least one of: ${PATCH_CHANGE_FIELDS.join(', ')}`,
        path: [],
      });
    }
    if (patch.rejection && patch.status !== 'rejected') {
      context.addIssue({
        code: 'custom',
        message: 'rejection is only accepted with status "rejected"',
        path: ['rejection'],
      });
    }
    if (patch.confirmation && patch.status !== 'confirmed') {
      context.addIssue({
        code: 'custom',
        message: 'confirmation is only accepted with status "confirmed"',
        path: ['confirmation'],
      });
    }
  })
  .register(apiRegistry, { id: 'PatchCaseRequest' });
export type PatchCaseRequest = z.infer<typeof PatchCaseRequest>;

const Period = z.object({
  count: z.number().int().positive(),
  unit: z.enum(['calendar_months', 'calendar_days', 'business_days']),
});

/** The deadline rule applied when the case was created, with its legal source. */
export const DeadlineRuleInfo = z.object({
  label: z.string(),
  response: Period,
  responseIsSetting: z.boolean(),
  extension: Period.nullable(),
  acknowledgement: Period.nullable(),
  telemarketing: Period.nullable(),
  source: z.string(),
});
export type DeadlineRuleInfo = z.infer<typeof DeadlineRuleInfo>;

export const CaseChecklistItem = z.object({
  id: z.string(),
  kind: z.enum(CHECKLIST_KINDS),
  system: z.string().optional(),
  /** Absent once the case is minimised, because it is generated from kind and system. */
  label: z.string().optional(),
  status: z.enum(CHECKLIST_ITEM_STATUSES),
  by: z.string().optional(),
  at: Timestamp.optional(),
  note: z.string().optional(),
});
export type CaseChecklistItem = z.infer<typeof CaseChecklistItem>;

/** One audit event of a case, as the case page shows it. */
export const TimelineValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** Facts of a timeline entry by name, such as `from` and `to` of a status change. */
export const TimelineDetails = z.record(z.string(), TimelineValue);
export type TimelineDetails = z.infer<typeof TimelineDetails>;

export const TimelineEntry = z.object({
  seq: z.number().int().positive(),
  type: z.string(),
  actor: z.string(),
  role: Role.optional(),
  at: Timestamp,
  /** The entry in English; clients that know `type` describe it from `details` in their own language. */
  summary: z.string(),
  /** The facts that `summary` names. Absent from servers older than this field. */
  details: TimelineDetails.optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Case = z
  .object({
    id: z.uuid(),
    receivedAt: Timestamp,
    channel: Channel,
    scope: Scope,
    jurisdiction: Jurisdiction,
    timeZone: z.string(),
    /** Once minimised only `phones` and `crm.system`/`crm.recordId` remain. */
    subject: z.object({
      name: z.string().optional(),
      phones: z.array(E164),
      emails: z.array(z.string()).optional(),
      crm: z
        .object({ system: z.string(), recordId: z.string(), url: z.string().optional() })
        .optional(),
    }),
    /** Absent once minimised. */
    notes: z.string().optional(),
    status: CaseStatus,
    version: z.number().int().positive(),
    createdAt: Timestamp,
    createdBy: z.string(),
    createdByRole: Role,
    updatedAt: Timestamp,
    updatedBy: z.string(),
    updatedByRole: Role,
    /** End of the legal response period without any extension. */
    dueAt: Timestamp,
    acknowledgementDueAt: Timestamp.optional(),
    telemarketingDueAt: Timestamp.optional(),
    /** Response deadline after a timely extension; it replaces `dueAt` for overdue checks. */
    extendedDueAt: Timestamp.optional(),
    /** Reason the recorded extension does not move the deadline, when it does not. */
    extensionIgnored: z.string().optional(),
    deadlineRule: DeadlineRuleInfo,
    statusHistory: z.array(
      z.object({
        from: CaseStatus.nullable(),
        to: CaseStatus,
        by: z.string(),
        role: Role,
        at: Timestamp,
        reason: z.string().optional(),
      }),
    ),
    verification: z
      .object({
        method: z.enum(VERIFICATION_METHODS),
        passed: z.boolean(),
        by: z.string(),
        at: Timestamp,
      })
      .optional(),
    legalException: z
      .object({
        basis: z.enum(LEGAL_BASES),
        dataKept: z.string(),
        why: z.string(),
        reviewer: z.string(),
        at: Timestamp,
      })
      .optional(),
    rejection: z.object({ reason: z.string(), by: z.string(), at: Timestamp }).optional(),
    confirmation: z.object({ sentAt: Timestamp, channel: Channel }).optional(),
    extensions: z.array(
      z.object({ extendedAt: Timestamp, noticeSentAt: Timestamp, reason: z.string() }),
    ),
    checklist: z.array(CaseChecklistItem),
    processors: z.array(
      z.object({
        name: z.string(),
        notifiedAt: Timestamp.optional(),
        confirmedAt: Timestamp.optional(),
      }),
    ),
    /** Set when the closed case was reduced to its audit record. */
    minimisedAt: Timestamp.optional(),
    /** Calendar days to the effective deadline at read time; null once the case is closed. */
    daysLeft: z.number().int().nullable(),
    /** True when the case is open and its effective deadline has passed, at read time. */
    overdue: z.boolean(),
    /** Statuses the caller's role may move the case to next. */
    allowedTransitions: z.array(CaseStatus),
    /** The case's audit events, oldest first; sent by `GET /v1/cases/{id}` only. */
    timeline: z.array(TimelineEntry).optional(),
    /**
     * Other open cases that list one of this case's numbers, such as a second
     * agent's capture of the same customer; sent by `GET /v1/cases/{id}` only.
     */
    sameNumberCases: z
      .array(z.object({ id: z.uuid(), status: CaseStatus, createdBy: z.string() }))
      .optional(),
  })
  .register(apiRegistry, { id: 'Case' });
export type Case = z.infer<typeof Case>;

const BooleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ListCasesQuery = z.object({
  status: CaseStatus.optional(),
  /** Open cases past (true) or not past (false) their effective deadline. */
  overdue: BooleanQuery.optional(),
  /** Cases not yet confirmed or rejected (true), or only closed ones (false). */
  open: BooleanQuery.optional(),
  /** Cases whose effective deadline is before this time. */
  dueBefore: Timestamp.optional(),
  updatedSince: Timestamp.optional(),
  /** "me" for the caller's own cases, or a token name. */
  createdBy: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(API_LIMITS.casesMaxLimit)
    .default(API_LIMITS.casesDefaultLimit),
  cursor: z.string().max(32).optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

export const CaseList = z
  .object({ cases: z.array(Case), nextCursor: z.string().nullable() })
  .register(apiRegistry, { id: 'CaseList' });
export type CaseList = z.infer<typeof CaseList>;

// ---------------------------------------------------------------- client events

export const ClientEventType = z.enum([
  'dial_blocked',
  'dial_allowed_unknown',
  'dnc_added_locally',
  'case_captured',
  'identity_checked',
  'sync_failed',
]);
export type ClientEventType = z.infer<typeof ClientEventType>;

export const ClientEvent = z.object({
  /** Made by the client; a repeated id is ignored, so retries are safe. */
  id: z.uuid(),
  type: ClientEventType,
  at: Timestamp,
  /** Origin of the page the event happened on, e.g. https://example.my.salesforce.com. */
  origin: z.string().max(2048),
  e164: E164.optional(),
  details: z
    .record(
      z.string().max(100),
      z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]),
    )
    .optional(),
});
export type ClientEvent = z.infer<typeof ClientEvent>;

export const PostEventsRequest = z
  .object({ events: z.array(ClientEvent).min(1).max(API_LIMITS.eventsMaxPerRequest) })
  .register(apiRegistry, { id: 'PostEventsRequest' });
export type PostEventsRequest = z.infer<typeof PostEventsRequest>;

export const PostEventsResponse = z
  .object({
    accepted: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
  })
  .register(apiRegistry, { id: 'PostEventsResponse' });
export type PostEventsResponse = z.infer<typeof PostEventsResponse>;

// ---------------------------------------------------------------- audit

export const AuditQuery = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  caseId: z.uuid().optional(),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(API_LIMITS.auditMaxLimit)
    .default(API_LIMITS.auditDefaultLimit),
  cursor: z.string().max(32).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEvent = z
  .object({
    seq: z.number().int().positive(),
    at: Timestamp,
    /** Name of the token that caused the event, or "cli" for command-line imports. */
    actor: z.string(),
    type: z.string(),
    caseId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .register(apiRegistry, { id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = z
  .object({ events: z.array(AuditEvent), nextCursor: z.string().nullable() })
  .register(apiRegistry, { id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
