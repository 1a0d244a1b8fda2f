import { findPhoneCandidates } from '../phone/candidates';
import type { DialHints } from '../sites/types';
import {
  boxHints,
  namesMessageBox,
  namesRecipient,
  readDialBox,
  readsAsOneNumber,
  type BoxNumber,
} from './dial-boxes';
import { CHAT_WORDS, MESSAGE_WORDS } from './call-words';
import { shadowRootOf } from './closed-roots';
import { twinRowsOf } from './twin-rows';
import { withCountryCode } from './country-picker';
import {
  EDITABLE_SELECTOR,
  FLOWING_DISPLAYS,
  INLINE_BOXES,
  INLINE_ELEMENTS,
  chosenOptionTexts,
  dialKey,
  isEditableRegion,
} from './dom-rules';

// Picks the number a call control dials when it shows none of its own. The
// surest source comes first: what its own panel is about to dial, then the
// cell, row or card it sits in, then both the element the agent pointed at
// just before and text nearby. The search never climbs to the page's body.

/** Context of a dial: the agent's last gestures and dials on the page. */
export interface DialContext {
  /** Every number of the last dial allowed in this frame, or null before the first. */
  lastDialed(): string[] | null;
  /** The row, card or menu opener the agent right-clicked or pressed a moment ago. */
  pointedItem(): HTMLElement | null;
  /** The element whose text changed last when the agent typed digits on the page or a pad. */
  typedDisplay(): HTMLElement | null;
}

export const NO_CONTEXT: DialContext = {
  lastDialed: () => null,
  pointedItem: () => null,
  typedDisplay: () => null,
};

/** The number a call control dials, with the alternatives and whether the pick is a guess. */
export interface PickedNumber extends BoxNumber {
  /** Set when several different numbers were found and which one is dialed is not known. */
  uncertain?: boolean;
}

/** Labels of controls that dial the last number dialed again. */
const REDIAL_WORDS = /\bre-?dial\b|\blast number\b|\bcall again\b|重拨|リダイヤル|再ダイヤル/i;
/** Hints in a box's name, id, placeholder or label that it contains a number to dial; such a box is preferred over others. */
const NUMBER_BOX_HINTS = /phone|number|dial|tel|msisdn|callee|destination|电话|号码|手机|拨/i;
/** Ancestor levels searched for the number box of a call control. */
export const NUMBER_BOX_SEARCH_DEPTH = 6;
/**
 * Words before a number that mark it as one dialed before ("Last dial:",
 * "Recent"). Such a number is not the one to dial while a box contains one.
 */
const HISTORY_WORDS =
  /\b(last (dial(l?ed)?|call(ed)?|number)|recent|previous(ly)?|history|redial(l?ed)?)\b|上次|最近|历史|前回|履歴/i;
/** Characters before a number searched for a history word. */
const HISTORY_LOOKBEHIND = 32;
/** Rows, list items and cards: a control inside one dials that item's number. */
const ITEM_SELECTOR = 'tr, li, article, [role="row"], [role="listitem"], [role="article"]';
/** Rows of a list by their markup; a card or a div with a row class may be a panel's layout. */
const LIST_ROW_SELECTOR = 'tr, li, [role="row"], [role="listitem"]';
/** Cells of a table or grid row. */
const CELL_SELECTOR = 'td, th, [role="gridcell"], [role="cell"], [role="rowheader"]';
/** Class tokens of rows and cards that are plain divs. */
const ITEM_CLASS_TOKENS = /(^|[\s_-])(row|card|item|entry|tile|contact)([\s_-]|$)/i;
/** Roles of layers drawn over the page: menus, list boxes, dialogs. */
const LAYER_ROLES = new Set(['menu', 'menubar', 'menuitem', 'listbox', 'dialog', 'alertdialog']);
/** Class tokens of layers drawn over the page by component libraries. */
const LAYER_CLASS_TOKENS =
  /(^|[\s_-])(popover|popup|dropdown|overlay|portal|context-?menu)([\s_-]|$)/i;
