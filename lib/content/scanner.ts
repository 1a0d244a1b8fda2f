import {
  findPhoneCandidates,
  mayContainPhoneNumber,
  type PhoneCandidate,
} from '../phone/candidates';
import {
  EDITABLE_SELECTOR,
  FLOWING_DISPLAYS,
  INLINE_BOXES,
  INLINE_ELEMENTS,
  MIN_PHONE_DIGITS,
  SKIPPED_ELEMENTS,
  countDigits,
  dialKey,
  isEditableRegion,
  isOwnElement,
  numberFromDialHref,
} from './dom-rules';
import { isDigitCode, isWordCode } from '../phone/chars';
import { hasCountryCode, pickedCountryCode, withPickedCode } from './country-picker';
import { isInIdentifierCell } from './cell-labels';
import { isIdentifierBox } from './dial-boxes';
import type { IdleScheduler } from './idle';

/** A phone number found on the page, and the node the badge goes after. */
export interface FoundNumber {
  raw: string;
  extension?: string;
  kind: 'text' | 'link' | 'input';
  anchor: Node;
  /** Set when words follow the number in its text node, so its badge, after the node, is away from it. */
  apart?: boolean;
}

export interface ScanSink {
  /** Called with the numbers of one run of text, link or input. */
  found(numbers: FoundNumber[]): void;
  /** Called when these nodes' text changed, so badges placed for their old text are dropped. */
  forget(anchors: Node[]): void;
  /**
   * Called after a rescan of these nodes with the numbers they hold now;
   * badges placed for numbers they no longer hold are dropped.
   */
  replace(anchors: Node[], numbers: FoundNumber[]): void;
  /** Called when nodes left the page; badges whose anchor left go too. */
  removed(): void;
  /**
   * Called after a small change was scanned at once, in the mutation
   * callback: badges whose status is already known go in before the next
   * frame, so text a page renders again does not lose its badge for a moment.
   */
  placeNow?(): void;
}

interface QueuedNode {
  node: Node;
  /** Rescan even when already scanned, because its text changed. */
  force: boolean;
}

/** Text nodes joined into one string, because inline elements do not break a number. */
interface TextRun {
  /**
   * The run's nodes are the first `count` entries. The array is reused for
   * every run of a walk and never truncated, because most runs are one short
   * node, and a new array for each made garbage collection run more often.
   */
  nodes: Text[];
  count: number;
  /** Characters in `nodes`, so a very long run is cut without building its text. */
  length: number;
  /** The element whose text the run is part of: the nearest ancestor that is not inline. */
  container: Node | null;
}

/** Position of a walk, so a deadline can pause it and the next slice resume it. */
interface WalkCursor {
  root: Node;
  walker: TreeWalker;
  run: TextRun;
  force: boolean;
  /** Links, inputs and shadow hosts are collected once per walk, before its text. */
  elementsDone: boolean;
  /** Walks the subtree's elements for shadow hosts, once its links and inputs are handled. */
  elements?: TreeWalker;
  /** Ancestors of the node each walker paused at, nearest first, for resuming when the page removed it. */
  textPath?: Node[];
  elementPath?: Node[];
}

const INPUT_TYPES_WITH_NUMBERS = new Set(['', 'text', 'tel', 'search', 'number']);
/** Elements whose own text is never page text; checked on every text node, so kept small. */
const NON_TEXT_PARENTS = new Set(['script', 'style', 'noscript', 'textarea', 'title', 'option']);
/** Link targets that start a call: tel:, callto:, sip: and sips:, in any letter case. */
const DIAL_HREF = /^(?:tel|callto|sips?):/i;
/**
 * Maximum text length of an editable element read as a field, like an
 * input (an inline-edited phone field). Longer ones are editors for notes
 * or messages, whose text is left alone.
 */
const MAX_FIELD_TEXT = 120;
/** Elements checked for a shadow root between two deadline checks. */
const ELEMENTS_PER_CHECK = 2048;
/** Maximum length of text scanned as one string; longer runs are cut at node boundaries. */
const MAX_RUN_LENGTH = 20_000;
/** Text nodes visited between two deadline checks. */
const NODES_PER_CHECK = 256;
/**
 * Maximum number of nodes in a subtree walked from script instead of with
 * native walkers and a selector query. A page that rewrites a timer beside
 * each number queues many such small cells, where the walkers and the query
 * cost more than the walk itself.
 */
const MAX_SMALL_SUBTREE_NODES = 64;
/**
 * Options of each root's observer: added and removed nodes, text changes
 * with the old text, and changed link targets, because a grid that reuses
 * its rows gives a dial link another number or none.
 */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  characterDataOldValue: true,
  attributeFilter: ['href'],
  attributeOldValue: true,
};
/** Most subtrees one mutation callback may queue and still have them scanned at once. */
const MAX_SUBTREES_SCANNED_AT_ONCE = 8;
/** Budget of that scan in the mutation callback, in milliseconds; the rest waits for idle time. */
const SCAN_AT_ONCE_MS = 1;
/** Interval of the check for input values that a script set without an event, in milliseconds. */
const INPUT_CHECK_MS = 1000;

type ValueElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * Finds phone numbers in a document and its shadow roots (closed ones as
 * the page's world announces them): text, dial links and input values. One MutationObserver per root feeds a queue that
 * is worked off in idle time, within a deadline, so a large page is scanned
 * in slices and never in one long task.
 *
 * Text is visited with a native TreeWalker over text nodes only, because
 * visiting every element from script costs several times more on the large
 * list views of CRMs. Links, inputs and shadow hosts are found with one
 * selector query per walk. Subtrees already walked are remembered by their
 * root and not walked again unless their text changed.
 */
export class PageScanner {
  private readonly queue: QueuedNode[] = [];
  private readonly scannedRoots = new WeakSet<Node>();
  private readonly observedRoots = new WeakSet<Node>();
  private readonly observers: Array<{ observer: MutationObserver; root: Node }> = [];
  /**
   * Closed shadow roots whose host was outside the document when the root was
   * announced, watched once a walk meets the host. Null until there is one, so
   * a walk on a page without them does no look-up per element.
   */
  private closedRoots: WeakMap<Element, ShadowRoot> | null = null;
  /** Inputs and text areas scanned, with the value read; a value changes without a DOM mutation. */
  private readonly values = new Map<ValueElement, string>();
  private mutationBatches = 0;
  /**
   * Inputs that contain a number typed without its country code, with the code
   * their dialer's country picker showed ("+44"), or null. A picker changes
   * without any change to the input.
   */
  private readonly pickedCodes = new Map<ValueElement, string | null>();
  /** The last text parent and its container; neighbouring text nodes mostly share both. */
  private lastParent: Node | null = null;
  private lastContainer: Node | null = null;
  /** Dial links of the walk under way. */
  private dialLinks = new Map<Element, string>();
  private cursor: WalkCursor | null = null;
  /** The run of text of small subtrees, reused from one to the next. */
  private readonly smallRun: TextRun = emptyRun();
  /** Elements and text nodes of the small subtree being walked, reused. */
  private readonly smallElements: Element[] = [];
  private readonly smallTexts: Text[] = [];
  private scheduled = false;
  /** Set while observers are paused or a change is scanned at once, so neither starts inside the other. */
  private busyInCallback = false;
  private stopped = false;

  constructor(
    private readonly sink: ScanSink,
    private readonly schedule: IdleScheduler,
  ) {}

  /** Starts watching a document or shadow root and queues what it already holds. */
  watch(root: Document | ShadowRoot): void {
    if (this.stopped || this.observedRoots.has(root)) return;
    this.observedRoots.add(root);

    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, OBSERVED);
    this.observers.push({ observer, root });

    const start = scanStart(root);
    if (start) this.enqueue(start, false);
  }

  /**
   * Watches a shadow root that the page's own world announced, with its host.
   * A host in the document is watched at once. Otherwise the root waits until
   * a walk meets its host, because the walk cannot see a closed root itself.
   */
  watchHost(root: ShadowRoot, host: Element): void {
    if (host.isConnected || root.mode === 'open') {
      this.watch(root);
      return;
    }
    this.closedRoots ??= new WeakMap();
    this.closedRoots.set(host, root);
  }

  /**
   * Runs `work`, which only adds or removes our own elements, with the
   * observers paused. Thousands of badges inserted at once then cost no
   * mutation records for the scanner to create and skip. Records already
   * queued are handled first, because pausing would drop them.
   */
  whileUnobserved(work: () => void): void {
    const nested = this.busyInCallback;
    this.busyInCallback = true;
    try {
      for (const { observer } of this.observers) {
        const records = observer.takeRecords();
        if (records.length > 0) this.onMutations(records);
        observer.disconnect();
      }
      work();
    } finally {
      for (const { observer, root } of this.observers) observer.observe(root, OBSERVED);
      this.busyInCallback = nested;
    }
  }

  /**
   * Scans every watched document and shadow root again, replacing the
   * numbers found before, e.g. after the default country changed.
   */
  rescanAll(): void {
    for (const { root } of this.observers) {
      const start = scanStart(root);
      if (start) this.enqueue(start, true);
    }
  }

  /** Rescans one element, e.g. an input whose value changed. */
  rescan(node: Node): void {
    this.enqueue(node, true);
  }

  /**
   * Follows input values, which change without DOM mutations: at once on
   * input and change events, and every INPUT_CHECK_MS for values a script
   * set without an event (a CRM filling a form after load).
   */
  followInputs(doc: Document, signal: AbortSignal): void {
    const onEvent = (event: Event): void => {
      const target = event.composedPath()[0];
      if (target && isValueElement(target as Node)) this.checkValue(target as ValueElement);
      // A country picker of a dialer may have changed the number in the box beside it.
      else if (event.type === 'change') this.checkPickedCodes();
    };
    doc.addEventListener('input', onEvent, { capture: true, passive: true, signal });
    doc.addEventListener('change', onEvent, { capture: true, passive: true, signal });
    const timer = setInterval(() => {
      if (doc.visibilityState !== 'hidden') this.checkValues();
    }, INPUT_CHECK_MS);
    signal.addEventListener('abort', () => clearInterval(timer));
  }

  /** Rescans the inputs and text areas whose value or chosen country code changed since they were scanned. */
  checkValues(): void {
    for (const [element, value] of this.values) {
      if (!element.isConnected) this.values.delete(element);
      else if (element.value !== value) this.rescan(element);
    }
    this.checkPickedCodes();
  }

  private checkPickedCodes(): void {
    for (const [element, code] of this.pickedCodes) {
      if (!element.isConnected) this.pickedCodes.delete(element);
      else if (pickedCountryCode(element) !== code) this.rescan(element);
    }
  }

  private checkValue(element: ValueElement): void {
    if (element.localName === 'input' && !INPUT_TYPES_WITH_NUMBERS.has(element.type)) return;
    if (this.values.get(element) !== element.value) this.rescan(element);
  }

  stop(): void {
    this.stopped = true;
    this.values.clear();
    this.pickedCodes.clear();
    for (const { observer } of this.observers) observer.disconnect();
    this.observers.length = 0;
    this.queue.length = 0;
    this.cursor = null;
  }

  /** Whether queued work remains; tests and benchmarks wait on this. */
  get busy(): boolean {
    return this.scheduled || this.queue.length > 0 || this.cursor !== null;
  }

  /** Mutation batches seen, so callers can reuse what they found in the page until it changes. */
  get changes(): number {
    return this.mutationBatches;
  }

  private onMutations(records: MutationRecord[]): void {
    this.mutationBatches++;
    // The page changed since the last lookup, so the cached container may be stale.
    this.lastParent = null;
    let removed = false;
    const queuedBefore = this.queue.length;
    for (const record of records) {
      if (record.type === 'attributes') {
        const link = record.target as Element;
        const href = link.getAttribute('href');
        if (
          link.localName === 'a' &&
          href !== record.oldValue &&
          (isDialHref(record.oldValue) || isDialHref(href))
        ) {
          // The old number's badge goes now, whatever the link dials next.
          this.sink.forget([link]);
          this.enqueue(link, true);
        }
        continue;
      }
      if (record.type === 'characterData') {
        const text = record.target as Text;
        // A page that writes the same text again changes nothing.
        if (text.nodeType === Node.TEXT_NODE && text.parentNode && text.data !== record.oldValue) {
          // The old text's badge goes now, whatever the new text holds.
          this.sink.forget([text]);
          this.enqueue(this.runScope(text.parentNode), true);
          this.rescanField(text.parentElement);
        }
        continue;
      }

      if (record.addedNodes.length > 0 || record.removedNodes.length > 0)
        this.rescanField(record.target as Element);
      for (const node of record.addedNodes) {
        if (isOwnElement(node)) continue;
        // Text and inline elements join the text around them, so the
        // element their run belongs to is rescanned.
        const parent = node.parentNode;
        if (node.nodeType === Node.TEXT_NODE) {
          if (parent) this.enqueue(this.runScope(parent), true);
        } else if (parent && isInlineElement(node)) {
          this.enqueue(this.runScope(parent), true);
        } else {
          this.enqueue(node, false);
        }
      }
      if (record.removedNodes.length > 0) removed = true;
    }
    if (removed) this.sink.removed();

    const queued = this.queue.length - queuedBefore;
    if (
      queued > 0 &&
      queued === this.queue.length &&
      queued <= MAX_SUBTREES_SCANNED_AT_ONCE &&
      !this.cursor &&
      !this.busyInCallback
    ) {
      this.busyInCallback = true;
      try {
        this.work(performance.now() + SCAN_AT_ONCE_MS);
        this.sink.placeNow?.();
      } finally {
        this.busyInCallback = false;
      }
    }
  }

  /**
   * Returns the text of an editable field, with a line break where a block
   * (a paragraph, a line) ends, or null when it is longer than MAX_FIELD_TEXT.
   */
  private fieldText(field: Element): string | null {
    const walker = field.ownerDocument.createTreeWalker(field, NodeFilter.SHOW_TEXT);
    let text = '';
    let lastContainer: Node | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const container = node.parentNode ? this.containerOf(node.parentNode) : null;
      if (lastContainer && container !== lastContainer) text += '\n';
      text += (node as Text).data;
      lastContainer = container;
      if (text.length > MAX_FIELD_TEXT) return null;
    }
    return text;
  }

  /**
   * Reads again the editable field that `element` is or sits in, after its
   * text changed. Read at once, not queued for a walk: a long editor is
   * given up after MAX_FIELD_TEXT characters, where a walk would visit all
   * its text on every key the user types.
   */
  private rescanField(element: Element | null): void {
    if (this.stopped || element?.nodeType !== Node.ELEMENT_NODE || !element.isConnected) return;
    let field: Element | null = element.closest(EDITABLE_SELECTOR);
    // The outermost editable element is the field.
    for (let outer = field?.parentElement?.closest(EDITABLE_SELECTOR); outer;) {
      field = outer;
      outer = outer.parentElement?.closest(EDITABLE_SELECTOR);
    }
    if (field) this.visitEditable(field);
  }

  /**
   * Returns the element whose text runs contain `parent`'s text: its nearest
   * ancestor that is not inline. The document's body and a shadow root are
   * too large to rescan for one change, so `parent` itself is used there.
   */
  private runScope(parent: Node): Node {
    const container = this.containerOf(parent);
    if (container.nodeType !== Node.ELEMENT_NODE) return parent;
    const name = (container as Element).localName;
    return name === 'body' || name === 'html' ? parent : container;
  }

  private enqueue(node: Node, force: boolean): void {
    if (this.stopped) return;
    this.queue.push({ node, force });
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule((deadline) => this.work(deadline));
    }
  }

  private work(deadline: number): void {
    this.scheduled = false;
    if (this.stopped) return;

    while (performance.now() < deadline) {
      if (!this.cursor) {
        const item = this.queue.shift();
        if (!item) break;
        const { node, force } = item;
        if (!node.isConnected || isOwnElement(node)) continue;
        if (!force && this.scannedRoots.has(node)) {
          // A host put back into the page may have gained its shadow root while out of it.
          const shadow = node.nodeType === Node.ELEMENT_NODE ? (node as Element).shadowRoot : null;
          if (shadow) this.watch(shadow);
          continue;
        }
        this.scannedRoots.add(node);
        if (this.walkSmall(node, force)) continue;
        this.cursor = {
          root: node,
          walker: (node.ownerDocument ?? (node as Document)).createTreeWalker(
            node,
            NodeFilter.SHOW_TEXT,
          ),
          run: emptyRun(),
          force,
          elementsDone: false,
        };
      }
      if (this.walk(this.cursor, deadline)) this.cursor = null;
    }
    this.lastParent = null;
    this.lastContainer = null;

    if (this.cursor || this.queue.length > 0) {
      this.scheduled = true;
      this.schedule((next) => this.work(next));
    }
  }

  /** Walks one queued subtree; returns false when the deadline stopped it. */
  private walk(cursor: WalkCursor, deadline: number): boolean {
    if (!cursor.elementsDone) {
      if (!this.visitElements(cursor, deadline)) return false;
      cursor.elementsDone = true;
    }

    const { walker, run } = cursor;
    if (resumeWithin(walker, cursor.root, cursor.textPath)) this.flush(run, cursor.force);
    let visited = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      this.addText(run, node as Text, cursor.force);
      if (++visited % NODES_PER_CHECK === 0 && performance.now() >= deadline) {
        cursor.textPath = pathWithin(node, cursor.root);
        return false;
      }
    }
    this.flush(run, cursor.force);
    return true;
  }

  /**
   * Walks an element's subtree of at most MAX_SMALL_SUBTREE_NODES nodes in
   * one go, in the steps and order of `walk`. Returns false, having done
   * nothing, for a larger subtree or a root that is not an element.
   */
  private walkSmall(root: Node, force: boolean): boolean {
    if (root.nodeType !== Node.ELEMENT_NODE) return false;
    const elements = this.smallElements;
    const texts = this.smallTexts;
    elements.length = 0;
    texts.length = 0;
    // Document order, without entering shadow roots, as a TreeWalker goes.
    let visited = 0;
    let node: Node | null = root.firstChild;
    while (node) {
      if (++visited > MAX_SMALL_SUBTREE_NODES) return false;
      if (node.nodeType === Node.ELEMENT_NODE) elements.push(node as Element);
      else if (node.nodeType === Node.TEXT_NODE) texts.push(node as Text);
      let next: Node | null = node.firstChild;
      while (!next && node && node !== root) {
        next = node.nextSibling;
        if (!next) node = node.parentNode;
      }
      node = next;
    }

    this.dialLinks = new Map();
    this.visitElement(root as Element);
    for (const element of elements) {
      const name = element.localName;
      if (
        name !== 'input' &&
        name !== 'textarea' &&
        element.hasAttribute('contenteditable') &&
        isEditableRegion(element)
      )
        this.visitEditable(element);
    }
    for (const element of elements) this.visitDescendant(element);
    const run = this.smallRun;
    for (const text of texts) this.addText(run, text, force);
    this.flush(run, force);
    elements.length = 0;
    texts.length = 0;
    return true;
  }

  /**
   * Finds the dial links, inputs and shadow hosts of a subtree in one walk
   * over its elements, within the deadline. Editable regions come from one
   * attribute query before the walk. Returns false when the deadline stopped it.
   */
  private visitElements(cursor: WalkCursor, deadline: number): boolean {
    const { root } = cursor;
    if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE)
      return true;
    const scope = root as Element | DocumentFragment;

    if (!cursor.elements) {
      this.dialLinks = new Map();
      if (root.nodeType === Node.ELEMENT_NODE) this.visitElement(root as Element);
      // Indexed, because iterating a NodeList costs more.
      const editables = scope.querySelectorAll('[contenteditable]');
      for (let i = 0; i < editables.length; i++) {
        const element = editables[i] as Element;
        const name = element.localName;
        if (name !== 'input' && name !== 'textarea' && isEditableRegion(element))
          this.visitEditable(element);
      }
      // A native walker, because it visits the elements of a large page in
      // less time than a '*' query and its list would take. Links and inputs
      // are recognised by tag name during the walk, which on a large list
      // view costs less than a separate selector query for them.
      cursor.elements = (root.ownerDocument ?? document).createTreeWalker(
        scope,
        NodeFilter.SHOW_ELEMENT,
      );
    }

    // Custom elements and many standard ones can host a shadow root. Badges
    // inserted between slices host ours, which is not watched.
    const walker = cursor.elements;
    resumeWithin(walker, root, cursor.elementPath);
    let visited = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      this.visitDescendant(node as Element);
      if (++visited % ELEMENTS_PER_CHECK === 0 && performance.now() >= deadline) {
        cursor.elementPath = pathWithin(node, root);
        return false;
      }
    }
    return true;
  }

  /** Handles an element below a walk's root: a dial link, an input, or a shadow host to watch. */
  private visitDescendant(element: Element): void {
    const name = element.localName;
    if (name === 'a') this.visitPossibleLink(element as HTMLAnchorElement);
    else if (name === 'input' || name === 'textarea') this.visitInput(element as ValueElement);
    const closedRoots = this.closedRoots;
    const shadow = element.shadowRoot ?? (closedRoots && closedRoots.get(element));
    if (shadow && !isOwnElement(element)) this.watch(shadow);
  }

  /** Handles the root of a walk itself, because the selector queries see only its descendants. */
  private visitElement(element: Element): void {
    const shadow = element.shadowRoot ?? this.closedRoots?.get(element);
    if (shadow) this.watch(shadow);
    if (element.localName === 'a') this.visitPossibleLink(element as HTMLAnchorElement);
    if (element.localName === 'input' || element.localName === 'textarea') {
      this.visitInput(element as ValueElement);
    } else if (element.matches(EDITABLE_SELECTOR)) {
      this.visitEditable(element);
    }
  }

  /**
   * Reads an editable element as a field, the way an input is read: its
   * numbers get badges after the element, never inside it, where they would
   * become part of what the user edits. Only the outermost editable element
   * of a short text counts (see MAX_FIELD_TEXT).
   */
  private visitEditable(element: Element): void {
    const parent = element.parentElement;
    if (inExcludedRegion(parent)) return;
    const text = this.fieldText(element);
    const identifier = element instanceof HTMLElement && isIdentifierBox(element);
    this.reportField(element, text === null || identifier ? [] : findPhoneCandidates(text));
  }

  /** Visits a link that dials. An editable link is read as a field instead, so it is skipped here. */
  private visitPossibleLink(link: HTMLAnchorElement): void {
    const href = link.getAttribute('href');
    if (href !== null && DIAL_HREF.test(href) && !link.hasAttribute('contenteditable'))
      this.visitLink(link);
  }

  private visitLink(link: HTMLAnchorElement): void {
    const raw = numberFromDialHref(link.getAttribute('href') ?? '');
    if (raw === null || inExcludedRegion(link)) return;
    this.dialLinks.set(link, raw);
    this.sink.replace([link], [{ raw, kind: 'link', anchor: link }]);
  }

  private visitInput(input: ValueElement): void {
    if (input.localName === 'input' && !INPUT_TYPES_WITH_NUMBERS.has(input.type)) return;

    this.pickedCodes.delete(input);
    const value = input.value;
    this.values.set(input, value);
    if (
      value.length > MAX_RUN_LENGTH ||
      countDigits(value) < MIN_PHONE_DIGITS ||
      isIdentifierBox(input)
    ) {
      this.sink.replace([input], []);
      return;
    }

    // A number typed without "+" is dialed with the code the dialer's
    // country picker shows, so its badge is for that number.
    const candidates = findPhoneCandidates(value);
    let code: string | null = null;
    if (candidates.some((candidate) => !hasCountryCode(candidate.raw))) {
      code = pickedCountryCode(input);
      this.pickedCodes.set(input, code);
    }
    this.reportField(input, candidates, code);
  }

  /** Passes the numbers of a field's text to the sink, each anchored after the field, in place of its earlier ones. */
  private reportField(
    field: Element,
    candidates: PhoneCandidate[],
    code: string | null = null,
  ): void {
    const found = candidates.map<FoundNumber>((candidate) => ({
      raw: withPickedCode(candidate.raw, code),
      ...(candidate.extension ? { extension: candidate.extension } : {}),
      kind: 'input',
      anchor: field,
    }));
    this.sink.replace([field], found);
  }

  private addText(run: TextRun, text: Text, force: boolean): void {
    const parent = text.parentNode;
    if (!parent) return;
    if (
      parent.nodeType === Node.ELEMENT_NODE &&
      NON_TEXT_PARENTS.has((parent as Element).localName)
    )
      return;

    const container = this.containerOf(parent);
    if (container !== run.container || run.length > MAX_RUN_LENGTH || brokenByLine(text, run))
      this.flush(run, force);

    run.container = container;
    run.nodes[run.count++] = text;
    run.length += text.length;
  }

  /**
   * Returns the number of the dial link that `text` sits in, or null. Links
   * are inline, so only the path up to the container is checked.
   */
  private dialLinkNumber(text: Text, container: Node | null): string | null {
    if (this.dialLinks.size === 0) return null;
    for (let node = text.parentNode; node && node !== container; node = node.parentNode) {
      const number = this.dialLinks.get(node as Element);
      if (number !== undefined) return number;
    }
    return null;
  }

  /** Returns the nearest ancestor that is not an inline element. */
  private containerOf(parent: Node): Node {
    if (parent === this.lastParent && this.lastContainer) return this.lastContainer;

    let node: Node = parent;
    while (
      node.nodeType === Node.ELEMENT_NODE &&
      INLINE_ELEMENTS.has((node as Element).localName) &&
      node.parentNode
    ) {
      node = node.parentNode;
    }
    this.lastParent = parent;
    this.lastContainer = node;
    return node;
  }

  /**
   * Finds the numbers of a finished run and resets it. Most runs hold no
   * number and are one node: no array is made for them.
   */
  private flush(run: TextRun, force: boolean): void {
    const count = run.count;
    if (count === 0) return;
    const container = run.container;
    const first = run.nodes[0] as Text;
    const nodes = count > 1 || force ? run.nodes.slice(0, count) : null;
    const longEnough = run.length >= MIN_PHONE_DIGITS;
    run.container = null;
    run.length = 0;
    run.count = 0;
    // Most runs are too short to hold a number; their text is never built.
    let candidates: PhoneCandidate[] = [];
    if (longEnough && nodes && count > 1) {
      let text = first.data;
      for (let i = 1; i < count; i++) text += nodes[i]?.data ?? '';
      candidates = candidatesInNodes(nodes, text);
    } else if (longEnough) {
      candidates = findPhoneCandidates(first.data);
    }
    const found =
      candidates.length > 0 ? this.numbersOf(nodes ?? [first], container, candidates) : [];
    // A rescan replaces what earlier scans placed for these nodes.
    if (nodes && force) this.sink.replace(nodes, found);
    else if (found.length > 0) this.sink.found(found);
  }

  /** Returns the numbers of a run's candidates, each anchored after the text node its number ends in. */
  private numbersOf(
    nodes: Text[],
    container: Node | null,
    candidates: PhoneCandidate[],
  ): FoundNumber[] {
    // Checked only for runs with a candidate, because a check per text node costs more.
    if (inExcludedRegion(nodes[0]?.parentElement ?? null)) return [];

    const found: FoundNumber[] = [];
    let nodeIndex = 0;
    let nodeEnd = nodes[0]?.data.length ?? 0;
    let startIndex = 0;
    let startEnd = nodeEnd;
    for (const candidate of candidates) {
      // The badge goes after the text node that contains the number's last character.
      while (nodeIndex < nodes.length - 1 && candidate.end > nodeEnd) {
        nodeIndex++;
        nodeEnd += nodes[nodeIndex]?.data.length ?? 0;
      }
      while (startIndex < nodes.length - 1 && candidate.start >= startEnd) {
        startIndex++;
        startEnd += nodes[startIndex]?.data.length ?? 0;
      }
      const anchor = nodes[nodeIndex];
      const first = nodes[startIndex];
      if (!anchor || !first) continue;
      const rest = anchor.data.slice(candidate.end - (nodeEnd - anchor.data.length));
      // A dial link has one badge for its href. Its text gets its own only
      // when it shows another number, because the agent reads the text. An
      // extension written after the link ("ext. 12") ends the number outside it.
      const linkNumber =
        this.dialLinkNumber(anchor, container) ?? this.dialLinkNumber(first, container);
      if (linkNumber !== null && sameLastDigits(withoutExtension(linkNumber), candidate.raw))
        continue;
      if (isInIdentifierCell(anchor.parentElement, candidate.raw)) continue;
      found.push({
        raw: candidate.raw,
        ...(candidate.extension ? { extension: candidate.extension } : {}),
        kind: 'text',
        anchor,
        ...(WORD.test(rest) ? { apart: true } : {}),
      });
    }
    return found;
  }
}

