import { digitValue } from '../phone/chars';

/**
 * Elements whose text flows on the same line as their neighbours. A number
 * split across them ("<span>+1 (212)</span> <span>555-0187</span>") is read
 * as one string. Any other element ends a run of text. Tag names decide first,
 * because reading computed styles for every node would make the browser
 * compute the page's style during the scan. Styles are read only where a run
 * that contains a number meets another element with no space between.
 */
/** Computed display values that keep an element's text on the line of its neighbours. */
export const FLOWING_DISPLAYS = new Set(['inline', 'contents']);
/** Computed display values of boxes that still sit on the line; a dial display may draw each digit in one. */
export const INLINE_BOXES = new Set(['inline-block', 'inline-flex', 'inline-grid']);

export const INLINE_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'lightning-formatted-phone',
  'lightning-formatted-text',
]);

/** Elements whose content is never page text to flag. */
export const SKIPPED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'dnc-guard-badge',
  'dnc-guard-notice',
]);

/** Editable regions that are not form controls (contenteditable other than "false"): a rich-text composer, an inline edit. */
export const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false" i])';

/** Tells whether an element is an editable region (see EDITABLE_SELECTOR). */
export function isEditableRegion(element: Element): boolean {
  return element.matches(EDITABLE_SELECTOR);
}

/** Returns the value and the text of a select's chosen option; pages dial or show either. */
export function chosenOptionTexts(select: HTMLSelectElement): string[] {
  const option = select.selectedOptions[0];
  return option ? [option.value, option.text] : [];
}

/** Text of a dial pad key: a digit, * or #, maybe with its letters ("2ABC", "0+"). */
const PAD_KEY_TEXT = /^[0-9*#+]\s*[A-Z+]{0,4}$/;

/** Tells whether an element is a plain button or link, as dial pad keys and call buttons are. */
export function isPlainControl(element: Element): boolean {
  const name = element.localName;
  const role = element.getAttribute('role');
  return name === 'button' || name === 'a' || role === 'button' || role === 'link';
}

/** Tells whether an element is a key of a dial pad: a plain control whose text is one digit, * or #. */
export function isDialPadKey(element: Element): boolean {
  return isPlainControl(element) && PAD_KEY_TEXT.test((element.textContent ?? '').trim());
}

/** Input types that are buttons or choices, not text being edited. */
const NOT_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio']);

/** Tells whether an element is an input whose value is text being edited. */
export function isTextInput(element: Element): element is HTMLInputElement {
  return element instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(element.type);
}

export const BADGE_TAG = 'dnc-guard-badge';
export const NOTICE_TAG = 'dnc-guard-notice';

/** Tells whether keys typed into an element edit text or a choice: a field, a picker or an editable region. */
export function isTypingField(element: Element): boolean {
  const name = element.localName;
  return name === 'input' || name === 'textarea' || name === 'select' || isEditableRegion(element);
}

/**
 * Tells whether an event target or node is one of DNC Guard's own elements
 * (a badge or a notice). Read by node type, so nodes of other frames count.
 */
export function isOwnElement(target: EventTarget): boolean {
  if ((target as Partial<Node>).nodeType !== Node.ELEMENT_NODE) return false;
  const name = (target as Element).localName;
  return name === BADGE_TAG || name === NOTICE_TAG;
}

/**
 * Tells whether a badge handles the clicks on it (opening its menu), which
 * then never reach the page. A badge inside a link is part of what the agent
 * clicks: its clicks follow the link and the dial guard decides them.
 */
export function ownsItsClicks(badge: Element): boolean {
  return badge.parentElement?.closest('a[href]') == null;
}

/** URL schemes that start a call when a link is followed. */
export const DIAL_SCHEMES = ['tel:', 'callto:', 'sip:', 'sips:'];

/** Returns the number a dial link calls, or null when the href is not a dial link. */
export function numberFromDialHref(href: string): string | null {
  const lower = href.trim().toLowerCase();
  const scheme = DIAL_SCHEMES.find((prefix) => lower.startsWith(prefix));
  if (!scheme) return null;

  let rest = href.trim().slice(scheme.length).replace(/^\/\//, '');
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // A malformed escape stays as written; the digits are still readable.
  }

  // sip:+14155550123@carrier.example;user=phone → the user part only.
  const userPart = rest.split(/[@?]/)[0] ?? '';
  // A one-tap dial-in (tel:+16465550156,,84522317788#,,,,*1234567#) keeps the
  // digits after its first pause as an extension. The rest are tones the
  // call sends once connected, which no number reading accepts.
  const number = /^[^,;]*(?:,+\d+)?/.exec(userPart)?.[0] ?? '';
  return /\d/.test(number) ? number : null;
}

/**
 * Reduces a typed or displayed number to "+" and ASCII digits, the form used
 * as a page-local cache key. Dialers reformat what is typed, so
 * "+44 (20) 7946-0018" and "+442079460018" share one key.
 */
export function dialKey(raw: string): string {
  let key = '';
  for (const char of raw) {
    const value = digitValue(char.charCodeAt(0));
    if (value !== null) key += String(value);
    else if ((char === '+' || char === '＋') && key === '') key = '+';
  }
  return key;
}

// A run with fewer than MIN_PHONE_DIGITS digits contains no phone number.
export { countDigits } from '../phone/chars';

export const MIN_PHONE_DIGITS = 7;

/**
 * Returns the element that has focus, inside open shadow roots too: there
 * the document's activeElement is only the host, which may not take focus.
 */
export function focusedElement(doc: Document): HTMLElement | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
