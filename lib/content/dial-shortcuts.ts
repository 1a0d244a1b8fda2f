import type { DialHints } from '../sites/types';
import { ancestorsOf, dialTargetOfClick, dialTargetOfEnter, isCallControl } from './dial-targets';
import type { DialTarget } from './dial-targets';
import { NO_CONTEXT, type DialContext } from './dial-pick';
import { isEditableRegion, isTextInput } from './dom-rules';

// Keyboard shortcuts that dial: a key press with Ctrl, Alt or Meta in a dial
// box, and a key a call control declares (aria-keyshortcuts, accesskey, or
// a tooltip such as "Call (C)"). A single-letter hotkey the page reads on the
// whole document without declaring it cannot be distinguished from any other key, so
// it is left alone.

/** Keys that only modify another key; pressing one alone is not a shortcut. */
const MODIFIER_KEYS = new Set(['Control', 'Alt', 'AltGraph', 'Meta', 'Shift', 'OS', 'Fn']);

/** Keys that move the caret or edit text whatever modifier is held (word jumps, delete word). */
const EDITING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Backspace',
  'Delete',
  'Tab',
  'Insert',
]);

/** Letters of select all, copy, cut, paste, undo and redo with Ctrl or Meta. */
const EDITING_LETTERS = new Set(['a', 'c', 'x', 'v', 'z', 'y']);

/** Letters of those that also edit with Shift held: redo (Shift+Z) and paste as plain text (Shift+V). */
const EDITING_SHIFT_LETTERS = new Set(['z', 'v']);

/** Fields whose key presses go to the text being edited. */
const EDITABLE_FIELDS = 'input, textarea, select, [role="textbox"], [role="combobox"]';

/**
 * Attributes where pages name a control's shortcut. Tooltip scripts move a
 * title into a data attribute to show their own tooltip instead.
 */
const TOOLTIP_ATTRIBUTES = [
  'title',
  'aria-label',
  'data-tooltip',
  'data-original-title',
  'data-bs-original-title',
];

/** Modifier names in shortcuts written for people ("Ctrl+Shift+C", "⌘⇧C") and in aria-keyshortcuts. */
const MODIFIER_NAMES: Record<string, keyof Modifiers> = {
  control: 'ctrl',
  ctrl: 'ctrl',
  '⌃': 'ctrl',
  alt: 'alt',
  option: 'alt',
  '⌥': 'alt',
  shift: 'shift',
  '⇧': 'shift',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  '⌘': 'meta',
};

/** A shortcut written with modifiers: "Ctrl+Shift+C", "Alt + 2", "⌘⇧C". */
const WRITTEN_COMBO =
  /(?<![\p{L}\p{N}])((?:(?:ctrl|control|alt|option|shift|meta|cmd|command)\s*\+\s*)+|[⌃⌥⇧⌘]+\s*)(f\d{1,2}|[\p{L}\p{N}])(?![\p{L}\p{N}])/giu;

/**
 * A single key in brackets after a label: "Call (C)", "Dial [D]". A digit in
 * brackets is a count ("Missed calls (3)"), not a key.
 */
const BRACKETED_KEY = /[([]\s*(f\d{1,2}|\p{L})\s*[)\]]/giu;

