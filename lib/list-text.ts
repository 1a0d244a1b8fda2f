import { caseReason } from './cases/model';
import { t, type MessageKey } from './i18n';
import {
  API_SOURCE_PREFIX,
  CSV_SOURCE_PREFIX,
  DEFAULT_IMPORT_REASON,
  DELETION_REQUEST_SOURCE,
  IMPORT_SOURCE_PREFIX,
} from './suppression/entry-words';

/**
 * Words DNC Guard itself writes into list entries, and how they are shown.
 * Entries keep them in English, because the server, the export and other
 * agents' browsers read the same entry. Each UI shows them in its language.
 */

/** Source of numbers a browser added before the server confirmed them. */
export const SOURCE_THIS_DEVICE = 'this device';
/** Origin, and later source, of numbers the extension sends to the server. */
export const SOURCE_EXTENSION = 'extension';

/** A captured case's reason, as `caseReason` writes it: a prefix, then the case id (a UUID). */
const CAPTURE_REASON = /^Deletion request ([0-9a-f]{8})-[0-9a-f-]{27}$/i;

/** Returns the reason stored for the numbers of a captured deletion request. */
export function captureReason(caseId: string): string {
  return caseReason(caseId);
}

/** Sources that end in a name (a file's, a token's), with the message that shows that name. */
const NAMED_SOURCES: readonly (readonly [prefix: string, key: MessageKey])[] = [
  [IMPORT_SOURCE_PREFIX, 'sourceImport'],
  [CSV_SOURCE_PREFIX, 'sourceOptionsImport'],
  [API_SOURCE_PREFIX, 'sourceApi'],
];

/** Returns the text shown for a stored reason, with the ones DNC Guard writes in the UI language and any other as written. */
export function reasonText(reason: string): string {
  if (reason === DEFAULT_IMPORT_REASON) return t('importReasonDefault');
  const match = CAPTURE_REASON.exec(reason);
  return match?.[1] ? t('reasonDeletionRequest', match[1]) : reason;
}

/** Returns the text shown for a stored source, with the ones DNC Guard writes in the UI language and any other as written. */
export function sourceText(source: string): string {
  if (source === SOURCE_THIS_DEVICE) return t('sourceThisDevice');
  if (source === SOURCE_EXTENSION) return t('sourceExtension');
  if (source === DELETION_REQUEST_SOURCE) return t('sourceDeletionRequest');

  for (const [prefix, key] of NAMED_SOURCES) {
    const name = source.slice(prefix.length);
    if (source.startsWith(prefix) && name) return t(key, name);
  }
  return source;
}
