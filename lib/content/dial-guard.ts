import type { NumberResult } from '../messaging/protocol';
import { containsAcrossShadow } from '../sites/dom';
import type { DialHints } from '../sites/types';
import { decideDial, type DialDecision, type NumberStatus, type UnknownPolicy } from '../policy';
import {
  dialTargetOfClick,
  dialTargetOfEnter,
  dialTargetOfKey,
  dialTargetOfPadKeyEnter,
  dialTargetOfPageEnter,
  dialTargetOfRowDoubleClick,
  dialTargetOfRowEnter,
  dialTargetOfSubmit,
  type DialTarget,
} from './dial-targets';
import { followDialGestures } from './dial-memory';
import { composedPathWithin, htmlElementsOf, pathElementsWithin } from './closed-roots';
import { declaredShortcutFinder, dialTargetOfBoxShortcut } from './dial-shortcuts';
import { dialTargetOfActiveOption } from './dial-options';
import { BADGE_TAG, countDigits, dialKey, ownsItsClicks } from './dom-rules';
import { showNotice } from './notice';
import type { StatusClient } from './status-client';

export interface DialGuardOptions {
  statuses: StatusClient;
  unknownPolicy: () => UnknownPolicy;
  /** Records a blocked or warned dial for the audit trail. */
  report: (target: DialTarget, result: NumberResult, decision: 'block' | 'warn') => void;
  /** The site adapter's dial hints for the page as it is now (single-page apps change URL). */
  hints?: () => DialHints;
  /** A count of changes to the page's elements, so what was found in the page is reused until it changes. */
  pageChanges?: () => number;
}

/**
 * Events other than the click that start a dial: a press on some dialers, a
 * double click on call lists that dial on it.
 */
const PRESS_EVENTS = [
  'pointerdown',
  'mousedown',
  'pointerup',
  'mouseup',
  'touchstart',
  'touchend',
  'dblclick',
];

/**
 * Installs the capture-phase listeners that stop dials of blocked numbers.
 * They are added to the window at document start, before any page script
 * runs, so the page's own handlers never see a blocked event. When the status
 * of a number is not known yet, the event is held, the background is asked,
 * and an allowed dial is replayed on the same element.
 */
