import { normalizeSpace } from './dom.ts';
import { recordSnapshotSchema, SNAPSHOT_LIMITS, type RecordSnapshot } from './types.ts';

/** The fields an adapter reads; the rest of the snapshot comes from the document. */
export interface RecordFields {
  name: string | null;
  recordId: string | null;
  phones: string[];
  emails: string[];
  /** Numbers of other people the record lists, left out of `phones`. */
  leftOutPhones?: string[];
  /** Names of the people the record lists, when none was chosen. */
  people?: string[];
}

/**
 * Builds a snapshot that always satisfies `recordSnapshotSchema`: text is
 * whitespace-normalised and cut to the limits, over-long phones and emails
 * are dropped, and the lists keep their first entries. Returns null when the
 * page showed no record field at all.
 */
export function buildSnapshot(
  doc: Document,
  url: URL,
  system: string,
  fields: RecordFields,
): RecordSnapshot | null {
  const name = clampText(fields.name, SNAPSHOT_LIMITS.name);
  const recordId =
    fields.recordId && fields.recordId.length <= SNAPSHOT_LIMITS.recordId ? fields.recordId : null;
  const phones = clampPhones(fields.phones);
  const phonesCut = clampPhones(fields.phones, Infinity).length - phones.length;
  const emails = fields.emails
    .filter((email) => email.length >= 3 && email.length <= SNAPSHOT_LIMITS.email)
    .slice(0, SNAPSHOT_LIMITS.emails);
  if (!name && !recordId && phones.length === 0 && emails.length === 0) return null;

  return recordSnapshotSchema.parse({
    system: system.slice(0, SNAPSHOT_LIMITS.system) || 'unknown',
    recordId,
    url: clampUrl(url),
    name,
    phones,
    phonesCut,
    emails,
    leftOutPhones: clampPhones(fields.leftOutPhones ?? []),
    people: (fields.people ?? [])
      .map((person) => clampText(person, SNAPSHOT_LIMITS.name))
      .filter((person): person is string => person !== null)
      .slice(0, SNAPSHOT_LIMITS.phones),
    title: clampText(doc.title, SNAPSHOT_LIMITS.title) ?? '',
  });
}

function clampPhones(phones: readonly string[], max: number = SNAPSHOT_LIMITS.phones): string[] {
  return phones
    .map((phone) => normalizeSpace(phone))
    .filter((phone) => phone.length > 0 && phone.length <= SNAPSHOT_LIMITS.phone)
    .slice(0, max);
}

/** Normalises whitespace and cuts `text` to `max` UTF-16 units without splitting a surrogate pair. */
export function clampText(text: string | null, max: number): string | null {
  if (text === null) return null;

  const normalized = normalizeSpace(text);
  if (normalized.length === 0) return null;
  if (normalized.length <= max) return normalized;

  let cut = normalized.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

// A URL longer than the limit loses its query and fragment first (tracking
// parameters), then is cut, so the snapshot still points at the page.
function clampUrl(url: URL): string {
  if (url.href.length <= SNAPSHOT_LIMITS.url) return url.href;

  const short = `${url.origin}${url.pathname}`;
  return short.length <= SNAPSHOT_LIMITS.url ? short : url.origin;
}
