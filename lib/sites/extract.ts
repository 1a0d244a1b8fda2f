// Phone numbers and email addresses found in record text, links and form
// controls. Numbers are kept as written, and the extension validates them
// against numbering plans later. So this file must not import the metadata
// library, which is too heavy for every frame's content script.

import { containsCallControl } from '../content/dial-targets.ts';
import { countDigits, dialKey, numberFromDialHref } from '../content/dom-rules.ts';
import { findPhoneCandidates } from '../phone/candidates.ts';
import { deepText, elementsDeep, queryAllDeep } from './dom.ts';
import {
  classifyIdentifier,
  classifyLabel,
  controlValue,
  isReadableControl,
  namesLineType,
} from './labels.ts';

const MIN_DIGITS = 7;
const MAX_DIGITS = 17;

/** Returns the phone numbers written in `text`, as written and without their extensions. */
export function phonesInText(text: string): string[] {
  return findPhoneCandidates(text).map((candidate) => candidate.raw);
}

// Local part per RFC 5322 "atext" and dots; domain of LDH labels with a dot.
// Internationalised addresses are not matched.
const EMAIL_PATTERN =
  /[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/g;

/** Returns the email addresses written in `text`. */
export function emailsInText(text: string): string[] {
  return text.match(EMAIL_PATTERN) ?? [];
}

/**
 * An ordered set of phone numbers that treats two spellings of one number as
 * one: equal digits, or a national form and the international form with its
 * country code ("(212) 555-0187" and "+1 212 555 0187", "020 7946 0018" and
 * "+44 20 7946 0018"). The international spelling wins, because it parses
 * without a default country, and it keeps the place of the first spelling.
 */
export class PhoneSet {
  private readonly entries: Array<{ raw: string; key: string }> = [];
  /** Entry indexes by the last seven digits, which every spelling of one number shares. */
  private readonly byTail = new Map<string, number[]>();

  add(raw: string): void {
    const key = dialKey(raw);
    const digits = countDigits(key);
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) return;

    const tail = key.slice(-MIN_DIGITS);
    const bucket = this.byTail.get(tail) ?? [];
    const index = bucket.find((candidate) => isSameNumber(this.entries[candidate]!.key, key));
    if (index === undefined) {
      bucket.push(this.entries.length);
      this.byTail.set(tail, bucket);
      this.entries.push({ raw, key });
      return;
    }

    const existing = this.entries[index]!;
    if (!existing.key.startsWith('+') && key.startsWith('+')) this.entries[index] = { raw, key };
  }

  addAll(raws: Iterable<string>): void {
    for (const raw of raws) this.add(raw);
  }

  get size(): number {
    return this.entries.length;
  }

  values(): string[] {
    return this.entries.map((entry) => entry.raw);
  }
}

/** Country calling codes have one to three digits. */
const MAX_COUNTRY_CODE_DIGITS = 3;

function isSameNumber(a: string, b: string): boolean {
  const digitsA = a.replace('+', '');
  const digitsB = b.replace('+', '');
  if (digitsA === digitsB) return true;

  if (a.startsWith('+') === b.startsWith('+')) return false;

  const [international, national] = a.startsWith('+') ? [digitsA, digitsB] : [digitsB, digitsA];

  // A national number may carry a trunk prefix "0" that the international form drops.
  const significant = national.startsWith('0') ? national.slice(1) : national;
  const extra = international.length - significant.length;
  return extra >= 1 && extra <= MAX_COUNTRY_CODE_DIGITS && international.endsWith(significant);
}

/** An ordered, case-insensitive set of email addresses. */
export class EmailSet {
  private readonly byKey = new Map<string, string>();

  add(email: string): void {
    const key = email.toLowerCase();
    if (!this.byKey.has(key)) this.byKey.set(key, email);
  }

  addAll(emails: Iterable<string>): void {
    for (const email of emails) this.add(email);
  }

  get size(): number {
    return this.byKey.size;
  }

  values(): string[] {
    return [...this.byKey.values()];
  }
}

const MAILTO_LINK_SELECTOR = 'a[href^="mailto:" i]';

const DIAL_LINK_SELECTOR =
  'a[href^="tel:" i], a[href^="callto:" i], a[href^="sip:" i], a[href^="sips:" i]';

/**
 * Returns the numbers of the `tel:`, `callto:` and `sip:` links among
 * `elements`: the number as the link text writes it, else the number in the href.
 */
export function phonesFromDialLinks(elements: Iterable<Element>): string[] {
  const phones: string[] = [];
  for (const element of elements) {
    // The tag test first, because matches() is slow in some DOM implementations.
    if (element.localName === 'a' && element.matches(DIAL_LINK_SELECTOR)) {
      phones.push(...phonesFromDialLink(element));
    }
  }
  return phones;
}

/** Returns the number of one dial link, preferring the text a person reads. */
export function phonesFromDialLink(link: Element): string[] {
  const fromText = phonesInText(link.textContent ?? '');
  if (fromText.length > 0) return fromText;

  const number = numberFromDialHref(link.getAttribute('href') ?? '');
  if (!number) return [];

  const fromHref = phonesInText(number);
  if (fromHref.length > 0) return fromHref;

  const digits = countDigits(number);
  return digits >= MIN_DIGITS && digits <= MAX_DIGITS ? [number.trim()] : [];
}

