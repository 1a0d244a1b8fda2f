import { messagesLanguage, t, type MessageKey } from '../i18n';
import { reasonText } from '../list-text';
import type { NumberResult } from '../messaging/protocol';
import type { NumberStatus } from '../policy';
import { BADGE_TAG, dialKey, focusedElement, ownsItsClicks } from './dom-rules';
import { scheduleFrame, type FrameScheduler, type IdleScheduler } from './idle';
import type { FoundNumber, ScanSink } from './scanner';
import type { StatusClient } from './status-client';
import { clippingBox, fieldRow, flexRoom, type BoxLook, type FieldRow } from './clipping';
import { composedPathWithin } from './closed-roots';
import { BADGE_CSS, applyStyles } from './styles';

interface BadgeRecord {
  anchor: Node;
  /** Kind of anchor: a text node, a dial link, or a field (input, inline-edited element). */
  kind: FoundNumber['kind'];
  raw: string;
  status: NumberStatus;
  result?: NumberResult;
  /** Last digits shown on the badge, set when its anchor contains more than one number. */
  digits?: string;
  /** Set when the badge shows only its icon, for lack of room after its number. */
  compact?: boolean;
}

/**
 * Drawing of a badge that lacks room after its number: the icon only, and
 * `style` to draw it over the end of the number where even that lacks room.
 */
interface Placement {
  compact: boolean;
  style?: string;
}

/** Last digits a badge shows when several numbers share its anchor. */
const SHOWN_DIGITS = 4;

/**
 * Maximum wait in milliseconds for the scan and its status replies to end
 * before built badges go into the page anyway. Every frame that inserts
 * badges lays the page out again. On a large table that costs tens of
 * milliseconds however few badges it adds, so badges are inserted together.
 */
const MAX_INSERT_DELAY_MS = 250;
/**
 * Most badges inserted in one frame. Each insertion frame lays the page out
 * again, so fewer, larger batches cost less in all: on the 2,000-row list,
 * one frame for 4,000 badges took 405 ms of rendering against 500 ms for
 * two. The cap keeps a page with 100,000 numbers from one very long frame.
 */
const MAX_INSERTS_PER_FRAME = 10000;
/** Most badges placed in a mutation callback after a small change; more wait for a frame. */
const MAX_PLACED_AT_ONCE = 64;
/** Check mark the allowed badge shows; its body's role="img" keeps it out of the accessible text. */
const ALLOWED_MARK = '\u2713';

/** A number waiting for its status or its badge. */
interface FoundItem {
  found: FoundNumber;
  /** The anchor's generation when the number was found; a newer one makes the item stale. */
  generation: number;
  /** Whether the badge names its number's last digits: other numbers share the anchor, or words follow the number in it. */
  shared: boolean;
}

/** Label of each status; the icon comes from BADGE_CSS, and the allowed badge shows only a check mark. */
const LABELS: Record<NumberStatus, MessageKey> = {
  suppressed: 'badgeSuppressed',
  pending: 'badgePending',
  unknown: 'badgeUnknown',
  allowed: 'badgeAllowed',
};

/**
 * Places one <dnc-guard-badge> after each number the scanner finds, once its
 * status is known, and keeps badges in step with the list and the page.
 */
