/**
 * Shadow roots attached after the scanner has looked at their host. A custom
 * element whose definition loads late is upgraded in place and attaches its
 * shadow root without any change to the page's light DOM, so no mutation
 * reports it. A small script in the page's own world wraps attachShadow and
 * fires an event at the host. The content script receives it and scans the root.
 */

/** Event fired at a host once its open shadow root is attached; namespaced so no page uses it. */
export const SHADOW_ROOT_EVENT = 'dnc-guard:shadow-root';

const WRAPPED = Symbol.for('dnc-guard.attachShadow');

type AttachShadow = (this: Element, init: ShadowRootInit) => ShadowRoot;

/**
 * Wraps `Element.prototype.attachShadow` of `win` so that an open root
 * attached to a host already in the document is announced with
 * SHADOW_ROOT_EVENT. Runs in the page's main world at document start. A host
 * outside the document (a component built before it is inserted) is not
 * announced, because the scanner finds its root when the host is inserted.
 * The event waits for a microtask so that it never runs inside the page's
 * constructor.
 */
export function announceShadowRoots(win: Window & typeof globalThis): void {
  const prototype = win.Element.prototype;
  const original = prototype.attachShadow as AttachShadow & { [WRAPPED]?: true };
  if (original[WRAPPED]) return;

  // Taken now, before any page script runs, so a page that later replaces
  // them (zone.js patches queueMicrotask) can neither observe nor break the event.
  const queueMicrotask = win.queueMicrotask.bind(win);
  const CustomEventClass = win.CustomEvent;
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
 * Calls `onRoot` with each shadow root announced in `win`. The listener is on
 * the window in the capture phase, added before any page script, so it runs
 * first and stops the event: page handlers never see it.
 */
export function listenForShadowRoots(
  win: Window & typeof globalThis,
  onRoot: (root: ShadowRoot) => void,
  signal: AbortSignal,
): void {
  win.addEventListener(
    SHADOW_ROOT_EVENT,
    (event) => {
      event.stopImmediatePropagation();
      const host = event.composedPath()[0];
      if (host instanceof win.Element && host.shadowRoot) onRoot(host.shadowRoot);
    },
    { capture: true, signal },
  );
}
