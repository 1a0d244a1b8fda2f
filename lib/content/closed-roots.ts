/**
 * Closed shadow roots. A page's scripts cannot reach a component's closed
 * root, but an extension's content script can: Chrome (88 and later) through
 * chrome.dom.openOrClosedShadowRoot(), Firefox through an
 * openOrClosedShadowRoot property that only content scripts see on elements.
 */

/** The part of Chrome's `dom` API used here; the polyfill's types do not list it. */
interface ChromeDomApi {
  openOrClosedShadowRoot(element: HTMLElement): ShadowRoot | null;
}

type ExtensionGlobal = typeof globalThis & { chrome?: { dom?: ChromeDomApi } };
type FirefoxElement = HTMLElement & { openOrClosedShadowRoot?: ShadowRoot | null };

/** Shadow roots nested in each other that a path is followed through; deeper ones are left out. */
const MAX_NESTED_ROOTS = 8;

/** Returns the shadow root `element` hosts, open or closed, or null. */
export function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  if (!(element instanceof HTMLElement)) return null;

  // Read on each call: Firefox also defines `chrome` in content scripts, without `dom`.
  const dom = (globalThis as ExtensionGlobal).chrome?.dom;
  try {
    if (dom?.openOrClosedShadowRoot) return dom.openOrClosedShadowRoot(element) ?? null;
    return (element as FirefoxElement).openOrClosedShadowRoot ?? null;
  } catch {
    // An element the API refuses hosts nothing the scanner could read.
    return null;
  }
}

/**
 * Returns the event's composed path, innermost first. An event from inside a
 * closed shadow root reaches the window with its path starting at the root's
 * host. The path then gets the element inside that root in front: the one
 * under the pointer for a pointer event, the focused one for other events.
 */
export function composedPathWithin(event: Event): EventTarget[] {
  const path = event.composedPath();
  const first = path[0];
  // A host with an open root that starts the path was itself the target.
  if (!(first instanceof HTMLElement) || first.shadowRoot) return path;
  const root = shadowRootOf(first);
  if (!root) return path;

  const inner = innerTarget(root, event);
  if (!inner) return path;
  const within: EventTarget[] = [];
  for (let node: Node | null = inner; node && node !== first;) {
    within.push(node);
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return [...within, ...path];
}

/** An element of an event's path: an HTML element, or an SVG one, which call buttons are often drawn as. */
export type PathElement = HTMLElement | SVGElement;

/** Returns the HTML and SVG elements of `composedPathWithin(event)`, innermost first. */
export function pathElementsWithin(event: Event): PathElement[] {
  return composedPathWithin(event).filter(
    (node): node is PathElement => node instanceof HTMLElement || node instanceof SVGElement,
  );
}

/** Returns the HTML elements of a path, leaving out SVG ones. */
export function htmlElementsOf(path: readonly PathElement[]): HTMLElement[] {
  return path.filter((element): element is HTMLElement => element instanceof HTMLElement);
}

/** Finds the element inside `root` that an event retargeted to its host was aimed at. */
function innerTarget(root: ShadowRoot, event: Event): Element | null {
  const point = pointOf(event);
  let scope = root;
  let found: Element | null = null;
  for (let depth = 0; depth < MAX_NESTED_ROOTS; depth++) {
    const next = point ? scope.elementFromPoint(point.x, point.y) : scope.activeElement;
    // A point outside the host gives an element that is not in this root.
    if (!next || next.getRootNode() !== scope) break;
    found = next;
    const deeper = shadowRootOf(next);
    if (!deeper) break;
    scope = deeper;
  }
  return found;
}

/**
 * Returns the viewport point a pointer event happened at, or null for a key
 * event and for a click with no pointer behind it (a key that activated a
 * button, a script's click()), which are aimed at the focused element.
 */
function pointOf(event: Event): { x: number; y: number } | null {
  if (event instanceof MouseEvent) {
    if (event.type === 'click' && event.detail === 0) return null;
    return { x: event.clientX, y: event.clientY };
  }
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    const touch = event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : null;
  }
  return null;
}