export class BadgeManager implements ScanSink {
  private readonly badges = new Map<HTMLElement, BadgeRecord>();
  private readonly byAnchor = new WeakMap<Node, HTMLElement[]>();
  private readonly pendingRender: Array<FoundItem & { result: NumberResult }> = [];
  /** Numbers found whose status is not known yet, by raw text, with their anchor's generation. */
  private readonly awaiting = new Map<string, FoundItem[]>();
  /**
   * How often each anchor was forgotten. A status that arrives after its
   * anchor's text changed belongs to the old text and places no badge.
   */
  private readonly generations = new WeakMap<Node, number>();
  /** Badges built but not yet in the page, in the order found. */
  private readonly unplaced = new Set<HTMLElement>();
  /** Widths of badges in px, by status and whether they show digits, measured once per page. */
  private readonly widths = new Map<string, number>();
  private firstUnplacedAt = 0;
  /** Set when a placed badge was removed for a rescan, so its replacement goes in without waiting. */
  private replacing = false;
  private insertScheduled = false;
  /** Schedules badge insertion before a frame; tests replace it. */
  frames: FrameScheduler = scheduleFrame;
  /** Runs a batch of badge insertions, around which the scanner pauses its observers. */
  mutate: (work: () => void) => void = (work) => work();
  /** Tells whether the scanner still has work queued, which may find more numbers. */
  scannerBusy: () => boolean = () => false;
  private renderScheduled = false;
  /** The element that had the focus when the last press on a badge began. */
  private focusAtPress: Element | null = null;
  private pruneScheduled = false;
  private lastCount = -1;

  constructor(
    private readonly statuses: StatusClient,
    private readonly schedule: IdleScheduler,
    private readonly onSuppressedCount: (count: number) => void,
    /** Suppresses a number from the badge's menu; absent where the menu is not offered. */
    private readonly onAddToDnc?: (e164: string) => Promise<void>,
  ) {}

  /**
   * Handles clicks on every badge with one capture listener on the window,
   * instead of one listener per badge. The badge's clicks are its own: the
   * page must not follow a link or dial because of them.
   */
  listen(win: Window, signal: AbortSignal): void {
    // A press on a badge, which takes no focus, moves the focus to the body
    // before the click, so the element focused before is read on the press.
    win.addEventListener(
      'pointerdown',
      (event) => {
        const onBadge = badgeIn(composedPathWithin(event)) !== undefined;
        this.focusAtPress = onBadge ? focusedElement(win.document) : null;
      },
      { capture: true, passive: true, signal },
    );
    win.addEventListener(
      'mouseover',
      (event) => {
        const badge = composedPathWithin(event)[0];
        if (!(badge instanceof HTMLElement)) return;
        const host =
          badge.localName === BADGE_TAG ? badge : (badge.getRootNode() as ShadowRoot).host;
        const record = host instanceof HTMLElement ? this.badges.get(host) : undefined;
        if (host instanceof HTMLElement && record?.result && !host.title)
          host.title = describe(record.result, record.status);
      },
      { capture: true, passive: true, signal },
    );
    win.addEventListener(
      'click',
      (event) => {
        const path = composedPathWithin(event);
        const badge = badgeIn(path);
        if (!badge || !this.badges.has(badge)) return;
        if (!ownsItsClicks(badge)) return;
        event.preventDefault();
        event.stopImmediatePropagation();

        const item = path[0];
        if (item instanceof HTMLElement && item.dataset.action === 'add') {
          closeMenu(item);
          const e164 = badge.dataset.e164;
          if (e164) void this.onAddToDnc?.(e164);
          return;
        }
        this.toggleMenu(badge);
      },
      { capture: true, signal },
    );
  }

  found(numbers: FoundNumber[]): void {
    const shared = sharedAnchors(numbers);
    for (const found of numbers) {
      const item = {
        found,
        generation: this.generations.get(found.anchor) ?? 0,
        shared: shared.has(found.anchor) || found.apart === true,
      };
      const waiting = this.awaiting.get(found.raw);
      if (waiting) {
        waiting.push(item);
        continue;
      }
      this.awaiting.set(found.raw, [item]);
      this.statuses.request(found.raw, this.onStatus);
    }
  }

  /** Queues a badge for every number found with this raw text. One bound function serves every number. */
  private readonly onStatus = (result: NumberResult): void => {
    const items = this.awaiting.get(result.raw) ?? [];
    this.awaiting.delete(result.raw);
    if (result.status === 'invalid') return;
    for (const item of items) this.pendingRender.push({ ...item, result });
    this.scheduleRender();
  };

