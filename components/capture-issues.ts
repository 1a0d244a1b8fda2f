import type { z } from 'zod';
import { t, type MessageKey } from '@/lib/i18n';

// The capture form checks a case with the case schema, whose messages are
// zod's English ones about field paths. These turn a rejected field into a
// message in the browser's language that names the field and its value.

type Issue = z.core.$ZodIssue;

/** Labels of the fields of a capture, by the path of the field in the case. */
const FIELD_LABELS = new Map<string, MessageKey>([
  ['receivedAt', 'captureReceivedAt'],
  ['channel', 'captureChannel'],
  ['scope', 'captureScope'],
  ['jurisdiction', 'captureJurisdiction'],
  ['subject.name', 'captureName'],
  ['subject.phones', 'captureFieldPhones'],
  ['subject.emails', 'captureFieldEmails'],
  ['subject.crm.system', 'captureCrmSystem'],
  ['subject.crm.recordId', 'captureRecordId'],
  ['subject.crm.url', 'captureRecordUrl'],
  ['notes', 'captureNotes'],
]);

/** Returns the value at `path` in `candidate`, or undefined when there is none. */
function valueAt(candidate: unknown, path: readonly PropertyKey[]): unknown {
  let value = candidate;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Describes why the case schema rejected `candidate`, from its first issue,
 * in the browser's language. An issue on a field the agent cannot edit (the
 * case id, the time zone) keeps zod's English text, because it points to a
 * fault in the extension rather than in the form.
 */
export function captureIssueText(issue: Issue | undefined, candidate: unknown): string {
  if (!issue) return t('captureInvalid', '');

  const path = issue.path.filter((key) => typeof key !== 'number').join('.');
  const labelKey = FIELD_LABELS.get(path);
  if (labelKey === undefined) {
    return t('captureInvalid', `${issue.path.join('.')}: ${issue.message}`);
  }

  const label = t(labelKey);
  const value = valueAt(candidate, issue.path);
  return t('captureInvalid', fieldProblem(issue, label, typeof value === 'string' ? value : ''));
}

function fieldProblem(issue: Issue, label: string, value: string): string {
  if (issue.code === 'invalid_format' && issue.format === 'email') {
    return t('captureInvalidEmail', value);
  }
  if (issue.code === 'invalid_format' && issue.format === 'url') {
    return t('captureInvalidUrl', value);
  }
  if (issue.code === 'too_small') return t('captureFieldMissing', label);
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return t('captureFieldTooMany', [label, String(issue.maximum)]);
  }
  if (issue.code === 'too_big') return t('captureFieldTooLong', [label, String(issue.maximum)]);
  return t('captureFieldInvalid', label);
}