/**
 * Finds the candidates of a run of several text nodes. Tags tell only
 * roughly where text flows on: a span laid out as a flex or grid item, or
 * styled as a block, is a box of its own. Two nodes that meet with no space
 * between them ("Ana" and "+1 212 555 0187" in two cells of a flex row)
 * could glue a number to its neighbour. The computed styles of the elements
 * between them decide whether the text is split there. Styles are read only
 * for runs that hold seven digits in a row, at such tight joins, and at a
 * join with spaces only where the joined text glues a number to the box
 * before it ("2" or "#48213" and "(203) 555-0152" in two flex items).
 */
function candidatesInNodes(nodes: Text[], text: string): PhoneCandidate[] {
  if (!mayContainPhoneNumber(text)) return [];
  const cuts: number[] = [];
  const spaced: Array<{ offset: number; before: Text; after: Text }> = [];
  let offset = 0;
  let lastWritten: Text | null = nodes[0] && hasWriting(nodes[0].data) ? nodes[0] : null;
  for (let i = 1; i < nodes.length; i++) {
    const before = nodes[i - 1] as Text;
    const after = nodes[i] as Text;
    offset += before.length;
    if (
      before.parentNode !== after.parentNode &&
      !isSpace(text.charCodeAt(offset - 1)) &&
      !isSpace(text.charCodeAt(offset)) &&
      ((isDigitThenLetter(text, offset) && opensControl(before, after)) ||
        separatedByBox(before, after, isDigitJoin(text, offset)))
    )
      cuts.push(offset);
    if (!hasWriting(after.data)) continue;
    if (
      lastWritten &&
      lastWritten.parentNode !== after.parentNode &&
      (lastWritten !== before ||
        isSpace(text.charCodeAt(offset - 1)) ||
        isSpace(text.charCodeAt(offset)))
    )
      spaced.push({ offset, before: lastWritten, after });
    lastWritten = after;
  }

  let candidates = findWithCuts(text, cuts);
  // Two boxes glued across spaces, where a candidate spans the join or the
  // text from the join starts a number lost in the joined text ("#48213"
  // before it): split there, as at a tight join.
  const glued = spaced.filter(({ offset: at, before, after }) => {
    const spans = candidates.some((candidate) => candidate.start < at && candidate.end > at);
    return (
      (spans || startsLostNumber(text, at, cuts, candidates)) && separatedByBox(before, after, true)
    );
  });
  if (glued.length > 0) {
    const all = [...cuts, ...glued.map((join) => join.offset)].sort((a, b) => a - b);
    candidates = findWithCuts(text, all);
  }
  return candidates;
}

