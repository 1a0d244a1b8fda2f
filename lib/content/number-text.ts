import { findPhoneCandidates } from '../phone/candidates';
import { CALL_WORDS, NOT_A_DIAL } from './call-words';
import type { DialTarget } from './dial-targets';
import { MIN_PHONE_DIGITS, countDigits } from './dom-rules';

// Numbers shown as the text of what is clicked: a control labelled with its
// number, or a number text that looks clickable.

/** Elements from the clicked one outward searched for a number text that looks clickable. */
const CLICKABLE_NUMBER_DEPTH = 4;
/** Maximum child elements of a number text: a number split over spans, an icon and a badge. */
const MAX_NUMBER_TEXT_CHILDREN = 8;
/** Non-number characters allowed around a click-to-dial number ("Call +1 212 …"). */
const CLICK_TO_DIAL_SLACK = 16;
/** Class and id tokens of values that a click edits in place ("editable", "inline-edit", "x-editable"). */
const EDIT_TOKENS = /(^|[\s_-])(in-?line-?)?edit(able|or|ing)?([\s_-]|$)/i;
/** Words in a title or label that mark a value as edited in place. */
const EDIT_WORDS = /\bedit\b|编辑|編集|bearbeiten|modifier|editar|modifica/i;

/**
 * Finds a number text that looks clickable among `below`, the clicked
 * element and its ancestors below any control. Its listeners are invisible
 * to the content script, so its look decides: the text is essentially one
 * number, and the number's own area has a pointer cursor or a tabindex. A
 * pointer inherited from a larger clickable area (a row that opens a record)
 * does not count, and plain text stays unguarded because agents click it to
 * select it.
 * NOTE: a clickable row whose whole text is a short name and a number (within
 * CLICK_TO_DIAL_SLACK) reads as a clickable number, so opening it is decided
 * like a dial.
 */
export function clickableNumberTarget(below: HTMLElement[]): DialTarget | null {
  const elements = below.slice(0, CLICKABLE_NUMBER_DEPTH);
  // An option of a list box is a choice, such as a contact picked from a
  // dialer's search: picking fills the number box, whose Call is guarded.
  if (elements.some((element) => element.getAttribute('role') === 'option')) return null;
  const start = elements.findIndex(
    (element) =>
      element.childElementCount <= MAX_NUMBER_TEXT_CHILDREN &&
      countDigits(element.textContent ?? '') >= MIN_PHONE_DIGITS,
  );
  const first = elements[start];
  const raw = first ? numberInText(first.textContent ?? '') : null;
  if (!raw) return null;

  for (let i = start; i < elements.length; i++) {
    const element = elements[i];
    if (!element || element.childElementCount > MAX_NUMBER_TEXT_CHILDREN) return null;
    if (i > start && numberInText(element.textContent ?? '') === null) return null;

    // A value that a click opens for editing is how an agent corrects or
    // deletes a number in the CRM, so it is never read as a dial.
    if (isEditedInPlace(element)) return null;
    const parent = below[i + 1];
    const pointerStartsHere = hasPointerCursor(element) && !(parent && hasPointerCursor(parent));
    if (pointerStartsHere || (element.tabIndex >= 0 && element.hasAttribute('tabindex')))
      return { kind: 'click-to-dial', raw, element };
  }
  return null;
}

/** Maximum length of an option's label read for an offer to call a number. */
const MAX_OPTION_LABEL = 80;

/**
 * Finds an option of a list box that offers to call a number ("Call +1 212
 * 555 0187", "拨打 …"), among the clicked element and the few around it.
 * Search boxes and command palettes offer one when the query is a number,
 * and picking it dials. The words before the number must name a call, so an
 * option that shows a contact, or "Search calls for …", stays a choice.
 */
export function callOptionTarget(below: HTMLElement[]): DialTarget | null {
  const option = below
    .slice(0, CLICKABLE_NUMBER_DEPTH)
    .find((element) => element.getAttribute('role') === 'option');
  if (!option) return null;

  const label = (option.getAttribute('aria-label') ?? option.textContent ?? '').trim();
  if (label.length > MAX_OPTION_LABEL) return null;
  const candidates = findPhoneCandidates(label);
  const [only] = candidates;
  if (candidates.length !== 1 || !only) return null;

  const before = label.slice(0, only.start);
  if (!CALL_WORDS.test(before) || NOT_A_DIAL.test(before)) return null;
  return { kind: 'click-to-dial', raw: only.raw, element: option };
}

/** Tells whether an element's class, id, title or label marks it as a value edited in place. */
function isEditedInPlace(element: HTMLElement): boolean {
  if (EDIT_TOKENS.test(element.className) || EDIT_TOKENS.test(element.id)) return true;
  const label = `${element.title} ${element.getAttribute('aria-label') ?? ''}`;
  return EDIT_WORDS.test(label) || element.hasAttribute('data-editable');
}

function hasPointerCursor(element: HTMLElement): boolean {
  return element.ownerDocument.defaultView?.getComputedStyle(element).cursor === 'pointer';
}

/** Returns a number that makes up the whole text of a control, allowing a short word such as "Call". */
export function numberInText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 64 || countDigits(trimmed) < MIN_PHONE_DIGITS) return null;
  const candidates = findPhoneCandidates(trimmed);
  const [only] = candidates;
  if (candidates.length !== 1 || !only) return null;
  return trimmed.length - (only.end - only.start) <= CLICK_TO_DIAL_SLACK ? only.raw : null;
}