/** Roles of a conversation's list of messages. */
const MESSAGE_LOG_ROLES = new Set(['log', 'feed']);
/** Boxes that may be a conversation's message composer. */
const COMPOSER_SELECTOR = `textarea, input, [role="textbox"], ${EDITABLE_SELECTOR}`;
/** Elements under a body that make a page too large to be one dial panel. */
const MAX_PANEL_ELEMENTS = 24;

/** Tells whether a control's label marks it as dialing the last number again. */
export function isRedialLabel(label: string): boolean {
  return REDIAL_WORDS.test(label);
}

/**
 * Finds the number a call control with no number of its own would dial.
 * `path` is the control and its ancestors; `redial` marks a control that
 * dials the last number again, which never reads the dial box. With
 * `readsText`, a number shown as text counts too.
 */
export function pickNumberOfControl(
  path: HTMLElement[],
  hints: DialHints,
  context: DialContext,
  options: { readsText: boolean; redial: boolean },
): PickedNumber | null {
  // A control in a conversation (a chat with its composer) calls the chat
  // partner, so boxes and numbers outside the conversation are not read.
  const searched = withinPanel(path).slice(0, NUMBER_BOX_SEARCH_DEPTH + 1);
  const conversationIndex = searched.findIndex(containsChatComposer);
  const ancestors = conversationIndex === -1 ? searched : searched.slice(0, conversationIndex + 1);
  const conversation = ancestors[conversationIndex];
  const itemIndex = ancestors.findIndex(isItem);
  const item = ancestors[itemIndex];

  // A redial in a row of a call list dials that row's person; one outside
  // rows dials the last number dialed.
  if (options.redial && !item) {
    const [last, ...others] = context.lastDialed() ?? [];
    if (last) return others.length > 0 ? { raw: last, alternatives: others } : { raw: last };
  }

  // A menu item or a dialog drawn in its own layer: the layer's own box
  // first, else the row or opener the agent used to open it. A row that is
  // the layer or sits in it (a list scrolled in a positioned panel) is read
  // like a row on the page, because the layer's first lines show other rows.
  const layer = ancestors.findIndex(isLayer);
  if (layer !== -1 && !(item && itemIndex <= layer)) {
    const inLayer = options.redial ? null : boxAlong(ancestors.slice(0, layer + 1), hints, context);
    if (inLayer) return inLayer;
    // A row of a virtual list is placed absolutely too; it shows its own number.
    const layerElement = ancestors[layer];
    const fromLayer = layerElement && options.readsText ? numbersIn(layerElement, false) : null;
    if (fromLayer) return fromLayer;
    const pointed = context.pointedItem();
    const fromPointed = pointed && options.readsText ? numbersIn(pointed, false) : null;
    if (fromPointed) return fromPointed;
  }

  const box = options.redial ? null : boxAlong(ancestors, hints, context);
  if (box && (!item || item.contains(box.element))) {
    if (!options.readsText || item) return box;
    // A panel that shows numbers nearer the control than the box (a preview
    // record beside a manual-dial form) may be what the control dials.
    const boxLevel = ancestors.findIndex((ancestor) => ancestor.contains(box.element));
    for (const ancestor of ancestors.slice(1, boxLevel)) {
      const shown = numbersIn(ancestor, false);
      if (shown) return eitherOf(box, shown);
    }
    return box;
  }
  if (!options.readsText) return box;

  if (item) {
    // A control in a cell that shows a number dials that number: a row with
    // a work and a mobile column has an icon beside each.
    const cell = ancestors.slice(0, itemIndex).find((element) => element.matches(CELL_SELECTOR));
    const fromCell = cell ? numbersIn(cell, box !== null) : null;
    if (fromCell) return fromCell;
    const fromItem = numbersIn(item, box !== null);
    if (fromItem) return fromItem;
    const fromTwins = numbersInTwins(item, box !== null);
    if (fromTwins) return fromTwins;
    // A list row that names something and shows no number (a quick connect
    // to a queue) dials what it names: neither the box nor other rows' numbers.
    if (item.matches(LIST_ROW_SELECTOR) && showsTextBesides(item, ancestors[0])) return null;
  }
  if (box) return box;

  // A redial or "Call" button beside a number shown as plain text dials
  // that number. With several numbers at the nearest level that shows any,
  // the one the page dials is unknown, so all of them are checked. Numbers
  // in messages are not what the control dials, so a message log is left
  // out. In the conversation itself the text before the control (its
  // header) is read, and after it only blocks that are one number each, as
  // a contact's number is shown and a sentence in a message is not.
  const control = ancestors[0];
  const skip = (element: Element): boolean =>
    isMessageLog(element) && !(control && element.contains(control));
  let nearby: PickedNumber | null = null;
  for (const ancestor of ancestors.slice(itemIndex + 1)) {
    const until = ancestor === conversation ? control : undefined;
    nearby = numbersIn(ancestor, false, { skip, until });
    if (!nearby && until) nearby = numbersIn(ancestor, false, { skip, wholeBlocks: true });
    if (nearby?.uncertain) nearby = chosenInPicker(nearby, ancestor);
    if (nearby) break;
  }

  // The row the agent pressed a moment ago may be the one a toolbar's Call
  // dials. A left press on a row is also how a row is read or selected, so
  // the number beside the control is checked too.
  const pointed = context.pointedItem();
  const fromPointed =
    pointed && ancestors[0] && !pointed.contains(ancestors[0]) ? numbersIn(pointed, false) : null;
  return fromPointed && nearby ? eitherOf(fromPointed, nearby) : (fromPointed ?? nearby);
}