  forget(anchors: Node[]): void {
    for (const anchor of anchors) {
      this.generations.set(anchor, (this.generations.get(anchor) ?? 0) + 1);
      const badges = this.byAnchor.get(anchor);
      if (!badges) continue;
      for (const badge of badges) {
        if (badge.isConnected) this.replacing = true;
        badge.remove();
        this.badges.delete(badge);
        this.unplaced.delete(badge);
      }
      this.byAnchor.delete(anchor);
    }
  }

  /**
   * Makes `anchors` show exactly `numbers`, after a rescan of their text.
   * An anchor whose badges already show those numbers keeps them. Otherwise
   * a timer beside a number would take its badge out and put it back each
   * second, and the page would lay itself out again each time.
   */
  replace(anchors: Node[], numbers: FoundNumber[]): void {
    const shared = sharedAnchors(numbers);
    const numbersByAnchor = new Map<Node, FoundNumber[]>();
    for (const found of numbers) {
      const list = numbersByAnchor.get(found.anchor);
      if (list) list.push(found);
      else numbersByAnchor.set(found.anchor, [found]);
    }
    const changed = new Set<Node>();
    for (const anchor of anchors) {
      if (!this.showsAlready(anchor, numbersByAnchor.get(anchor) ?? [], shared.has(anchor)))
        changed.add(anchor);
    }
    if (changed.size === 0) return;
    this.forget([...changed]);
    const fresh = numbers.filter((found) => changed.has(found.anchor));
    if (fresh.length > 0) this.found(fresh);
  }

  /**
   * Tells whether the badges of `anchor` show `numbers` in order, each in
   * its place or about to be placed, with last digits where needed.
   */
  private showsAlready(anchor: Node, numbers: FoundNumber[], shared: boolean): boolean {
    const badges = this.byAnchor.get(anchor);
    if (!badges || badges.length !== numbers.length) return false;
    return numbers.every((found, i) => {
      const badge = badges[i];
      const record = badge ? this.badges.get(badge) : undefined;
      return (
        badge !== undefined &&
        record !== undefined &&
        record.raw === found.raw &&
        record.kind === found.kind &&
        (record.digits !== undefined) === (shared || found.apart === true) &&
        (this.unplaced.has(badge) || badge.parentNode === placeOf(record).parent)
      );
    });
  }

  removed(): void {
    if (this.pruneScheduled) return;
    this.pruneScheduled = true;
    this.schedule(() => {
      if (this.pruneScheduled) this.prune();
    });
  }

  /**
   * Places at once, after a small change, the badges whose status was
   * already known, and drops the badges of nodes that left. Both happen in
   * the mutation callback, before the page is drawn again, so a row a page
   * renders anew keeps its badge on screen throughout.
   */
  placeNow(): void {
    if (this.pendingRender.length > MAX_PLACED_AT_ONCE) return;
    if (this.pruneScheduled) this.prune();
    if (this.pendingRender.length === 0) return;

    const built: HTMLElement[] = [];
    for (const item of this.pendingRender.splice(0)) {
      if (item.generation !== (this.generations.get(item.found.anchor) ?? 0)) continue;
      const badge = this.build(item);
      if (badge) built.push(badge);
    }
    this.insertNow(built);
    this.reportCount();
  }

  /** Drops badges whose number or anchor left the page. */
  private prune(): void {
    this.pruneScheduled = false;
    for (const [badge, record] of this.badges) {
      if (this.unplaced.has(badge) || (badge.isConnected && record.anchor.isConnected)) continue;
      badge.remove();
      this.badges.delete(badge);
    }
    this.reportCount();
  }

  /** Takes every badge out of the page and drops the numbers still waiting for a status. */
  removeAll(): void {
    for (const badge of this.badges.keys()) badge.remove();
    this.badges.clear();
    this.unplaced.clear();
    this.awaiting.clear();
    this.pendingRender.length = 0;
  }

  /** Asks again for every number on the page, because the list changed. */
  refresh(): void {
    this.statuses.clear();
    for (const [badge, record] of this.badges) {
      void this.statuses.status(record.raw).then((result) => {
        if (!this.badges.has(badge)) return;
        if (result.status === 'invalid') return;
        this.repaint(badge, record, result);
        this.reportCount();
      });
    }
  }