export function installDialGuard(
  win: Window,
  options: DialGuardOptions,
  signal: AbortSignal,
): void {
  let replaying = false;
  const memory = followDialGestures(win, signal);

  // A number not valid in the default country cannot be looked up. A long
  // one (MIN_UNREADABLE_DIGITS and more) is most likely another country's
  // number written without its code, which may be on the list, so it is
  // decided like an unknown status. Shorter ones are internal extensions and
  // local numbers, which are dialed as before.
  // Enter on a keypad key mostly types the key's digit, so a number not
  // complete yet is typed, not dialed.
  const statusOf = (result: NumberResult, target: DialTarget): NumberStatus => {
    if (result.status !== 'invalid') return result.status;
    return isUnreadable(result) && !target.mayOnlyType ? 'unknown' : 'allowed';
  };

  const decide = (result: NumberResult, target: DialTarget): DialDecision =>
    decideDial(statusOf(result, target), options.unknownPolicy());

  const explain = (
    target: DialTarget,
    result: NumberResult,
    decision: 'block' | 'warn',
    results: NumberResult[],
  ): void => {
    const among = target.uncertain ? distinctNumbers(results) : [];
    showNotice(
      {
        decision,
        status: statusOf(result, target),
        number: result.display ?? result.e164 ?? target.raw,
        ...(among.length > 1 ? { among } : {}),
        ...(result.reason ? { reason: result.reason } : {}),
        ...(result.addedAt ? { addedAt: result.addedAt } : {}),
        listUpdatedAt: options.statuses.listInfo?.updatedAt ?? null,
        ...(isUnreadable(result)
          ? {
              invalidIn: WITH_COUNTRY_CODE.test(result.raw)
                ? null
                : (options.statuses.listInfo?.defaultCountry ?? ''),
            }
          : {}),
      },
      win.document,
    );
    options.report(target, result, decision);
  };

  /**
   * Replays a held dial event. A click goes to the element it was aimed at
   * when that is still in the control, so page handlers on an icon inside the
   * control run as they would have.
   */
  const replay = (target: DialTarget, event: Event, aimedAt: EventTarget | undefined): void => {
    replaying = true;
    try {
      if (target.kind === 'enter') {
        const again = new KeyboardEvent('keydown', {
          key: 'Enter',
          code: 'Enter',
          bubbles: true,
          cancelable: true,
          composed: true,
        });
        const notCancelled = target.element.dispatchEvent(again);
        const form = (target.element as HTMLInputElement).form;
        if (notCancelled && form) form.requestSubmit();
      } else if (target.kind === 'key' || target.kind === 'shortcut') {
        const again = new KeyboardEvent(event.type, event as KeyboardEvent);
        const notCancelled = target.element.dispatchEvent(again);
        // A copy has no default action, so the click a focused button gets on Enter is made here.
        if (notCancelled && isEnterDown(again) && target.element instanceof HTMLButtonElement)
          target.element.click();
      } else if (target.kind === 'double-click') {
        target.element.dispatchEvent(new MouseEvent(event.type, event as MouseEvent));
      } else if (target.kind === 'submit') {
        const submitter = (event as SubmitEvent).submitter;
        (target.element as HTMLFormElement).requestSubmit(submitter ?? undefined);
      } else if (event.type === 'click' && isWithin(aimedAt, target.element)) {
        aimedAt.dispatchEvent(copyPress(event));
      } else {
        clickOn(target.element);
      }
    } finally {
      replaying = false;
    }
  };

  /** Decides a dial event. A `quiet` guard stops a blocked event without a second notice. */
  const guard = (event: Event, target: DialTarget | null, quiet = false): void => {
    if (!target || replaying) return;
    // A click on our own badge opens its menu; the badge stops it from reaching the page.
    if (
      composedPathWithin(event).some(
        (node) => node instanceof Element && node.localName === BADGE_TAG && ownsItsClicks(node),
      )
    ) {
      if (event.type === 'click' && !quiet) explainBadgeClick(event, target);
      return;
    }

    const known = cachedResults(target);
    if (known) {
      const counted = deciding(target, known);
      const { result, decision } = strictest(target, counted);
      if (decision !== 'block' && !quiet) remember(counted);
      if (decision === 'allow') return;
      if (decision === 'block') stop(event, target);
      if (!quiet) explain({ ...target, raw: result.raw }, result, decision, counted);
      return;
    }

    // Unknown to this page yet: hold the event until the background replies.
    // Its target is read now, because an event's path is empty once its dispatch is over.
    stop(event, target);
    const aimedAt = composedPathWithin(event)[0];
    void lookUp(target).then((results) => {
      const counted = deciding(target, results);
      const { result, decision } = strictest(target, counted);
      if (decision !== 'allow' && !quiet)
        explain({ ...target, raw: result.raw }, result, decision, counted);
      if (decision !== 'block') {
        if (!quiet) remember(counted);
        replay(target, event, aimedAt);
      }
    });
  };

  /**
   * Explains a click on a badge inside a control whose dial is blocked. The
   * presses before the click were stopped as the control's, and a badge has
   * no menu for a blocked number, so the notice is the agent's only sign of
   * why nothing happened. Other badge clicks are left to the badge's menu.
   */
  const explainBadgeClick = (event: Event, target: DialTarget): void => {
    const known = cachedResults(target);
    if (!known) {
      void lookUp(target).then((results) => explainIfBlocked(target, results));
      return;
    }
    // Stopped here, before the badge's own listener, so the notice is all the click does.
    if (explainIfBlocked(target, known)) stop(event, target);
  };

  /** Shows the notice when the results block the target's dial, and returns whether they do. */
  const explainIfBlocked = (target: DialTarget, results: NumberResult[]): boolean => {
    const counted = deciding(target, results);
    const { result, decision } = strictest(target, counted);
    if (decision !== 'block') return false;
    explain({ ...target, raw: result.raw }, result, decision, counted);
    return true;
  };

  /** Keeps the numbers of a dial let through, for a redial control that shows none. */
  const remember = (results: NumberResult[]): void => {
    memory.rememberDial(results.map((result) => result.e164 ?? result.raw));
  };

  /** Looks up every number the target may dial. It never rejects, because a failed look-up gives unknown. */
  const lookUp = (target: DialTarget): Promise<NumberResult[]> =>
    Promise.all(numbersOf(target).map((raw) => options.statuses.status(raw)));

  /** Returns the cached result of every number the target may dial, or null when one is not cached. */
  const cachedResults = (target: DialTarget): NumberResult[] | null => {
    const results: NumberResult[] = [];
    for (const raw of numbersOf(target)) {
      const result = options.statuses.cachedByKey(raw);
      if (!result) return null;
      results.push(result);
    }
    return results;
  };

  /** Picks the result whose decision is strictest: one blocked number blocks the dial. */
  const strictest = (
    target: DialTarget,
    results: NumberResult[],
  ): { result: NumberResult; decision: DialDecision } => {
    let pick: { result: NumberResult; decision: DialDecision } | null = null;
    for (const result of results) {
      const decision = decide(result, target);
      if (!pick || DECISION_RANK[decision] > DECISION_RANK[pick.decision])
        pick = { result, decision };
    }
    if (!pick) throw new Error('A dial target has at least one number.');
    return pick;
  };

  const listen = (type: string, handler: (event: Event) => void): void => {
    win.addEventListener(type, handler, { capture: true, signal });
  };

  const hints = (): DialHints => options.hints?.() ?? {};
  const declaredShortcut = declaredShortcutFinder(options.pageChanges);

  listen('click', (event) =>
    guard(event, dialTargetOfClick(pathElementsWithin(event), hints(), memory)),
  );
  listen('auxclick', (event) =>
    guard(event, dialTargetOfClick(pathElementsWithin(event), hints(), memory)),
  );

  /**
   * Requests the status of what Enter would dial through the active option
   * of the focused box, so Enter after typing or moving through the options
   * is decided at once instead of held.
   */
  const lookUpActiveOption = (focused: EventTarget | undefined): void => {
    if (!(focused instanceof HTMLElement) || !focused.isConnected) return;
    const target = dialTargetOfActiveOption([focused], hints(), memory);
    if (target && !cachedResults(target)) void lookUp(target);
  };

  /** Finds what Enter dials on a focused dial pad key, a focused row of a list or a page that reads keys. */
  const enterOutsideControls = (path: HTMLElement[]): DialTarget | null =>
    dialTargetOfPadKeyEnter(path, hints(), memory) ??
    dialTargetOfRowEnter(path, hints(), memory) ??
    dialTargetOfPageEnter(path, hints(), memory);

  // Enter in a dial box dials. Enter or Space on a control the browser does
  // not click for it (a div with a button role) is decided like a click, on
  // keydown and on the keyup some controls act on, and so is Enter with
  // nothing focused on a softphone that reads the whole page's keys. Enter
  // on a focused row of a list is decided like a double click on the row.
  // The keyup stays quiet, so one key press shows one notice.
  // A key press with Ctrl, Alt or Meta in a dial box is decided like Enter
  // there, and a key a call control declares like a click on that control.
  listen('keydown', (event) => {
    const path = htmlElementsOf(pathElementsWithin(event));
    if (!isActivationKey(event)) {
      const key = event as KeyboardEvent;
      guard(
        event,
        dialTargetOfBoxShortcut(key, path, hints()) ?? declaredShortcut(key, path, hints(), memory),
      );
      return;
    }
    const isEnter = (event as KeyboardEvent).key === 'Enter';
    const inBox = isEnter
      ? (dialTargetOfActiveOption(path, hints(), memory) ?? dialTargetOfEnter(path, hints()))
      : null;
    guard(
      event,
      inBox ??
        dialTargetOfKey(path, hints(), memory) ??
        (isEnter ? enterOutsideControls(path) : null),
    );
  });
  listen('keyup', (event) => {
    if (!isActivationKey(event)) {
      lookUpActiveOption(pathElementsWithin(event)[0]);
      return;
    }
    const path = htmlElementsOf(pathElementsWithin(event));
    const onPage = (event as KeyboardEvent).key === 'Enter' ? enterOutsideControls(path) : null;
    guard(event, dialTargetOfKey(path, hints(), memory) ?? onPage, true);
  });

  listen('submit', (event) => {
    const form = event.composedPath()[0];
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = (event as SubmitEvent).submitter;
    guard(
      event,
      dialTargetOfSubmit(form, submitter instanceof HTMLElement ? submitter : null, hints()),
    );
  });

  /** Presses hidden from the page while the number of their control is looked up. */
  let pendingPresses: { element: Element; events: HeldPress[] } | null = null;

  const holdPress = (target: DialTarget, event: Event): void => {
    // Read now: an event's path is empty once its dispatch is over.
    const press = { event, aimedAt: composedPathWithin(event)[0] ?? target.element };
    if (pendingPresses?.element === target.element) {
      pendingPresses.events.push(press);
      return;
    }
    const presses = { element: target.element, events: [press] };
    pendingPresses = presses;
    void lookUp(target).then((results) => {
      if (pendingPresses === presses) pendingPresses = null;
      if (strictest(target, deciding(target, results)).decision === 'block') return;
      replaying = true;
      try {
        for (const press of presses.events) replayPress(press);
      } finally {
        replaying = false;
      }
    });
  };

  // Some dialers start the call on a press or a double click instead of a
  // click. Such an event on a control known to be blocked is stopped like a
  // click, without a second notice. A press whose number
  // is not known yet is hidden from the page while the number is looked up,
  // and copies go to the page once it is allowed: a tap gives no hover before
  // it. Its default action stays, so the click that follows is still
  // decided. Pointing at a control looks its number up early, so a mouse
  // press is mostly decided at once.
  for (const type of PRESS_EVENTS) {
    listen(type, (event) => {
      if (replaying) return;
      const target = dialTargetOfClick(pathElementsWithin(event), hints(), memory);
      if (!target) return;
      const known = cachedResults(target);
      if (!known) {
        event.stopImmediatePropagation();
        holdPress(target, event);
      } else if (strictest(target, deciding(target, known)).decision === 'block') {
        stop(event);
      }
    });
  }
  // A double click on a call log's row dials the number of its call control.
  listen('dblclick', (event) => {
    if (replaying) return;
    const path = pathElementsWithin(event);
    if (dialTargetOfClick(path, hints(), memory)) return;
    guard(event, dialTargetOfRowDoubleClick(path, hints(), memory));
  });
  listen('pointerover', (event) => {
    const target = dialTargetOfClick(pathElementsWithin(event), hints(), memory);
    if (!target || cachedResults(target)) return;
    void lookUp(target);
  });
  // Focus on a call control or a dial box does the same for the keyboard, so
  // the Enter or Space that follows is decided at once. An allowed dial then
  // reaches the page as the browser's own event: a copy made after a
  // look-up is one that some pages ignore.
  listen('focusin', (event) => {
    const path = htmlElementsOf(pathElementsWithin(event));
    const target =
      dialTargetOfClick(path, hints(), memory) ??
      dialTargetOfKey(path, hints(), memory) ??
      dialTargetOfEnter(path, hints());
    if (target && !cachedResults(target)) void lookUp(target);
  });

  // Typing into a dial box requests the status early, so the click that
  // follows can be decided at once instead of held. The option a search box
  // offers is read once the page's own input handlers have drawn it.
  listen('input', (event) => {
    const target = dialTargetOfEnter(htmlElementsOf(pathElementsWithin(event)), hints());
    if (target) void lookUp(target);
    // Read now: an event's path is empty once its dispatch is over.
    const box = pathElementsWithin(event)[0];
    win.setTimeout(() => lookUpActiveOption(box), 0);
  });
}

