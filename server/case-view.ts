import {
  Role,
  TimelineValue,
  type AuditEvent,
  type Case,
  type TimelineDetails,
  type TimelineEntry,
} from '../lib/api/schemas.ts';
import { allowedTransitions, computeDeadlines, isFinalStatus } from '../lib/cases/index.ts';
import { isMinimised, type CaseRecord } from './workflow.ts';

// The API shape of a stored case. Deadline state (days left, overdue) and
// the caller's next steps depend on the clock and the caller, so they are
// computed on every read instead of stored.

function readTimeFields(record: CaseRecord, role: Role, now: Date) {
  if (isFinalStatus(record.status)) {
    return { daysLeft: null, overdue: false, allowedTransitions: [] };
  }

  const deadlines = computeDeadlines(
    {
      receivedAt: record.receivedAt,
      jurisdiction: record.jurisdiction,
      extensions: record.extensions,
      timeZone: record.timeZone,
    },
    now,
  );
  return {
    daysLeft: deadlines.daysLeft,
    overdue: deadlines.overdue,
    allowedTransitions: allowedTransitions(record, role),
  };
}

/** Converts a stored case, open or minimised, into the API's `Case` for a caller with `role`. */
export function toApiCase(record: CaseRecord, role: Role, now: Date): Case {
  const { deadlines } = record;
  const common = {
    id: record.id,
    receivedAt: record.receivedAt,
    channel: record.channel,
    scope: record.scope,
    jurisdiction: record.jurisdiction,
    timeZone: record.timeZone,
    status: record.status,
    version: record.version,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    createdByRole: record.createdByRole,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    updatedByRole: record.updatedByRole,
    dueAt: deadlines.responseDueAt,
    acknowledgementDueAt: deadlines.acknowledgementDueAt,
    telemarketingDueAt: deadlines.telemarketingDueAt,
    extendedDueAt: deadlines.extendedDueAt,
    extensionIgnored: deadlines.extensionIgnored,
    deadlineRule: deadlines.rule,
    verification: record.verification,
    legalException: record.legalException,
    rejection: record.rejection,
    confirmation: record.confirmation,
    extensions: record.extensions,
    processors: record.processors,
    ...readTimeFields(record, role, now),
  };

  if (isMinimised(record)) {
    return {
      ...common,
      subject: { phones: record.suppressedPhones, crm: record.crm },
      statusHistory: record.statusHistory,
      checklist: record.actions,
      minimisedAt: record.minimisedAt,
    };
  }

  return {
    ...common,
    subject: record.subject,
    notes: record.notes ?? '',
    statusHistory: record.statusHistory,
    checklist: record.checklist,
  };
}

function field(payload: Record<string, unknown>, key: string): string {
  const value = payload[key];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  return '?';
}

/** Describes one audit event of a case in a line of plain English. */
function summarise(event: AuditEvent): string {
  const p = event.payload;
  switch (event.type) {
    case 'case.created':
      return `Request captured (${field(p, 'channel')}, ${field(p, 'scope')}, ${field(p, 'jurisdiction')}); response due ${field(p, 'dueAt')}`;
    case 'suppressions.added': {
      // Numbers the extension sent for this case before the case itself were added by it too.
      const added =
        typeof p.added === 'number' && typeof p.addedBeforeCase === 'number'
          ? String(p.added + p.addedBeforeCase)
          : field(p, 'added');
      return `${added} number(s) added to the DNC list, ${field(p, 'alreadyPresent')} already on it`;
    }
    case 'case.verification':
      return `Identity check by ${field(p, 'method')}: ${p.passed === true ? 'passed' : 'failed'}`;
    case 'case.status_changed':
      return `Status changed from ${field(p, 'from')} to ${field(p, 'to')}`;
    case 'case.checklist_item':
      return `Checklist item ${field(p, 'itemId')} set to ${field(p, 'status')}`;
    case 'case.processor': {
      const parts = [];
      if (typeof p.notifiedAt === 'string') parts.push(`notified ${p.notifiedAt}`);
      if (typeof p.confirmedAt === 'string') parts.push(`confirmed deletion ${p.confirmedAt}`);
      return `Processor ${field(p, 'name')}: ${parts.join(', ') || 'recorded'}`;
    }
    case 'case.notes_changed':
      return 'Notes changed';
    case 'case.extension':
      return typeof p.extendedDueAt === 'string'
        ? `Deadline extended to ${p.extendedDueAt}`
        : `Extension recorded but not applied: ${field(p, 'extensionIgnored')}`;
    case 'case.legal_exception':
      return `Legal exception (${field(p, 'basis')}) reviewed by ${field(p, 'reviewer')}`;
    case 'case.confirmation':
      return `Confirmation sent to the customer by ${field(p, 'channel')} at ${field(p, 'sentAt')}`;
    case 'case.suppression_removed':
      return `${field(p, 'e164')} taken off the DNC list: ${field(p, 'reason')}`;
    case 'case.minimised':
      return `Personal data removed from the case: ${field(p, 'removed')}; numbers stay suppressed`;
    default:
      return event.type;
  }
}

/** Payload fields that each event type's summary names, sent as the entry's `details`. */
const DETAIL_FIELDS = new Map<string, readonly string[]>([
  ['case.created', ['channel', 'scope', 'jurisdiction', 'dueAt']],
  ['suppressions.added', ['added', 'alreadyPresent', 'addedBeforeCase']],
  ['case.verification', ['method', 'passed']],
  ['case.status_changed', ['from', 'to']],
  ['case.checklist_item', ['itemId', 'kind', 'status', 'withNote']],
  ['case.processor', ['name', 'notifiedAt', 'confirmedAt']],
  ['case.notes_changed', []],
  ['case.extension', ['extendedDueAt', 'extensionIgnored']],
  ['case.legal_exception', ['basis', 'reviewer']],
  ['case.confirmation', ['channel', 'sentAt']],
  ['case.minimised', ['removed']],
  ['case.suppression_removed', ['e164', 'reason']],
]);

/** Copies the DETAIL_FIELDS of the event's type that are set; other event types get none. */
function details(event: AuditEvent): TimelineDetails {
  const result: TimelineDetails = {};
  for (const key of DETAIL_FIELDS.get(event.type) ?? []) {
    const value = TimelineValue.safeParse(event.payload[key]);
    if (value.success) result[key] = value.data;
  }
  return result;
}

export function toTimelineEntry(event: AuditEvent): TimelineEntry {
  const role = Role.safeParse(event.payload.role);
  return {
    seq: event.seq,
    type: event.type,
    actor: event.actor,
    role: role.success ? role.data : undefined,
    at: event.at,
    summary: summarise(event),
    details: details(event),
  };
}
