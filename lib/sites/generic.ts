// The reader for any page no product adapter claims, and the fallback every
// adapter uses for the fields its own selectors do not find.

import { deepText, elementsDeep, firstShown } from './dom.ts';
import {
  EmailSet,
  PhoneSet,
  emailsFromMailtoLinks,
  emailsInText,
  phonesFromDialLinks,
  phonesInText,
  valuesFromControls,
} from './extract.ts';
import { collectLabelledFields, type LabelledField } from './labels.ts';
import { recordIdFromAttributes, recordIdFromUrl } from './record-id.ts';
import { buildSnapshot, type RecordFields } from './snapshot.ts';
import { systemOfPage, titleParts } from './system-name.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

/**
 * The part of the page the generic reader reads: `root` (the whole document
 * by default) without the subtrees matching `skip`, such as lists of other records.
 */
export interface ReadScope {
  root?: ParentNode;
  skip?: string;
}

/** Reads every record field with no product knowledge. */
export function readGenericFields(doc: Document, url: URL, scope: ReadScope = {}): RecordFields {
  const root = scope.root ?? doc;
  const elements = elementsDeep(root, scope.skip);
  const labelled = collectLabelledFields(elements);
  const controls = valuesFromControls(elements);

  return {
    name:
      nameFromLabels(labelled) ??
      nameFromPersonElement(elements) ??
      nameFromHeading(elements) ??
      nameFromTitle(doc.title),
    recordId: recordIdFromUrl(url) ?? recordIdFromAttributes(elements),
    phones: readPhones(labelled, phonesFromDialLinks(elements), controls.phones),
    emails: readEmails(labelled, emailsFromMailtoLinks(elements), controls.emails),
  };
}

/**
 * Builds the snapshot from what an adapter found, reading each missing field
 * (null name or id, empty phone or email list) with the generic reader
 * within `scope`. The generic reading runs only when something is missing.
 */
export function composeRecord(
  doc: Document,
  url: URL,
  system: string,
  found: Partial<RecordFields>,
  scope: ReadScope = {},
): RecordSnapshot | null {
  const isComplete =
    Boolean(found.name) &&
    Boolean(found.recordId) &&
    Boolean(found.phones?.length) &&
    Boolean(found.emails?.length);
  const generic = isComplete ? null : readGenericFields(doc, url, scope);

  return buildSnapshot(doc, url, system, {
    name: found.name || generic?.name || null,
    recordId: found.recordId || generic?.recordId || null,
    phones: found.phones?.length ? found.phones : (generic?.phones ?? []),
    emails: found.emails?.length ? found.emails : (generic?.emails ?? []),
  });
}

function nameFromLabels(fields: LabelledField[]): string | null {
  const full = fields.find((field) => field.kind === 'name' && isPlausibleName(field.value));
  if (full) return full.value;

  const first = fields.find((field) => field.kind === 'firstName' && isPlausibleName(field.value));
  const last = fields.find((field) => field.kind === 'lastName' && isPlausibleName(field.value));
  if (!first && !last) return null;

  // CJK names are written family name first and without a space.
  const parts = [first?.value, last?.value].filter((part): part is string => Boolean(part));
  const isCjk = parts.every((part) => /^[\u3040-\u30ff\u3400-\u9fff]+$/u.test(part));
  return isCjk ? [last?.value, first?.value].filter(Boolean).join('') : parts.join(' ');
}

/** Tells whether `text` can be a person's name: it has a letter and is neither a phone number nor an email address. */
export function isPlausibleName(text: string): boolean {
  if (!/\p{L}/u.test(text)) return false;
  return phonesInText(text).length === 0 && emailsInText(text).length === 0;
}

/** Particles that a person's name writes in lower case ("Ludwig van Beethoven", "Maria dos Santos"). */
const NAME_PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
]);

const MAX_NAME_WORDS = 5;
const CJK_NAME =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·・]{2,8}$/u;

