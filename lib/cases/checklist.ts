import type {
  Case,
  ChecklistItem,
  ChecklistItemStatus,
  ProcessorNotification,
  Role,
  Scope,
} from './model.ts';
import { isFinalStatus } from './workflow.ts';

// The actions a deletion request sets off, in the order they should happen:
// suppression first, so the number can never be re-imported and dialed, then
// removal from everything that could reach the customer, then erasure.

export interface ChecklistSystems {
  /** CRM product name, e.g. "Salesforce"; defaults to the CRM named on the case. */
  crm?: string;
  callCenter?: string;
  emailPlatform?: string;
}

export interface DefaultChecklistInput {
  scope: Scope;
  systems?: ChecklistSystems;
  /** Names of the third parties that received the data. */
  processors?: readonly string[];
}

const DEFAULT_SYSTEM_NAMES = {
  crm: 'the CRM',
  callCenter: 'the call-center software',
  emailPlatform: 'the email platform',
} as const;

/** Tells whether a checklist item's system is a placeholder for a system the case does not name. */
export function isPlaceholderSystem(system: string): boolean {
  return Object.values<string>(DEFAULT_SYSTEM_NAMES).includes(system);
}

export function processorItemId(name: string): string {
  return `processor:${name.trim().toLowerCase()}`;
}

function open(item: Omit<ChecklistItem, 'status'>): ChecklistItem {
  return { ...item, status: 'open' };
}

/**
 * Builds the checklist for a new case. Both scopes list the same systems.
 * For `phone_only` the erasure items cover the phone number and its call
 * history only, and the rest of the record stays. An item that does not apply
 * is closed as `not_applicable` with a note rather than left out, so the audit
 * shows it was considered.
 */
export function buildDefaultChecklist(input: DefaultChecklistInput): ChecklistItem[] {
  const crm = input.systems?.crm ?? DEFAULT_SYSTEM_NAMES.crm;
  const callCenter = input.systems?.callCenter ?? DEFAULT_SYSTEM_NAMES.callCenter;
  const emailPlatform = input.systems?.emailPlatform ?? DEFAULT_SYSTEM_NAMES.emailPlatform;
  const erasureScope =
    input.scope === 'phone_only' ? 'the phone number and its call history' : 'all personal data';

  const items: ChecklistItem[] = [
    open({ id: 'internal_dnc', kind: 'internal_dnc', label: 'Add to the internal DNC list' }),
    open({
      id: 'crm_dnc_flag',
      kind: 'crm_dnc_flag',
      system: crm,
      label: `Mark DNC/unsubscribed in ${crm}`,
    }),
    open({
      id: 'marketing_lists',
      kind: 'marketing_lists',
      label: 'Remove from active marketing lists',
    }),
    open({ id: 'dial_queues', kind: 'dial_queues', label: 'Remove from dial queues' }),
    open({ id: 'campaigns', kind: 'campaigns', label: 'Remove from running campaigns' }),
    open({
      id: 'erase_crm',
      kind: 'erase_crm',
      system: crm,
      label: `Delete or irreversibly anonymise ${erasureScope} in ${crm}`,
    }),
    open({
      id: 'erase_call_center',
      kind: 'erase_call_center',
      system: callCenter,
      label: `Delete or irreversibly anonymise ${erasureScope} in ${callCenter}`,
    }),
    open({
      id: 'erase_email_platform',
      kind: 'erase_email_platform',
      system: emailPlatform,
      label: `Delete or irreversibly anonymise ${erasureScope} in ${emailPlatform}`,
    }),
    open({
      id: 'backup_guard',
      kind: 'backup_guard',
      label: 'Guard backups: replay any restore against the DNC and erasure ledger before use',
    }),
  ];

  for (const name of uniqueNames(input.processors ?? [])) {
    items.push(processorItem(name));
  }

  return items;
}

