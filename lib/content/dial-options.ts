// Enter in a combobox, a search box with suggestions or a command palette
// picks the list's active option, which may offer to call a number. What
// Enter dials there is what a click on that option would dial.

import type { DialHints } from '../sites/types';
import { NO_CONTEXT, type DialContext } from './dial-pick';
import { ancestorsOf, dialTargetOfClick, type DialTarget } from './dial-targets';
import { isTextInput } from './dom-rules';

/**
 * Marks of the active option of a list: aria-selected, and data attributes
 * that component libraries put on the highlighted option. A combobox that
 * follows the ARIA pattern also names that option in its box's
 * aria-activedescendant, which is read first.
 */
const ACTIVE_OPTION_SELECTOR = [
  '[aria-selected="true"]',
  '[data-selected="true"]',
  '[data-highlighted]',
  '[data-focus]',
  '[data-focused="true"]',
]
  .map((mark) => `[role="option"]${mark}`)
  .join(', ');
/** Ancestor levels of a box searched for an option list placed beside it, for pages that do not name it. */
const OPTION_LIST_DEPTH = 3;
/** Roles of fields whose Enter may pick an option of a list they open. */
const FIELD_ROLES = new Set(['combobox', 'searchbox', 'textbox']);

/**
 * Finds what Enter on the focused element would dial through the active
 * option of a list: the element aria-activedescendant names, else the
 * marked option of an open list the box names (aria-controls, aria-owns)
 * or that sits beside it. The option decides as a click on it would.
 * NOTE: a list that marks its active option only with a class of its own
 * and names it nowhere is not read.
 */
export function dialTargetOfActiveOption(
  path: HTMLElement[],
  hints: DialHints = {},
  context: DialContext = NO_CONTEXT,
): DialTarget | null {
  const focused = path[0];
  const option = focused ? activeOptionOf(focused) : null;
  if (!focused || !option) return null;

  const target = dialTargetOfClick(ancestorsOf(option), hints, context);
  return target ? { ...target, kind: 'enter', element: focused } : null;
}

function activeOptionOf(focused: HTMLElement): HTMLElement | null {
  // A closed combobox's Enter picks nothing, whatever option it last named.
  if (focused.getAttribute('aria-expanded') === 'false') return null;
  const root = focused.getRootNode() as Document | ShadowRoot;
  const activeId = focused.getAttribute('aria-activedescendant');
  if (activeId) {
    const active = root.getElementById(activeId);
    return active instanceof HTMLElement && isShown(active) ? active : null;
  }

  if (!takesText(focused)) return null;
  for (const list of optionListsOf(focused, root)) {
    if (!isShown(list)) continue;
    const option = list.querySelector<HTMLElement>(ACTIVE_OPTION_SELECTOR);
    if (option) return option;
  }
  return null;
}

/** Returns the lists a box names in aria-controls or aria-owns, then the list boxes beside it. */
function optionListsOf(box: HTMLElement, root: Document | ShadowRoot): Element[] {
  const ids = `${box.getAttribute('aria-controls') ?? ''} ${box.getAttribute('aria-owns') ?? ''}`;
  const named = ids
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id))
    .filter((list): list is HTMLElement => list !== null);
  if (named.length > 0) return named;

  let ancestor = box.parentElement;
  for (let level = 0; ancestor && level < OPTION_LIST_DEPTH; level++) {
    const lists = ancestor.querySelectorAll('[role="listbox"]');
    if (lists.length > 0) return [...lists];
    ancestor = ancestor.parentElement;
  }
  return [];
}

/** Tells whether a focused element takes typed text, as the box of a combobox does. */
function takesText(element: HTMLElement): boolean {
  if (element instanceof HTMLInputElement) return isTextInput(element);
  return FIELD_ROLES.has(element.getAttribute('role') ?? '') || element.isContentEditable;
}

/** Tells whether an element is shown: not hidden by an attribute or by its own style. */
function isShown(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"]')) return false;
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return style?.display !== 'none' && style?.visibility !== 'hidden';
}