/** Returns the addresses of the `mailto:` links among `elements`. */
export function emailsFromMailtoLinks(elements: Iterable<Element>): string[] {
  const emails: string[] = [];
  for (const link of elements) {
    if (link.localName !== 'a' || !link.matches(MAILTO_LINK_SELECTOR)) continue;

    const target = (link.getAttribute('href') ?? '').slice('mailto:'.length).split('?')[0] ?? '';
    let decoded = target;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      // A malformed escape stays as written; the pattern below still finds plain addresses.
    }
    emails.push(...emailsInText(decoded));
  }
  return emails;
}

/** Controls that take typed text, not buttons, checkboxes or hidden values. */
const TYPED_INPUT =
  'input:not([type="hidden"], [type="checkbox"], [type="radio"], [type="submit"], [type="button"], [type="reset"], [type="image"], [type="file"]), textarea';

/**
 * Tells whether `element` is a box for typing a number to dial: the only
 * typed control of its form, or of its parent when it has no form, beside a
 * call control such as Call, Dial or 拨打. What the agent typed there is the
 * number dialed last, often another customer's, and not the record's. A
 * phone field of an edit form has other fields beside it. A read-only box,
 * or one labelled with a kind of line ("Business Phone", as Dynamics 365
 * labels a field wrapped alone with its call icon), is a record's field.
 * NOTE: a lone phone field whose click-to-call button sits further away,
 * outside any form, still counts as the record's.
 */
export function isDialBox(element: Element): boolean {
  if (element.localName !== 'input' && element.localName !== 'textarea') return false;
  const control = element as HTMLInputElement | HTMLTextAreaElement;
  if (control.readOnly || control.getAttribute('aria-readonly') === 'true') return false;
  if (labelTexts(control).some(namesLineType)) return false;
  const scope = control.form ?? control.parentElement;
  if (!scope || scope.querySelectorAll(TYPED_INPUT).length !== 1) return false;
  return containsCallControl(scope);
}

/**
 * Returns the phone numbers and email addresses typed into the form controls
 * among `elements`: inputs of type tel or email, and controls whose name, id,
 * autocomplete token or label names a phone or email field. A dial box is
 * left out (see isDialBox).
 */
export function valuesFromControls(elements: Iterable<Element>): {
  phones: string[];
  emails: string[];
} {
  const phones: string[] = [];
  const emails: string[] = [];

  for (const element of elements) {
    if (!isReadableControl(element) || element.localName === 'select') continue;

    const kind = controlKind(element as HTMLInputElement | HTMLTextAreaElement);
    if (!kind || (kind === 'phone' && isDialBox(element))) continue;

    const value = controlValue(element);
    if (kind === 'phone') phones.push(...phonesInText(value));
    else emails.push(...emailsInText(value));
  }
  return { phones, emails };
}

function controlKind(control: HTMLInputElement | HTMLTextAreaElement): 'phone' | 'email' | null {
  if (control.localName === 'input') {
    const type = (control as HTMLInputElement).type;
    if (type === 'tel') return 'phone';
    if (type === 'email') return 'email';
  }

  const identifiers = [
    control.getAttribute('name'),
    control.id,
    control.getAttribute('autocomplete'),
    control.getAttribute('data-id'),
  ];
  for (const identifier of identifiers) {
    const kind = identifier ? classifyIdentifier(identifier) : null;
    if (kind) return kind;
  }

  for (const label of labelTexts(control)) {
    const kind = classifyLabel(label);
    if (kind === 'phone' || kind === 'email') return kind;
  }
  return null;
}

/** Returns the texts that label a form control: aria-label, aria-labelledby and label elements. */
function labelTexts(control: HTMLInputElement | HTMLTextAreaElement): string[] {
  const texts = [control.getAttribute('aria-label') ?? ''];
  for (const id of (control.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const label = id ? control.ownerDocument.getElementById(id) : null;
    if (label) texts.push(label.textContent ?? '');
  }
  for (const label of control.labels ?? []) texts.push(label.textContent ?? '');
  return texts;
}

/**
 * Returns the phone numbers shown by product-specific elements: their text,
 * their dial links when the text contains none (an icon-only link), and their
 * value when they are form controls.
 */
export function phonesFromElements(elements: Iterable<Element>): string[] {
  const phones = new PhoneSet();
  for (const element of elements) {
    if (isReadableControl(element)) {
      phones.addAll(phonesInText(controlValue(element)));
      continue;
    }

    const fromText = phonesInText(deepText(element));
    if (fromText.length > 0) {
      phones.addAll(fromText);
      continue;
    }
    const links = element.matches(DIAL_LINK_SELECTOR)
      ? [element]
      : queryAllDeep(element, DIAL_LINK_SELECTOR);
    for (const link of links) phones.addAll(phonesFromDialLink(link));
  }
  return phones.values();
}

/** Returns the email addresses shown by product-specific elements: text, mailto links or control values. */
export function emailsFromElements(elements: Iterable<Element>): string[] {
  const emails = new EmailSet();
  for (const element of elements) {
    if (isReadableControl(element)) {
      emails.addAll(emailsInText(controlValue(element)));
      continue;
    }

    const fromText = emailsInText(deepText(element));
    emails.addAll(
      fromText.length > 0 ? fromText : emailsFromMailtoLinks([element, ...elementsDeep(element)]),
    );
  }
  return emails.values();
}