/** Elements read for a label that a picker's option names, at most. */
const MAX_LABEL_SEARCH = 2000;
/** Digits at the end of two numbers that must match for an option to name one of them. */
const OPTION_DIGITS = 7;

/**
 * Narrows an uncertain pick to the number that a select beside the control
 * has chosen: an option that names one of the numbers ("+1 415 555 0123"),
 * or the label shown beside one of them ("Work" beside "(415) 555-0111").
 * CRMs with several phone fields put such a picker beside one Call button.
 */
function chosenInPicker(picked: PickedNumber, scope: Element): PickedNumber {
  const numbers = [picked.raw, ...(picked.alternatives ?? [])];
  for (const select of scope.querySelectorAll('select')) {
    const [value, text] = chosenOptionTexts(select);
    if (select.disabled || value === undefined || text === undefined) continue;
    const chosen = numberNamed([text, value], numbers) ?? numberLabelled(text, numbers, scope);
    if (chosen) return { raw: chosen };
  }
  return picked;
}

/** Returns the one number of `numbers` that one of the option's texts names, or null. */
function numberNamed(texts: string[], numbers: string[]): string | null {
  for (const text of texts) {
    const key = dialKey(text).slice(-OPTION_DIGITS);
    if (key.length < OPTION_DIGITS) continue;
    const named = numbers.filter((raw) => dialKey(raw).endsWith(key));
    if (named.length === 1) return named[0] ?? null;
  }
  return null;
}

/**
 * Returns the one number of `numbers` shown in the same row as an element
 * whose whole text is `label`, outside any select, or null.
 */
function numberLabelled(label: string, numbers: string[], scope: Element): string | null {
  const expected = label.trim().toLowerCase();
  if (expected === '' || /\d/.test(expected)) return null;
  const elements = scope.querySelectorAll('*');
  for (let i = 0; i < elements.length && i < MAX_LABEL_SEARCH; i++) {
    const element = elements[i] as Element;
    if (element.childElementCount > 0 || element.closest('select')) continue;
    if (element.textContent?.trim().toLowerCase() !== expected) continue;
    // The label's row: the nearest ancestor that shows any of the numbers.
    for (let row = element.parentElement; row && row !== scope; row = row.parentElement) {
      const digits = dialKey(row.textContent ?? '');
      const inRow = numbers.filter((raw) => digits.includes(dialKey(raw).replace('+', '')));
      if (inRow.length === 1) return inRow[0] ?? null;
      if (inRow.length > 1) break;
    }
  }
  return null;
}

