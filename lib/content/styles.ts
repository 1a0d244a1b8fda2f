/**
 * Styles of the badge, scoped to its shadow root so page CSS and ours never
 * mix. The shadow root contains one span with the label text; the allowed
 * badge shows a check mark instead, its label being only its accessible
 * name. The icons of the suppressed and pending badges are background
 * gradients of that span, keyed by the host's data-status. A `::before` box
 * per badge cost about a third more style and layout time (350 ms against
 * 260 ms) when 4,000 badges went into a 2,000-row table in Chromium 150. A data: image would need the page's
 * CSP to allow it. Everything visible is styled inside the shadow
 * root, because a page's own rules (a CSS reset such as `* { padding: 0 }`)
 * override any `:host` rule. Icons use no transform: a rotated check mark on
 * 10,000 badges made wheel scrolling cost four times as much main-thread time
 * in Chromium 150.
 */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; line-height: 0; }
:host([hidden]) { display: none; }
.badge { display: inline-block; margin-inline-start: 4px; padding: 1px 4px 1px 18px; border-radius: 8px; color: #fff;
  background: #5f6368 no-repeat; cursor: pointer;
  font: 600 11px/12px system-ui, -apple-system, "Segoe UI", "Noto Sans", "Microsoft YaHei", sans-serif;
  white-space: nowrap; }
:host([data-status="suppressed"]) .badge { background-color: #b3261e;
  background-image: linear-gradient(45deg, transparent 39%, currentColor 39%, currentColor 61%, transparent 61%),
    radial-gradient(closest-side, transparent 3.7px, currentColor 4px, currentColor 5.2px, transparent 5.5px);
  background-position: 6px 50%, 4px 50%; background-size: 7px 7px, 11px 11px; }
:host([data-status="pending"]) .badge { background-color: #8a4b00;
  background-image: linear-gradient(currentColor, currentColor), linear-gradient(currentColor, currentColor),
    radial-gradient(closest-side, transparent 3.7px, currentColor 4px, currentColor 5.2px, transparent 5.5px);
  background-position: 8.75px calc(50% - 1.5px), 9px 50%, 4px 50%;
  background-size: 1.5px 4px, 4px 1.5px, 11px 11px; }
:host([data-status="unknown"]) .badge { padding-left: 4px; }
:host([data-status="unknown"]) .badge::before { content: '?'; display: inline-block; box-sizing: border-box;
  width: 11px; height: 11px; margin-right: 3px; vertical-align: -1px; border: 1.5px solid currentColor;
  border-radius: 50%; font: 700 8px/8px system-ui, sans-serif; text-align: center; }
:host([data-status="allowed"]) .badge { background: #e6f4ea; color: #1e7a34; padding: 0 3px;
  font: 700 11px/12px system-ui, "Segoe UI Symbol", "DejaVu Sans", sans-serif; }
.badge.compact { height: 12px; padding-left: 15px; vertical-align: top; }
:host([data-status="unknown"]) .badge.compact { padding-left: 4px; }
:host([data-status="unknown"]) .badge.compact::before { margin-right: 0; }
.digits { margin-left: 3px; font: 600 11px/12px system-ui, -apple-system, "Segoe UI", "Noto Sans",
  "Microsoft YaHei", sans-serif; font-variant-numeric: tabular-nums; }
@media (forced-colors: active) {
  /* Forced colors drop the gradients that draw the icon, so the badge keeps its own colors. */
  .badge { forced-color-adjust: none; }
}
.menu { position: absolute; z-index: 2147483646; margin-top: 18px; background: #fff; border: 1px solid #dadce0;
  border-radius: 6px; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2); padding: 3px; }
.menu button { font: 600 12px/1.3 system-ui, sans-serif; border: none; background: #b3261e; color: #fff;
  border-radius: 4px; padding: 0.35em 0.7em; cursor: pointer; white-space: nowrap; }
`;

export const NOTICE_CSS = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; }
:host(.overlay) { display: flex; align-items: flex-start; justify-content: center;
  background: rgba(0, 0, 0, 0.35); pointer-events: auto; }
dialog { margin: 12vh auto auto; padding: 0; border: 0; background: transparent;
  max-width: min(28rem, calc(100vw - 2rem)); overflow: visible; pointer-events: auto; }
:host(.overlay) dialog { position: static; }
dialog::backdrop { background: rgba(0, 0, 0, 0.35); }
.dialog { background: #fff; color: #202124; border-radius: 8px;
  box-sizing: border-box; max-height: calc(88vh - 1rem); overflow-y: auto;
  border-top: 6px solid #b3261e; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.35); padding: 1rem 1.25rem;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Microsoft YaHei", sans-serif; }
.dialog.warn { border-top-color: #8a4b00; }
h2 { font-size: 1.1rem; margin: 0 0 0.5rem; display: flex; gap: 0.4rem; align-items: center; }
h2 svg { width: 1.2em; height: 1.2em; }
p { margin: 0.35rem 0; }
.number { font-weight: 700; font-variant-numeric: tabular-nums; }
.actions { display: flex; justify-content: flex-end; margin-top: 0.9rem; }
button { font: inherit; padding: 0.35rem 1rem; border-radius: 4px; border: 1px solid #5f6368;
  background: #f1f3f4; color: #202124; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;

const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * Adds `css` to a shadow root. Constructable style sheets are shared by every
 * badge, which keeps thousands of badges cheap; where a browser refuses them
 * in content scripts, a <style> element does the same job.
 */
export function applyStyles(root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }

  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sheets.set(css, null);
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