  /** Number of badges on the page; tests and benchmarks read it. */
  get size(): number {
    return this.badges.size;
  }

  get rendering(): boolean {
    return (
      this.renderScheduled ||
      this.pendingRender.length > 0 ||
      this.awaiting.size > 0 ||
      this.unplaced.size > 0 ||
      this.insertScheduled
    );
  }

  private scheduleRender(): void {
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    this.schedule((deadline) => this.render(deadline));
  }

  /** Builds badges for the numbers whose status arrived; `insertBatch` puts them in the page. */
  private render(deadline: number): void {
    this.renderScheduled = false;
    while (this.pendingRender.length > 0 && performance.now() < deadline) {
      const item = this.pendingRender.shift();
      if (item && item.generation === (this.generations.get(item.found.anchor) ?? 0))
        this.build(item);
    }
    if (this.pendingRender.length > 0) this.scheduleRender();
    if (this.unplaced.size > 0) this.scheduleInsert();
    // Counted here too: in a hidden frame, insertion waits but the count must not.
    this.reportCount();
  }

  private scheduleInsert(): void {
    if (this.insertScheduled) return;
    this.insertScheduled = true;
    this.frames((frameStart) => this.insertBatch(frameStart));
  }

  /**
   * Inserts built badges before a frame once the scan and its replies are
   * done, or MAX_INSERT_DELAY_MS after the first badge was built. Badges that
   * replace ones removed for a rescan go in at once, so a badge next to
   * changing text does not blink out. Until then it checks again each frame.
   */
  private insertBatch(frameStart: number): void {
    this.insertScheduled = false;
    const settled =
      this.awaiting.size === 0 && this.pendingRender.length === 0 && !this.scannerBusy();
    if (settled || this.replacing || frameStart - this.firstUnplacedAt >= MAX_INSERT_DELAY_MS) {
      this.replacing = false;
      const batch: HTMLElement[] = [];
      for (const badge of this.unplaced) {
        if (batch.length >= MAX_INSERTS_PER_FRAME) break;
        batch.push(badge);
      }
      this.insertNow(batch);
      this.reportCount();
    }
    if (this.unplaced.size > 0) this.scheduleInsert();
  }

  /**
   * Inserts built badges, reading the layout of the whole batch before any
   * insertion. Each badge goes right after its number, inside the element
   * that contains it, never among the page's own rows or before its text:
   * pages that reuse their elements by position (`children[i]`,
   * `firstChild`) would otherwise write into the wrong node. Where there is
   * no room after the number, the badge is drawn over the end of it instead.
   */
  private insertNow(batch: HTMLElement[]): void {
    if (batch.length === 0) return;
    // Reading first keeps the page's style computed once, not again after each badge.
    const looks = new Map<string, BoxLook>();
    const boxes = batch.map((badge) => {
      const record = this.badges.get(badge);
      return record?.anchor.isConnected ? clippingBox(placeOf(record).parent, looks) : null;
    });
    // A field's badge that would crowd its flex row or line is drawn over the field's end.
    const rows = batch.map((badge, i) => {
      const record = this.badges.get(badge);
      return record?.anchor.isConnected && record.kind === 'input' && !boxes[i]
        ? fieldRow(record.anchor)
        : null;
    });
    const measured = boxes.map((box, i) => box ?? rows[i]?.row ?? null);
    const placements = measured.some(Boolean)
      ? this.placements(batch, measured, rows)
      : new Map<HTMLElement, Placement>();
    this.mutate(() => {
      for (const badge of batch) {
        this.unplaced.delete(badge);
        const placement = placements.get(badge);
        if (placement?.compact) this.compact(badge);
        if (placement?.style) badge.style.cssText = placement.style;
        this.insert(badge);
      }
    });
  }

