import { findPhoneCandidates, type PhoneCandidate } from '../phone/candidates';
import { withoutDialingPrefix } from '../phone/dial-prefix';
import { MESSAGE_WORDS } from './call-words';
import { MIN_PHONE_DIGITS, chosenOptionTexts, countDigits, dialKey } from './dom-rules';

/**
 * Hints in a box's name, id, label or placeholder that it contains a phone
 * number. Only a box with one of these is dialed when its text is more than
 * a number, such as a sentence or a note.
 */
const PHONE_BOX_HINTS =
  /phone|dial|callee|msisdn|mobile|(^|[^a-z])(tel|care|helpline|hotline)([^a-z]|$)|toll[- ]?free|telefon|tel[eé]fono|celular|m[oó]vil|handy|portable|电话|手机|拨|電話|携帯/i;
/**
 * Hints that a box contains an identifier or a code, not a phone number:
 * order and invoice numbers, account and company ids, postcodes.
 */
const IDENTIFIER_BOX_HINTS =
  /(^|[^a-z])(order|invoice|account|acct|customer|client|company|tax|vat|sku|serial|ticket|case|reference|ref|tracking|shipment|zip|postal|postcode|iban|isbn|ssn|passport|licen[cs]e|id|uuid|cr[eé]dito|pedido|fatura|factura|contrato|conta|cuenta|cliente|cpf|cnpj|curp|rfc|clabe|aadhaar|pan|gstin|kunden\w*|rechnung\w*|bestell\w*|auftrag\w*|vertrag\w*|steuer\w*|commande|facture|contrat|compte|dossier|siret|siren)([^a-z]|$)|编号|单号|订单|发票|账号|帐号|身份证|邮编|税号|番号|注文|請求|契約/i;
/**
 * Hints that a box contains the agent's own number, the caller ID a dial
 * goes out from. A label, aria-label, placeholder or name that starts with
 * "From" marks one too.
 */
const CALLER_ID_HINTS =
  /caller[ _-]?id|call(ing)?[ _-]from|from[ _-]?(number|line)|\bmy (number|line)\b|主叫|外显|来电显示/i;
/**
 * Hints that a box takes a name or a number ("Type a name or number", "输入姓名或号码"):
 * a softphone's box that searches contacts and dials what is typed.
 */
const NAME_OR_NUMBER_HINTS =
  /\bnames?\b.*\bnumbers?\b|\bnumbers?\b.*\bnames?\b|(姓名|名字|联系人).*号码|号码.*(姓名|名字|联系人)/i;
/** Characters allowed around the number in a dial box: a dialing prefix, a scheme such as "tel:", brackets. */
const MAX_CHARS_AROUND_NUMBER = 16;
/** Letters allowed around the number in a dial box, enough for "tel:" or "Ph." but not for a word of a sentence. */
const MAX_LETTERS_AROUND_NUMBER = 3;
/** Maximum length of a box's text read for a number. A longer text is a message, not a number being dialed. */
const MAX_BOX_TEXT = 64;

/**
 * Returns the attributes and label text that describe a box: its name, id,
 * placeholder, accessible name and the text of its labels.
 */
export function boxHints(box: HTMLElement): string {
  const attributes = [
    'name',
    'id',
    'placeholder',
    'aria-placeholder',
    'data-placeholder',
    'aria-label',
    'autocomplete',
    'class',
    'title',
  ].map((attribute) => box.getAttribute(attribute) ?? '');
  return [...attributes, labelledBy(box) ?? '', ...labelTexts(box)].join(' ');
}

/**
 * Tells whether a box's name, label or placeholder marks it as an identifier
 * ("Order number", "Company ID"), with no hint of a phone number. Its digits
 * are not flagged, as they are not in text after such a label.
 */
export function isIdentifierBox(box: HTMLElement): boolean {
  return namesIdentifier(boxHints(box));
}

/** Tells whether a name or label names an identifier ("order_id", "Account #"), with no hint of a phone number. */
export function namesIdentifier(hints: string): boolean {
  return IDENTIFIER_BOX_HINTS.test(hints) && !PHONE_BOX_HINTS.test(hints);
}

/** Returns the text of the elements `aria-labelledby` names, or null when it names none. */
export function labelledBy(element: Element): string | null {
  const ids = element.getAttribute('aria-labelledby');
  if (!ids) return null;
  const root = element.getRootNode() as Document | ShadowRoot;
  const text = ids
    .split(/\s+/)
    .map((id) => root.getElementById?.(id)?.textContent ?? '')
    .join(' ')
    .trim();
  return text || null;
}

/** Returns the text of a form control's labels, leaving out the control's own text (a wrapped select's options). */
function labelTexts(box: HTMLElement): string[] {
  const labels =
    box instanceof HTMLInputElement ||
    box instanceof HTMLTextAreaElement ||
    box instanceof HTMLSelectElement
      ? [...(box.labels ?? [])]
      : [];
  return labels.map((label) => textOutside(label, box));
}

function textOutside(container: Node, excluded: Node): string {
  let text = '';
  for (let child = container.firstChild; child; child = child.nextSibling) {
    if (child === excluded) continue;
    text += child.nodeType === Node.TEXT_NODE ? (child as Text).data : textOutside(child, excluded);
  }
  return text;
}

/** Tells whether a box's name, label or type marks it as a phone number box. */
export function hasPhoneHints(box: HTMLElement): boolean {
  if (box instanceof HTMLInputElement && box.type === 'tel') return true;
  return PHONE_BOX_HINTS.test(boxHints(box));
}

/**
 * Tells whether a box's placeholder or label offers a name or a number and
 * names no identifier ("Account name or number"). Such a box dials what it
 * contains when that is a number.
 */