/** Tells whether the text from `at` to the next cut starts with a number that `candidates` lack. */
function startsLostNumber(
  text: string,
  at: number,
  cuts: number[],
  candidates: PhoneCandidate[],
): boolean {
  const start = text
    .slice(at, at + 8)
    .trimStart()
    .charCodeAt(0);
  // Only a digit, "(" or "+" starts a number.
  if (!isDigitCode(start) && start !== 40 && start !== 43 && start !== 0xff08 && start !== 0xff0b)
    return false;
  const piece = text.slice(at, cuts.find((cut) => cut > at) ?? text.length);
  const [first] = findPhoneCandidates(piece);
  if (!first || piece.slice(0, first.start).trim() !== '') return false;
  return !candidates.some((candidate) => candidate.start === at + first.start);
}

/** Returns the ancestors of `node` below `root`, nearest first: where a paused walk resumes if the page removes `node`. */
function pathWithin(node: Node, root: Node): Node[] {
  const path: Node[] = [];
  for (let parent = node.parentNode; parent && parent !== root; parent = parent.parentNode)
    path.push(parent);
  return path;
}

/**
 * Moves a paused walker back into its root when the page removed the node it
 * paused at: nextNode() from a removed node returns null, which would end the
 * walk with the rest of the subtree unscanned. The walk goes on from the
 * nearest ancestor still in the root, so a few nodes are read again; their
 * numbers keep one badge each. Returns whether the walker moved.
 */
