import { findPhoneCandidates } from '../phone/candidates';
import { containsAcrossShadow, deepText, parentAcrossShadow } from '../sites/dom';
import { htmlElementsOf, type PathElement } from './closed-roots';
import type { DialHints } from '../sites/types';
import {
  boxHints,
  labelledBy,
  namesIdentifier,
  namesMessageBox,
  numbersWithoutPrefix,
  readDialBox,
  takesNameOrNumber,
} from './dial-boxes';
import {
  NO_CONTEXT,
  NUMBER_BOX_SEARCH_DEPTH,
  composedText,
  isRedialLabel,
  pickNumberOfControl,
  queryAll,
  withoutPageRoots,
  type DialContext,
} from './dial-pick';
import {
  CALL_BACK,
  CALL_TOKENS,
  CALL_WORDS,
  MESSAGE_WORDS,
  NOT_A_DIAL,
  SEND_WORDS,
} from './call-words';
import { BOX_PICKER_LEVELS, withCountryCode } from './country-picker';
import { callOptionTarget, clickableNumberTarget, numberInText } from './number-text';
import {
  MIN_PHONE_DIGITS,
  countDigits,
  isDialPadKey,
  isEditableRegion,
  isOwnElement,
  isTypingField,
  numberFromDialHref,
} from './dom-rules';

/** Attributes that carry the number of a click-to-dial element. */
const NUMBER_ATTRIBUTES = [
  'data-phone',
  'data-phone-number',
  'data-number',
  'data-tel',
  'data-dial',
  'data-dial-number',
  'data-click-to-dial',
  'data-call',
];
/**
 * Attributes that name an element for test suites and automation. Icon-only
 * controls are often named only there ("call-back-button", RingCentral's
 * data-sign="callButton").
 */
const TEST_ID_ATTRIBUTES = [
  'data-testid',
  'data-test-id',
  'data-test',
  'data-qa',
  'data-qa-id',
  'data-cy',
  'data-automation-id',
  'data-automationid',
  'data-e2e',
  'data-sign',
];
/** Attributes read on a call control a site adapter names; such components also take a `value`. */
const HINTED_NUMBER_ATTRIBUTES = [...NUMBER_ATTRIBUTES, 'value'];
/** Words in other data attributes' names that mark them as carrying a number to dial. */
const NUMBER_ATTRIBUTE_NAMES = /phone|tel|dial|call|msisdn|mobile|number/;
const SEARCH_HINTS = /search|filter|query|搜索|查找/i;
/**
 * Ancestor levels searched for the call control of a search box. A search
 * box is a dial box only in the small panel of a dialer ("Search or enter a
 * number" beside Call), never through a Call button elsewhere on the page.
 */
const SEARCH_BOX_CALL_DEPTH = 3;
/**
 * The action that starts a dial. A `key` dial is Enter or Space on a control
 * the browser does not click for it. A `shortcut` dial is a key press the page
 * reads as a shortcut. Even a blocked one keeps its default action, so the
 * browser's own shortcuts still work.
 */
export type DialKind =
  'link' | 'click-to-dial' | 'dial-pad' | 'enter' | 'submit' | 'key' | 'shortcut' | 'double-click';

export interface DialTarget {
  kind: DialKind;
  raw: string;
  /**
   * Other numbers the dial may go to: a call control shown beside several
   * numbers could dial any of them, so the dial counts as blocked when one is.
   */
  alternatives?: string[];
  /**
   * The number with a dialing prefix (*67, an outside-line 9) removed. These
   * count only when `raw` is not a valid number, so a valid number is never
   * read as another.
   */
  withoutPrefix?: string[];
  /**
   * Set when `raw` and `alternatives` are different numbers shown near a call
   * control and which one it dials is not known.
   */
  uncertain?: boolean;
  /**
   * Set for Enter on a keypad key, which types the key's digit on most pages
   * and dials only on pages that read every Enter: a number that is not
   * complete yet is allowed.
   */
  mayOnlyType?: boolean;
  /** The element that would be activated again if the dial turns out to be allowed. */
  element: PathElement;
}

/** Elements of the event's composed path, innermost first, crossing open shadow roots. */
export function pathElements(event: Event): HTMLElement[] {
  return event.composedPath().filter((node): node is HTMLElement => node instanceof HTMLElement);
}

/**
 * Finds what a click would dial: a dial link, a click-to-dial element or a
 * dial pad's call control. `hints` are the site adapter's selectors for
 * controls the generic rules cannot recognise.
 */
