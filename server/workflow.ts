import type {
  CreateCaseRequest,
  DeadlineRuleInfo,
  PatchCaseRequest,
  Role,
} from '../lib/api/schemas.ts';
import {
  applyChecklistUpdate,
  applyProcessorUpdate,
  applyTransition,
  buildDefaultChecklist,
  captureStatus,
  checkTransition,
  computeDeadlines,
  isFinalStatus,
  minimiseCase,
  type Case as CaseRecordCore,
  type ChecklistErrorCode,
  type Extension,
  type Jurisdiction,
  type MinimisedCase,
  type TransitionErrorCode,
  type TransitionPatch,
} from '../lib/cases/index.ts';

// Server side of the deletion-case workflow: turns a capture or a PATCH into
// the next stored record plus the audit events that describe each step. The
// rules themselves live in lib/cases; this module only orders the steps and
// decides what the server fills in. Pure apart from the clock passed in.

export interface Actor {
  /** Name of the bearer token. */
  name: string;
  role: Role;
}

export interface StoredDeadlines {
  responseDueAt: string;
  acknowledgementDueAt?: string;
  telemarketingDueAt?: string;
  extendedDueAt?: string;
  extensionIgnored?: string;
  /** `extendedDueAt` when an extension applies, otherwise `responseDueAt`. */
  effectiveDueAt: string;
  rule: DeadlineRuleInfo;
}

/** Server fields stored beside the lib/cases record, before and after minimisation. */
export interface CaseMeta {
  timeZone: string;
  createdAt: string;
  createdBy: string;
  createdByRole: Role;
  updatedAt: string;
  updatedBy: string;
  updatedByRole: Role;
  deadlines: StoredDeadlines;
}

export type OpenCaseRecord = CaseRecordCore & CaseMeta & { minimisedAt?: undefined };
/** Notes are dropped by minimisation; the field is declared so both kinds read alike. */
export type ClosedCaseRecord = MinimisedCase & CaseMeta & { notes?: undefined };
export type CaseRecord = OpenCaseRecord | ClosedCaseRecord;

export function isMinimised(record: CaseRecord): record is ClosedCaseRecord {
  return record.minimisedAt !== undefined;
}

/** One audit event to append for a step; actor, case id and time are added by the store. */
export interface CaseEvent {
  type: string;
  payload: Record<string, unknown>;
}

export type WorkflowErrorCode = TransitionErrorCode | ChecklistErrorCode;

/** A change the workflow rules reject; the API returns 409 with `code` and the message. */
export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

const LEAD_ROLES: readonly Role[] = ['lead', 'admin'];

/** Field paths `minimiseCase` drops, named in the audit event that records it. */
const MINIMISED_AWAY = [
  'subject.name',
  'subject.emails',
  'subject.crm.url',
  'notes',
  'checklist.label',
  'checklist.note',
  'statusHistory.reason',
];

export function computeStoredDeadlines(
  input: {
    receivedAt: string;
    jurisdiction: Jurisdiction;
    timeZone: string;
    extensions: readonly Extension[];
  },
  now: Date,
): StoredDeadlines {
  const computed = computeDeadlines(input, now);
  const { rule } = computed;
  const stored: StoredDeadlines = {
    responseDueAt: computed.responseDueAt,
    effectiveDueAt: computed.extendedDueAt ?? computed.responseDueAt,
    rule: {
      label: rule.label,
      response: rule.response,
      responseIsSetting: rule.responseIsSetting,
      extension: rule.extension,
      acknowledgement: rule.acknowledgement,
      telemarketing: rule.telemarketing,
      source: rule.source,
    },
  };
  if (computed.acknowledgementDueAt) stored.acknowledgementDueAt = computed.acknowledgementDueAt;
  if (computed.telemarketingDueAt) stored.telemarketingDueAt = computed.telemarketingDueAt;
  if (computed.extendedDueAt) stored.extendedDueAt = computed.extendedDueAt;
  if (computed.extensionIgnored) stored.extensionIgnored = computed.extensionIgnored;
  return stored;
}

/**
 * Builds the stored record of a new case. The server puts every subject
 * phone on the DNC list in the same transaction, so the checklist's
 * internal-DNC item starts done. A verification sent with the capture is
 * stored and moves the case on to `verified` or `verification_failed`, with
 * one `case.verification` event and no separate status event.
 */
