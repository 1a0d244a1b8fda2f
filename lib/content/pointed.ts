// The place on the page the agent last pointed at, so that a capture from a
// record that lists several people picks the person the agent meant.

import { isOwnElement } from './dom-rules';

/**
 * Follows clicks, right-clicks and keyboard focus on `win` until `signal`
 * aborts, and returns a function that gives the node the agent last pointed
 * at: the selected text if there is a selection, else the last target that
 * is still on the page, else null.
 */
export function followPointedNode(win: Window, signal: AbortSignal): () => Node | null {
  let last: Element | null = null;
  const remember = (event: Event) => {
    // The event target is the shadow host, and the path starts at the element inside an open shadow root.
    const path = event.composedPath();
    const [target] = path;
    // A blocked dial moves the focus to DNC Guard's notice, which is no part of the record.
    if (path.some(isOwnElement)) return;
    if (target instanceof Element) last = target;
  };
  for (const type of ['pointerdown', 'contextmenu', 'focusin']) {
    win.addEventListener(type, remember, { capture: true, passive: true, signal });
  }

  return () => {
    const selection = win.getSelection();
    if (selection && !selection.isCollapsed && selection.anchorNode?.isConnected) {
      return selection.anchorNode;
    }
    return last?.isConnected ? last : null;
  };
}
