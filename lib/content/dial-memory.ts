// The agent's last gestures on a page, kept by the dial guard so that a call
// control that shows no number can be matched to the one it dials.

import type { DialContext } from './dial-pick';
import { isItem, isLayer } from './dial-pick';
import { isDialPadKey, isOwnElement, isPlainControl, isTypingField } from './dom-rules';

/** How long a right-clicked row or a menu opener stays the one a menu's Call dials, in ms. */
const POINTED_FOR_MS = 20_000;
/** How long the page's changes are watched after a digit is typed or a pad key pressed, in ms. */
const WATCH_AFTER_KEY_MS = 300;
/** Levels from a pressed element searched for its row, card or menu opener. */
const ITEM_DEPTH = 8;
/** Most child elements of a dial display; larger changed elements are containers, whose text is not read. */
const MAX_DISPLAY_CHILDREN = 16;
/** Keys that type into a dial display. */
const DIAL_KEY = /^[0-9*#+]$|^Backspace$/;

export interface DialMemory extends DialContext {
  /** Records the numbers of a dial the guard let through. */
  rememberDial(numbers: string[]): void;
}

/**
 * Follows presses, right-clicks and typed digits on `win` until `signal`
 * aborts. Work is done only at those events: a page observer runs for a
 * moment after a digit is typed, to see which element shows it.
 */
export function followDialGestures(win: Window, signal: AbortSignal): DialMemory {
  let lastDialed: string[] | null = null;
  let pointed: { element: HTMLElement; at: number } | null = null;
  let display: HTMLElement | null = null;
  let watchUntil = 0;
  let observer: MutationObserver | null = null;

  const onPress = (event: Event): void => {
    const all = event
      .composedPath()
      .filter((node): node is HTMLElement => node instanceof HTMLElement);
    // A press on a badge points at the row around it, as a press beside it would.
    const own = all.findIndex(isOwnElement);
    const path = own === -1 ? all : all.slice(own + 1);
    if (isPadKey(path)) watchTyping();

    // A press inside a menu or a dialog picks an item of the layer; the row
    // that opened it stays the one remembered.
    const near = path.slice(0, ITEM_DEPTH);
    if (near.some(isLayer)) return;
    const rightClick = event.type === 'contextmenu' || (event as MouseEvent).button === 2;
    const opener = near.find(opensMenu);
    const item = near.find(isItem);
    // A left press on a control acts at once, so what was pointed before stays.
    if (!rightClick && !opener && near.some(isPlainControl)) return;
    const element = item ?? opener;
    pointed = element ? { element, at: Date.now() } : null;
  };

  const watchTyping = (): void => {
    watchUntil = Date.now() + WATCH_AFTER_KEY_MS;
    if (observer) return;
    observer = new MutationObserver((records) => {
      for (const record of records) {
        if (isOwnChange(record)) continue;
        const target = record.target;
        const element = target.nodeType === Node.ELEMENT_NODE ? target : target.parentElement;
        if (
          element instanceof HTMLElement &&
          element.childElementCount <= MAX_DISPLAY_CHILDREN &&
          /\d/.test(element.textContent ?? '')
        )
          display = element;
      }
    });
    observer.observe(win.document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    win.setTimeout(stopWatching, WATCH_AFTER_KEY_MS);
  };
  const stopWatching = (): void => {
    const left = watchUntil - Date.now();
    if (left > 0) {
      win.setTimeout(stopWatching, left);
      return;
    }
    observer?.disconnect();
    observer = null;
  };

  const onKey = (event: Event): void => {
    const key = event as KeyboardEvent;
    if (key.ctrlKey || key.metaKey || key.altKey || !DIAL_KEY.test(key.key)) return;
    const [target] = event.composedPath();
    if (target instanceof HTMLElement && isTypingField(target)) return;
    watchTyping();
  };

  const options = { capture: true, passive: true, signal };
  win.addEventListener('pointerdown', onPress, options);
  win.addEventListener('contextmenu', onPress, options);
  win.addEventListener('keydown', onKey, options);
  signal.addEventListener('abort', () => observer?.disconnect());

  return {
    lastDialed: () => lastDialed,
    rememberDial: (numbers) => {
      lastDialed = numbers;
    },
    pointedItem: () => {
      if (!pointed?.element.isConnected || Date.now() - pointed.at > POINTED_FOR_MS) return null;
      return pointed.element;
    },
    typedDisplay: () => (display?.isConnected ? display : null),
  };
}

/** Tells whether a change only added or removed DNC Guard's own badges. */
function isOwnChange(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnElement);
}

function isPadKey(path: HTMLElement[]): boolean {
  const key = path.slice(0, 3).find(isPlainControl);
  return key !== undefined && isDialPadKey(key);
}

/** Tells whether an element opens a menu, a list or a dialog (ARIA marks it so). */
function opensMenu(element: HTMLElement): boolean {
  const popup = element.getAttribute('aria-haspopup')?.trim().toLowerCase() ?? 'false';
  return !['', 'false'].includes(popup) || element.hasAttribute('aria-expanded');
}