interface Modifiers {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

/** A key press a control declares, with the modifiers it needs. */
interface KeyCombo extends Modifiers {
  /** A single character or a key name such as "F2", in lower case. */
  key: string;
  /** Set for an accesskey, which browsers open with Alt (Alt+Shift in Firefox, Ctrl+Option on a Mac). */
  accessKey?: true;
}

/**
 * Finds what a key press with Ctrl, Alt or Meta in a dial box would dial. The
 * page's own shortcut (Ctrl+Shift+C, say) dials the box like Enter does.
 * Editing and caret shortcuts are left alone.
 */
export function dialTargetOfBoxShortcut(
  event: KeyboardEvent,
  path: HTMLElement[],
  hints: DialHints = {},
): DialTarget | null {
  if (!isShortcutPress(event) || isEditingShortcut(event)) return null;
  const focused = path[0];
  if (!focused || !isEditableField(focused)) return null;

  const target = dialTargetOfEnter(path, hints);
  return target ? { ...target, kind: 'shortcut' } : null;
}

/**
 * Returns a finder of what a key press with the focus outside editable
 * fields would dial through a call control that declares that key. Such a
 * press is decided like a click on the control, with the agent's last
 * gestures in `context`, because a toolbar's "Call selected" dials the row
 * pressed before. Several such controls count as one dial of all their
 * numbers.
 * `pageChanges` counts changes to the page's elements: the shortcuts
 * declared are searched again only after it changes, because searching a
 * large page takes milliseconds.
 * NOTE: controls inside shadow roots are not searched, and a shortcut added
 * to or changed in an existing element is seen only after the next change
 * to the page's elements.
 */
export function declaredShortcutFinder(
  pageChanges?: () => number,
): (
  event: KeyboardEvent,
  path: HTMLElement[],
  hints?: DialHints,
  context?: DialContext,
) => DialTarget | null {
  let found: { doc: Document; changes: number; byKey: ShortcutsByKey } | null = null;
  const declared = (doc: Document): ShortcutsByKey => {
    const changes = pageChanges?.();
    if (changes !== undefined && found?.doc === doc && found.changes === changes)
      return found.byKey;
    const byKey = shortcutsDeclared(doc);
    if (changes !== undefined) found = { doc, changes, byKey };
    return byKey;
  };

  return (event, path, hints = {}, context = NO_CONTEXT) => {
    const focused = path[0];
    if (!focused || isEditableField(focused)) return null;
    if (event.isComposing || MODIFIER_KEYS.has(event.key)) return null;
    const key = event.key.toLowerCase();
    if ([...key].length !== 1 && !/^f\d{1,2}$/.test(key)) return null;

    const byKey = declared(focused.ownerDocument);
    const controls = new Set<HTMLElement>();
    for (const name of new Set([key, codeKey(event.code)])) {
      if (name === null) continue;
      for (const { element, combo } of byKey.get(name) ?? []) {
        if (element.isConnected && comboMatches(combo, event)) controls.add(element);
      }
    }

    const numbers: string[] = [];
    for (const control of controls) {
      if (!isCallControl(control)) continue;
      const target = dialTargetOfClick(ancestorsOf(control), hints, context);
      if (target) numbers.push(target.raw, ...(target.alternatives ?? []));
    }
    const [raw, ...alternatives] = numbers;
    if (!raw) return null;
    return alternatives.length > 0
      ? { kind: 'shortcut', raw, alternatives, element: focused }
      : { kind: 'shortcut', raw, element: focused };
  };
}

/** Tells whether Ctrl, Alt or Meta is down in a key press that is not a character typed with AltGr. */
function isShortcutPress(event: KeyboardEvent): boolean {
  if (event.isComposing || MODIFIER_KEYS.has(event.key)) return false;
  if (event.getModifierState('AltGraph')) return false;
  return event.ctrlKey || event.altKey || event.metaKey;
}

/** Tells whether a press is a standard editing or caret shortcut. */
function isEditingShortcut(event: KeyboardEvent): boolean {
  if (EDITING_KEYS.has(event.key)) return true;
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;

  // The letter as typed and as placed on the keyboard: Ctrl+C is on KeyC in
  // Cyrillic layouts, and on another key in Dvorak.
  const letters = [event.key.toLowerCase(), /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase()];
  const editing = event.shiftKey ? EDITING_SHIFT_LETTERS : EDITING_LETTERS;
  return letters.some((letter) => letter !== undefined && editing.has(letter));
}

function isEditableField(element: HTMLElement): boolean {
  if (element instanceof HTMLInputElement) return isTextInput(element);
  return element.matches(EDITABLE_FIELDS) || isEditableRegion(element);
}

/** Declared shortcuts by the key they need, each with the element that declares it. */
type ShortcutsByKey = Map<string, Array<{ element: HTMLElement; combo: KeyCombo }>>;

/**
 * Characters written before a key in a tooltip: "Call (C)", "Dial [D]",
 * "Ctrl+Shift+C". A tooltip without one ("Call ⌘⇧C") is not searched.
 */
const KEY_MARKS = ['(', '[', '+'];

/**
 * Elements that may declare a shortcut: every element with
 * aria-keyshortcuts or accesskey, and those with a tooltip holding a key mark.
 */
const DECLARING_SELECTORS = [
  '[aria-keyshortcuts]',
  '[accesskey]',
  ...TOOLTIP_ATTRIBUTES.flatMap((attribute) =>
    KEY_MARKS.map((mark) => `[${attribute}*="${mark}"]`),
  ),
];

/**
 * Returns the shortcuts declared on the page. One query per selector,
 * because the browser matches a list of selectors against every element
 * several times slower, and the attribute selectors leave reading every
 * control's tooltips to the browser.
 */
function shortcutsDeclared(doc: Document): ShortcutsByKey {
  const byKey: ShortcutsByKey = new Map();
  const seen = new Set<HTMLElement>();
  for (const selector of DECLARING_SELECTORS) {
    for (const element of doc.querySelectorAll<HTMLElement>(selector)) {
      if (seen.has(element)) continue;
      seen.add(element);
      for (const combo of declaredCombos(element)) {
        const list = byKey.get(combo.key) ?? [];
        list.push({ element, combo });
        byKey.set(combo.key, list);
      }
    }
  }
  return byKey;
}

/** Returns the key a `code` is placed on ("KeyC" → "c", "Digit2" → "2"), or null for other codes. */
function codeKey(code: string): string | null {
  const match = /^(?:Key([A-Z])|Digit(\d))$/.exec(code);
  return (match?.[1] ?? match?.[2])?.toLowerCase() ?? null;
}

/** Returns the shortcuts an element declares in aria-keyshortcuts, accesskey and its tooltips. */
function declaredCombos(element: HTMLElement): KeyCombo[] {
  const combos: KeyCombo[] = [];
  const aria = element.getAttribute('aria-keyshortcuts') ?? '';
  for (const written of aria.split(/\s+/).filter(Boolean)) {
    const parts = written.split('+');
    const key = parts.pop()?.toLowerCase();
    if (key) combos.push({ key, ...modifiersNamed(parts) });
  }

  const accessKeys = element.getAttribute('accesskey') ?? '';
  for (const key of accessKeys.split(/\s+/).filter(Boolean))
    combos.push({ key: key.toLowerCase(), ...modifiersNamed(['alt']), accessKey: true });

  for (const attribute of TOOLTIP_ATTRIBUTES) {
    const tooltip = element.getAttribute(attribute);
    if (tooltip) combos.push(...combosWritten(tooltip));
  }
  return combos;
}

/** Returns the shortcuts written in a tooltip for people to read. */
function combosWritten(text: string): KeyCombo[] {
  const combos: KeyCombo[] = [];
  for (const [, modifiers = '', key = ''] of text.matchAll(WRITTEN_COMBO)) {
    const names = modifiers.match(/[a-z]+|[⌃⌥⇧⌘]/giu) ?? [];
    combos.push({ key: key.toLowerCase(), ...modifiersNamed(names) });
  }
  for (const [, key = ''] of text.matchAll(BRACKETED_KEY))
    combos.push({ key: key.toLowerCase(), ...modifiersNamed([]) });
  return combos;
}

function modifiersNamed(names: string[]): Modifiers {
  const modifiers: Modifiers = { ctrl: false, alt: false, shift: false, meta: false };
  for (const name of names) {
    const modifier = MODIFIER_NAMES[name.trim().toLowerCase()];
    if (modifier) modifiers[modifier] = true;
  }
  return modifiers;
}

/**
 * Tells whether a key press is a declared shortcut. Ctrl, Alt and Meta must
 * match. Shift must match for letters and named keys, and is ignored for
 * other characters, which some layouts type with Shift ("?", "+").
 * An accesskey matches any press with Alt but not Meta.
 */
function comboMatches(combo: KeyCombo, event: KeyboardEvent): boolean {
  const pressed = event.key.toLowerCase();
  if (pressed !== combo.key && codeKey(event.code) !== combo.key) return false;
  if (combo.accessKey) return event.altKey && !event.metaKey;
  if (combo.ctrl !== event.ctrlKey || combo.alt !== event.altKey || combo.meta !== event.metaKey)
    return false;
  const shiftMatters = /^[a-z]$|^f\d{1,2}$/.test(combo.key);
  return !shiftMatters || combo.shift === event.shiftKey;
}
