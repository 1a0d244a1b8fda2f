// The reader for any page no product adapter claims, and the fallback every
// adapter uses for the fields its own selectors do not find.

import { containsAcrossShadow, deepText, elementsDeep, firstShown } from './dom.ts';
import {
  EmailSet,
  PhoneSet,
  emailsFromMailtoLinks,
  emailsInText,
  isDialBox,
  phonesFromDialLinks,
  phonesInText,
  valuesFromControls,
} from './extract.ts';
import { cardContaining, findContactCards } from './contacts.ts';
import { collectLabelledFields, type LabelledField } from './labels.ts';
import { recordIdFromAttributes, recordIdFromLabels, recordIdFromUrl } from './record-id.ts';
import { isTextBlock, nameInItem, pointedItem, textBlocksIn } from './list-item.ts';
import {
  isPlausibleName,
  looksLikePersonName,
  nameFromPanelHeading,
  nameFromPersonElement,
} from './person-name.ts';
import { buildSnapshot, type RecordFields } from './snapshot.ts';
import { productIn, systemOfPage, titleParts } from './system-name.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

/**
 * The part of the page the generic reader reads: `root` (the whole document
 * by default) without the subtrees matching `skip`, such as lists of other records.
 */
export interface ReadScope {
  root?: ParentNode;
  skip?: string;
  /**
   * The node the agent last clicked, right-clicked or selected. When the
   * record lists several people, the one whose card contains it is captured.
   */
  focus?: Node | null;
}

/**
 * Reads every record field with no product knowledge. When the record lists
 * several people, only the card that contains `scope.focus` is read, and the
 * other cards' numbers go to `leftOutPhones`. With no card chosen, every
 * number is read and the name is left for the agent.
 */
export function readGenericFields(doc: Document, url: URL, scope: ReadScope = {}): RecordFields {
  const root = scope.root ?? doc;
  const elements = elementsDeep(root, scope.skip);
  const labelled = collectLabelledFields(elements);
  const found = findValues(labelled, elements);
  const recordId =
    recordIdFromUrl(url) ?? recordIdFromAttributes(elements) ?? recordIdFromLabels(labelled);

  const item = pointedItem(scope.focus ?? null, new Set(elements));
  if (item) {
    // The row clicked last opened its record in a panel over the list.
    const panel = openRecordPanel(elements, found, item);
    if (panel) return readGenericFields(doc, url, { root: panel, skip: scope.skip, focus: null });
    return { ...readItem(item, labelled, found, scope.focus ?? null), recordId };
  }

  const cards = findContactCards(sourcesOf(found));
  if (cards.length > 0) {
    const card = cardContaining(cards, scope.focus ?? null);
    const isInCard = (value: FoundValue) => !card || cardContaining([card], value.element) !== null;
    const phones = new PhoneSet();
    phones.addAll(found.phones.filter(isInCard).map((value) => value.value));
    return {
      name: card?.name ?? null,
      recordId,
      phones: phones.values(),
      emails: uniqueEmails(found.emails.filter(isInCard)),
      leftOutPhones: phonesMissingFrom(
        phones,
        found.phones.filter((value) => !isInCard(value)),
      ),
      people: card ? [] : cards.map((each) => each.name),
    };
  }

  // A record page may list a related person beside its own fields.
  const related = found.phones.filter((value) => inRelatedSection(value.element));
  const own: FoundValues = {
    phones: found.phones.filter((value) => !related.includes(value)),
    emails: found.emails.filter((value) => !inRelatedSection(value.element)),
  };
  const phones = new PhoneSet();
  phones.addAll(own.phones.map((value) => value.value));
  if (found.phones.length === 0) phones.addAll(standalonePhones(elements));
  return {
    name:
      nameFromLabels(labelled.filter((field) => !inRelatedSection(field.element))) ??
      nameFromPersonElement(elements) ??
      nameFromPanelHeading(sourcesOf(own), isNameOfPerson) ??
      nameFromHeading(elements) ??
      nameFromTitle(doc.title),
    recordId,
    phones: phones.values(),
    emails: uniqueEmails(own.emails),
    leftOutPhones: phonesMissingFrom(phones, related),
  };
}