/** Returns the numbers of two picks as one uncertain pick, or the pick itself when they are the same numbers. */
function eitherOf(first: PickedNumber, second: PickedNumber): PickedNumber {
  const numbers = new Map<string, string>();
  for (const raw of [
    first.raw,
    ...(first.alternatives ?? []),
    second.raw,
    ...(second.alternatives ?? []),
  ]) {
    const key = dialKey(raw);
    if (!numbers.has(key)) numbers.set(key, raw);
  }
  const [raw, ...alternatives] = [...numbers.values()];
  if (!raw || alternatives.length === 0) return first;
  return { raw, alternatives, uncertain: true };
}

/**
 * Returns the numbers of the rows that show the same record as `row` in
 * other parts of its grid (see twinRowsOf), as one pick.
 */
function numbersInTwins(row: HTMLElement, skipHistory: boolean): PickedNumber | null {
  const picks = twinRowsOf(row)
    .map((twin) => numbersIn(twin, skipHistory))
    .filter((pick): pick is PickedNumber => pick !== null);
  const [first, ...others] = picks;
  return first ? others.reduce(eitherOf, first) : null;
}

/** Tells whether an element shows words outside `control`, such as the name of a row. */
function showsTextBesides(element: HTMLElement, control: HTMLElement | undefined): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode;
    if (!control?.contains(text) && /\p{L}/u.test(text.textContent ?? '')) return true;
  }
  return false;
}

/** Returns the number the panel around a control is about to dial: a number box, else the display the agent typed into. */
function boxAlong(
  ancestors: HTMLElement[],
  hints: DialHints,
  context: DialContext,
): (PickedNumber & { element: HTMLElement }) | null {
  const display = context.typedDisplay();
  for (const ancestor of ancestors) {
    const scope = ancestor instanceof HTMLButtonElement && ancestor.form ? ancestor.form : ancestor;
    // A host's own shadow root is searched first: a dial pad may sit right in it.
    const shadow = shadowRootOf(ancestor);
    const scopes = shadow ? [shadow, scope] : [scope];
    for (const within of scopes) {
      const found = boxNumberIn(within, hints);
      if (found) {
        const depth = NUMBER_BOX_SEARCH_DEPTH + 1;
        return { ...withCountryCode(found.number, found.box, within, depth), element: found.box };
      }
    }
    if (display && ancestor.contains(display) && !namesMessageBox(display)) {
      const number = readDialBox(display);
      if (number) return { ...number, element: display };
    }
  }
  return null;
}

/**
 * Returns the number in the boxes of a scope: a box the site adapter names
 * first, then an input or a picker named as the number to dial ("To"), then
 * the first input, picker or box that looks like a number box. A named
 * field wins over a picker before it, such as a caller ID whose label is
 * not recognised.
 */
function boxNumberIn(
  scope: Element | DocumentFragment,
  hints: DialHints,
): { number: BoxNumber; box: HTMLElement } | null {
  for (const box of queryAll(scope, hints.numberBoxSelectors)) {
    const number = readDialBox(box);
    if (number) return { number, box };
  }
  const boxes = scope.querySelectorAll<HTMLElement>(
    'input, select, textarea, [role="textbox"], [contenteditable="true"], output, [aria-live]',
  );
  let first: { number: BoxNumber; box: HTMLElement } | null = null;
  let fallback: { number: BoxNumber; box: HTMLElement } | null = null;
  for (const box of boxes) {
    // A draft in a message composer is sent, not dialed.
    if (namesMessageBox(box)) continue;
    const number = readDialBox(box);
    if (!number) continue;
    const isField = box instanceof HTMLInputElement || box instanceof HTMLSelectElement;
    const isNamed = NUMBER_BOX_HINTS.test(boxHints(box)) || namesRecipient(box);
    if (isField && isNamed) return { number, box };
    if (isField || isNamed) first ??= { number, box };
    else fallback ??= { number, box };
  }
  return first ?? fallback;
}