export function dialTargetOfClick(
  path: PathElement[],
  hints: DialHints = {},
  context: DialContext = NO_CONTEXT,
): DialTarget | null {
  for (const element of path) {
    if (element.localName !== 'a') continue;
    const raw = numberFromDialHref(element.getAttribute('href') ?? '');
    if (raw === null) continue;
    const withoutPrefix = numbersWithoutPrefix(raw, raw);
    return withoutPrefix.length > 0
      ? { kind: 'link', raw, withoutPrefix, element }
      : { kind: 'link', raw, element };
  }

  // A call button drawn as SVG counts only with no HTML control around it.
  const control =
    controlOf(path.filter((element): element is HTMLElement => element instanceof HTMLElement)) ??
    path.find(isDrawnCallControl);
  const hinted = hintedControlTarget(path, hints, control);
  if (hinted) return hinted;
  // The item picked in the menu or dialog such a control opens is guarded on
  // its own, and a tab ("Call" beside "Notes") only switches the view.
  if (control && (opensPopup(control) || isTab(control))) return null;
  for (const element of withHtmlLevels(path, 5)) {
    const stored = numberFromAttributes(element);
    const raw =
      (stored && dialsStoredNumber(element, control) ? stored : null) ??
      numberOfCallLabelled(element);
    if (raw) return { kind: 'click-to-dial', raw, element: control ?? element };
  }
  const below = htmlElementsOf(control ? path.slice(0, path.indexOf(control)) : path);
  const clickable = callOptionTarget(below) ?? clickableNumberTarget(below);
  if (clickable) return clickable;
  if (!control) return null;

  const ownNumber = navigates(control) ? null : numberInText(renderedText(control));
  if (ownNumber) return { kind: 'click-to-dial', raw: ownNumber, element: control };

  const kind = callControlKind(control);
  if (!kind) return null;
  const labelNumber = kind === 'call' ? numberInLabel(accessibleLabel(control)) : null;
  if (labelNumber) return { kind: 'click-to-dial', raw: labelNumber, element: control };

  const ancestors = htmlElementsOf(path.slice(path.indexOf(control)));
  const picked = pickNumberOfControl(ancestors, hints, context, {
    readsText: kind === 'call',
    redial: isRedialLabel(accessibleLabel(control)),
  });
  if (!picked) return null;
  return { kind: 'dial-pad', ...picked, element: control };
}

/**
 * Finds what Enter or Space on the focused element would dial when the
 * browser does not turn the key into a click: a control built from a div or
 * span with a button role or a tabindex. Native buttons and links get a
 * click from the browser, which the click path decides.
 */
export function dialTargetOfKey(
  path: HTMLElement[],
  hints: DialHints = {},
  context: DialContext = NO_CONTEXT,
): DialTarget | null {
  const focused = path[0];
  if (!focused || clickedByBrowserOnKey(focused) || isEditableRegion(focused)) return null;
  if (!isControl(focused) && !focused.hasAttribute('tabindex')) return null;

  // The key acts on the focused element only, not on a control around it.
  const target = dialTargetOfClick(path, hints, context);
  return target?.element === focused ? { ...target, kind: 'key' } : null;
}

/** Controls read when Enter is pressed with nothing focused; a softphone has a few. */
const MAX_PAGE_CALL_CONTROLS = 50;

/**
 * Finds what Enter would dial when no element has the focus. Some softphones
 * read the keyboard on the whole page: typed digits go to a display element
 * and Enter dials it. The display the agent's digits went into decides,
 * when a call control sits by it. Else Enter is decided like a click on the
 * page's call control, when exactly one call control finds a number. With
 * several (a record page with a Call button per number), Enter is left
 * alone, because which one it would dial is unknown.
 */
export function dialTargetOfPageEnter(
  path: HTMLElement[],
  hints: DialHints = {},
  context: DialContext = NO_CONTEXT,
): DialTarget | null {
  const focused = path[0];
  if (!focused || !takesNoKeys(focused)) return null;

  const controls = callControlsIn(focused.ownerDocument).slice(0, MAX_PAGE_CALL_CONTROLS);
  const found = enterTargetAmong(controls, hints, context);
  return found ? { ...found, kind: 'key', element: focused } : null;
}