/** Section titles of other people shown on a record ("Related Contacts", "其他联系人"). */
const RELATED_PEOPLE =
  /^(?:(?:related|other|associated|additional|linked) (?:contacts?|people|persons?|leads?)|colleagues|(?:相关|相關|其他|关联|關聯)(?:联系人|聯絡人|人员|人員))$/i;

/**
 * Tells whether `element` sits in a section about other people: an element
 * that opens with a heading, or carries a label, such as "Related Contacts".
 */
function inRelatedSection(element: Element): boolean {
  for (let section = element.parentElement; section; section = section.parentElement) {
    const name = section.localName;
    if (name === 'body' || name === 'main') return false;
    const first = section.firstElementChild;
    const title =
      section.getAttribute('aria-label') ??
      (first?.matches('h1, h2, h3, h4, h5, h6, [role="heading"]') ? deepText(first) : null);
    if (title !== null && RELATED_PEOPLE.test(title.trim())) return true;
  }
  return false;
}

/** Dialogs and side panels, which CRMs open over a list to show one of its records. */
const PANEL_SELECTOR =
  'dialog[open], [role="dialog"], [aria-modal="true"], aside, [role="complementary"]';

/**
 * Returns the panel laid over the page that shows a record outside the list
 * item `item`, or null. It is the last rendered dialog or side panel drawn
 * over the page (position fixed or absolute) with a phone number or email
 * address the reader found. A sidebar in the page's flow is not one.
 */
function openRecordPanel(elements: Element[], found: FoundValues, item: Element): Element | null {
  const view = item.ownerDocument.defaultView;
  let panel: Element | null = null;
  for (const element of elements) {
    if (!element.matches(PANEL_SELECTOR) || containsAcrossShadow(element, item)) continue;
    const isDialog =
      element.localName === 'dialog' ||
      element.getAttribute('role') === 'dialog' ||
      element.getAttribute('aria-modal') === 'true';
    const position = view?.getComputedStyle(element).position ?? '';
    if (!isDialog && position !== 'fixed' && position !== 'absolute') continue;
    const shows = (value: FoundValue) => containsAcrossShadow(element, value.element);
    if (found.phones.some(shows) || found.emails.some(shows)) panel = element;
  }
  return panel;
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
    leftOutPhones: found.phones?.length ? [] : (generic?.leftOutPhones ?? []),
    people: found.name ? [] : (generic?.people ?? []),
  });
}

/**
 * Reads the row or card the agent pointed at on a list or board: every
 * number and address it shows, plain text included, and its person's name
 * when one is sure. The numbers the page reader found elsewhere go to
 * `leftOutPhones`.
 */
function readItem(
  item: Element,
  labelled: readonly LabelledField[],
  found: FoundValues,
  focus: Node | null,
): Omit<RecordFields, 'recordId'> {
  const inside = new Set([item, ...elementsDeep(item)]);
  const inItem = (value: FoundValue) => inside.has(value.element);
  const values: FoundValues = {
    phones: found.phones.filter(inItem),
    emails: found.emails.filter(inItem),
  };
  for (const block of textBlocksIn(item)) {
    const text = deepText(block);
    values.phones.push(...phonesInText(text).map((value) => ({ value, element: block })));
    values.emails.push(...emailsInText(text).map((value) => ({ value, element: block })));
  }

  const phones = new PhoneSet();
  phones.addAll(values.phones.map((value) => value.value));
  const name =
    nameFromLabels(labelled.filter((field) => inside.has(field.element))) ??
    nameFromPersonElement(inside) ??
    nameInItem(item, focus, sourcesOf(values));
  return {
    name,
    phones: phones.values(),
    emails: uniqueEmails(values.emails),
    leftOutPhones: phonesMissingFrom(
      phones,
      found.phones.filter((value) => !inItem(value)),
    ),
  };
}

/**
 * Lists, tables and the page's header, footer and navigation: plain-text
 * numbers there belong to other records or to the company.
 */
const NOT_RECORD_TEXT =
  'ol, ul, table, header, footer, nav, [role="list"], [role="listbox"], [role="grid"], ' +
  '[role="table"], [role="feed"], [role="navigation"], [role="banner"], [role="contentinfo"]';
/** Maximum number of plain-text numbers read as the record's. A page with more is about several people. */
const MAX_STANDALONE_PHONES = 2;