  /**
   * Returns, for each badge of a batch that lacks the room after its number
   * in its clipping cell or a field's flex row, how it is drawn instead:
   * with its icon only, and over the end of the number where even that
   * does not fit. Badges are measured once per page, status and form in a
   * hidden probe. Every read happens while the probe is in the page, so all
   * of them share one layout.
   */
  private placements(
    batch: HTMLElement[],
    boxes: Array<Element | null>,
    rows: Array<FieldRow | null>,
  ): Map<HTMLElement, Placement> {
    const probes = new Map<string, HTMLElement>();
    batch.forEach((badge, i) => {
      const record = this.badges.get(badge);
      if (!boxes[i] || !record) return;
      for (const compact of [false, true]) {
        const key = widthKey(record, compact);
        if (this.widths.has(key) || probes.has(key)) continue;
        const probe = newBadge(record.status);
        if (compact) compactBody(probe.shadowRoot, record);
        else if (record.digits) showDigits(probe.shadowRoot, record.digits);
        probes.set(key, probe);
      }
    });
    const probeHost = probes.size > 0 ? document.createElement('div') : null;
    if (probeHost) {
      probeHost.style.cssText =
        'position:fixed;top:0;left:0;visibility:hidden;pointer-events:none;white-space:nowrap';
      probeHost.append(...probes.values());
      this.mutate(() => document.documentElement.append(probeHost));
    }
    for (const [key, probe] of probes) this.widths.set(key, probe.getBoundingClientRect().width);

    const placements = new Map<HTMLElement, Placement>();
    // Width in px of the badges already placed in each box.
    const used = new Map<Element, number>();
    batch.forEach((badge, i) => {
      const box = boxes[i];
      const record = this.badges.get(badge);
      if (!box || !record) return;
      const full = this.widths.get(widthKey(record, false));
      const width = this.widths.get(widthKey(record, true));
      if (full === undefined || width === undefined) return;

      // A box with no layout (not rendered) is left alone.
      // Positions run along the line: to the left in a right-to-left box.
      const { edge, rtl } = innerEnd(box);
      if (!Number.isFinite(edge)) return;
      // A flex row's badge comes before its other items, so the row's whole
      // content counts. In a block, the field's own end counts, because the
      // block's other lines are not the field's. A link contains its badge,
      // so its text's end counts.
      const field = rows[i];
      const numberEnd = field?.flex
        ? contentEnd(box, true, rtl)
        : contentEnd(record.anchor, record.kind === 'link', rtl);
      // In a flex row, free space may lie between items (space-between), not after them.
      const rowRoom = field ? null : flexRoom(box, placeOf(record).parent ?? box);
      // Elsewhere the badge pushes whatever follows the number in its box (a
      // hover call icon), so the box's whole content counts.
      const end =
        field || rowRoom !== null ? numberEnd : Math.max(numberEnd, contentEnd(box, true, rtl));
      const room = rowRoom ?? edge - end;
      const offset = used.get(box) ?? 0;
      if (offset + full <= room) {
        used.set(box, offset + full);
        return;
      }
      used.set(box, offset + width);
      if (offset + width <= room) {
        placements.set(badge, { compact: true });
        return;
      }
      // Drawn over the end of the field or of a number that something
      // follows, else moved back from where it would sit after the number to
      // the cell's visible edge. The margins take back its whole advance, so
      // nothing else on the line moves. It covers only digits, so it keeps
      // its tooltip; in a link, a click on it is the link's.
      // NOTE: in a right-to-left cell with an ellipsis, Chromium 150 still
      // hides the badge behind the ellipsis, although its box is in sight.
      const shift =
        field || rowRoom !== null || end > numberEnd + 0.5
          ? -Math.ceil(width)
          : Math.floor(Math.min(0, edge - width - offset - numberEnd));
      const after = -shift - Math.ceil(width);
      placements.set(badge, {
        compact: true,
        style:
          `margin-inline-start:${shift}px;margin-inline-end:${after}px;position:relative;` +
          'z-index:1',
      });
    });
    if (probeHost) this.mutate(() => probeHost.remove());
    return placements;
  }