/** A press hidden from the page, with the element it was aimed at. */
interface HeldPress {
  event: Event;
  aimedAt: EventTarget;
}

/**
 * Sends a copy of a held press to the element it was aimed at. The copy
 * carries the original's coordinates, buttons and pointer. Browsers give a
 * copy no default action; the original kept its own.
 */
function replayPress({ event, aimedAt }: HeldPress): void {
  aimedAt.dispatchEvent(copyPress(event));
}

function copyPress(event: Event): Event {
  if (typeof PointerEvent !== 'undefined' && event instanceof PointerEvent)
    return new PointerEvent(event.type, event);
  if (event instanceof MouseEvent) return new MouseEvent(event.type, event);
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    return new TouchEvent(event.type, {
      bubbles: event.bubbles,
      cancelable: event.cancelable,
      composed: event.composed,
      touches: Array.from(event.touches),
      targetTouches: Array.from(event.targetTouches),
      changedTouches: Array.from(event.changedTouches),
      altKey: event.altKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
    });
  }
  return new Event(event.type, event);
}

/** Tells whether an event target is an element still on the page inside `control`, or `control` itself. */
function isWithin(target: EventTarget | undefined, control: Element): target is Element {
  return target instanceof Element && target.isConnected && containsAcrossShadow(control, target);
}

