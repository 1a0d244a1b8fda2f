// Field labels as CRMs and dialers write them, in the languages DNC Guard's
// users work in, and the pairing of a label with the value it describes.

import { deepText, normalizeSpace } from './dom.ts';

export type FieldKind = 'name' | 'firstName' | 'lastName' | 'phone' | 'email' | 'recordId';

/** A label on the page and the text or value it describes. */
export interface LabelledField {
  kind: FieldKind;
  label: string;
  value: string;
  /** The element that shows the value: a control, or the element with the text. */
  element: Element;
}

/** Labels of a whole person name, compared after lower-casing and trimming ":" and "*". */
const NAME_LABELS = new Set([
  'name',
  'full name',
  'fullname',
  'contact',
  'contact name',
  'customer',
  'customer name',
  'caller',
  'caller name',
  'person',
  'person name',
  'lead name',
  'requester',
  'requester name',
  'requestor',
  'kontakt',
  'kontaktname',
  'vollständiger name',
  'nom',
  'nom complet',
  'nombre',
  'nombre completo',
  'nome',
  'nome completo',
  '姓名',
  '客户名称',
  '客户姓名',
  '联系人',
  '联系人姓名',
  '申请人',
  '客戶名稱',
  '聯絡人',
  '氏名',
  '名前',
  '顧客名',
]);

const FIRST_NAME_LABELS = new Set(['first name', 'given name', 'vorname', 'prénom', '名']);
const LAST_NAME_LABELS = new Set([
  'last name',
  'surname',
  'family name',
  'nachname',
  'nom de famille',
  '姓',
]);

const EMAIL_LABEL = /e-?mail|courriel|correo|邮箱|邮件|電子郵件|郵件|メール/;

// English words are matched whole, so "hotel" is not "tel" and "homepage" is
// not "home". "Number 1" is how contact-centre apps (Five9, for one) label the
// numbers of a contact; "ANI" and "caller ID" are the calling number.
// "Office", "direct" and "main" are line types that CRMs print beside a number.
const PHONE_LABEL =
  /\b(?:phone|mobile|cell|tel|telephone|work|home|office|direct|main|business|landline|handy|mobil|telefon|telefono|teléfono|téléphone|telefone|portable|móvil|celular|ani|caller id)\b|^number(?: \d)?$|电话|手机|電話|手機|座机|携帯/;

/** Words of a label that name which of a person's lines a number is ("Business Phone", "手机"). */
const LINE_TYPE_LABEL =
  /\b(?:work|home|office|mobile|cell|business|direct|main|landline|personal|private|primary|assistant)\b|手机|手機|座机|办公|辦公|家庭|工作|住宅/;

/** Labels of the id a CRM gives the record on screen ("Contact ID", "客户编号"). */
const RECORD_ID_LABEL =
  /^(?:(?:contact|record|customer|client|lead|person|account|deal|ticket|case) ?id|id|(?:客户|客戶|联系人|聯絡人|记录|記錄|工单|工單|线索)(?:编号|編號|id)|工单号|工單號)$/;

/** Labels that name a place or a document, not a number, even when they contain "home" or "work". */
const NOT_PHONE_LABEL = /address|adresse|dirección|地址|website|url|page|hours|email|e-mail/;

const MAX_LABEL_LENGTH = 40;
const MAX_NAME_VALUE_LENGTH = 100;
const MAX_FIELD_VALUE_LENGTH = 300;

/** Lower-cases a label and drops the trailing colon, asterisk or question mark forms use. */
export function normalizeLabel(text: string): string {
  return normalizeSpace(text)
    .toLowerCase()
    .replace(/[\s:：*?？]+$/u, '')
    .replace(/^[\s*]+/u, '');
}

/** Tells which field a label names, or null for labels of other fields. */
export function classifyLabel(text: string): FieldKind | null {
  const label = normalizeLabel(text);
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;

  if (NAME_LABELS.has(label)) return 'name';
  if (FIRST_NAME_LABELS.has(label)) return 'firstName';
  if (LAST_NAME_LABELS.has(label)) return 'lastName';
  if (RECORD_ID_LABEL.test(label)) return 'recordId';
  if (EMAIL_LABEL.test(label)) return 'email';
  if (PHONE_LABEL.test(label) && !NOT_PHONE_LABEL.test(label)) return 'phone';
  return null;
}

