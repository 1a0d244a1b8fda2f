/**
 * Moves the keyboard focus to a message when it appears in place of the
 * button the user pressed, so the next Tab goes on from the message instead
 * of the top of the page. Used as a ref callback on an element with
 * tabIndex -1.
 */
export function focusWhenShown(element: HTMLElement | null): void {
  element?.focus();
}
