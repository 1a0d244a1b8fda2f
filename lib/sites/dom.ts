// DOM reading shared by the site adapters. Salesforce and other apps built on
// web components put record fields inside open shadow roots, which
// querySelectorAll and textContent do not enter, so every query here walks
// into open shadow roots as well. Closed shadow roots stay unreadable.

import { BADGE_TAG, INLINE_ELEMENTS, NOTICE_TAG, SKIPPED_ELEMENTS } from '../content/dom-rules.ts';

/**
 * Returns every element under `root` in document order, with the content of
 * each open shadow root right after its host. Subtrees whose root matches
 * `skip` are left out (a product's list of other records, for example), and
 * so are DNC Guard's own badges and notices and whatever the page does not
 * render (see `renderState`).
 */
export function elementsDeep(root: ParentNode, skip?: string): Element[] {
  const elements: Element[] = [];
  collectElements(root, skip, elements);
  return elements;
}

// One querySelectorAll per tree is much cheaper than walking children
// collections, so skipped subtrees are recognised by containment instead.
// Document order puts a subtree right after its root, so one skipped root
// at a time is enough.
function collectElements(root: ParentNode, skip: string | undefined, elements: Element[]): void {
  let skipped: Element | null = null;
  let folded: Element | null = null;
  for (const element of root.querySelectorAll('*')) {
    if (skipped?.contains(element)) continue;

    const tag = element.localName;
    if (tag === BADGE_TAG || tag === NOTICE_TAG || (skip && element.matches(skip))) {
      skipped = element;
      continue;
    }

    const inFold = folded?.contains(element) ?? false;
    const state = renderState(element, inFold);
    if (state === 'none') {
      skipped = element;
      continue;
    }
    if (tag === 'details' && !element.hasAttribute('open') && !inFold) folded = element;
    if (state === 'invisible') continue;

    elements.push(element);
    if (element.shadowRoot) collectElements(element.shadowRoot, skip, elements);
  }
}

type RenderState = 'shown' | 'invisible' | 'none';

/**
 * Tells how the page renders `element`, given that its ancestors are rendered.
 * 'none' means neither the element nor its subtree shows: display: none, the
 * hidden attribute, or an inert or aria-hidden subtree, which the page keeps
 * out of reach on purpose. 'invisible' means only the element itself is
 * hidden (visibility: hidden, which a child may override).
 *
 * A background tab or a collapsed panel often contains another record, so its
 * content must not feed the capture. A closed <details> folds more fields of
 * the record on screen, so its content counts (`inFold`): there only the
 * element's own style is read.
 */
function renderState(element: Element, inFold: boolean): RenderState {
  if (
    element.hasAttribute('hidden') ||
    element.hasAttribute('inert') ||
    element.getAttribute('aria-hidden') === 'true'
  ) {
    return 'none';
  }

  // checkVisibility reads the layout tree and every ancestor in native code.
  // jsdom has no layout and no checkVisibility, so tests take the style path.
  if (!inFold && typeof element.checkVisibility === 'function') {
    if (!element.checkVisibility()) return 'none';
    return element.checkVisibility({ visibilityProperty: true }) ? 'shown' : 'invisible';
  }

  const view = element.ownerDocument.defaultView;
  if (!view) return 'shown';
  const style = view.getComputedStyle(element);
  if (style.display === 'none') return 'none';
  return style.visibility === 'hidden' || style.visibility === 'collapse' ? 'invisible' : 'shown';
}

/** Returns the elements under `root`, open shadow roots included, that match `selector`. */
export function queryAllDeep(root: ParentNode, selector: string, skip?: string): Element[] {
  return elementsDeep(root, skip).filter((element) => element.matches(selector));
}

/** Returns the first element under `root`, open shadow roots included, that matches `selector`. */
export function queryDeep(root: ParentNode, selector: string, skip?: string): Element | null {
  return elementsDeep(root, skip).find((element) => element.matches(selector)) ?? null;
}

/** Collapses runs of whitespace (no-break and ideographic spaces included) and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f\u3000]+/g, ' ').trim();
}

/**
 * Returns the text a reader sees in `node`: text nodes in rendered order,
 * shadow content in place of a host's children and slotted nodes in place of
 * each slot. Block elements are separated by a space so "<div>Mobile</div>
 * <div>+44…</div>" does not read as "Mobile+44…", while inline elements join
 * ("Gar<b>c</b>ía" stays one word). Scripts, styles and DNC Guard's own
 * badges are left out. Whitespace is collapsed.
 */
export function deepText(node: Node): string {
  const parts: string[] = [];
  collectText(node, parts);
  return normalizeSpace(parts.join(''));
}

function collectText(node: Node, parts: string[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE || node.nodeType === Node.DOCUMENT_NODE) {
    for (const child of node.childNodes) collectText(child, parts);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;

  const element = node as Element;
  const tag = element.localName;
  if (SKIPPED_ELEMENTS.has(tag)) return;

  const isBlock = !INLINE_ELEMENTS.has(tag);
  if (isBlock) parts.push(' ');
  for (const child of renderedChildren(element)) collectText(child, parts);
  if (isBlock) parts.push(' ');
}

// A host renders its shadow tree, and a slot renders what is assigned to it
// (or its fallback content when nothing is).
function renderedChildren(element: Element): Iterable<Node> {
  if (element.shadowRoot) return element.shadowRoot.childNodes;

  if (element.localName === 'slot' && 'assignedNodes' in element) {
    const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
    if (assigned.length > 0) return assigned;
  }
  return element.childNodes;
}

/**
 * Returns the parent of `element`, stepping from the top of a shadow tree
 * to its host, so callers can walk up across shadow boundaries.
 */
export function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;

  // Checked by node type, not instanceof, so documents of other frames work too.
  const root = element.getRootNode();
  return root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root
    ? (root as ShadowRoot).host
    : null;
}

/** Tells whether `node` is `container` or inside it, across shadow boundaries. */
export function containsAcrossShadow(container: Element, node: Node): boolean {
  const start = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  for (let current = start; current; current = parentAcrossShadow(current)) {
    if (current === container) return true;
  }
  return false;
}

/**
 * Tells whether `element` or an ancestor (across shadow boundaries) is marked
 * hidden by the `hidden` or `aria-hidden` attribute. Layout is not read, so
 * elements hidden only by CSS count as shown.
 */
export function isMarkedHidden(element: Element): boolean {
  for (let current: Element | null = element; current; current = parentAcrossShadow(current)) {
    if (current.hasAttribute('hidden') || current.getAttribute('aria-hidden') === 'true') {
      return true;
    }
  }
  return false;
}

/** Returns the first element matching `selector` that is not marked hidden. */
export function queryShownDeep(root: ParentNode, selector: string, skip?: string): Element | null {
  return firstShown(queryAllDeep(root, selector, skip));
}

/** Returns the first of `elements` that is not marked hidden. */
export function firstShown(elements: Iterable<Element>): Element | null {
  for (const element of elements) {
    if (!isMarkedHidden(element)) return element;
  }
  return null;
}
