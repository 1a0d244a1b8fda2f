import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, JURISDICTIONS } from '../cases/model.ts';

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
  'version_conflict',
  'id_conflict',
  'payload_too_large',
  'rate_limited',
  'transition_rejected',
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
    }),
  })
  .register(apiRegistry, { id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;

export const Health = z
  .object({ status: z.literal('ok'), version: z.literal('v1'), time: Timestamp })
  .register(apiRegistry, { id: 'Health' });
export type Health = z.infer<typeof Health>;

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
  .object({ reason: ShortText })
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
export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['confirmed', 'rejected'];

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Scope = z.enum(['phone_only', 'all_personal_data']);
export type Scope = z.infer<typeof Scope>;

/** The data-protection law whose deadline applies to the request. */
export const Jurisdiction = z.enum(JURISDICTIONS);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const CaseSubject = z.object({
  name: z.string().trim().max(200),
  phones: z.array(E164).min(1).max(20),
  emails: z.array(z.email()).max(20).default([]),
  crm: z.object({
    system: z.string().trim().min(1).max(100),
    recordId: z.string().trim().min(1).max(200),
    url: z.url().max(2048).optional(),
  }),
});
export type CaseSubject = z.infer<typeof CaseSubject>;

export const CreateCaseRequest = z
  .object({
    id: z.uuid(),
    receivedAt: Timestamp,
    channel: Channel,
    scope: Scope,
    jurisdiction: Jurisdiction,
    subject: CaseSubject,
    notes: z.string().max(10_000).default(''),
  })
  .register(apiRegistry, { id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

/** How identity was checked. The customer's reply itself is never stored. */
export const Verification = z.object({
  method: z.enum(['email_on_file', 'partial_number', 'security_answer', 'other']),
  outcome: z.enum(['passed', 'failed']),
  at: Timestamp,
  by: z.string().optional(),
});
export type Verification = z.infer<typeof Verification>;

/** A legal reason to keep data despite the request, recorded after review. */
export const LegalException = z.object({
  basis: z.enum([
    'legal_obligation',
    'freedom_of_expression',
    'public_interest',
    'legal_claims',
    'other',
  ]),
  note: z.string().max(2_000),
  reviewedBy: z.string().max(200),
  at: Timestamp,
});
export type LegalException = z.infer<typeof LegalException>;

export const CaseAction = z.object({
  type: z.enum([
    'dnc_added',
    'removed_from_lists',
    'deleted_in_crm',
    'anonymised_in_crm',
    'deleted_in_dialer',
    'deleted_in_email_platform',
    'backup_guard_set',
    'processor_notified',
    'other',
  ]),
  note: z.string().max(2_000).optional(),
  at: Timestamp,
  /** Set by the server to the name of the token that recorded the action. */
  by: z.string().optional(),
});
export type CaseAction = z.infer<typeof CaseAction>;

export const Case = z
  .object({
    id: z.uuid(),
    receivedAt: Timestamp,
    channel: Channel,
    scope: Scope,
    jurisdiction: Jurisdiction,
    subject: CaseSubject,
    notes: z.string(),
    status: CaseStatus,
    version: z.number().int().positive(),
    dueAt: Timestamp,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    createdBy: z.string(),
    updatedBy: z.string(),
    verification: Verification.nullable(),
    legalException: LegalException.nullable(),
    actions: z.array(CaseAction),
    confirmationSentAt: Timestamp.nullable(),
  })
  .register(apiRegistry, { id: 'Case' });
export type Case = z.infer<typeof Case>;

export const PatchCaseRequest = z
  .object({
    /** The version the client read; a stale one gets 409 with the current case. */
    version: z.number().int().positive(),
    status: CaseStatus.optional(),
    notes: z.string().max(10_000).optional(),
    dueAt: Timestamp.optional(),
    verification: Verification.optional(),
    legalException: LegalException.nullable().optional(),
    /** Actions to append to the case's action list. */
    addActions: z.array(CaseAction).max(50).optional(),
    confirmationSentAt: Timestamp.optional(),
  })
  .strict()
  .register(apiRegistry, { id: 'PatchCaseRequest' });
export type PatchCaseRequest = z.infer<typeof PatchCaseRequest>;

const BooleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ListCasesQuery = z.object({
  status: CaseStatus.optional(),
  overdue: BooleanQuery.optional(),
  dueBefore: Timestamp.optional(),
  updatedSince: Timestamp.optional(),
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
