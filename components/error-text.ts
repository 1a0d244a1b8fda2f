import { ErrorCode } from '@/lib/api/schemas';
import { t, tCount, type MessageKey } from '@/lib/i18n';
import { SyncError, type SyncProblem } from '@/lib/sync/errors';

/** Messages for the server's problem codes of a rejected request; other codes name no cause the user can act on. */
const REJECTION_MESSAGES: Partial<Record<ErrorCode, MessageKey>> = {
  invalid_json: 'apiErrorInvalidRequest',
  invalid_body: 'apiErrorInvalidRequest',
  invalid_query: 'apiErrorInvalidRequest',
  invalid_path: 'apiErrorInvalidRequest',
  not_found: 'apiErrorNotFound',
  unknown_route: 'apiErrorWrongUrl',
  version_conflict: 'apiErrorVersionConflict',
  id_conflict: 'apiErrorIdConflict',
  payload_too_large: 'apiErrorTooLarge',
  forbidden_transition: 'apiErrorForbiddenTransition',
  forbidden_role: 'apiErrorForbiddenRole',
  incomplete_checklist: 'apiErrorIncompleteChecklist',
  missing_field: 'apiErrorMissingField',
  case_final: 'apiErrorCaseFinal',
  wrong_status: 'apiErrorWrongStatus',
  unknown_item: 'apiErrorUnknownItem',
};

/**
 * Messages that leave the cause open or ask the user to tell an
 * administrator. They keep the HTTP status and the server's English text as
 * details for the administrator. Every other message explains its case in
 * the user's language, so English details would only repeat it.
 */
const DETAILED_CAUSES: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'syncError_server_error',
  'syncError_invalid_response',
  'syncError_storage_failed',
  'syncError_rejected',
  'syncErrorItemInvalid',
  'apiErrorInvalidRequest',
]);

/** Returns the message key of a problem's cause, with its substitution when it has one. */
function causeKey(problem: SyncProblem): [MessageKey, string?] {
  if (problem.code === 'offline' && problem.host) return ['syncErrorOfflineHost', problem.host];
  if (problem.code !== 'rejected') return [`syncError_${problem.code}`];

  // Without an HTTP status the extension itself found the item unsendable, or
  // the server rejected one entry of a batch it otherwise accepted.
  if (problem.status === undefined) return ['syncErrorItemInvalid'];

  // A 404 without the API's error body comes from a server that is not the API.
  if (problem.status === 404 && problem.apiCode === undefined) return ['apiErrorWrongUrl'];
  const code = ErrorCode.safeParse(problem.apiCode);
  const key = code.success ? REJECTION_MESSAGES[code.data] : undefined;
  return [key ?? 'syncError_rejected'];
}

/**
 * Describes a failed exchange with the API in the browser's language. The
 * HTTP status and the server's own text, which is English, follow as details
 * when the message alone leaves the cause open.
 */
export function problemText(problem: SyncProblem): string {
  if (problem.code === 'rejected' && problem.rejectedItems !== undefined) {
    return tCount('syncRejectedItems', problem.rejectedItems);
  }

  const [key, substitution] = causeKey(problem);
  const cause = t(key, substitution);
  if (!DETAILED_CAUSES.has(key)) return cause;

  const status = problem.status === undefined ? undefined : `HTTP ${problem.status}`;
  const details = [status, problem.detail].filter(Boolean).join(': ');
  return details ? t('errorWithDetails', [cause, details]) : cause;
}

/** Describes an error a page caught: a SyncError from its facts, any other error by its message. */
export function errorText(error: unknown): string {
  if (error instanceof SyncError) return problemText(error.problem());
  return error instanceof Error ? error.message : String(error);
}
