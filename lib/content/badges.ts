import { t, type MessageKey } from '../i18n';
import type { NumberResult } from '../messaging/protocol';
import type { NumberStatus } from '../policy';
import { BADGE_TAG } from './dom-rules';
import type { IconName } from './icons';
import type { IdleScheduler } from './idle';
import type { FoundNumber, ScanSink } from './scanner';
import type { StatusClient } from './status-client';
import { BADGE_CSS, applyStyles } from './styles';

interface BadgeRecord {
  anchor: Node;
  raw: string;
  status: NumberStatus;
  result?: NumberResult;
}

const LOOK: Record<NumberStatus, { icon: IconName; label: MessageKey; showLabel: boolean }> = {
  suppressed: { icon: 'blocked', label: 'badgeSuppressed', showLabel: true },
  pending: { icon: 'clock', label: 'badgePending', showLabel: true },
  unknown: { icon: 'question', label: 'badgeUnknown', showLabel: true },
  allowed: { icon: 'check', label: 'badgeAllowed', showLabel: false },
};

/**
 * Places one <dnc-guard-badge> after each number the scanner finds, once its
 * status is known, and keeps badges in step with the list and the page.
 */
export class BadgeManager implements ScanSink {
  private readonly badges = new Map<HTMLElement, BadgeRecord>();
  private readonly byAnchor = new WeakMap<Node, HTMLElement[]>();
  private readonly pendingRender: Array<{ found: FoundNumber; result: NumberResult }> = [];
  /** Numbers found whose status is not known yet, by raw text. */
  private readonly awaiting = new Map<string, FoundNumber[]>();
  private renderScheduled = false;
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
    win.addEventListener(
      'mouseover',
      (event) => {
        const badge = event.composedPath()[0];
        if (!(badge instanceof HTMLElement)) return;
        const host =
          badge.localName === BADGE_TAG ? badge : (badge.getRootNode() as ShadowRoot).host;
        const record = host instanceof HTMLElement ? this.badges.get(host) : undefined;
        const body = host?.shadowRoot?.querySelector<HTMLElement>('.badge');
        if (record?.result && body && !body.title)
          body.title = describe(record.result, record.status);
      },
      { capture: true, passive: true, signal },
    );
    win.addEventListener(
      'click',
      (event) => {
        const path = event.composedPath();
        const badge = path.find(
          (node): node is HTMLElement =>
            node instanceof HTMLElement && node.localName === BADGE_TAG,
        );
        if (!badge || !this.badges.has(badge)) return;
        event.preventDefault();
        event.stopImmediatePropagation();

        const item = path[0];
        if (item instanceof HTMLElement && item.dataset.action === 'add') {
          item.closest('.menu')?.remove();
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
    for (const found of numbers) {
      const waiting = this.awaiting.get(found.raw);
      if (waiting) {
        waiting.push(found);
        continue;
      }
      this.awaiting.set(found.raw, [found]);
      this.statuses.request(found.raw, this.onStatus);
    }
  }

  /** Queues a badge for every number found with this raw text. One bound function serves every number. */
  private readonly onStatus = (result: NumberResult): void => {
    const founds = this.awaiting.get(result.raw) ?? [];
    this.awaiting.delete(result.raw);
    if (result.status === 'invalid') return;
    for (const found of founds) this.pendingRender.push({ found, result });
    this.scheduleRender();
  };

  forget(anchors: Node[]): void {
    for (const anchor of anchors) {
      const badges = this.byAnchor.get(anchor);
      if (!badges) continue;
      for (const badge of badges) {
        badge.remove();
        this.badges.delete(badge);
      }
      this.byAnchor.delete(anchor);
    }
  }

  removed(): void {
    if (this.pruneScheduled) return;
    this.pruneScheduled = true;
    this.schedule(() => {
      this.pruneScheduled = false;
      for (const [badge, record] of this.badges) {
        if (badge.isConnected && record.anchor.isConnected) continue;
        badge.remove();
        this.badges.delete(badge);
      }
      this.reportCount();
    });
  }

  /** Asks again for every number on the page, because the list changed. */
  refresh(): void {
    this.statuses.clear();
    for (const [badge, record] of this.badges) {
      void this.statuses.status(record.raw).then((result) => {
        if (!this.badges.has(badge)) return;
        if (result.status === 'invalid') return;
        this.paint(badge, record, result, true);
        this.reportCount();
      });
    }
  }

  /** Number of badges on the page; tests and benchmarks read it. */
  get size(): number {
    return this.badges.size;
  }

  get rendering(): boolean {
    return this.renderScheduled || this.pendingRender.length > 0 || this.awaiting.size > 0;
  }

  private scheduleRender(): void {
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    this.schedule((deadline) => this.render(deadline));
  }

  private render(deadline: number): void {
    this.renderScheduled = false;
    while (this.pendingRender.length > 0 && performance.now() < deadline) {
      const item = this.pendingRender.shift();
      if (item) this.place(item.found, item.result);
    }
    if (this.pendingRender.length > 0) this.scheduleRender();
    this.reportCount();
  }

  private place(found: FoundNumber, result: NumberResult): void {
    const { anchor } = found;
    const parent = anchor.parentNode;
    if (!parent || !anchor.isConnected) return;

    const existing = this.byAnchor.get(anchor) ?? [];
    // The same number found twice for one anchor (e.g. a rescan) keeps one badge.
    if (existing.some((badge) => this.badges.get(badge)?.raw === found.raw)) return;

    const badge = document.createElement(BADGE_TAG);
    const record: BadgeRecord = { anchor, raw: found.raw, status: 'unknown' };
    const shadow = badge.attachShadow({ mode: 'open' });
    applyStyles(shadow, BADGE_CSS);
    this.paint(badge, record, result);

    const after = existing[existing.length - 1] ?? anchor;
    parent.insertBefore(badge, after.nextSibling);
    existing.push(badge);
    this.byAnchor.set(anchor, existing);
    this.badges.set(badge, record);
  }

  private paint(
    badge: HTMLElement,
    record: BadgeRecord,
    result: NumberResult,
    repaint = false,
  ): void {
    const status = result.status === 'invalid' ? 'unknown' : result.status;
    record.status = status;
    record.result = result;
    badge.setAttribute('data-e164', result.e164 ?? '');
    badge.setAttribute('data-status', status);
    if (status === 'allowed' && this.statuses.listInfo?.showAllowedBadges === false)
      badge.hidden = true;
    else if (repaint) badge.hidden = false;

    // Badges are cloned from one template per status: thousands of them are
    // placed on a large list, and cloning costs far less than building. The
    // tooltip is written when the pointer first reaches the badge.
    const body = bodyTemplate(status).cloneNode(true) as HTMLElement;
    const shadow = badge.shadowRoot;
    if (!shadow) return;
    if (repaint) shadow.querySelector('.badge')?.remove();
    shadow.append(body);
  }

  /** Opens the badge's small menu; for numbers not yet suppressed it offers "Add to do-not-call list". */
  private toggleMenu(badge: HTMLElement): void {
    const shadow = badge.shadowRoot;
    const record = this.badges.get(badge);
    if (!shadow || !record) return;

    const open = shadow.querySelector('.menu');
    if (open) {
      open.remove();
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

const templates = new Map<NumberStatus, HTMLElement>();

function bodyTemplate(status: NumberStatus): HTMLElement {
  let template = templates.get(status);
  if (!template) {
    const look = LOOK[status];
    const label = t(look.label);
    template = document.createElement('span');
    template.className = `badge ${status}`;
    template.setAttribute('role', 'img');
    template.setAttribute('aria-label', label);
    const icon = document.createElement('span');
    icon.className = `icon ${look.icon}`;
    icon.setAttribute('aria-hidden', 'true');
    template.append(icon);
    if (look.showLabel) template.append(label);
    templates.set(status, template);
  }
  return template;
}

let dateFormat: Intl.DateTimeFormat | null = null;

const labels = new Map<NumberStatus, string>();

/** Tooltip text: number, status, reason and since when, all as plain text. */
function describe(result: NumberResult, status: NumberStatus): string {
  let label = labels.get(status);
  if (label === undefined) {
    label = t(LOOK[status].label);
    labels.set(status, label);
  }
  const parts = [result.display ?? result.e164 ?? result.raw, label];
  if (result.reason) parts.push(result.reason);
  if (result.addedAt) {
    dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    parts.push(t('sinceDate', dateFormat.format(result.addedAt)));
  }
  return parts.join(' · ');
}