function resumeWithin(walker: TreeWalker, root: Node, path: Node[] | undefined): boolean {
  if (root.contains(walker.currentNode)) return false;
  walker.currentNode = path?.find((node) => root.contains(node)) ?? root;
  return true;
}

/** Finds the candidates of `text` in the pieces between `cuts` (ascending offsets). */
function findWithCuts(text: string, cuts: number[]): PhoneCandidate[] {
  if (cuts.length === 0) return findPhoneCandidates(text);

  const candidates: PhoneCandidate[] = [];
  let from = 0;
  for (const to of [...cuts, text.length]) {
    for (const candidate of findPhoneCandidates(text.slice(from, to))) {
      candidates.push({ ...candidate, start: candidate.start + from, end: candidate.end + from });
    }
    from = to;
  }
  return candidates;
}

/** Tells whether a text node's data contains anything but spaces. */
function hasWriting(data: string): boolean {
  return data.trim() !== '';
}

/** A letter or digit of any script: text after a number that reads as more words. */
const WORD = /[\p{L}\p{N}]/u;

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000
  );
}

/**
 * Tells whether a digit (or a "+") ends the text before `offset` and a digit
 * starts the text after it, as where two digit boxes of a dial display meet.
 */
function isDigitJoin(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return (isDigitCode(before) || before === 43) && isDigitCode(text.charCodeAt(offset));
}