  /** Shows a built badge with its icon only. */
  private compact(badge: HTMLElement): void {
    const record = this.badges.get(badge);
    if (!record || record.compact) return;
    record.compact = true;
    compactBody(badge.shadowRoot, record);
  }

  /** Builds the badge of a number outside the page; `insert` puts it in later. */
  private build({
    found,
    result,
    shared,
  }: FoundItem & { result: NumberResult }): HTMLElement | null {
    const { anchor } = found;
    if (!anchor.parentNode || !anchor.isConnected) return null;

    const existing = this.byAnchor.get(anchor) ?? [];
    // The same number found twice for one anchor (e.g. a rescan) keeps one badge.
    if (existing.some((badge) => this.badges.get(badge)?.raw === found.raw)) return null;

    const status = result.status === 'invalid' ? 'unknown' : result.status;
    const badge = newBadge(status);
    const record: BadgeRecord = { anchor, kind: found.kind, raw: found.raw, status, result };
    badge.setAttribute('data-e164', result.e164 ?? '');
    // Badges go after the text node, which is never split, so each badge of
    // numbers that share one shows its number's last digits.
    if (shared) {
      record.digits = dialKey(found.raw).slice(-SHOWN_DIGITS);
      showDigits(badge.shadowRoot, record.digits);
    }
    if (status === 'allowed' && this.statuses.listInfo?.showAllowedBadges === false)
      badge.hidden = true;

    existing.push(badge);
    this.byAnchor.set(anchor, existing);
    this.badges.set(badge, record);
    if (this.unplaced.size === 0) this.firstUnplacedAt = performance.now();
    this.unplaced.add(badge);
    return badge;
  }

  /**
   * Puts a built badge after its number and the number's earlier badges, or
   * drops it when the number left. A dial link's badge goes inside the link,
   * after its text.
   */
  private insert(badge: HTMLElement): void {
    const record = this.badges.get(badge);
    if (!record) return;
    const { anchor } = record;
    const { parent, after: start } = placeOf(record);
    const siblings = this.byAnchor.get(anchor) ?? [];
    if (!parent || !anchor.isConnected) {
      this.badges.delete(badge);
      const left = siblings.filter((other) => other !== badge);
      if (left.length > 0) this.byAnchor.set(anchor, left);
      else this.byAnchor.delete(anchor);
      return;
    }
    let after: Node | null = start;
    for (const other of siblings) {
      if (other === badge) break;
      if (other.parentNode === parent) after = other;
    }
    parent.insertBefore(badge, after ? after.nextSibling : parent.firstChild);
  }

  /** Shows a new status on a placed badge, after the list changed. */
  private repaint(badge: HTMLElement, record: BadgeRecord, result: NumberResult): void {
    const status = result.status === 'invalid' ? 'unknown' : result.status;
    record.status = status;
    record.result = result;
    badge.setAttribute('data-e164', result.e164 ?? '');
    badge.setAttribute('data-status', status);
    badge.hidden = status === 'allowed' && this.statuses.listInfo?.showAllowedBadges === false;
    badge.removeAttribute('title');

    const shadow = badge.shadowRoot;
    if (!shadow) return;
    shadow.querySelector('.menu')?.remove();
    const body = bodyTemplate(status, record.compact).cloneNode(true);
    const current = shadow.querySelector('.badge');
    if (current) current.replaceWith(body);
    else shadow.prepend(body);
    if (record.digits) showDigits(shadow, record.digits);
  }

