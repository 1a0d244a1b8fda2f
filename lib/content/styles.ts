/** Styles of the badge, scoped to its shadow root so page CSS and ours never mix. */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: baseline; margin: 0 0 0 0.3em; line-height: 1; }
:host([hidden]) { display: none; }
.badge { display: inline-flex; align-items: center; gap: 0.25em; padding: 0.1em 0.4em; border-radius: 0.7em;
  font: 600 11px/1.3 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Microsoft YaHei", sans-serif;
  white-space: nowrap; }
.icon { position: relative; display: inline-block; box-sizing: border-box; width: 0.95em; height: 0.95em;
  flex: none; border: 0.14em solid currentColor; border-radius: 50%; }
.icon.blocked::after { content: ''; position: absolute; left: 50%; top: -8%; width: 0.14em; height: 116%;
  background: currentColor; transform: translateX(-50%) rotate(45deg); }
.icon.clock::after { content: ''; position: absolute; left: 42%; top: 12%; width: 32%; height: 42%;
  border-left: 0.12em solid currentColor; border-bottom: 0.12em solid currentColor; }
.icon.question::after { content: '?'; position: absolute; inset: 0; font-size: 0.7em; line-height: 1.15em;
  text-align: center; font-weight: 700; }
.icon.check { border: none; border-radius: 0; }
.icon.check::after { content: ''; position: absolute; left: 30%; top: 5%; width: 35%; height: 65%;
  border-right: 0.16em solid currentColor; border-bottom: 0.16em solid currentColor; transform: rotate(45deg); }
.suppressed { background: #b3261e; color: #fff; }
.pending { background: #8a4b00; color: #fff; }
.unknown { background: #5f6368; color: #fff; }
.allowed { background: transparent; color: #1e7a34; padding: 0 0.15em; font-weight: 400; }
.badge { cursor: pointer; }
.menu { position: absolute; z-index: 2147483646; margin-top: 1.6em; background: #fff; border: 1px solid #dadce0;
  border-radius: 6px; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2); padding: 0.25em; }
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
