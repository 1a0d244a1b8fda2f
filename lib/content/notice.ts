import { messagesLanguage, t } from '../i18n';
import { reasonText } from '../list-text';
import { formatDateTime, formatListedAt, formatSeries, regionName } from '../locale-format';
import type { NumberStatus } from '../policy';
import { NOTICE_TAG, focusedElement } from './dom-rules';
import { createIcon } from './icons';
import { NOTICE_CSS, applyStyles } from './styles';

export interface NoticeContent {
  decision: 'block' | 'warn';
  status: NumberStatus;
  /** The number as the agent should read it. */
  number: string;
  /**
   * Every number the control may dial, when it shows several and which one
   * it dials is not known; `number` is the one that decided.
   */
  among?: string[];
  reason?: string;
  addedAt?: number;
  listUpdatedAt?: number | null;
  /**
   * Set when the number could not be read, so it could not be looked up in
   * the list: the default country (ISO code) a national number is not valid
   * in, or null for a number written with its country code.
   */
  invalidIn?: string | null;
}

/**
 * Shows the <dnc-guard-notice role="alertdialog"> that explains a blocked or
 * warned dial. One notice at a time; Escape or the button closes it and
 * focus returns to where it was. Tab keeps focus in it.
 */
export function showNotice(content: NoticeContent, doc: Document = document): HTMLElement {
  doc.querySelector(NOTICE_TAG)?.remove();
  const previousFocus = focusedElement(doc);

  const host = doc.createElement(NOTICE_TAG);
  host.setAttribute('role', 'alertdialog');
  host.setAttribute('aria-modal', 'true');
  // A screen reader picks its voice by the language, which may not be the page's.
  host.lang = messagesLanguage();
  host.dataset.status = content.status;
  host.dataset.decision = content.decision;
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, NOTICE_CSS);

  // A modal <dialog> sits in the top layer, above a modal dialog the page
  // opened and outside the part of the page that dialog makes inert.
  const frame = doc.createElement('dialog');
  // Chromium leaves the host out of the accessibility tree once the dialog is modal.
  frame.setAttribute('role', 'alertdialog');
  frame.setAttribute('aria-labelledby', 'title');
  const dialog = doc.createElement('div');
  dialog.className = content.decision === 'warn' ? 'dialog warn' : 'dialog';

  const title = doc.createElement('h2');
  title.id = 'title';
  title.append(
    createIcon('blocked'),
    t(content.decision === 'warn' ? 'noticeWarnTitle' : 'noticeBlockedTitle'),
  );
  host.setAttribute('aria-label', title.textContent ?? '');
  dialog.append(title);

  const lines = describe(content);
  const lineIds: string[] = [];
  lines.forEach((line, index) => {
    const paragraph = doc.createElement('p');
    paragraph.id = `line-${index}`;
    paragraph.textContent = line;
    lineIds.push(paragraph.id);
    dialog.append(paragraph);
  });
  // aria-describedby cannot point into the shadow root, so the host gets the text as is.
  host.setAttribute('aria-description', lines.join(' '));
  frame.setAttribute('aria-describedby', lineIds.join(' '));

  const actions = doc.createElement('div');
  actions.className = 'actions';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = t('noticeClose');
  actions.append(close);
  dialog.append(actions);
  frame.append(dialog);
  shadow.append(frame);

  let dismissed = false;
  const dismiss = (): void => {
    if (dismissed) return;
    dismissed = true;
    host.remove();
    doc.removeEventListener('keydown', onKey, true);
    previousFocus?.focus();
  };
  const onKey = (event: KeyboardEvent): void => {
    // A notice replaced by a newer one only drops its listener.
    if (!host.isConnected) {
      doc.removeEventListener('keydown', onKey, true);
      return;
    }
    if (event.key === 'Tab') {
      // The notice is modal: Close is its only control, so focus stays there.
      event.preventDefault();
      close.focus();
      return;
    }
    if (event.key !== 'Escape') return;
    event.stopImmediatePropagation();
    event.preventDefault();
    dismiss();
  };
  close.addEventListener('click', dismiss);
  // A click on the backdrop is aimed at the <dialog> itself, which has no padding.
  frame.addEventListener('click', (event) => {
    if (event.target === frame) dismiss();
  });
  // Escape that reached the browser's own dialog handling closes it too.
  frame.addEventListener('close', dismiss);
  doc.addEventListener('keydown', onKey, true);

  (doc.body ?? doc.documentElement).append(host);
  openModal(frame, host);
  close.focus();
  return host;
}

/**
 * Opens the notice's <dialog> as a modal one. Where that fails (a document
 * without showModal, such as jsdom), the dialog is only opened, and the host
 * covers the page as an overlay instead.
 */
function openModal(frame: HTMLDialogElement, host: HTMLElement): void {
  if (typeof frame.showModal === 'function') {
    try {
      frame.showModal();
      return;
    } catch {
      // showModal throws an InvalidStateError where the dialog cannot be modal.
    }
  }
  host.classList.add('overlay');
  frame.setAttribute('open', '');
}

function describe(content: NoticeContent): string[] {
  const lines: string[] = [];
  if (content.among) lines.push(t('noticeUnsureWhich', formatSeries(content.among)));
  if (content.status === 'suppressed') {
    lines.push(t('noticeSuppressed', content.number));
    if (content.reason) lines.push(t('noticeReason', reasonText(content.reason)));
    if (content.addedAt) lines.push(t('noticeSince', formatListedAt(content.addedAt)));
  } else if (content.status === 'pending') {
    lines.push(t('noticePending', content.number));
    if (content.reason) lines.push(t('noticeReason', reasonText(content.reason)));
  } else if (content.invalidIn !== undefined) {
    lines.push(...invalidLines(content.number, content.invalidIn));
    if (content.decision === 'warn') lines.push(t('noticeNotBlocked'));
  } else {
    lines.push(t('noticeUnknown', content.number));
    if (content.listUpdatedAt) {
      lines.push(t('noticeListAge', formatDateTime(content.listUpdatedAt)));
    }
    lines.push(t('noticeRefreshHint'));
    if (content.decision === 'warn') lines.push(t('noticeNotBlocked'));
  }
  return lines;
}

/** Returns the lines that explain a number that could not be read, in `country` or, when null, with its own country code. */
function invalidLines(number: string, country: string | null): string[] {
  if (country === null) return [t('noticeInvalidNumber', number), t('noticeInvalidNumberHint')];
  return [t('noticeInvalid', [number, regionName(country)]), t('noticeInvalidHint')];
}
