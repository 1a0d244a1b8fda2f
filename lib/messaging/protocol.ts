import { z } from 'zod';
import { Case, Me, PatchCaseRequest } from '../api/schemas';
import { caseCaptureSchema, verificationMethodSchema } from '../cases/model';
import { NUMBER_STATUSES } from '../policy';
import { recordSnapshotSchema } from '../sites/types';
import { SyncProblem } from '../sync/errors';
import { SyncState } from '../sync/state';

/** Maximum length of raw number text in a message; real numbers with extensions are far shorter. */
const MAX_RAW_LENGTH = 64;
/** Numbers per status look-up; the content script splits larger batches. */
export const MAX_CHECK_BATCH = 1000;

const rawNumber = z.string().min(1).max(MAX_RAW_LENGTH);
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/);

export const numberResultSchema = z.object({
  raw: z.string(),
  e164: e164.nullable(),
  display: z.string().optional(),
  /**
   * True when the number is every digit of `raw`, with no count or extension
   * cut off. Such a result holds for any other format of the same digits.
   */
  whole: z.boolean().optional(),
  status: z.enum([...NUMBER_STATUSES, 'invalid']),
  reason: z.string().optional(),
  source: z.string().optional(),
  addedAt: z.number().optional(),
});
export type NumberResult = z.infer<typeof numberResultSchema>;

