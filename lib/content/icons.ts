const SVG_NS = 'http://www.w3.org/2000/svg';

/** Icon outlines in a 16×16 box, drawn with DOM APIs so no markup string is ever parsed. */
const ICON_PATHS = {
  blocked:
    'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13zM3.5 8a4.5 4.5 0 0 1 7.1-3.7L4.3 10.6A4.5 4.5 0 0 1 3.5 8zm4.5 4.5c-1 0-1.9-.3-2.6-.8l6.3-6.3A4.5 4.5 0 0 1 8 12.5z',
  check: 'M6.2 11.6L2.6 8l1.2-1.2 2.4 2.4 6-6L13.4 4.4z',
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13zm.8 6.2l2.6 1.6-.8 1.3-3.3-2V4h1.5z',
  question:
    'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13zm.9 10.3H7.2v-1.6h1.7zm1.6-5.1c-.3.6-.9.9-1.3 1.2-.3.2-.4.4-.4.9H7.2c0-.9.3-1.4.9-1.8.5-.3.8-.5.8-1 0-.4-.4-.8-.9-.8s-.9.3-1 .9l-1.6-.3C5.6 4.6 6.6 4 7.9 4c1.7 0 2.7 1.2 2.6 2.7z',
} as const;

export type IconName = keyof typeof ICON_PATHS;

export function createIcon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'currentColor');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICON_PATHS[name]);
  svg.append(path);
  return svg;
}