  /** Opens the badge's small menu; for numbers not yet suppressed it offers "Add to do-not-call list". */
  private toggleMenu(badge: HTMLElement): void {
    const shadow = badge.shadowRoot;
    const record = this.badges.get(badge);
    if (!shadow || !record) return;

    const open = shadow.querySelector('.menu');
    if (open) {
      closeMenu(open);
      return;
    }
    const e164 = badge.dataset.e164;
    if (!this.onAddToDnc || !e164 || record.status === 'suppressed' || record.status === 'pending')
      return;

    const menu = document.createElement('span');
    menu.className = 'menu';
    menu.setAttribute('role', 'menu');
    menu.setAttribute('aria-label', t('badgeMenuLabel', e164));
    const add = document.createElement('button');
    add.type = 'button';
    add.setAttribute('role', 'menuitem');
    add.textContent = t('addToDnc');
    add.dataset.action = 'add';
    menu.append(add);
    shadow.append(menu);
    // Escape closes the menu, and the focus goes back where it was before.
    focusBefore.set(menu, this.focusAtPress ?? focusedElement(document));
    this.focusAtPress = null;
    menu.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      closeMenu(add);
    });
    add.focus();
  }

  private reportCount(): void {
    let count = 0;
    for (const record of this.badges.values()) {
      if (record.status === 'suppressed' || record.status === 'pending') count++;
    }
    if (count === this.lastCount) return;
    this.lastCount = count;
    this.onSuppressedCount(count);
  }
}

/** Returns the badge on an event's path, if the event was aimed at one. */
function badgeIn(path: EventTarget[]): HTMLElement | undefined {
  return path.find(
    (node): node is HTMLElement => node instanceof HTMLElement && node.localName === BADGE_TAG,
  );
}

/** The element focused before each open badge menu took the focus. */
const focusBefore = new WeakMap<Element, Element | null>();

/** Closes the badge menu that `item` is in and gives the focus back to where it was before. */
function closeMenu(item: Element): void {
  const menu = item.closest('.menu');
  if (!menu) return;
  const before = focusBefore.get(menu);
  menu.remove();
  if (before instanceof HTMLElement && before.isConnected) before.focus();
}

const labels = new Map<NumberStatus, string>();
/** Badge bodies by status, and by status and " compact" for icon-only ones. */
const templates = new Map<string, HTMLElement>();
const prototypes = new Map<NumberStatus, HTMLElement>();

/**
 * Returns a new badge of a status, with its shadow root and body. It is
 * cloned from a prototype whose shadow root is clonable, which took about a
 * fifth less time than building each badge in Chromium 150. A browser that
 * does not clone shadow roots gets one attached. Adopted style sheets are not
 * cloned, so each badge adopts the shared one.
 */
function newBadge(status: NumberStatus): HTMLElement {
  let prototype = prototypes.get(status);
  if (!prototype) {
    prototype = document.createElement(BADGE_TAG);
    prototype.setAttribute('data-status', status);
    // A screen reader picks its voice by the language, which may not be the page's.
    prototype.lang = messagesLanguage();
    prototype
      .attachShadow({ mode: 'open', clonable: true })
      .append(bodyTemplate(status).cloneNode(true));
    prototypes.set(status, prototype);
  }
  const badge = prototype.cloneNode(true) as HTMLElement;
  let shadow = badge.shadowRoot;
  if (!shadow) {
    shadow = badge.attachShadow({ mode: 'open' });
    shadow.append(bodyTemplate(status).cloneNode(true));
  }
  applyStyles(shadow, BADGE_CSS);
  return badge;
}

/** Returns the key under which the width of a badge is kept: status, digits and form. */
function widthKey(record: BadgeRecord, compact: boolean): string {
  return `${record.status}${record.digits ? ' digits' : ''}${compact ? ' compact' : ''}`;
}

/** Replaces the body of a badge's shadow root with the icon-only one of its status, digits kept. */
function compactBody(shadow: ShadowRoot | null, record: BadgeRecord): void {
  const current = shadow?.querySelector('.badge');
  if (!shadow || !current) return;
  current.replaceWith(bodyTemplate(record.status, true).cloneNode(true));
  if (record.digits) showDigits(shadow, record.digits);
}

/**
 * Returns the badge body of a status: a span with the label as its
 * accessible name and, but for the allowed badge, as its text. The allowed
 * badge shows only a check mark, its label left out rather than hidden. A
 * compact body shows the icon only; the allowed one is small already.
 * Text hidden at font size 0 was still laid out and painted: wheel-scrolling
 * a list of 6,000 numbers spent about 1.7 times as long in paint with it
 * (Chromium 150, software rendering).
 */
