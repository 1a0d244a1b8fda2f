import { findPhoneCandidates } from '../phone/candidates';
import {
  BADGE_TAG,
  INLINE_ELEMENTS,
  MIN_PHONE_DIGITS,
  NOTICE_TAG,
  SKIPPED_ELEMENTS,
  countDigits,
  numberFromDialHref,
} from './dom-rules';
import type { IdleScheduler } from './idle';

/** A phone number found on the page, and the node the badge goes after. */
export interface FoundNumber {
  raw: string;
  extension?: string;
  kind: 'text' | 'link' | 'input';
  anchor: Node;
}

export interface ScanSink {
  /** Called with the numbers of one run of text, link or input. */
  found(numbers: FoundNumber[]): void;
  /** Called before a rescan of these nodes, so badges placed for their old text are dropped. */
  forget(anchors: Node[]): void;
  /** Called when nodes left the page; badges whose anchor left go too. */
  removed(): void;
}

interface QueuedNode {
  node: Node;
  /** Rescan even when already scanned, because its text changed. */
  force: boolean;
}

/** Text nodes joined into one string, because inline elements do not break a number. */
interface TextRun {
  nodes: Text[];
  text: string;
  digits: number;
  hasNew: boolean;
}

const INPUT_TYPES_WITH_NUMBERS = new Set(['', 'text', 'tel', 'search', 'number']);
/** Longest text scanned as one string; longer runs are cut at white space. */
const MAX_RUN_LENGTH = 20_000;
/** Nodes visited between two deadline checks. */
const NODES_PER_CHECK = 200;

/**
 * Finds phone numbers in a document and its open shadow roots: text, dial
 * links and input values. One MutationObserver per root feeds a queue that
 * is worked off in idle time, within a deadline, so a large page is scanned
 * in slices and never in one long task. Nodes already scanned are remembered
 * and skipped.
 */