/** Clicks an element; an SVG element has no click() of its own. */
function clickOn(element: Element): void {
  if (element instanceof HTMLElement) {
    element.click();
    return;
  }
  element.dispatchEvent(
    new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }),
  );
}

/** Tells whether a key event is a plain Enter or Space, the keys that activate a control. */
function isActivationKey(event: Event): boolean {
  const key = event as KeyboardEvent;
  if (key.isComposing || key.altKey || key.ctrlKey || key.metaKey) return false;
  return key.key === 'Enter' || key.key === ' ';
}

function isEnterDown(event: KeyboardEvent): boolean {
  return event.type === 'keydown' && event.key === 'Enter';
}

/** Stops an event before it reaches the page's handlers. A shortcut keeps its default action, so the browser's own shortcuts still work. */
function stop(event: Event, target?: DialTarget): void {
  if (target?.kind !== 'shortcut') event.preventDefault();
  event.stopImmediatePropagation();
}

/** Digits from which a number not valid in the default country is taken for another country's number, not an extension. */
const MIN_UNREADABLE_DIGITS = 8;
/** A number written with its country code ("+44 …", "(+44) …"), which is read the same in every default country. */
const WITH_COUNTRY_CODE = /^\s*\(?\s*\+/;

/** Tells whether a number could not be read in the default country and is too long to be an extension. */
function isUnreadable(result: NumberResult): boolean {
  return result.status === 'invalid' && countDigits(result.raw) >= MIN_UNREADABLE_DIGITS;
}

/** Returns the numbers of `results` as the agent should read them, each once. */
function distinctNumbers(results: NumberResult[]): string[] {
  const numbers = new Map<string, string>();
  for (const result of results) {
    const key = result.e164 ?? dialKey(result.raw);
    if (!numbers.has(key)) numbers.set(key, result.display ?? result.e164 ?? result.raw);
  }
  return [...numbers.values()];
}

/** Order of decisions from the most lenient to the strictest. */
const DECISION_RANK: Record<DialDecision, number> = { allow: 0, warn: 1, block: 2 };

/** Returns every number a dial target may dial: its own, its alternatives, then its own without a dialing prefix. */
function numbersOf(target: DialTarget): string[] {
  return [target.raw, ...(target.alternatives ?? []), ...(target.withoutPrefix ?? [])];
}

/**
 * Keeps the results, in the order of `numbersOf`, that decide a dial. The
 * numbers without a dialing prefix count only when the number as typed is
 * invalid. Of those counted, the valid ones decide, and the invalid ones only
 * when none is valid: "9 1 202 555 0173" is decided as +1 202 555 0173, and
 * a country code that makes the typed number invalid adds nothing to decide.
 */
function deciding(target: DialTarget, results: NumberResult[]): NumberResult[] {
  const counted =
    results[0]?.status === 'invalid'
      ? results
      : results.slice(0, 1 + (target.alternatives?.length ?? 0));
  const valid = counted.filter((result) => result.status !== 'invalid');
  return valid.length > 0 ? valid : counted;
}