/**
 * Returns the numbers shown in an element's text; with `skipHistory`, those
 * after a history word are left out. Several different numbers make the pick
 * uncertain.
 */
function numbersIn(
  element: HTMLElement,
  skipHistory: boolean,
  reading: TextReading = {},
): PickedNumber | null {
  const numbers: string[] = [];
  const keys = new Set<string>();
  // A number is found within one block. Earlier blocks are kept for the
  // history words, because "Last dial:" may sit in the cell before.
  let before = '';
  for (const block of textBlocks(element, reading)) {
    const found = findPhoneCandidates(block);
    const candidates = reading.wholeBlocks && !readsAsOneNumber(block, found) ? [] : found;
    for (const candidate of candidates) {
      if (skipHistory && afterHistoryWord(before + block, before.length + candidate.start))
        continue;
      const key = dialKey(candidate.raw);
      if (keys.has(key)) continue;
      keys.add(key);
      numbers.push(candidate.raw);
    }
    before += `${block}\n`;
  }
  const [first, ...others] = numbers;
  if (!first) return null;
  return others.length > 0 ? { raw: first, alternatives: others, uncertain: true } : { raw: first };
}

function afterHistoryWord(text: string, start: number): boolean {
  return HISTORY_WORDS.test(text.slice(Math.max(0, start - HISTORY_LOOKBEHIND), start));
}

/**
 * Tells whether an element is a conversation's list of messages: a log or a
 * feed by its role, or a live region or list named as messages or a chat.
 */
function isMessageLog(element: Element): boolean {
  const role = element.getAttribute('role') ?? '';
  if (MESSAGE_LOG_ROLES.has(role)) return true;
  const isListing =
    element.hasAttribute('aria-live') ||
    role === 'list' ||
    element.localName === 'ul' ||
    element.localName === 'ol';
  return isListing && MESSAGE_WORDS.test(element.getAttribute('aria-label') ?? '');
}

/** Tells whether an element contains a box named as a chat's composer, so it shows a conversation. */
function containsChatComposer(element: HTMLElement): boolean {
  const boxes = element.querySelectorAll<HTMLElement>(COMPOSER_SELECTOR);
  return [...boxes].some((box) => namesMessageBox(box, CHAT_WORDS));
}

/** Tells whether an element is a row, a list item or a card. */
export function isItem(element: Element): boolean {
  if (element.matches(ITEM_SELECTOR)) return element.getAttribute('role') !== 'none';
  return ITEM_CLASS_TOKENS.test(element.getAttribute('class') ?? '');
}

/** Tells whether an element is a menu, a dialog or another layer drawn over the page. */
export function isLayer(element: Element): boolean {
  const role = element.getAttribute('role') ?? '';
  if (LAYER_ROLES.has(role) || element.getAttribute('aria-modal') === 'true') return true;
  if (LAYER_CLASS_TOKENS.test(element.getAttribute('class') ?? '')) return true;
  const position = element.ownerDocument.defaultView?.getComputedStyle(element).position;
  return position === 'fixed' || position === 'absolute';
}

/** Returns the path up to, but not including, the page's body and root element. */
export function withoutPageRoots(path: HTMLElement[]): HTMLElement[] {
  const end = path.findIndex(
    (element) => element.localName === 'body' || element.localName === 'html',
  );
  return end === -1 ? path : path.slice(0, end);
}

/**
 * Returns the path up to the page's body, and the body too when the page is
 * as small as a softphone's own frame: there the body is the dial panel.
 */