/** Tells whether a digit ends the text before `offset` and a letter starts the text after it. */
function isDigitThenLetter(text: string, offset: number): boolean {
  const next = text.charCodeAt(offset);
  return isDigitCode(text.charCodeAt(offset - 1)) && isWordCode(next) && !isDigitCode(next);
}

/**
 * Tells whether `after` starts a link or button that `before` is outside of,
 * as in `<span>0161 496 0321</span><a>Call</a>`, which a page's template
 * writes with no space between them.
 */
function opensControl(before: Text, after: Text): boolean {
  for (let node = after.parentNode; node && !node.contains(before); node = node.parentNode) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    const role = element.getAttribute('role');
    if (element.localName === 'a' || element.localName === 'button') return true;
    if (role === 'button' || role === 'link' || role === 'menuitem') return true;
  }
  return false;
}

/**
 * Tells whether an element laid out as a box of its own (not inline by its
 * computed style) comes between two text nodes of one run. Inline boxes
 * separate them too, unless digits meet there (`digitJoin`).
 */
function separatedByBox(before: Text, after: Text, digitJoin: boolean): boolean {
  const view = before.ownerDocument.defaultView;
  if (!view) return false;
  const isBox = (node: Node): boolean => {
    if (node.nodeType !== Node.ELEMENT_NODE) return false;
    const display = view.getComputedStyle(node as Element).display;
    return !FLOWING_DISPLAYS.has(display) && !(digitJoin && INLINE_BOXES.has(display));
  };

  const beforeAncestors = new Set<Node>();
  for (let node = before.parentNode; node; node = node.parentNode) beforeAncestors.add(node);
  let common: Node | null = null;
  for (let node = after.parentNode; node; node = node.parentNode) {
    if (beforeAncestors.has(node)) {
      common = node;
      break;
    }
    if (isBox(node)) return true;
  }
  for (let node = before.parentNode; node && node !== common; node = node.parentNode) {
    if (isBox(node)) return true;
  }
  return false;
}

