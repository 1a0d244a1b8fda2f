/**
 * Styles of the badge, scoped to its shadow root so page CSS and ours never
 * mix. The shadow root contains one span with the label text (the allowed
 * badge has none, its label is only its accessible name), and the span's
 * `::before` draws the icon, keyed by the host's data-status. One box per
 * badge lets a list of thousands lay out quickly. Everything visible is
 * styled inside the shadow root, because a page's own rules (a CSS reset
 * such as `* { padding: 0 }`) override any `:host` rule. Sizes are in px
 * because the allowed badge sets its font size to 0, so that only its icon
 * takes room. Icons use no transform:
 * a rotated check mark on 10,000 badges made wheel scrolling cost four times
 * as much main-thread time in Chromium 150.
 */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; line-height: 0; }
:host([hidden]) { display: none; }
.badge { display: inline-block; margin-left: 4px; padding: 1px 4px; border-radius: 8px; color: #fff;
  background: #5f6368; cursor: pointer;
  font: 600 11px/12px system-ui, -apple-system, "Segoe UI", "Noto Sans", "Microsoft YaHei", sans-serif;
  white-space: nowrap; }
.badge::before { content: ''; display: inline-block; box-sizing: border-box; width: 11px; height: 11px;
  margin-right: 3px; vertical-align: -2px; border: 1.5px solid currentColor; border-radius: 50%; }
:host([data-status="suppressed"]) .badge { background: #b3261e; }
:host([data-status="suppressed"]) .badge::before {
  background: linear-gradient(45deg, transparent 41%, currentColor 41%, currentColor 59%, transparent 59%); }
:host([data-status="pending"]) .badge { background: #8a4b00; }
:host([data-status="pending"]) .badge::before {
  background: linear-gradient(currentColor, currentColor) 50% 15% / 1.5px 40% no-repeat,
    linear-gradient(currentColor, currentColor) 75% 50% / 40% 1.5px no-repeat; }
:host([data-status="unknown"]) .badge::before { content: '?'; font: 700 8px/8px system-ui, sans-serif;
  text-align: center; vertical-align: 1px; }
:host([data-status="allowed"]) .badge { background: transparent; color: #1e7a34; padding: 0 2px;
  font-size: 0; line-height: 0; }
:host([data-status="allowed"]) .badge::before { content: '\\2713'; width: auto; height: auto;
  margin: 0 1px; vertical-align: 0; border: none; border-radius: 0;
  font: 700 11px/12px system-ui, "Segoe UI Symbol", "DejaVu Sans", sans-serif; }
.digits { margin-left: 3px; font: 600 11px/12px system-ui, -apple-system, "Segoe UI", "Noto Sans",
  "Microsoft YaHei", sans-serif; font-variant-numeric: tabular-nums; }
.menu { position: absolute; z-index: 2147483646; margin-top: 18px; background: #fff; border: 1px solid #dadce0;
  border-radius: 6px; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2); padding: 3px; }
.menu button { font: 600 12px/1.3 system-ui, sans-serif; border: none; background: #b3261e; color: #fff;
  border-radius: 4px; padding: 0.35em 0.7em; cursor: pointer; white-space: nowrap; }
`;

/** Styles of the blocked-dial dialog. */
export const NOTICE_CSS = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: flex;
  align-items: flex-start; justify-content: center; background: rgba(0, 0, 0, 0.35); }
.dialog { margin-top: 12vh; max-width: 28rem; background: #fff; color: #202124; border-radius: 8px;
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