function processorItem(name: string): ChecklistItem {
  return open({
    id: processorItemId(name),
    kind: 'processor_notified',
    system: name,
    label: `Tell ${name} to delete the data and receive their confirmation`,
  });
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name !== '' && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

export type ChecklistErrorCode = 'case_final' | 'wrong_status' | 'unknown_item' | 'missing_field';

export type ChecklistUpdateResult =
  { ok: true; case: Case } | { ok: false; code: ChecklistErrorCode; reason: string };

export interface ChecklistUpdate {
  itemId: string;
  status: ChecklistItemStatus;
  note?: string;
}

function editableError(current: Case): ChecklistUpdateResult | null {
  if (isFinalStatus(current.status)) {
    return {
      ok: false,
      code: 'case_final',
      reason: `Case is ${current.status}: confirmed and rejected cases are final`,
    };
  }
  if (current.status !== 'in_progress') {
    return {
      ok: false,
      code: 'wrong_status',
      reason: `Checklist items can only change while the case is in_progress; it is ${current.status}`,
    };
  }
  return null;
}

/**
 * Sets one checklist item's status. Any role may do it, but only while the
 * case is `in_progress`. `not_applicable` needs a note saying why, and a
 * processor item is done only once that processor's notification and
 * confirmation dates are recorded.
 */
export function applyChecklistUpdate(
  current: Case,
  update: ChecklistUpdate,
  actor: { id: string; role: Role },
  at: string,
): ChecklistUpdateResult {
  const blocked = editableError(current);
  if (blocked) return blocked;

  const item = current.checklist.find((candidate) => candidate.id === update.itemId);
  if (!item) {
    return {
      ok: false,
      code: 'unknown_item',
      reason: `Checklist item "${update.itemId}" not found on case ${current.id}`,
    };
  }

  const note = update.note?.trim();
  if (update.status === 'not_applicable' && !note) {
    return {
      ok: false,
      code: 'missing_field',
      reason: `Marking "${item.label ?? item.id}" not_applicable needs a note saying why`,
    };
  }

  if (update.status === 'done' && item.kind === 'processor_notified') {
    const processor = current.processors.find(
      (candidate) => processorItemId(candidate.name) === item.id,
    );
    if (!processor?.notifiedAt || !processor.confirmedAt) {
      return {
        ok: false,
        code: 'missing_field',
        reason: `Record when ${item.system ?? 'the processor'} was notified and when it confirmed deletion before ticking this item`,
      };
    }
  }

  const updated: ChecklistItem =
    update.status === 'open'
      ? { id: item.id, kind: item.kind, system: item.system, label: item.label, status: 'open' }
      : { ...item, status: update.status, by: actor.id, at, note: note || undefined };

  return {
    ok: true,
    case: {
      ...current,
      version: current.version + 1,
      updatedAt: at,
      checklist: current.checklist.map((candidate) =>
        candidate.id === item.id ? stripUndefined(updated) : candidate,
      ),
    },
  };
}

export interface ProcessorUpdate {
  name: string;
  notifiedAt?: string;
  confirmedAt?: string;
}

/**
 * Records a processor notification or confirmation, adding the processor and
 * its checklist item if the case did not list it yet. It follows the same
 * status rule as checklist items, and rejects a confirmation dated before the
 * notification.
 */
export function applyProcessorUpdate(
  current: Case,
  update: ProcessorUpdate,
  at: string,
): ChecklistUpdateResult {
  const blocked = editableError(current);
  if (blocked) return blocked;

  const name = update.name.trim();
  if (name === '') {
    return { ok: false, code: 'missing_field', reason: 'A processor needs a name' };
  }

  const id = processorItemId(name);
  const existing = current.processors.find((candidate) => processorItemId(candidate.name) === id);
  const merged: ProcessorNotification = stripUndefined({
    name: existing?.name ?? name,
    notifiedAt: update.notifiedAt ?? existing?.notifiedAt,
    confirmedAt: update.confirmedAt ?? existing?.confirmedAt,
  });

  if (merged.confirmedAt && !merged.notifiedAt) {
    return {
      ok: false,
      code: 'missing_field',
      reason: `Record when ${merged.name} was notified before recording its confirmation`,
    };
  }
  if (
    merged.confirmedAt &&
    merged.notifiedAt &&
    Date.parse(merged.confirmedAt) < Date.parse(merged.notifiedAt)
  ) {
    return {
      ok: false,
      code: 'missing_field',
      reason: `${merged.name} cannot confirm (${merged.confirmedAt}) before it was notified (${merged.notifiedAt})`,
    };
  }

  const processors = existing
    ? current.processors.map((candidate) => (candidate === existing ? merged : candidate))
    : [...current.processors, merged];
  const hasItem = current.checklist.some((item) => item.id === id);

  return {
    ok: true,
    case: {
      ...current,
      version: current.version + 1,
      updatedAt: at,
      processors,
      checklist: hasItem ? current.checklist : [...current.checklist, processorItem(merged.name)],
    },
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