/**
 * Tells whether `text` is shaped like a person's name rather than a subject
 * or a sentence: at most five words, each capitalised or a name particle,
 * with no digits and no sentence or ticket punctuation. Headings and titles
 * must pass this check, because a ticket page's h1 is its subject.
 */
export function looksLikePersonName(text: string): boolean {
  if (!isPlausibleName(text)) return false;
  if (CJK_NAME.test(text)) return true;
  if (/[\d?!#@:;|/\\()[\]{}<>=+*_"“”]/u.test(text)) return false;

  const words = text.split(' ');
  if (words.length > MAX_NAME_WORDS) return false;
  return words.every(
    (word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()),
  );
}

/** Words of an element's id, class or test id that mark it as a person's, not the agent's or a company's. */
const PERSON_WORDS = new Set([
  'requester',
  'requestor',
  'customer',
  'contact',
  'caller',
  'person',
  'client',
  'enduser',
]);

const MAX_NAME_LENGTH = 100;

const PERSON_ATTRIBUTES = ['data-test-id', 'data-testid', 'data-test', 'data-qa', 'id', 'class'];

/**
 * Returns the text of the first element whose test id, id or class names a
 * person's name ("requester-name", "customerName", "Contact_name"). Helpdesks
 * show the requester this way in a sidebar, with no label beside it.
 */
function nameFromPersonElement(elements: Element[]): string | null {
  for (const element of elements) {
    if (!PERSON_ATTRIBUTES.some((attribute) => namesPerson(element.getAttribute(attribute)))) {
      continue;
    }

    const text = deepText(element);
    if (text.length <= MAX_NAME_LENGTH && isPlausibleName(text)) return text;
  }
  return null;
}

// Each class or id token on its own, split into words: "Contact_name",
// "requester-name", "customerName".
function namesPerson(value: string | null): boolean {
  if (!value) return false;

  return value.split(/\s+/).some((token) => {
    const words = token
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z]+/);
    return words.includes('name') && words.some((word) => PERSON_WORDS.has(word));
  });
}

// The page's main h1: the first one inside main content, else the first one.
function nameFromHeading(elements: Element[]): string | null {
  const headings = elements.filter((element) => element.localName === 'h1');
  const main = elements.find(
    (element) => element.localName === 'main' || element.getAttribute('role') === 'main',
  );
  const heading =
    firstShown(headings.filter((element) => main?.contains(element))) ?? firstShown(headings);
  if (!heading) return null;

  const text = deepText(heading);
  return looksLikePersonName(text) ? text : null;
}

/**
 * Returns the first part of a title with an app suffix
 * ("Ana García | Contact | Example CRM" → "Ana García"). A title with no
 * separator is taken as the app's own name, not a person's.
 */
export function nameFromTitle(title: string): string | null {
  const parts = titleParts(title);
  if (parts.length < 2) return null;

  const first = parts[0]!;
  return first && looksLikePersonName(first) ? first : null;
}

// Labelled fields go first because their labels show which number is which.
// Links and controls often repeat those numbers in another spelling.
function readPhones(
  labelled: LabelledField[],
  fromLinks: string[],
  fromControls: string[],
): string[] {
  const phones = new PhoneSet();
  for (const field of labelled) {
    if (field.kind === 'phone') phones.addAll(phonesInText(field.value));
  }
  phones.addAll(fromLinks);
  phones.addAll(fromControls);
  return phones.values();
}

function readEmails(
  labelled: LabelledField[],
  fromLinks: string[],
  fromControls: string[],
): string[] {
  const emails = new EmailSet();
  for (const field of labelled) {
    if (field.kind === 'email') emails.addAll(emailsInText(field.value));
  }
  emails.addAll(fromLinks);
  emails.addAll(fromControls);
  return emails.values();
}

/** Reads any page: labelled fields, dial and mail links, form controls, headings and the title. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any page',
  matches: () => true,
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    return buildSnapshot(doc, url, systemOfPage(doc, url), readGenericFields(doc, url));
  },
};