export function buildCaseRecord(
  input: CreateCaseRequest,
  actor: Actor,
  now: Date,
): { record: OpenCaseRecord; events: CaseEvent[] } {
  const at = now.toISOString();
  const timeZone = input.timeZone ?? 'UTC';
  const deadlines = computeStoredDeadlines(
    { receivedAt: input.receivedAt, jurisdiction: input.jurisdiction, timeZone, extensions: [] },
    now,
  );

  const checklist = buildDefaultChecklist({
    scope: input.scope,
    systems: { ...input.systems, crm: input.systems?.crm ?? input.subject.crm?.system },
    processors: input.processors ?? [],
  }).map((item) =>
    item.kind === 'internal_dnc'
      ? {
          ...item,
          status: 'done' as const,
          by: actor.name,
          at,
          note: 'Added by the server when the case was created',
        }
      : item,
  );
  const processors = checklist
    .filter((item) => item.kind === 'processor_notified')
    .map((item) => ({ name: item.system ?? item.id }));

  const received: OpenCaseRecord = {
    id: input.id,
    receivedAt: input.receivedAt,
    channel: input.channel,
    scope: input.scope,
    jurisdiction: input.jurisdiction,
    subject: input.subject,
    notes: input.notes,
    status: 'received',
    version: 1,
    dueAt: deadlines.responseDueAt,
    statusHistory: [{ from: null, to: 'received', by: actor.name, role: actor.role, at }],
    checklist,
    processors,
    extensions: [],
    timeZone,
    createdAt: at,
    createdBy: actor.name,
    createdByRole: actor.role,
    updatedAt: at,
    updatedBy: actor.name,
    updatedByRole: actor.role,
    deadlines,
  };
  const record = input.verification
    ? applyCaptureVerification(received, input.verification, actor, at)
    : received;

  // Subject details stay out of the append-only audit log so that
  // minimising the case later leaves no personal data behind.
  const events: CaseEvent[] = [
    {
      type: 'case.created',
      payload: {
        role: actor.role,
        version: 1,
        status: record.status,
        channel: input.channel,
        scope: input.scope,
        jurisdiction: input.jurisdiction,
        receivedAt: input.receivedAt,
        timeZone,
        dueAt: deadlines.responseDueAt,
        acknowledgementDueAt: deadlines.acknowledgementDueAt,
        telemarketingDueAt: deadlines.telemarketingDueAt,
        phones: input.subject.phones.length,
        checklistItems: checklist.length,
        processors: processors.length,
        checklistDone: ['internal_dnc'],
      },
    },
  ];

  if (record.verification) events.push(verificationEvent(record.verification, actor, 1));

  return { record, events };
}

/**
 * Stores the capture's verification and moves the new case to the status its
 * outcome allows, by the same rule a PATCH uses.
 */
function applyCaptureVerification(
  received: OpenCaseRecord,
  input: NonNullable<CreateCaseRequest['verification']>,
  actor: Actor,
  at: string,
): OpenCaseRecord {
  const verification = {
    method: input.method,
    passed: input.passed,
    by: input.by ?? actor.name,
    at: input.at,
  };
  const moved = applyTransition(
    received,
    captureStatus(verification),
    { id: actor.name, role: actor.role },
    { verification },
    at,
  );
  if (!moved.ok) throw new WorkflowError(moved.code, moved.reason);

  // The capture counts as one change, like a PATCH with several steps, so
  // the new case stays at version 1.
  return { ...received, ...moved.case, version: 1 };
}

function verificationEvent(
  verification: NonNullable<CaseRecordCore['verification']>,
  actor: Actor,
  version: number,
): CaseEvent {
  // Method and outcome only: the record has no answer field, and the audit
  // copies just these two facts.
  return {
    type: 'case.verification',
    payload: {
      role: actor.role,
      version,
      method: verification.method,
      passed: verification.passed,
      by: verification.by,
      at: verification.at,
    },
  };
}

function requireLead(actor: Actor, action: string): void {
  if (!LEAD_ROLES.includes(actor.role)) {
    throw new WorkflowError('forbidden_role', `Only a lead or admin can ${action}`);
  }
}

/**
 * Applies one PATCH. Steps run in a fixed order so one request can tick the
 * last checklist items and move the case on: processors, checklist, notes,
 * extension, verification, legal exception, then the status change. Any
 * rejected step throws a WorkflowError and nothing is applied. The version
 * goes up by one per PATCH, however many steps it holds.
 */