function bodyTemplate(status: NumberStatus, compact = false): HTMLElement {
  const iconOnly = compact && status !== 'allowed';
  const key = iconOnly ? `${status} compact` : status;
  let template = templates.get(key);
  if (!template) {
    const label = labelOf(status);
    template = document.createElement('span');
    template.className = iconOnly ? 'badge compact' : 'badge';
    template.setAttribute('role', 'img');
    template.setAttribute('aria-label', label);
    if (!iconOnly) template.textContent = status === 'allowed' ? ALLOWED_MARK : label;
    templates.set(key, template);
  }
  return template;
}

/**
 * Returns where a badge goes: the element it is inserted into and the node
 * it follows (null for the element's start). A dial link contains its badge,
 * so the link's parent, often a row the page reuses, keeps its children.
 */
function placeOf(record: BadgeRecord): { parent: Node | null; after: Node | null } {
  const { anchor } = record;
  if (record.kind === 'link') return { parent: anchor, after: anchor.lastChild };
  return { parent: anchor.parentNode, after: anchor };
}

/**
 * Returns where a box's inner end edge lies along its line, in px: its inner
 * right edge, or in a right-to-left box its inner left edge negated, so that
 * positions grow toward the line's end either way. A box with no layout
 * gives -Infinity.
 */
function innerEnd(box: Element): { edge: number; rtl: boolean } {
  const rect = box.getBoundingClientRect();
  if (rect.width === 0) return { edge: Number.NEGATIVE_INFINITY, rtl: false };
  const style = box.ownerDocument.defaultView?.getComputedStyle(box);
  const rtl = style?.direction === 'rtl';
  const edge = rtl
    ? -(rect.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth))
    : rect.right -
      parseFloat(style?.paddingRight ?? '0') -
      parseFloat(style?.borderRightWidth ?? '0');
  return { edge, rtl };
}

/**
 * Returns where a number's text or element ends along its line, in px (see
 * innerEnd), or with `contents` where the content of the element `node` ends.
 */
function contentEnd(node: Node, contents: boolean, rtl: boolean): number {
  let rect: DOMRect;
  if (!contents && node.nodeType === Node.ELEMENT_NODE) {
    rect = (node as Element).getBoundingClientRect();
  } else {
    const range = node.ownerDocument?.createRange();
    if (!range) return 0;
    if (contents) range.selectNodeContents(node);
    else range.selectNode(node);
    rect = range.getBoundingClientRect();
  }
  return rtl ? -rect.left : rect.right;
}

/** Returns the anchors that more than one of `numbers` share. */
function sharedAnchors(numbers: FoundNumber[]): Set<Node> {
  const seen = new Set<Node>();
  const shared = new Set<Node>();
  for (const { anchor } of numbers) {
    if (seen.has(anchor)) shared.add(anchor);
    else seen.add(anchor);
  }
  return shared;
}

/** Adds a number's last digits to the badge body, as visible text and in its accessible name. */
function showDigits(shadow: ShadowRoot | null, digits: string): void {
  const body = shadow?.querySelector('.badge');
  if (!body) return;
  const text = t('badgeLastDigits', digits);
  const span = document.createElement('span');
  span.className = 'digits';
  span.textContent = text;
  body.append(span);
  body.setAttribute('aria-label', `${body.getAttribute('aria-label') ?? ''} ${text}`);
}

function labelOf(status: NumberStatus): string {
  let label = labels.get(status);
  if (label === undefined) {
    label = t(LABELS[status]);
    labels.set(status, label);
  }
  return label;
}

let dateFormat: Intl.DateTimeFormat | null = null;

/** Tooltip text: number, status, reason and since when, all as plain text. */
function describe(result: NumberResult, status: NumberStatus): string {
  const parts = [result.display ?? result.e164 ?? result.raw, labelOf(status)];
  if (result.reason) parts.push(reasonText(result.reason));
  if (result.addedAt) {
    dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    parts.push(t('sinceDate', dateFormat.format(result.addedAt)));
  }
  return parts.join(' · ');
}