/**
 * Finds what Enter on a focused key of a phone keypad would dial.
 * Softphones that read the whole page's keys dial on Enter while focus is
 * still on the last key clicked, so Enter there is decided like Enter with
 * nothing focused.
 * Only the pad's panel is read: the nearest ancestor below the body that
 * contains call controls, else the page. A keypad with no call control on
 * its page (tones during a call) is left alone, and so is Space, which types
 * the key's digit.
 * A number not complete yet, or several numbers beside the pad, let the key
 * type its digit.
 * NOTE: Enter on a key of a page that does not dial on Enter is blocked too
 * while the screen shows a blocked number, and the key's digit is not typed.
 */
export function dialTargetOfPadKeyEnter(
  path: HTMLElement[],
  hints: DialHints = {},
  context: DialContext = NO_CONTEXT,
): DialTarget | null {
  const focused = path[0];
  if (!focused || !isDialPadKey(focused) || !isOnKeypad(focused)) return null;

  const controls = (padControls(path) ?? callControlsIn(focused.ownerDocument)).slice(
    0,
    MAX_PAGE_CALL_CONTROLS,
  );
  // Several numbers beside the pad (a list of recent calls) do not tell what
  // Enter on a key dials, so the key is left to type its digit.
  const found = enterTargetAmong(controls, hints, context);
  if (!found || found.uncertain) return null;
  return { ...found, kind: 'key', element: focused, mayOnlyType: true };
}

/** Ancestor levels of a pad key searched for the rest of its keypad. */
const KEYPAD_DEPTH = 3;
/** Keys a phone keypad has at least: the ten digits. */
const MIN_KEYPAD_KEYS = 10;

/**
 * Tells whether a pad key sits on a phone keypad: a near ancestor contains
 * ten or more pad keys, * or # among them. The page numbers of a pagination
 * are digits as well, but have no * or #.
 */