/** Digits compared at the end of two numbers; they differ in country code and trunk prefix. */
const COMPARED_DIGITS = 8;

/** Tells whether two written numbers end in the same COMPARED_DIGITS digits. */
function sameLastDigits(first: string, second: string): boolean {
  return dialKey(first).slice(-COMPARED_DIGITS) === dialKey(second).slice(-COMPARED_DIGITS);
}

/**
 * Returns a dial link's number without what a dialer sends after the call
 * connects: "0755-88889902" of "0755-88889902,123". Pauses (",", "p"), waits
 * (";", "w"), "x" and tones ("#", "*") end the number.
 */
function withoutExtension(linkNumber: string): string {
  return linkNumber.split(/[,;#*pwx]/i, 1)[0] ?? linkNumber;
}

/** Tells whether a <br> comes right before `text` inside a run that has begun, which ends the run. */
function brokenByLine(text: Text, run: TextRun): boolean {
  if (run.count === 0) return false;
  const before = text.previousSibling;
  return (
    before !== null &&
    before.nodeType === Node.ELEMENT_NODE &&
    (before as Element).localName === 'br'
  );
}

/** Returns where a walk of a document or shadow root starts: a document's body, if it has one. */
function scanStart(root: Node): Node | null {
  if (root.nodeType !== Node.DOCUMENT_NODE) return root;
  const doc = root as Document;
  return doc.body ?? doc.documentElement;
}

function emptyRun(): TextRun {
  return { nodes: [], count: 0, length: 0, container: null };
}

function isDialHref(href: string | null): boolean {
  return href !== null && numberFromDialHref(href) !== null;
}

function isInlineElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && INLINE_ELEMENTS.has((node as Element).localName);
}

function isValueElement(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const name = (node as Element).localName;
  return name === 'input' || name === 'textarea';
}

/**
 * Tells whether `element` is or sits inside an element whose text is not
 * page text: one of SKIPPED_ELEMENTS, or an editable region (contenteditable
 * other than "false"). Names are compared while climbing and editability is
 * one closest() call. A closest() call with every name in its selector took
 * three to five times as long in Chromium 150, at 7 and 27 levels deep.
 */
function inExcludedRegion(element: Element | null): boolean {
  if (element === null) return false;
  for (let node: Element | null = element; node; node = node.parentElement)
    if (SKIPPED_ELEMENTS.has(node.localName)) return true;
  return element.closest(EDITABLE_SELECTOR) !== null;
}
