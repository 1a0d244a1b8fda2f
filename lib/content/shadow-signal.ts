/**
 * Shadow roots attached after the scanner has looked at their host, and
 * closed ones. A custom element whose definition loads late is upgraded in
 * place and attaches its shadow root without any change to the page's light
 * DOM, so no mutation reports it. A closed root is not on its host's
 * shadowRoot property, so the scanner's walk does not see it. A small script
 * in the page's own world wraps attachShadow and fires an event that names
 * the host. The content script receives it and scans the root.
 *
 * NOTE: a closed root written in the markup (<template shadowrootmode="closed">)
 * is attached by the parser without attachShadow, so its numbers get no
 * badge. The dial guard still reaches inside it when the agent dials.
 */

import { shadowRootOf } from './closed-roots';

/** Event fired at a host once its open shadow root is attached; namespaced so no page uses it. */
export const SHADOW_ROOT_EVENT = 'dnc-guard:shadow-root';
/**
 * Event fired at the document once a closed shadow root is attached, with the
 * host as its relatedTarget. An event fired at the host would not reach the
 * window while the host is outside the document.
 */
export const CLOSED_ROOT_EVENT = 'dnc-guard:closed-shadow-root';

const WRAPPED = Symbol.for('dnc-guard.attachShadow');

type AttachShadow = (this: Element, init: ShadowRootInit) => ShadowRoot;

/**
 * Wraps `Element.prototype.attachShadow` of `win` so that an open root
 * attached to a host already in the document is announced with
 * SHADOW_ROOT_EVENT, and every closed root with CLOSED_ROOT_EVENT. Runs in
 * the page's main world at document start. An open root of a host outside the
 * document (a component built before it is inserted) is not announced,
 * because the scanner finds it when the host is inserted. The events wait for
 * a microtask so that they never run inside the page's constructor.
 */
export function announceShadowRoots(win: Window & typeof globalThis): void {
  const prototype = win.Element.prototype;
  const original = prototype.attachShadow as AttachShadow & { [WRAPPED]?: true };
  if (original[WRAPPED]) return;

  // Taken now, before any page script runs, so a page that later replaces
  // them (zone.js patches queueMicrotask) can neither observe nor break the event.
  const queueMicrotask = win.queueMicrotask.bind(win);
  const CustomEventClass = win.CustomEvent;
  const MouseEventClass = win.MouseEvent;
  const doc = win.document;
  const dispatchEvent = win.EventTarget.prototype.dispatchEvent;
  const isConnected = Object.getOwnPropertyDescriptor(win.Node.prototype, 'isConnected')?.get;
  const connected = (node: Node): boolean =>
    isConnected ? Boolean(Reflect.apply(isConnected, node, [])) : node.isConnected;

  const wrapped: AttachShadow & { [WRAPPED]?: true } = function attachShadow(this: Element, init) {
    const root: ShadowRoot = Reflect.apply(original, this, [init]);
    if (init.mode === 'open' && connected(this)) {
      queueMicrotask(() => {
        if (!connected(this)) return;
        const event = new CustomEventClass(SHADOW_ROOT_EVENT, { bubbles: true, composed: true });
        Reflect.apply(dispatchEvent, this, [event]);
      });
    } else if (init.mode === 'closed') {
      queueMicrotask(() => {
        const event = new MouseEventClass(CLOSED_ROOT_EVENT, { relatedTarget: this });
        Reflect.apply(dispatchEvent, doc, [event]);
      });
    }
    return root;
  };
  wrapped[WRAPPED] = true;
  Object.defineProperty(prototype, 'attachShadow', {
    value: wrapped,
    writable: true,
    configurable: true,
    enumerable: true,
  });
}

/**
 * Calls `onRoot` with each shadow root announced in `win` and its host. The
 * listeners are on the window in the capture phase, added before any page
 * script, so they run first and stop the events: page handlers never see them.
 */
export function listenForShadowRoots(
  win: Window & typeof globalThis,
  onRoot: (root: ShadowRoot, host: Element) => void,
  signal: AbortSignal,
): void {
  win.addEventListener(
    SHADOW_ROOT_EVENT,
    (event) => {
      event.stopImmediatePropagation();
      const host = event.composedPath()[0];
      if (host instanceof win.Element && host.shadowRoot) onRoot(host.shadowRoot, host);
    },
    { capture: true, signal },
  );
  win.addEventListener(
    CLOSED_ROOT_EVENT,
    (event) => {
      event.stopImmediatePropagation();
      // NOTE: a host inside another closed root arrives retargeted to the
      // outer host, whose root is known already, so such nested roots go unscanned.
      const host = event instanceof win.MouseEvent ? event.relatedTarget : null;
      const root = host instanceof win.Element ? shadowRootOf(host) : null;
      if (root && host instanceof win.Element) onRoot(root, host);
    },
    { capture: true, signal },
  );
}