/** Tells whether a label names one of a person's lines, as a record's phone field does ("Mobile Phone"). */
export function namesLineType(text: string): boolean {
  const label = normalizeLabel(text);
  return label.length <= MAX_LABEL_LENGTH && LINE_TYPE_LABEL.test(label);
}

const PHONE_IDENTIFIER_WORD = /phone|mobile|^tel$|^cell|^handy$|^telefon|^telefono$|电话|手机/;
const EMAIL_IDENTIFIER_WORD = /^e?mail(?:address)?$|^email/;

/**
 * Tells whether an input's name, id or autocomplete token names a phone or
 * an email field. The identifier is split into words first
 * ("telephone1.fieldControl-phone-text-input", "contact_tel", "mobilePhone"),
 * so "hotel" or "MailingStreet" do not count.
 */
export function classifyIdentifier(identifier: string): 'phone' | 'email' | null {
  const words = identifier
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\u00c0-\u024f\u4e00-\u9fff]+/u)
    .filter((word) => word.length > 0);

  if (words.some((word) => EMAIL_IDENTIFIER_WORD.test(word))) return 'email';
  if (words.some((word) => PHONE_IDENTIFIER_WORD.test(word))) return 'phone';
  return null;
}

type FormControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const CONTROL_TAGS = new Set(['input', 'textarea', 'select']);
const IGNORED_INPUT_TYPES = new Set([
  'hidden',
  'password',
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'image',
]);

/** Tells whether `element` is a form control whose value is data the user can see. */
export function isReadableControl(element: Element): element is FormControl {
  if (!CONTROL_TAGS.has(element.localName)) return false;
  if (element.localName !== 'input') return true;
  return !IGNORED_INPUT_TYPES.has((element as HTMLInputElement).type);
}

/** Returns the value a control shows: the typed value, or the selected option's text. */
export function controlValue(control: FormControl): string {
  if (control.localName === 'select') {
    const select = control as HTMLSelectElement;
    return normalizeSpace(select.selectedOptions[0]?.textContent ?? '');
  }
  return normalizeSpace(control.value);
}

/** Elements whose text is navigation or an action, never a label of a record field. */
const NOT_A_LABEL =
  'a, button, nav, [role="navigation"], [role="tab"], [role="tablist"], [role="menu"], [role="menuitem"], [role="button"]';

/**
 * Finds the labelled fields of a record among `elements` (as returned by
 * `elementsDeep`), in document order. A label is paired with its value in the
 * ways record pages write them:
 * - `<label>` with its control (by `for` or by nesting), or with the element after it;
 * - `<dt>` with its `<dd>`, `<th>` with the `<td>` beside it;
 * - `aria-label` and `aria-labelledby` on the value itself;
 * - a short label element followed by a sibling value element;
 * - "Label: value" written in one element.
 */
export function collectLabelledFields(elements: Iterable<Element>): LabelledField[] {
  const fields: LabelledField[] = [];
  const add: AddField = (label, value, element) => {
    const kind = classifyLabel(label);
    if (!kind || value.length === 0 || value.length > MAX_FIELD_VALUE_LENGTH) return;
    if (kindIsName(kind) && value.length > MAX_NAME_VALUE_LENGTH) return;
    fields.push({ kind, label: normalizeSpace(label), value, element });
  };

  for (const element of elements) {
    const tag = element.localName;

    const ariaLabel = ariaLabelOf(element);
    if (ariaLabel !== null && !isLandmark(element)) {
      const value = isReadableControl(element) ? controlValue(element) : deepText(element);
      if (normalizeLabel(value) !== normalizeLabel(ariaLabel)) add(ariaLabel, value, element);
      continue;
    }

    if (tag === 'label') {
      addLabelElement(element as HTMLLabelElement, add);
    } else if (tag === 'dt') {
      const value = nextSiblingMatching(element, 'dd');
      if (value) add(deepText(element), deepText(value), value);
    } else if (tag === 'th') {
      const value = nextSiblingMatching(element, 'td');
      if (value) add(deepText(element), deepText(value), value);
    } else {
      addAdjacentOrInline(element, add);
    }
  }
  return fields;
}