export function takesNameOrNumber(box: HTMLElement): boolean {
  const hints = boxHints(box);
  return NAME_OR_NUMBER_HINTS.test(hints) && !namesIdentifier(hints);
}

/** Words in a box's name that ask for a number. Such a box is not a message composer ("Number to text"). */
const NUMBER_NAME_WORDS = /\bnumbers?\b|号码/i;

/**
 * Tells whether a box is named as a message composer ("Type a message",
 * "Reply", "Add a comment") by its labels, accessible name, placeholder,
 * name, id or title, and not as a phone number box. What is typed there is
 * sent as a message, even when it is only a number. `words` narrows the
 * names that count.
 */
export function namesMessageBox(box: HTMLElement, words: RegExp = MESSAGE_WORDS): boolean {
  const names = [...boxNames(box), box.id, box.getAttribute('title') ?? ''].join(' ');
  return words.test(names) && !PHONE_BOX_HINTS.test(names) && !NUMBER_NAME_WORDS.test(names);
}

/**
 * Tells whether an element is edited as free text: a textarea or a
 * multi-line editable region (chat and email composers).
 */
function isMessageBox(element: HTMLElement): boolean {
  return (
    element instanceof HTMLTextAreaElement || element.getAttribute('aria-multiline') === 'true'
  );
}

/** The number a box would dial, with other numbers the same choice may dial. */
export interface BoxNumber {
  raw: string;
  /** Other numbers the dial may go to (a picked option's value and text when they differ). */
  alternatives?: string[];
  /** The number with a dialing prefix such as *67 or an outside-line 9 removed. */
  withoutPrefix?: string[];
}

/**
 * Returns the number a box would dial: an input's value, a picker's selected
 * option or a display element's text. A box is dialed when that text is
 * essentially one number (formatting, a dialing prefix and an extension
 * allowed). A sentence with a number in it, and any text in a textarea or a
 * multi-line editor, is a message, unless the box's name, label or
 * placeholder marks it as a phone box. A box for the agent's own caller ID
 * is never the one dialed.
 */
export function readDialBox(element: HTMLElement): BoxNumber | null {
  if (isCallerIdBox(element)) return null;
  if (element instanceof HTMLSelectElement) return readPicker(element);

  const value = boxText(element);
  if (value === null) return null;
  const raw = numberInBoxText(value, element);
  if (!raw) return null;
  const withoutPrefix = numbersWithoutPrefix(value, raw);
  return withoutPrefix.length > 0 ? { raw, withoutPrefix } : { raw };
}

/** Returns the numbers in `text` once a dialing prefix is removed, leaving out `raw` itself. */
export function numbersWithoutPrefix(text: string, raw: string): string[] {
  const numbers: string[] = [];
  for (const variant of withoutDialingPrefix(text)) {
    const number = findPhoneCandidates(variant)[0]?.raw;
    if (!number) continue;
    const key = dialKey(number);
    if (key !== dialKey(raw) && !numbers.some((known) => dialKey(known) === key))
      numbers.push(number);
  }
  return numbers;
}

function numberInBoxText(value: string, element: HTMLElement): string | null {
  if (value.length > MAX_BOX_TEXT || countDigits(value) < MIN_PHONE_DIGITS) return null;

  const candidates = findPhoneCandidates(value);
  const [first] = candidates;
  if (!first) return null;

  const isNumber = !isMessageBox(element) && readsAsOneNumber(value, candidates);
  return isNumber || hasPhoneHints(element) ? first.raw : null;
}

/**
 * Reads the selected option of a picker. Pages dial its value or show the
 * number as its text, so both are checked when both are numbers. The other
 * options are choices not taken.
 */
function readPicker(select: HTMLSelectElement): BoxNumber | null {
  const numbers: string[] = [];
  for (const text of chosenOptionTexts(select)) {
    const raw = numberInBoxText(text, select);
    if (raw && !numbers.some((known) => dialKey(known) === dialKey(raw))) numbers.push(raw);
  }
  const [raw, ...alternatives] = numbers;
  if (!raw) return null;
  return alternatives.length > 0 ? { raw, alternatives } : { raw };
}

function isCallerIdBox(box: HTMLElement): boolean {
  if (CALLER_ID_HINTS.test(boxHints(box))) return true;
  return boxNames(box).some((name) => /^\s*from\b/i.test(name));
}

/** Tells whether a box is named as the recipient of a dial ("To", "To:"). */
export function namesRecipient(box: HTMLElement): boolean {
  return boxNames(box).some((name) => /^\s*to\b/i.test(name));
}

/** Returns the names a box is given one by one: its labels, the text aria-labelledby names, its aria-label, placeholder and name. */
function boxNames(box: HTMLElement): string[] {
  const attributes = ['aria-label', 'placeholder', 'aria-placeholder', 'name'].map(
    (attribute) => box.getAttribute(attribute) ?? '',
  );
  return [...labelTexts(box), labelledBy(box) ?? '', ...attributes];
}

function boxText(element: HTMLElement): string | null {
  if (element instanceof HTMLInputElement) {
    return ['hidden', 'password', 'checkbox', 'radio'].includes(element.type)
      ? null
      : element.value;
  }
  if (element instanceof HTMLTextAreaElement) return element.value;
  return element.textContent ?? '';
}

/** Tells whether a text is essentially one number: formatting, a prefix or "Tel:" around it, but no words. */
export function readsAsOneNumber(value: string, candidates: PhoneCandidate[]): boolean {
  const [only] = candidates;
  if (candidates.length !== 1 || !only) return false;

  const around = `${value.slice(0, only.start)} ${value.slice(only.end)}`.trim();
  const letters = around.match(/\p{L}/gu)?.length ?? 0;
  return around.length <= MAX_CHARS_AROUND_NUMBER && letters <= MAX_LETTERS_AROUND_NUMBER;
}
