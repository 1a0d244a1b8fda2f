import { z } from 'zod';
import type { Case, TimelineDetails, TimelineEntry } from '@/lib/api/schemas';
import {
  caseStatusSchema,
  channelSchema,
  checklistItemStatusSchema,
  checklistKindSchema,
  isoDateTimeSchema,
  jurisdictionSchema,
  legalBasisSchema,
  scopeSchema,
  verificationMethodSchema,
} from '@/lib/cases/model';
import { isPlaceholderSystem } from '@/lib/cases/checklist';
import { formatCount, t, tCount, type MessageKey } from '@/lib/i18n';
import { formatList } from '@/lib/locale-format';
import { formatCaseDate, formatDate } from './format';

type ChecklistItem = Case['checklist'][number];

/** The fields of a case that the timeline descriptions use. */
type TimelineCase = Pick<Case, 'checklist' | 'timeZone'>;

/**
 * Names a checklist item in the browser's language, with its system or
 * processor. A placeholder system ("the CRM") adds nothing to the label,
 * which names that kind of system already.
 */
export function checklistLabel(item: Pick<ChecklistItem, 'kind' | 'system'>): string {
  const label = t(`checklist_${item.kind}`);
  return item.system && !isPlaceholderSystem(item.system)
    ? t('checklistWithSystem', [label, item.system])
    : label;
}

/** Formats a time that the agent entered as a date (a processor's dates, the day the customer was informed) without its time of day. */
const formatIsoDay = (value: string): string => formatDate(Date.parse(value));

/** Returns the first block of the case's UUID, enough to tell cases apart by eye. */
export function shortCaseId(id: string): string {
  return id.slice(0, 8);
}

/**
 * Names a case for lists and headings. A closed case has lost the customer's
 * name, so it is named by its outcome, date and law instead of a bare UUID.
 */
export function caseTitle(
  item: Pick<Case, 'id' | 'subject' | 'receivedAt' | 'jurisdiction' | 'minimisedAt' | 'timeZone'>,
): string {
  if (item.subject.name) return item.subject.name;

  // The day the request arrived is day zero of the deadline, so it is read in the case's zone.
  const facts = [
    formatCaseDate(item.receivedAt, item.timeZone),
    t(`jurisdiction_${item.jurisdiction}`),
  ];
  if (item.minimisedAt) return t('caseClosedTitle', facts);
  return item.subject.crm?.recordId ?? t('caseUntitledTitle', facts);
}

/**
 * Message for each field path the server lists as minimised. Checklist labels
 * get none, because the view rebuilds them from each item's kind and system,
 * which stay, so the case still shows every item's name.
 */
const MINIMISED_KINDS = new Map<string, MessageKey | null>([
  ['subject.name', 'removedName'],
  ['subject.emails', 'removedEmails'],
  ['subject.crm.url', 'removedCrmUrl'],
  ['notes', 'removedNotes'],
  ['checklist.label', null],
  ['checklist.note', 'removedChecklistNotes'],
  ['statusHistory.reason', 'removedStatusReasons'],
]);

function describeMinimised(removed: readonly string[]): string | null {
  const kinds: string[] = [];
  for (const path of removed) {
    const key = MINIMISED_KINDS.get(path);
    // A path this version does not know: the server's summary names it.
    if (key === undefined) return null;
    if (key !== null) kinds.push(t(key));
  }
  return t('timelineMinimised', formatList(kinds));
}

/** Describes an entry's details, or returns null when they lack a fact the message needs. */
type Describe = (details: TimelineDetails, item: TimelineCase) => string | null;

function describeWith<T extends z.ZodType>(
  schema: T,
  describe: (details: z.output<T>, item: TimelineCase) => string | null,
): Describe {
  return (details, item) => {
    const parsed = schema.safeParse(details);
    return parsed.success ? describe(parsed.data, item) : null;
  };
}