function withinPanel(path: HTMLElement[]): HTMLElement[] {
  const kept = withoutPageRoots(path);
  const body = path[kept.length];
  return body?.localName === 'body' && hasFewElements(body) ? [...kept, body] : kept;
}

function hasFewElements(body: HTMLElement): boolean {
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
  let count = 0;
  while (walker.nextNode()) if (++count > MAX_PANEL_ELEMENTS) return false;
  return true;
}

/** Limits of the text textBlocks reads. */
export interface TextReading {
  /** Elements whose text is left out, with all they contain. */
  skip?: (element: Element) => boolean;
  /** A node where reading stops: only the text before it is read. */
  until?: Node;
  /** Set to read numbers only from blocks that are one number each (see numbersIn). */
  wholeBlocks?: boolean;
}

/** Characters of an element's text read for the numbers near a control. */
const MAX_TEXT_READ = 256;

/**
 * Returns the text of an element and of its shadow roots, one string per
 * block, cut after about MAX_TEXT_READ characters. A cell, a flex item or
 * any other element laid out as a box starts a block, so a number is never
 * read with the cell before it ("#48213", "2", "Mar 3, 2024"). An inline
 * element continues the block after a space, so a number split over spans
 * is read whole. Text being edited (textareas, editable regions) and a
 * picker's options are left out, because the rules for boxes read them.
 */
export function textBlocks(element: Element, reading: TextReading = {}): string[] {
  const blocks: string[] = [];
  let block = '';
  let read = 0;
  let stopped = false;
  const view = element.ownerDocument.defaultView;
  const endBlock = (): void => {
    const text = block.trim();
    if (text !== '') blocks.push(text);
    block = '';
  };
  const visit = (node: Node): void => {
    if (node === reading.until) stopped = true;
    if (read > MAX_TEXT_READ || stopped) return;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      block += data;
      read += data.length;
      return;
    }
    if (node !== element && isEditedText(node)) return;
    if (node !== element && node.nodeType === Node.ELEMENT_NODE && reading.skip?.(node as Element))
      return;
    const isBox = node.nodeType === Node.ELEMENT_NODE && laidOutAsBox(node as Element, view);
    if (isBox) endBlock();
    else if (block !== '' && !block.endsWith(' ')) block += ' ';
    const shadow = node.nodeType === Node.ELEMENT_NODE ? shadowRootOf(node as Element) : null;
    if (shadow) visit(shadow);
    for (
      let child = node.firstChild;
      child && read <= MAX_TEXT_READ && !stopped;
      child = child.nextSibling
    )
      visit(child);
    if (isBox) endBlock();
  };
  visit(element);
  endBlock();
  return blocks;
}

/** Returns the text of an element and of its shadow roots, with each block (see textBlocks) on its own line. */
export function composedText(element: Element): string {
  return textBlocks(element).join('\n');
}

/**
 * Tells whether an element's text is a block of its own. The tag decides,
 * except for an inline tag, a slot or a custom element: a flex or grid
 * container lays those out as boxes, so their computed display decides.
 */
function laidOutAsBox(element: Element, view: Window | null): boolean {
  const name = element.localName;
  if (!INLINE_ELEMENTS.has(name) && name !== 'slot' && !name.includes('-')) return true;
  const display = view?.getComputedStyle(element).display || 'inline';
  return !FLOWING_DISPLAYS.has(display) && !INLINE_BOXES.has(display);
}

function isEditedText(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const element = node as Element;
  return (
    element.localName === 'textarea' || element.localName === 'select' || isEditableRegion(element)
  );
}

export function queryAll(
  scope: Element | DocumentFragment,
  selectors: readonly string[] | undefined,
): HTMLElement[] {
  const found: HTMLElement[] = [];
  // One query per selector, so a selector this browser rejects drops only itself.
  for (const selector of selectors ?? []) {
    try {
      found.push(...scope.querySelectorAll<HTMLElement>(selector));
    } catch {
      // An adapter's selector this browser does not support matches nothing.
    }
  }
  return found;
}