export function applyCasePatch(
  record: CaseRecord,
  patch: PatchCaseRequest,
  actor: Actor,
  now: Date,
): { record: CaseRecord; events: CaseEvent[] } {
  if (isMinimised(record)) {
    // Same codes as lib/cases gives for a final case: a status change is a
    // forbidden transition, any other change hits a final case.
    if (patch.status) {
      throw new WorkflowError(
        'forbidden_transition',
        `Cannot move from ${record.status} to ${patch.status}: ${record.status} cases are final`,
      );
    }
    throw new WorkflowError(
      'case_final',
      `Case ${record.id} is ${record.status}: confirmed and rejected cases are final`,
    );
  }

  const at = now.toISOString();
  const nextVersion = record.version + 1;
  const actorRef = { id: actor.name, role: actor.role };
  const events: CaseEvent[] = [];
  const emit = (type: string, payload: Record<string, unknown>) =>
    events.push({ type, payload: { role: actor.role, version: nextVersion, ...payload } });

  // The state graph and the role are checked before any step, so a forbidden
  // move is reported as such even when other fields of the PATCH are wrong.
  if (patch.status) {
    const check = checkTransition(record, patch.status, actor.role, transitionPatch(record, patch));
    if (!check.ok && (check.code === 'forbidden_transition' || check.code === 'forbidden_role')) {
      throw new WorkflowError(check.code, check.reason);
    }
  }

  let current: OpenCaseRecord = record;

  for (const update of patch.processors ?? []) {
    const result = applyProcessorUpdate(current, update, at);
    if (!result.ok) throw new WorkflowError(result.code, result.reason);
    current = { ...current, ...result.case };
    emit('case.processor', {
      name: update.name,
      notifiedAt: update.notifiedAt,
      confirmedAt: update.confirmedAt,
    });
  }

  for (const tick of patch.checklist ?? []) {
    const result = applyChecklistUpdate(current, tick, actorRef, at);
    if (!result.ok) throw new WorkflowError(result.code, result.reason);
    current = { ...current, ...result.case };
    const item = current.checklist.find((candidate) => candidate.id === tick.itemId);
    emit('case.checklist_item', {
      itemId: tick.itemId,
      kind: item?.kind,
      status: tick.status,
      withNote: Boolean(tick.note?.trim()),
    });
  }

  if (patch.notes !== undefined) {
    current = { ...current, notes: patch.notes };
    emit('case.notes_changed', { length: patch.notes.length });
  }

  if (patch.extension) {
    requireLead(actor, 'extend the response deadline');
    const extensions = [...current.extensions, patch.extension];
    const deadlines = computeStoredDeadlines({ ...current, extensions }, now);
    current = { ...current, extensions, deadlines };
    emit('case.extension', {
      extendedAt: patch.extension.extendedAt,
      noticeSentAt: patch.extension.noticeSentAt,
      extendedDueAt: deadlines.extendedDueAt,
      extensionIgnored: deadlines.extensionIgnored,
    });
  }

  if (patch.verification) {
    if (current.status !== 'received') {
      throw new WorkflowError(
        'wrong_status',
        `A verification can only be recorded while the case is received; it is ${current.status}`,
      );
    }
    const verification = {
      method: patch.verification.method,
      passed: patch.verification.passed,
      by: patch.verification.by ?? actor.name,
      at: patch.verification.at,
    };
    current = { ...current, verification };
    events.push(verificationEvent(verification, actor, nextVersion));
  }

  if (patch.legalException) {
    requireLead(actor, 'record a legal exception');
    if (current.status !== 'legal_review' && patch.status !== 'legal_review') {
      throw new WorkflowError(
        'wrong_status',
        `A legal exception is recorded during legal review; the case is ${current.status}`,
      );
    }
    const legalException = {
      basis: patch.legalException.basis,
      dataKept: patch.legalException.dataKept,
      why: patch.legalException.why,
      reviewer: patch.legalException.reviewer ?? actor.name,
      at: patch.legalException.at ?? at,
    };
    current = { ...current, legalException };
    // dataKept and why are free text, so they stay in the case, not the log.
    emit('case.legal_exception', {
      basis: legalException.basis,
      reviewer: legalException.reviewer,
      at: legalException.at,
    });
  }

  if (patch.status) {
    const from = current.status;
    const result = applyTransition(
      current,
      patch.status,
      actorRef,
      transitionPatch(current, patch),
      at,
    );
    if (!result.ok) throw new WorkflowError(result.code, result.reason);
    current = { ...current, ...result.case };

    if (current.status === 'confirmed' && current.confirmation) {
      emit('case.confirmation', {
        sentAt: current.confirmation.sentAt,
        channel: current.confirmation.channel,
      });
    }
    emit('case.status_changed', {
      from,
      to: current.status,
      withRejectionReason: current.status === 'rejected' ? true : undefined,
    });
  }

  current = {
    ...current,
    version: nextVersion,
    updatedAt: at,
    updatedBy: actor.name,
    updatedByRole: actor.role,
  };

  if (!isFinalStatus(current.status)) return { record: current, events };

  const closed: ClosedCaseRecord = { ...minimiseCase(current, at), ...metaOf(current) };
  emit('case.minimised', {
    removed: MINIMISED_AWAY,
    phonesKeptSuppressed: closed.suppressedPhones.length,
  });
  return { record: closed, events };
}

function metaOf(record: CaseMeta): CaseMeta {
  return {
    timeZone: record.timeZone,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    createdByRole: record.createdByRole,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    updatedByRole: record.updatedByRole,
    deadlines: record.deadlines,
  };
}

/**
 * Collects the fields lib/cases needs for a status change. Verification and
 * legal exception come from the record, because earlier steps of the same
 * PATCH store them there.
 */
function transitionPatch(current: OpenCaseRecord, patch: PatchCaseRequest): TransitionPatch {
  return {
    verification: current.verification,
    legalException: current.legalException,
    confirmation: patch.confirmation,
    reason: patch.rejection?.reason,
  };
}