/**
 * Returns the numbers shown as plain text outside lists, tables, header,
 * footer and navigation, for a page where no field, link or box shows one:
 * a power dialer shows its current contact's number with no label. More
 * than MAX_STANDALONE_PHONES different numbers give none, because they are
 * likely other people's.
 */
function standalonePhones(elements: readonly Element[]): string[] {
  const phones = new PhoneSet();
  for (const element of elements) {
    if (!isTextBlock(element) || element.closest(NOT_RECORD_TEXT)) continue;
    phones.addAll(phonesInText(deepText(element)));
    if (phones.size > MAX_STANDALONE_PHONES) return [];
  }
  return phones.values();
}

function sourcesOf(found: FoundValues): Element[] {
  return [...found.phones, ...found.emails].map((value) => value.element);
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

// The page's main h1: the first one inside main content, else the first one.
function nameFromHeading(elements: Element[]): string | null {
  // A page without an h1 often opens its record with an h2.
  const h1s = elements.filter((element) => element.localName === 'h1');
  const headings =
    h1s.length > 0 ? h1s : elements.filter((element) => element.localName === 'h2').slice(0, 1);
  const main = elements.find(
    (element) => element.localName === 'main' || element.getAttribute('role') === 'main',
  );
  const heading =
    firstShown(headings.filter((element) => main?.contains(element))) ?? firstShown(headings);
  if (!heading) return null;

  const text = deepText(heading);
  return isNameOfPerson(text) ? text : null;
}

/**
 * Returns the first part of a title with an app suffix that reads as a
 * person's name ("Ana García | Contact | Example CRM" → "Ana García",
 * "Lead 4471 – John Smith | MyCRM" → "John Smith"). The last part is the
 * app's, and a title with no separator is taken as the app's own name.
 */
export function nameFromTitle(title: string): string | null {
  const parts = titleParts(title);
  return parts.slice(0, -1).find((part) => part !== '' && isNameOfPerson(part)) ?? null;
}

// Dialers title their pages with the product ("Zendesk Talk – Dialer").
function isNameOfPerson(text: string): boolean {
  return looksLikePersonName(text) && productIn(text) === null;
}

/** A phone number or email address and the element it was read from. */
interface FoundValue {
  value: string;
  element: Element;
}

// Labelled fields go first because their labels show which number is which.
// Links and controls often repeat those numbers in another spelling.
interface FoundValues {
  phones: FoundValue[];
  emails: FoundValue[];
}

function findValues(labelled: readonly LabelledField[], elements: readonly Element[]): FoundValues {
  const phones: FoundValue[] = [];
  const emails: FoundValue[] = [];
  const add = (list: FoundValue[], values: string[], element: Element) => {
    for (const value of values) list.push({ value, element });
  };

  for (const field of labelled) {
    if (field.kind === 'phone' && !isDialBox(field.element))
      add(phones, phonesInText(field.value), field.element);
    if (field.kind === 'email') add(emails, emailsInText(field.value), field.element);
  }
  for (const element of elements) {
    add(phones, phonesFromDialLinks([element]), element);
    add(emails, emailsFromMailtoLinks([element]), element);
  }
  for (const element of elements) {
    const controls = valuesFromControls([element]);
    add(phones, controls.phones, element);
    add(emails, controls.emails, element);
  }
  return { phones, emails };
}

function uniqueEmails(found: readonly FoundValue[]): string[] {
  const emails = new EmailSet();
  emails.addAll(found.map((value) => value.value));
  return emails.values();
}

/** Returns the numbers of `others` that `kept` does not contain in any spelling. */
function phonesMissingFrom(kept: PhoneSet, others: readonly FoundValue[]): string[] {
  const all = new PhoneSet();
  all.addAll(kept.values());
  all.addAll(others.map((value) => value.value));
  return all.values().slice(kept.size);
}

/** Reads any page: labelled fields, dial and mail links, form controls, headings and the title. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Any page',
  matches: () => true,
  readRecord(
    doc: Document,
    url: URL = new URL(doc.URL),
    focus?: Node | null,
  ): RecordSnapshot | null {
    return buildSnapshot(doc, url, systemOfPage(doc, url), readGenericFields(doc, url, { focus }));
  },
};