function isOnKeypad(key: HTMLElement): boolean {
  let ancestor = key.parentElement;
  for (let level = 0; ancestor && level < KEYPAD_DEPTH; level++) {
    const keys = [...ancestor.querySelectorAll(PLAIN_CONTROL_SELECTOR)].filter(isDialPadKey);
    if (keys.length >= MIN_KEYPAD_KEYS)
      return keys.some((other) => /^[*#]/.test(other.textContent?.trim() ?? ''));
    ancestor = ancestor.parentElement;
  }
  return false;
}

/**
 * Returns the call controls of the nearest ancestor of a pad key below the
 * body that contains any. Keys placed right in a softphone frame's body have
 * none, and the page is their panel.
 */
function padControls(path: HTMLElement[]): PathElement[] | null {
  for (const panel of withoutPageRoots(path).slice(1, NUMBER_BOX_SEARCH_DEPTH + 1)) {
    const controls = callControlsIn(panel);
    if (controls.length > 0) return controls;
  }
  return null;
}

/**
 * Returns what Enter read by the page would dial through `controls`: the
 * display the agent typed into when one of them sits by it, else the number
 * of the only control that finds one. When several find a number, which one
 * Enter dials is unknown, so null is returned.
 */
function enterTargetAmong(
  controls: PathElement[],
  hints: DialHints,
  context: DialContext,
): Omit<DialTarget, 'element'> | null {
  const typed = typedDisplayTarget(controls, context);
  if (typed) return typed;

  let found: DialTarget | null = null;
  for (const control of controls) {
    const target = dialTargetOfClick(ancestorsOf(control), hints, context);
    if (!target) continue;
    if (found) return null;
    found = target;
  }
  return found;
}

/** Elements from a double-clicked one outward searched for the row of a list. */
const ROW_SEARCH_DEPTH = 4;
/** Elements that are rows of a list by their markup. */
const ROW_SELECTOR = 'tr, li, [role="row"], [role="listitem"]';

/**
 * Finds what a double click on a row of a list would dial. Call logs dial a
 * row's number on a double click, as its "Call back" button does, so a row
 * with exactly one call control is decided like a click on that control.
 * A row is a table or list row by its markup, or an element that repeats
 * the tag and first class of a sibling.
 */
export function dialTargetOfRowDoubleClick(
  path: PathElement[],
  hints: DialHints = {},
  context: DialContext = NO_CONTEXT,
): DialTarget | null {
  const clicked = path[0];
  if (!clicked || isEditableRegion(clicked)) return null;
  const row = withoutPageRoots(htmlElementsOf(path).slice(0, ROW_SEARCH_DEPTH)).find(isListRow);
  if (!row) return null;

  const target = dialTargetOfRowControl(row, hints, context);
  return target ? { ...target, kind: 'double-click', element: clicked } : null;
}

/**
 * Finds what Enter on a focused row of a list would dial. Callback queues
 * dial the focused row on Enter, as they do on a double click, so it is
 * decided like that double click. Space is left alone, because it selects
 * the focused row in grids and list boxes.
 */
export function dialTargetOfRowEnter(
  path: HTMLElement[],
  hints: DialHints = {},
  context: DialContext = NO_CONTEXT,
): DialTarget | null {
  const focused = path[0];
  if (!focused || isEditableRegion(focused) || !isListRow(focused)) return null;
  const target = dialTargetOfRowControl(focused, hints, context);
  return target ? { ...target, kind: 'key', element: focused } : null;
}

/** Finds what the call control of a row dials, when the row has exactly one. */
function dialTargetOfRowControl(
  row: HTMLElement,
  hints: DialHints,
  context: DialContext,
): DialTarget | null {
  const controls = callControlsIn(row, 'button, [role="button"], a');
  const [control] = controls;
  if (!control || controls.length > 1) return null;
  return dialTargetOfClick(ancestorsOf(control), hints, context);
}

/**
 * Tells whether a click dials the number an element keeps in a number
 * attribute. A click-to-dial element dials it wherever it is clicked. A row
 * of a list with several cells keeps it for its own controls, and a click on
 * a cell selects, opens or drags the row. So in a row only a control dials,
 * and not one whose label names something else ("Mark as done").
 * NOTE: a list that dials on a click anywhere in a row is not guarded on that
 * click. Its call control and a double click on the row still are.
 */
function dialsStoredNumber(carrier: PathElement, control: PathElement | undefined): boolean {
  if (!(carrier instanceof HTMLElement) || !holdsCells(carrier)) return true;
  if (!control || control === carrier || !containsAcrossShadow(carrier, control)) return false;
  return accessibleLabel(control) === '' || callControlKind(control) === 'call';
}

/** Tells whether an element is a row of a list with two or more cells that show text. */
function holdsCells(element: HTMLElement): boolean {
  if (!isListRow(element)) return false;
  const cells = [...element.children].filter((child) => child.textContent?.trim());
  return cells.length >= 2;
}

function isListRow(element: HTMLElement): boolean {
  if (element.matches(ROW_SELECTOR)) return true;
  const shape = (other: Element | null) =>
    other !== null &&
    other.localName === element.localName &&
    other.classList.item(0) === element.classList.item(0);
  return (
    element.classList.length > 0 &&
    (shape(element.previousElementSibling) || shape(element.nextElementSibling))
  );
}

/**
 * Tells whether the focused element does nothing with Enter itself: the
 * page's body, or an area made focusable only to read keys (a dial pad's
 * panel with a tabindex), which is neither a control nor a field.
 */
function takesNoKeys(focused: HTMLElement): boolean {
  if (focused.localName === 'body' || focused.localName === 'html') return true;
  if (isControl(focused) || isTypingField(focused) || focused.getAttribute('role')) return false;
  return focused.localName !== 'iframe' && focused.hasAttribute('tabindex');
}

/** Returns the number of the display the agent typed into, when one of `controls` sits in its panel. */
function typedDisplayTarget(
  controls: PathElement[],
  context: DialContext,
): Omit<DialTarget, 'element'> | null {
  const display = context.typedDisplay();
  const number = display ? readDialBox(display) : null;
  if (!display || !number) return null;
  const panels = withoutPageRoots(htmlElementsOf(ancestorsOf(display))).slice(
    1,
    NUMBER_BOX_SEARCH_DEPTH + 1,
  );
  const near = controls.some((control) => panels.some((panel) => panel.contains(control)));
  return near ? { kind: 'key', ...number } : null;
}

/** Returns the start of a path up to its `count`-th HTML element, with the SVG elements before it. */
function withHtmlLevels(path: PathElement[], count: number): PathElement[] {
  let seen = 0;
  const end = path.findIndex((element) => element instanceof HTMLElement && ++seen === count);
  return end === -1 ? path : path.slice(0, end + 1);
}

/** Returns an element and its ancestors, innermost first, crossing open shadow roots. */
export function ancestorsOf(element: Element): PathElement[] {
  const path: PathElement[] = [];
  for (let node: Element | null = element; node; node = parentAcrossShadow(node)) {
    if (node instanceof HTMLElement || node instanceof SVGElement) path.push(node);
  }
  return path;
}

/** Tells whether the browser fires a click when Enter or Space activates the element. */
function clickedByBrowserOnKey(element: HTMLElement): boolean {
  const name = element.localName;
  if (['button', 'input', 'select', 'textarea', 'summary'].includes(name)) return true;
  return (name === 'a' || name === 'area') && element.hasAttribute('href');
}

/** Finds what Enter in a box would dial: the box must look like a dial box or sit by a call control. */
export function dialTargetOfEnter(
  path: HTMLElement[],
  siteHints: DialHints = {},
): DialTarget | null {
  const box = path[0];
  // Enter on a link or a button clicks it, and the click is decided then.
  // Held for a look-up, the key could not be replayed: a key event made by
  // a script follows no link.
  const name = box?.localName;
  if (!box || (clickedByBrowserOnKey(box) && name !== 'input' && name !== 'textarea')) return null;
  const number = readDialBox(box);
  if (!number) return null;

  // Enter in a message composer sends the message, even beside a chat's
  // "Audio call" and when the message is only a number.
  const isAdapterBox = matchesAny(box, siteHints.numberBoxSelectors);
  if (namesMessageBox(box) && !isAdapterBox) return null;

  // Enter in a search box searches, unless a call control shares its small
  // panel: dialers let the agent search a contact or type a number there.
  const hints = boxHints(box);
  const isSearchBox =
    SEARCH_HINTS.test(hints) || (box instanceof HTMLInputElement && box.type === 'search');
  const isDialBox = isSearchBox
    ? isAdapterBox || findCallControlNear(withoutPageRoots(path), SEARCH_BOX_CALL_DEPTH) !== null
    : (box instanceof HTMLInputElement && box.type === 'tel' && /dial|call|拨/i.test(hints)) ||
      takesNameOrNumber(box) ||
      isAdapterBox ||
      findCallControlNear(path) !== null;
  if (!isDialBox) return null;
  return {
    kind: 'enter',
    ...withCountryCode(number, box, null, BOX_PICKER_LEVELS),
    element: box,
  };
}

/** Finds what submitting a form would dial: a form with a call control and a number box. */
export function dialTargetOfSubmit(
  form: HTMLFormElement,
  submitter: HTMLElement | null,
  hints: DialHints = {},
): DialTarget | null {
  const controls = submitter
    ? [submitter]
    : [...form.elements].filter(
        (element): element is HTMLElement =>
          element.localName === 'button' ||
          (element.localName === 'input' &&
            ['submit', 'image'].includes((element as HTMLInputElement).type)),
      );
  const isCall = (control: HTMLElement) =>
    isCallControl(control) || matchesAny(control, hints.callControlSelectors);
  if (!controls.some(isCall)) return null;

  // The form's elements include controls outside it that name it (form="…").
  const boxes = [
    ...queryAll(form, hints.numberBoxSelectors),
    ...[...form.elements].filter(
      (element): element is HTMLElement =>
        element.localName === 'input' ||
        element.localName === 'textarea' ||
        element.localName === 'select',
    ),
  ];
  for (const element of boxes) {
    const number = readDialBox(element);
    if (!number) continue;
    const depth = NUMBER_BOX_SEARCH_DEPTH + 1;
    return { kind: 'submit', ...withCountryCode(number, element, form, depth), element: form };
  }
  return null;
}

/** Links to another page (a contact record, say) open that page; they do not dial. */
function navigates(element: Element): boolean {
  if (element.localName !== 'a') return false;
  const href = element.getAttribute('href')?.trim() ?? '';
  return href !== '' && !href.startsWith('#') && !href.toLowerCase().startsWith('javascript:');
}

/** A caret that ends a button's text ("Call ▾"): the button opens a menu or a panel. */
const MENU_CARET = /[▾▼⏷⌄▿⯆]\s*$/u;

/**
 * Tells whether a control opens a menu, a dialog or a list (ARIA marks it
 * so, or a caret ends its text) instead of acting at once.
 * NOTE: a control that opens a menu without either mark still counts as
 * a dial of the number beside it.
 */
function opensPopup(control: Element): boolean {
  const popup = control.getAttribute('aria-haspopup')?.trim().toLowerCase() ?? 'false';
  if (!['', 'false'].includes(popup) || control.hasAttribute('aria-expanded')) return true;
  return MENU_CARET.test(renderedText(control));
}

/** Tells whether a control is a tab, which shows another panel of the page and never dials. */
function isTab(control: Element): boolean {
  return control.getAttribute('role') === 'tab';
}

/**
 * Returns the control a click acts on: the innermost control, or a call
 * icon outside any control. A call icon inside a link or a row that opens a
 * record is the control too, because its own listener acts on the click.
 * Inside a button, the icon is only the button's picture.
 */
function controlOf(path: HTMLElement[]): HTMLElement | undefined {
  const index = path.findIndex(isControl);
  const control = path[index];
  if (control && isButtonLike(control)) return control;
  const icon = path.slice(0, index === -1 ? CALL_ICON_DEPTH : index).find(isCallIcon);
  return icon ?? control;
}

/** Elements from the clicked one outward searched for a call icon outside any control. */
const CALL_ICON_DEPTH = 3;
/** Elements that show or group content and are never a control, whatever their title. */
const NOT_CONTROL_ELEMENTS = new Set([
  'html',
  'body',
  'main',
  'section',
  'article',
  'aside',
  'nav',
  'header',
  'footer',
  'form',
  'fieldset',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'p',
  'label',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'iframe',
  'option',
]);
/** Roles an icon may have; any other role makes an element a cell, a tab, a heading or the like. */
const ICON_ROLES = new Set(['img', 'presentation', 'none']);

/**
 * Tells whether an element with no control markup is a call icon: its own
 * title or label names a call, and it looks clickable (a pointer cursor or
 * a tabindex). Pages add the listener of such an icon from script, which
 * leaves no mark in the markup. Hang-up words, fields, cells, headings and
 * panels with more text than a label are left out.
 */
function isCallIcon(element: HTMLElement): boolean {
  if (isOwnPart(element)) return false;
  const label = (element.getAttribute('aria-label') ?? element.getAttribute('title'))?.trim();
  if (!label || label.length > MAX_CALL_LABEL || labelKind(label) !== 'call') return false;

  const role = element.getAttribute('role');
  if (role !== null && !ICON_ROLES.has(role)) return false;
  if (NOT_CONTROL_ELEMENTS.has(element.localName) || isTypingField(element)) return false;
  if ((element.textContent ?? '').trim().length > MAX_CALL_LABEL) return false;

  if (element.hasAttribute('tabindex')) return true;
  return element.ownerDocument.defaultView?.getComputedStyle(element).cursor === 'pointer';
}

/**
 * Tells whether an element is a badge or notice of DNC Guard, or inside one.
 * The badges' labels contain "call" ("Do not call"), yet they are no call controls.
 */
function isOwnPart(element: Element): boolean {
  if (isOwnElement(element)) return true;
  const root = element.getRootNode();
  return root instanceof ShadowRoot && isOwnElement(root.host);
}

/** Tells whether a control is a button, whose own label names what a click in it does. */
function isButtonLike(element: HTMLElement): boolean {
  const role = element.getAttribute('role');
  return (
    element.localName === 'button' ||
    element.localName === 'input' ||
    role === 'button' ||
    role === 'menuitem'
  );
}

function isControl(element: HTMLElement): boolean {
  const name = element.localName;
  if (name === 'button' || name === 'a') return true;
  if (name === 'input')
    return ['button', 'submit', 'image'].includes((element as HTMLInputElement).type);
  const role = element.getAttribute('role');
  return (
    role === 'button' || role === 'link' || role === 'menuitem' || element.hasAttribute('onclick')
  );
}

export function isCallControl(element: HTMLElement): boolean {
  return callControlKind(element) !== null;
}

/** Tells whether a scope contains a control that starts a call, found as the dial guard finds one. */
export function containsCallControl(scope: ParentNode): boolean {
  return callControlsIn(scope).length > 0;
}

/** Buttons and links by their markup, as isPlainControl reads them. */
const PLAIN_CONTROL_SELECTOR = 'button, a, [role="button"], [role="link"]';
/** Controls that may start a call, by their markup. */
const CONTROL_SELECTOR = 'button, [role="button"], input[type="submit"], input[type="button"]';

/** Returns the call controls in a scope among the elements `selector` finds, and those drawn as SVG. */
function callControlsIn(scope: ParentNode, selector = CONTROL_SELECTOR): PathElement[] {
  return [...scope.querySelectorAll<PathElement>(`${selector}, svg`)].filter(isAnyCallControl);
}

function isAnyCallControl(control: PathElement): boolean {
  return control instanceof HTMLElement ? isCallControl(control) : isDrawnCallControl(control);
}

/**
 * Tells whether an SVG element is a call button of its own: one with no HTML
 * control around it, named as a call by its label, its <title>, its class or
 * a test id. Icons with no such name stay free.
 * NOTE: an icon named as a call that only decorates a card with a number
 * counts as a call control as well, so a click on it is decided like a dial.
 */
function isDrawnCallControl(element: Element): element is SVGElement {
  if (!(element instanceof SVGElement) || callControlKind(element) !== 'call') return false;
  for (let node = parentAcrossShadow(element); node; node = parentAcrossShadow(node)) {
    if (node instanceof HTMLElement && isControl(node)) return false;
  }
  return true;
}

/**
 * Tells what a control's label makes it: a call control ("call"), a Send
 * control that dials only a number box ("send"), or neither (null).
 */
function callControlKind(element: Element): 'call' | 'send' | null {
  if (isTab(element) || isOwnPart(element)) return null;
  const label = accessibleLabel(element);
  if (label) return labelKind(label);

  // Icon-only buttons: fall back to the names authors give them.
  const names = authorNames(element);
  if (CALL_BACK.test(names)) return 'call';
  return CALL_TOKENS.test(names) && !NOT_A_DIAL.test(names) ? 'call' : null;
}

/**
 * Returns the names an author gave an element (class, id, test ids), split
 * into words: "callButton" and "call-back-button" read as "call Button" and
 * "call back button". A class attribute is read as written, because an SVG
 * element's `className` is an object.
 */
function authorNames(element: Element): string {
  const names = [
    element.getAttribute('class'),
    element.id,
    ...TEST_ID_ATTRIBUTES.map((name) => element.getAttribute(name)),
  ];
  return names
    .join(' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/[_-]+/g, ' ');
}

function labelKind(label: string): 'call' | 'send' | null {
  if (NOT_A_DIAL.test(label) && !CALL_BACK.test(label)) return null;
  if (CALL_WORDS.test(label) || isRedialLabel(label)) return 'call';
  return SEND_WORDS.test(label) && !MESSAGE_WORDS.test(label) ? 'send' : null;
}

/** Returns the control's label the way assistive technology would find it, nested labels included. */
function accessibleLabel(element: Element): string {
  if (element instanceof SVGElement) return drawingLabel(element);
  const direct =
    element.getAttribute('aria-label') ??
    labelledBy(element) ??
    (element instanceof HTMLInputElement ? element.value : null) ??
    element.getAttribute('title');
  if (direct?.trim()) return direct.trim();

  const text = renderedText(element);
  if (text) return text;

  const nested = element.querySelector('[aria-label], [title], img[alt], svg title');
  if (!nested) return '';
  if (nested.localName === 'title') return nested.textContent?.trim() ?? '';
  return (
    nested.getAttribute('aria-label') ??
    nested.getAttribute('title') ??
    nested.getAttribute('alt') ??
    ''
  ).trim();
}

/**
 * Returns the text a control renders, following slots and shadow roots.
 * textContent misses a design-system button's label, because its shadow root
 * contains `<button><slot></slot></button>` and the label is the host's
 * light-DOM text. Controls with a slot, a shadow root or no text of their own
 * are read along the flat tree, and the others by the cheaper textContent.
 */
function renderedText(element: Element): string {
  const text = element.textContent?.trim() ?? '';
  const rendersOtherNodes =
    text === '' || element.shadowRoot !== null || element.querySelector('slot') !== null;
  return rendersOtherNodes ? deepText(element) : text;
}

/**
 * Returns the label of a drawn control: its aria-label, the text aria-labelledby
 * names, or its own <title>. Other text inside an SVG (a <style>, a <desc>) is no label.
 */
function drawingLabel(element: SVGElement): string {
  const title = [...element.children].find((child) => child.localName === 'title');
  return (
    element.getAttribute('aria-label') ??
    labelledBy(element) ??
    title?.textContent ??
    ''
  ).trim();
}

function numberFromAttributes(
  element: Element,
  attributes: readonly string[] = NUMBER_ATTRIBUTES,
): string | null {
  for (const attribute of attributes) {
    const value = element.getAttribute(attribute);
    if (value && countDigits(value) >= MIN_PHONE_DIGITS) return value;
  }
  // Other data attributes whose name says they carry a number (data-callee,
  // data-msisdn, data-contact-phone), when the value reads as one.
  for (const name of element.getAttributeNames()) {
    if (!name.startsWith('data-') || !NUMBER_ATTRIBUTE_NAMES.test(name)) continue;
    const value = element.getAttribute(name) ?? '';
    if (value.length <= 64 && findPhoneCandidates(value).length === 1) return value;
  }
  return null;
}

/** Maximum length of a call label on an element that is not a control; a longer text is a container's. */
const MAX_CALL_LABEL = 40;

/**
 * Returns the number of an element labelled as a call control ("Call with
 * PowerCall") from any data attribute whose whole value is a number, such
 * as the `data-kx-to` of an icon another dialer extension adds to a CRM.
 * Attributes named as identifiers (data-contact-id) are left out.
 */
function numberOfCallLabelled(element: Element): string | null {
  const raw = element
    .getAttributeNames()
    .filter((name) => name.startsWith('data-') && !namesIdentifier(name))
    .map((name) => element.getAttribute(name)?.trim() ?? '')
    .find(isWholeNumber);
  if (!raw) return null;

  const label = accessibleLabel(element);
  return label.length <= MAX_CALL_LABEL && labelKind(label) === 'call' ? raw : null;
}

/** Maximum length of a call label read for a number ("Call Ana Lee, mobile, +1 …"). */
const MAX_LABEL_WITH_NUMBER = 64;

/**
 * Returns the one number in a call control's label. An icon-only control
 * may show its number only in its title or aria-label ("Call (312)
 * 555-0166"), which names the number it dials.
 * NOTE: such a number gets no badge, because the scanner reads no titles or
 * aria-labels. Querying them added 3 to 8 ms to the first scan of the
 * 2,000-row page of bench/scan.bench.ts (headless Chromium 150, 2 cores).
 */
function numberInLabel(label: string): string | null {
  if (label.length > MAX_LABEL_WITH_NUMBER || countDigits(label) < MIN_PHONE_DIGITS) return null;
  const candidates = findPhoneCandidates(label);
  const [only] = candidates;
  return candidates.length === 1 && only ? only.raw : null;
}

/** Tells whether a text is one phone number and nothing else. */
function isWholeNumber(text: string): boolean {
  if (text.length > 64 || countDigits(text) < MIN_PHONE_DIGITS) return false;
  const candidates = findPhoneCandidates(text);
  const [only] = candidates;
  return candidates.length === 1 && only?.start === 0 && only.end === text.length;
}

/**
 * Finds a call control near a box. Site call controls (dial hints) are left
 * out on purpose: they dial the number they show, not what is typed in a box
 * nearby, so they must not turn Enter in a notes field into a dial.
 */
function findCallControlNear(
  path: HTMLElement[],
  depth = NUMBER_BOX_SEARCH_DEPTH,
): PathElement | null {
  const ancestors = path.slice(1, depth + 1);
  for (const ancestor of ancestors) {
    const controls = ancestor.querySelectorAll<PathElement>(`${CONTROL_SELECTOR}, svg`);
    const control = [...controls].find(isAnyCallControl);
    if (control) return control;
  }
  return null;
}

/**
 * Finds the dial target of a click inside a call control the site adapter
 * names. The number comes from a number attribute or `value`, else from the
 * text with open shadow roots included (Salesforce renders it inside the
 * component). An allowed dial is replayed on the innermost control clicked.
 */
function hintedControlTarget(
  path: PathElement[],
  hints: DialHints,
  control: PathElement | undefined,
): DialTarget | null {
  if (!hints.callControlSelectors?.length) return null;
  const index = path.findIndex((element) => matchesAny(element, hints.callControlSelectors));
  const hinted = path[index];
  if (!hinted) return null;

  const raw =
    numberFromAttributes(hinted, HINTED_NUMBER_ATTRIBUTES) ?? numberInText(composedText(hinted));
  if (!raw) return null;
  const inner = control && path.indexOf(control) < index ? control : path[0];
  return { kind: 'click-to-dial', raw, element: inner ?? hinted };
}

/** Checks whether `element` matches one of `selectors`. A selector the browser rejects matches nothing. */
function matchesAny(element: Element, selectors: readonly string[] | undefined): boolean {
  if (!selectors) return false;
  return selectors.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false;
    }
  });
}
