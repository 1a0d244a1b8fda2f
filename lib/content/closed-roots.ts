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