type AddField = (label: string, value: string, element: Element) => void;

function kindIsName(kind: FieldKind): boolean {
  return kind === 'name' || kind === 'firstName' || kind === 'lastName';
}

// Regions (sections, dialogs, lists) are labelled with what they contain,
// not with one value, so their aria-label is not paired with their text.
// The walk still visits their children.
function isLandmark(element: Element): boolean {
  const role = element.getAttribute('role');
  if (
    role &&
    /^(region|dialog|alertdialog|list|listbox|grid|table|group|form|main|complementary|tabpanel|toolbar|menu|navigation|banner)$/.test(
      role,
    )
  ) {
    return true;
  }
  return /^(section|article|aside|main|nav|form|fieldset|ul|ol|table|dialog|header|footer|body)$/.test(
    element.localName,
  );
}

function ariaLabelOf(element: Element): string | null {
  const direct = element.getAttribute('aria-label');
  if (direct && normalizeSpace(direct)) return direct;

  const labelledBy = element.getAttribute('aria-labelledby');
  if (!labelledBy) return null;

  const root = element.getRootNode() as Document | ShadowRoot;
  const text = labelledBy
    .split(/\s+/)
    .map((id) => root.getElementById?.(id))
    .filter((label): label is HTMLElement => label !== null && label !== undefined)
    .map((label) => deepText(label))
    .join(' ');
  return normalizeSpace(text) || null;
}

function addLabelElement(label: HTMLLabelElement, add: AddField): void {
  const control = labelledControl(label);
  if (control) {
    add(labelTextWithout(label, control), controlValue(control), control);
    return;
  }

  const next = label.nextElementSibling;
  if (next) {
    add(deepText(label), isReadableControl(next) ? controlValue(next) : deepText(next), next);
  }
}

function labelledControl(label: HTMLLabelElement): FormControl | null {
  const forId = label.htmlFor;
  if (forId) {
    const root = label.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(forId);
    return target && isReadableControl(target) ? target : null;
  }
  for (const element of label.querySelectorAll('input, textarea, select')) {
    if (isReadableControl(element)) return element;
  }
  return null;
}

// "<label>Phone (edit) <input value="…"></label>": the label is the text
// around the control, without the control's own text (a select's options).
function labelTextWithout(label: Element, control: Element): string {
  const copy = label.cloneNode(true) as Element;
  for (const nested of copy.querySelectorAll(control.localName)) nested.remove();
  return deepText(copy);
}

function nextSiblingMatching(element: Element, tag: string): Element | null {
  for (let next = element.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.localName === tag) return next;
    if (next.localName === element.localName) return null;
  }
  return null;
}

const INLINE_PAIR = /^([^:：\n]{1,40})[:：]\s*(\S.*)$/u;

function addAdjacentOrInline(element: Element, add: AddField): void {
  // Only leaves are labels: an element with element children is a container
  // whose children are visited on their own.
  if (element.firstElementChild && !onlyInlineChildren(element)) return;
  if (element.shadowRoot) return;

  const text = deepText(element);
  if (text.length === 0 || text.length > MAX_FIELD_VALUE_LENGTH) return;

  // "手机：138 0013 8000" contains a label word and its own value, so the
  // element after it (a Call button, say) is not its value.
  const pair = INLINE_PAIR.exec(text);
  const holdsOwnValue = pair !== null && classifyLabel(pair[1]!) !== null;
  const next = !holdsOwnValue && classifyLabel(text) ? element.nextElementSibling : null;
  if (!next && !pair) return;
  if (element.closest(NOT_A_LABEL)) return;

  if (next) add(text, isReadableControl(next) ? controlValue(next) : deepText(next), next);
  else if (pair) add(pair[1]!, pair[2]!.trim(), element);
}

const INLINE_TAGS = new Set([
  'span',
  'b',
  'strong',
  'em',
  'i',
  'small',
  'bdi',
  'abbr',
  'mark',
  'sup',
  'sub',
]);

function onlyInlineChildren(element: Element): boolean {
  for (const child of element.children) {
    if (!INLINE_TAGS.has(child.localName)) return false;
  }
  return true;
}