export const listInfoSchema = z.object({
  loaded: z.boolean(),
  size: z.number().int().min(0),
  pendingCount: z.number().int().min(0),
  updatedAt: z.number().nullable(),
  stale: z.boolean(),
  staleAfterHours: z.number(),
  unknownPolicy: z.enum(['block', 'warn']),
  showAllowedBadges: z.boolean(),
  /** The country numbers without a country code are read in (ISO 3166-1 alpha-2). */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type ListInfo = z.infer<typeof listInfoSchema>;

const importEntrySchema = z.object({
  e164,
  reason: z.string().max(500),
  source: z.string().max(200),
  addedAt: z.number(),
});

const okSchema = z.object({ ok: z.literal(true) });

export const syncStatusSchema = z.object({
  configured: z.boolean(),
  running: z.boolean(),
  lastSuccessAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  lastError: SyncState.shape.lastError,
  /** Items recorded on this device that the server has not acknowledged yet. */
  pendingItems: z.number().int().min(0),
  list: listInfoSchema,
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const siteStateSchema = z.object({
  /** Origin match pattern, e.g. https://crm.example.com/* */
  pattern: z.string(),
  /** Whether the administrator preset the site through policy, so the user cannot remove it. */
  managed: z.boolean(),
  /** Whether the browser has granted access to the site. Without it nothing runs there. */
  granted: z.boolean(),
});
export type SiteState = z.infer<typeof siteStateSchema>;

const sitePattern = z.string().min(1).max(300);

/**
 * Every message a context can send to the background worker: its payload
 * schema, its reply schema, and who may send it. "page" means a content
 * script; "extension" means the extension's own pages (popup, options).
 */
export const backgroundMessages = {
  'numbers.check': {
    from: 'page',
    request: z.object({ numbers: z.array(rawNumber).min(1).max(MAX_CHECK_BATCH) }),
    response: z.object({ results: z.array(numberResultSchema), list: listInfoSchema }),
  },
  'dial.blocked': {
    from: 'page',
    request: z.object({
      raw: rawNumber,
      e164: e164.nullable(),
      status: z.enum(NUMBER_STATUSES),
      decision: z.enum(['block', 'warn']),
    }),
    response: okSchema,
  },
  'frame.suppressedCount': {
    from: 'page',
    request: z.object({ count: z.number().int().min(0).max(1_000_000) }),
    response: okSchema,
  },
  'number.lookup': {
    from: 'extension',
    request: z.object({ phone: z.string().min(1).max(MAX_RAW_LENGTH) }),
    response: numberResultSchema,
  },
  'list.info': {
    from: 'any',
    request: z.object({}),
    response: listInfoSchema,
  },
  'number.add': {
    from: 'any',
    request: z.object({
      phone: z.string().min(1).max(MAX_RAW_LENGTH),
      reason: z.string().min(1).max(500),
    }),
    response: numberResultSchema,
  },
  'sync.now': {
    from: 'extension',
    request: z.object({}),
    response: syncStatusSchema,
  },
  'sync.status': {
    from: 'any',
    request: z.object({}),
    response: syncStatusSchema,
  },
  'record.snapshot': {
    from: 'extension',
    request: z.object({}),
    /** Null when no page of the window shows a record DNC Guard runs on. */
    response: recordSnapshotSchema.nullable(),
  },
  'case.capture': {
    from: 'extension',
    request: z.object({
      capture: caseCaptureSchema,
      /** Only the method and the outcome; the customer's answer never leaves the form. */
      verification: z
        .object({ method: verificationMethodSchema, passed: z.boolean() })
        .strict()
        .nullable(),
    }),
    response: z.object({ id: z.uuid(), suppressed: z.number().int().min(0) }),
  },
  'cases.list': {
    from: 'extension',
    request: z.object({}),
    response: z.object({
      cases: z.array(Case),
      /** Cases captured on this device that the server has not acknowledged yet. */
      waiting: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          receivedAt: z.string(),
          lastError: z.string().optional(),
          lastProblem: SyncProblem.optional(),
        }),
      ),
      /** Reason the server's list could not be read, when it could not. */
      error: z.string().optional(),
      /** The facts of that reason, for a message in the user's language. */
      problem: SyncProblem.optional(),
    }),
  },
  'cases.queue': {
    from: 'extension',
    request: z.object({}),
    response: z.object({
      /** The team's open cases, the earliest effective deadline first. */
      cases: z.array(Case),
      /** Reason the queue could not be read, when it could not. */
      error: z.string().optional(),
      problem: SyncProblem.optional(),
    }),
  },
  'account.me': {
    from: 'extension',
    request: z.object({}),
    response: Me,
  },
  'case.get': {
    from: 'extension',
    request: z.object({ id: z.uuid() }),
    response: Case,
  },
  'case.patch': {
    from: 'extension',
    request: z.object({ id: z.uuid(), patch: PatchCaseRequest }),
    response: Case,
  },
  'list.import': {
    from: 'extension',
    request: z.object({
      importId: z.string().min(1).max(100),
      /** Entries with an empty reason get `defaultReason`, as `mergeImport` describes. */
      entries: z.array(importEntrySchema).max(100_000),
      defaultReason: z.string().trim().min(1).max(500),
      replaceReasons: z.boolean(),
      final: z.boolean(),
    }),
    response: z.object({
      received: z.number().int(),
      applied: z.boolean(),
      size: z.number().int(),
    }),
  },
  'sites.list': {
    from: 'extension',
    request: z.object({}),
    response: z.object({ sites: z.array(siteStateSchema) }),
  },
  'sites.add': {
    from: 'extension',
    request: z.object({ pattern: sitePattern }),
    response: z.object({
      sites: z.array(siteStateSchema),
      /** Number of open tabs on the site that now run the scripts, and of those that need a reload. */
      injectedTabs: z.number().int().min(0),
      failedTabs: z.number().int().min(0),
    }),
  },
  'sites.remove': {
    from: 'extension',
    request: z.object({ pattern: sitePattern }),
    response: z.object({ sites: z.array(siteStateSchema) }),
  },
} as const;

export type BackgroundMessageType = keyof typeof backgroundMessages;
export type RequestOf<T extends BackgroundMessageType> = z.infer<
  (typeof backgroundMessages)[T]['request']
>;
export type ResponseOf<T extends BackgroundMessageType> = z.infer<
  (typeof backgroundMessages)[T]['response']
>;

export const envelopeSchema = z.object({ type: z.string().max(64), payload: z.unknown() });

/**
 * Reply wrapper, so an error crosses the message channel as data and not as a
 * rejection. A failed exchange with the API also sends its facts, so the page
 * can describe it in the user's language.
 */
export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string(), problem: SyncProblem.optional() }),
]);
export type Reply = z.infer<typeof replySchema>;

/** Messages the background worker sends to content scripts. */
export const tabMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('statuses.changed') }),
  // The default country or another setting that reads numbers changed: scan again.
  z.object({ type: z.literal('settings.changed') }),
  z.object({ type: z.literal('record.read') }),
  // A site was removed: frames whose address none of `keep` matches stop.
  z.object({ type: z.literal('scripts.stop'), keep: z.array(z.string()) }),
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;