const DESCRIBERS = new Map<string, Describe>([
  [
    'case.created',
    describeWith(
      z.object({
        channel: channelSchema,
        scope: scopeSchema,
        jurisdiction: jurisdictionSchema,
        dueAt: isoDateTimeSchema,
      }),
      (details, item) =>
        t('timelineCreated', [
          t(`channel_${details.channel}`),
          t(`scope_${details.scope}`),
          t(`jurisdiction_${details.jurisdiction}`),
          formatCaseDate(details.dueAt, item.timeZone),
        ]),
    ),
  ],
  [
    'suppressions.added',
    describeWith(
      z.object({
        added: z.number().int(),
        alreadyPresent: z.number().int(),
        // Numbers the extension sent for the case before the case itself; the case added them too.
        addedBeforeCase: z.number().int().optional(),
      }),
      (details) =>
        tCount('timelineSuppressionsAdded', details.added + (details.addedBeforeCase ?? 0), [
          formatCount(details.alreadyPresent),
        ]),
    ),
  ],
  [
    'case.verification',
    describeWith(z.object({ method: verificationMethodSchema, passed: z.boolean() }), (details) =>
      t(
        details.passed ? 'verifyResultPassed' : 'verifyResultFailed',
        t(`method_${details.method}`),
      ),
    ),
  ],
  [
    'case.status_changed',
    describeWith(z.object({ from: caseStatusSchema, to: caseStatusSchema }), (details) =>
      t('timelineStatusChanged', [t(`status_${details.from}`), t(`status_${details.to}`)]),
    ),
  ],
  [
    'case.checklist_item',
    describeWith(
      z.object({
        itemId: z.string(),
        kind: checklistKindSchema.optional(),
        status: checklistItemStatusSchema,
        withNote: z.boolean().optional(),
      }),
      (details, { checklist }) => {
        // The event names the item's kind but not its system, which the case still lists.
        const item = checklist.find((candidate) => candidate.id === details.itemId);
        const kind = details.kind ?? item?.kind;
        if (kind === undefined) return null;
        const facts = [checklistLabel({ kind, system: item?.system }), t(`item_${details.status}`)];
        // The audit log keeps only whether a note was given. The note is on
        // the item, so it is shown while the item keeps that status.
        const note = item?.status === details.status ? item.note?.trim() : undefined;
        return details.withNote && note
          ? t('timelineChecklistItemNote', [...facts, note])
          : t('timelineChecklistItem', facts);
      },
    ),
  ],
  [
    'case.processor',
    describeWith(
      z.object({
        name: z.string(),
        notifiedAt: isoDateTimeSchema.optional(),
        confirmedAt: isoDateTimeSchema.optional(),
      }),
      ({ name, notifiedAt, confirmedAt }) => {
        if (notifiedAt && confirmedAt) {
          return t('timelineProcessorNotifiedConfirmed', [
            name,
            formatIsoDay(notifiedAt),
            formatIsoDay(confirmedAt),
          ]);
        }
        if (notifiedAt) return t('timelineProcessorNotified', [name, formatIsoDay(notifiedAt)]);
        if (confirmedAt) return t('timelineProcessorConfirmed', [name, formatIsoDay(confirmedAt)]);
        return t('timelineProcessorRecorded', name);
      },
    ),
  ],
  ['case.notes_changed', () => t('timelineNotesChanged')],
  [
    'case.extension',
    describeWith(
      z.object({
        extendedDueAt: isoDateTimeSchema.optional(),
        extensionIgnored: z.string().optional(),
      }),
      ({ extendedDueAt, extensionIgnored }, item) => {
        if (extendedDueAt) {
          return t('timelineExtended', formatCaseDate(extendedDueAt, item.timeZone));
        }
        // NOTE: the server explains an ignored extension in English only
        // (lib/cases/deadlines.ts), so the reason stays English here.
        if (extensionIgnored) return t('timelineExtensionIgnored', extensionIgnored);
        return null;
      },
    ),
  ],
  [
    'case.legal_exception',
    describeWith(z.object({ basis: legalBasisSchema, reviewer: z.string() }), (details) =>
      t('timelineLegalException', [t(`basis_${details.basis}`), details.reviewer]),
    ),
  ],
  [
    'case.confirmation',
    describeWith(z.object({ channel: channelSchema, sentAt: isoDateTimeSchema }), (details) =>
      t('timelineConfirmation', [t(`channel_${details.channel}`), formatIsoDay(details.sentAt)]),
    ),
  ],
  [
    'case.minimised',
    describeWith(z.object({ removed: z.array(z.string()) }), (details) =>
      describeMinimised(details.removed),
    ),
  ],
  [
    'case.suppression_removed',
    describeWith(z.object({ e164: z.string(), reason: z.string() }), (details) =>
      t('timelineSuppressionRemoved', [details.e164, details.reason]),
    ),
  ],
]);

/**
 * Describes a timeline entry in the browser's language from its type and
 * details. Falls back to the server's English summary for an event type this
 * version does not know, and for details it cannot read (a newer server, or
 * one older than the details field).
 */
export function timelineText(entry: TimelineEntry, item: TimelineCase): string {
  const describe = DESCRIBERS.get(entry.type);
  if (!describe || !entry.details) return entry.summary;
  return describe(entry.details, item) ?? entry.summary;
}
