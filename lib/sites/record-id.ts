// Record ids read from URLs and record headers of CRMs that no product adapter claims.

import type { LabelledField } from './labels.ts';

/**
 * Query parameters that CRMs use for the id of the record a page shows,
 * compared lower-cased and without "_" or "-" ("recordId", "record_id").
 * Only these count: "page", "tab", "view" or "sort" carry numbers too.
 */
const ID_PARAMETERS = [
  'id',
  'record',
  'recordid',
  'contactid',
  'personid',
  'customerid',
  'leadid',
  'dealid',
  'ticketid',
  'caseid',
  'objectid',
  'entityid',
];

/** Path words after which the next segment is the record id ("/contact/7", "#/people/42"). */
const RECORD_WORDS =
  /^(?:contacts?|persons?|people|leads?|accounts?|customers?|clients?|records?|deals?|tickets?|cases?|companies|company|organi[sz]ations?|kunden?|kontakte?|客户|联系人)$/i;

const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const NUMBER = /^\d{3,20}$/;
// Salesforce ids, Mongo ObjectIds, hex and base-62 keys: letters and digits, 8 to 64 long.
const OPAQUE_KEY = /^(?=(?:.*\d){3})(?=.*[A-Za-z])[A-Za-z0-9_-]{8,64}$/;
const SHORT_KEY = /^(?=.*\d)[A-Za-z0-9_-]{1,64}$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$|^\d{2}[-.]\d{2}[-.]\d{4}$/;

/** Tells whether a path segment, on its own, looks like a record id rather than a word or a page name. */
export function looksLikeRecordId(segment: string): boolean {
  if (DATE_LIKE.test(segment)) return false;
  return UUID.test(segment) || NUMBER.test(segment) || OPAQUE_KEY.test(segment);
}

/** Removes the braces Microsoft products put around GUIDs. */
export function stripBraces(id: string): string {
  return id.replace(/^\{(.*)\}$/, '$1');
}

/**
 * Reads a record id from a URL in the common shapes: `?id=`, a hash route
 * (`#/contact/123`), a path segment after a record word (`/person/7`), or
 * the last path segment that looks like an id. Returns null when none does.
 */
export function recordIdFromUrl(url: URL): string | null {
  const hash = url.hash.replace(/^#!?\/?/, '');
  const [hashPath = '', hashQuery = ''] = hash.split('?');
  // Single-page apps often keep parameters in the hash ("#record=3").
  const hashParameters = new URLSearchParams(hashPath.includes('=') ? hashPath : hashQuery);

  return (
    recordIdFromParameters(url.searchParams) ??
    recordIdFromParameters(hashParameters) ??
    recordIdFromSegments(splitPath(hashPath.includes('=') ? '' : hashPath)) ??
    recordIdFromSegments(splitPath(url.pathname))
  );
}

function recordIdFromParameters(parameters: URLSearchParams): string | null {
  const byName = new Map<string, string>();
  for (const [name, value] of parameters) {
    const key = name.toLowerCase().replace(/[_-]/g, '');
    if (!byName.has(key)) byName.set(key, value.trim());
  }

  for (const name of ID_PARAMETERS) {
    const value = byName.get(name);
    // "?record=new" opens a form for a record that does not exist yet.
    if (value && (SHORT_KEY.test(value) || UUID.test(value))) return stripBraces(value);
  }
  return null;
}

function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function recordIdFromSegments(segments: string[]): string | null {
  for (let i = segments.length - 2; i >= 0; i--) {
    const next = segments[i + 1]!;
    if (RECORD_WORDS.test(segments[i]!) && (SHORT_KEY.test(next) || UUID.test(next))) {
      return stripBraces(next);
    }
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    if (looksLikeRecordId(segments[i]!)) return stripBraces(segments[i]!);
  }
  return null;
}

/** Tells whether `element` is a record header that may carry the id as a data attribute. */
function isRecordHeader(element: Element): boolean {
  const tag = element.localName;
  if (tag === 'h1' || tag === 'header' || element.getAttribute('role') === 'banner') return true;

  const className = (element.getAttribute('class') ?? '').toLowerCase();
  return className.includes('record-header') || className.includes('recordheader');
}

/**
 * Reads a record id from `data-record-id` on any of `elements`, or from a
 * `data-id` on a record header (an `h1`, `header` or record-header element).
 * A bare `data-id` elsewhere is too common (list rows, widgets) to trust.
 */
export function recordIdFromAttributes(elements: readonly Element[]): string | null {
  for (const element of elements) {
    const id = element.getAttribute('data-record-id')?.trim();
    if (id && SHORT_KEY.test(stripBraces(id))) return stripBraces(id);
  }
  for (const element of elements) {
    const id = element.getAttribute('data-id')?.trim();
    if (id && looksLikeRecordId(id) && isRecordHeader(element)) return stripBraces(id);
  }
  return null;
}

/** Returns the first labelled record id ("Contact ID 0035g00000XyZ12AAB") that looks like one. */
export function recordIdFromLabels(fields: readonly LabelledField[]): string | null {
  for (const field of fields) {
    const id = stripBraces(field.value.trim());
    if (field.kind === 'recordId' && (SHORT_KEY.test(id) || UUID.test(id))) return id;
  }
  return null;
}