export class PageScanner {
  private readonly queue: QueuedNode[] = [];
  private readonly scannedText = new WeakSet<Text>();
  private readonly scannedElements = new WeakSet<Element>();
  private readonly observedRoots = new WeakSet<Node>();
  private readonly observers: MutationObserver[] = [];
  private cursor: { root: Node; next: Node | null; run: TextRun } | null = null;
  private scheduled = false;
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
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);

    const start =
      root.nodeType === Node.DOCUMENT_NODE
        ? ((root as Document).body ?? (root as Document).documentElement)
        : root;
    if (start) this.enqueue(start, false);
  }

  /** Rescans one element, e.g. an input whose value changed. */
  rescan(node: Node): void {
    this.enqueue(node, true);
  }

  stop(): void {
    this.stopped = true;
    for (const observer of this.observers) observer.disconnect();
    this.observers.length = 0;
    this.queue.length = 0;
    this.cursor = null;
  }

  /** Whether queued work remains; tests and benchmarks wait on this. */
  get busy(): boolean {
    return this.scheduled || this.queue.length > 0 || this.cursor !== null;
  }

  private onMutations(records: MutationRecord[]): void {
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target;
        if (text.nodeType === Node.TEXT_NODE && text.parentNode) {
          this.scannedText.delete(text as Text);
          this.enqueue(text.parentNode, true);
        }
        continue;
      }

      for (const node of record.addedNodes) {
        if (isOwnElement(node)) continue;
        // A text node joins the text around it, so its parent is rescanned.
        if (node.nodeType === Node.TEXT_NODE) {
          if (node.parentNode) this.enqueue(node.parentNode, true);
        } else {
          this.enqueue(node, false);
        }
      }
      if (record.removedNodes.length > 0) removed = true;
    }
    if (removed) this.sink.removed();
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
        if (!item) return;
        if (!item.node.isConnected) continue;
        if (!item.force && this.scannedElements.has(item.node as Element)) continue;
        this.cursor = { root: item.node, next: item.node, run: emptyRun() };
      }
      if (this.walk(this.cursor, deadline)) this.cursor = null;
    }

    if (this.cursor || this.queue.length > 0) {
      this.scheduled = true;
      this.schedule((next) => this.work(next));
    }
  }

  /** Walks a subtree in document order; returns false when the deadline stopped it. */
  private walk(cursor: { root: Node; next: Node | null; run: TextRun }, deadline: number): boolean {
    const { root } = cursor;
    let node = cursor.next;
    let visited = 0;

    while (node) {
      if (++visited % NODES_PER_CHECK === 0 && performance.now() >= deadline) {
        cursor.next = node;
        return false;
      }

      let descend = false;
      if (node.nodeType === Node.TEXT_NODE) {
        this.addText(cursor.run, node as Text);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        descend = this.visitElement(node as Element, cursor.run);
      } else if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
        descend = true;
      }

      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }

      // Climb until a sibling exists, closing the run at every block boundary.
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && isBlock(node)) this.flush(cursor.run);
      }
      if (!node || node === root) break;
      if (isBlock(node)) this.flush(cursor.run);
      node = node.nextSibling;
    }

    this.flush(cursor.run);
    return true;
  }

  /** Handles one element; returns whether its children should be walked. */
  private visitElement(element: Element, run: TextRun): boolean {
    const name = element.localName;
    if (!INLINE_ELEMENTS.has(name)) this.flush(run);

    if (name === 'input' || name === 'textarea') {
      this.visitInput(element as HTMLInputElement | HTMLTextAreaElement);
      return false;
    }
    if (SKIPPED_ELEMENTS.has(name)) return false;
    // Editable regions hold what the user is typing; a badge inside would become part of it.
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return false;

    if (name === 'a') this.visitLink(element as HTMLAnchorElement);

    const shadow = element.shadowRoot;
    if (shadow) this.watch(shadow);

    this.scannedElements.add(element);
    return true;
  }

  private visitLink(link: HTMLAnchorElement): void {
    const href = link.getAttribute('href');
    if (!href) return;
    const raw = numberFromDialHref(href);
    if (raw === null) return;

    this.sink.forget([link]);
    this.sink.found([{ raw, kind: 'link', anchor: link }]);
  }

  private visitInput(input: HTMLInputElement | HTMLTextAreaElement): void {
    if (input.localName === 'input' && !INPUT_TYPES_WITH_NUMBERS.has(input.type)) return;

    this.sink.forget([input]);
    const value = input.value;
    if (value.length > MAX_RUN_LENGTH || countDigits(value) < MIN_PHONE_DIGITS) return;

    const found = findPhoneCandidates(value).map<FoundNumber>((candidate) => ({
      raw: candidate.raw,
      ...(candidate.extension ? { extension: candidate.extension } : {}),
      kind: 'input',
      anchor: input,
    }));
    if (found.length > 0) this.sink.found(found);
  }

  private addText(run: TextRun, text: Text): void {
    const value = text.data;
    if (!this.scannedText.has(text)) {
      run.hasNew = true;
      this.scannedText.add(text);
    }
    run.nodes.push(text);
    run.text += value;
    run.digits += countDigits(value);
    if (run.text.length > MAX_RUN_LENGTH) this.flush(run);
  }

  /** Finds the numbers of a finished run and resets it. */
  private flush(run: TextRun): void {
    if (run.nodes.length === 0) return;
    const { nodes, text, digits, hasNew } = run;
    Object.assign(run, emptyRun());
    if (!hasNew || digits < MIN_PHONE_DIGITS) return;

    const candidates = findPhoneCandidates(text);
    if (candidates.length === 0) return;

    this.sink.forget(nodes);
    const found: FoundNumber[] = [];
    let nodeIndex = 0;
    let nodeEnd = nodes[0]?.data.length ?? 0;
    for (const candidate of candidates) {
      // The badge goes after the text node that holds the number's last character.
      while (nodeIndex < nodes.length - 1 && candidate.end > nodeEnd) {
        nodeIndex++;
        nodeEnd += nodes[nodeIndex]?.data.length ?? 0;
      }
      const anchor = nodes[nodeIndex];
      if (!anchor || insideDialLink(anchor)) continue;
      found.push({
        raw: candidate.raw,
        ...(candidate.extension ? { extension: candidate.extension } : {}),
        kind: 'text',
        anchor,
      });
    }
    if (found.length > 0) this.sink.found(found);
  }
}

function emptyRun(): TextRun {
  return { nodes: [], text: '', digits: 0, hasNew: false };
}

function isBlock(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && !INLINE_ELEMENTS.has((node as Element).localName);
}

function isOwnElement(node: Node): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  const name = (node as Element).localName;
  return name === BADGE_TAG || name === NOTICE_TAG;
}

/** Dial links get one badge for their href; their text would only repeat it. */
function insideDialLink(text: Text): boolean {
  const link = text.parentElement?.closest('a[href]');
  return !!link && numberFromDialHref(link.getAttribute('href') ?? '') !== null;
}
