// List, table and board pages show many records at once, one row or card
// each. When the agent has clicked one of them, that row or card is the
// record to capture, not the page around it with the other rows' numbers.

import { BADGE_TAG, INLINE_ELEMENTS } from '../content/dom-rules.ts';
import { containsAcrossShadow, deepText, elementsDeep, parentAcrossShadow } from './dom.ts';
import { emailsInText, phonesInText } from './extract.ts';
import { nameShapedLeaves, textLeaves } from './contacts.ts';
import { classifyLabel } from './labels.ts';
import { looksLikePersonName } from './person-name.ts';

/** Rows and cards as lists, tables and boards mark them. Other items are recognised by a repeated shape. */
const ITEM_SELECTOR =
  'tr, li, article, [role="row"], [role="listitem"], [role="article"], [draggable="true"]';

/**
 * Returns the row or card around `focus` that shows one person among
 * several, or null. It is the innermost rendered element (one of `rendered`)
 * that contains a name and a phone number or email address, and that has a
 * sibling of the same shape that contains both too. A row of one person's
 * fields ("Mobile: …") contains no name, and a record's panels ("Contact
 * details", "Attributes") do not each name someone, so the walk goes past them.
 */
export function pointedItem(focus: Node | null, rendered: ReadonlySet<Element>): Element | null {
  const start = focus?.nodeType === Node.ELEMENT_NODE ? (focus as Element) : focus?.parentElement;
  for (let current = start ?? null; current; current = parentAcrossShadow(current)) {
    const tag = current.localName;
    if (tag === 'body' || tag === 'html') return null;
    if (!rendered.has(current)) continue;

    const siblings = alikeSiblings(current).filter((sibling) => rendered.has(sibling));
    if (siblings.length > 0 && showsPerson(current) && siblings.some(showsPerson)) return current;
  }
  return null;
}

/**
 * Returns the name of the person `item` shows. In a table row, the cell
 * under a "Name" column header is taken. Else the text the agent pointed at
 * is taken if it is shaped like a name. Otherwise, going out from each of
 * `sources` (the elements that show the item's numbers and addresses), the
 * first container with a name-shaped text decides. Two such texts there (a
 * name and a job title) leave the name to the agent, so null is returned.
 */
export function nameInItem(
  item: Element,
  focus: Node | null,
  sources: readonly Element[],
): string | null {
  const fromColumn = nameFromColumn(item);
  if (fromColumn) return fromColumn;

  const names = nameShapedLeaves(textLeaves(item));
  const pointed = names.find((leaf) => focus !== null && containsAcrossShadow(leaf, focus));
  if (pointed) return deepText(pointed);

  for (const source of sources) {
    for (let level: Element | null = source; level; level = parentAcrossShadow(level)) {
      const near = namesWithin(level, names);
      if (near.length === 1) return near[0]!;
      if (near.length > 1 || level === item) break;
    }
  }
  return null;
}

const CELLS = 'td, th, [role="cell"], [role="gridcell"], [role="rowheader"]';

// NOTE: cells are matched to headers by position, and only when the row has
// as many cells as the header row, so tables with spanning cells give no name.
function nameFromColumn(row: Element): string | null {
  const table = row.closest('table, [role="table"], [role="grid"], [role="treegrid"]');
  // Found without :has(), which Firefox before 121 cannot parse.
  const headerRow = [...(table?.querySelectorAll('tr, [role="row"]') ?? [])].find((candidate) =>
    [...candidate.children].some((cell) => cell.matches('th, [role="columnheader"]')),
  );
  if (!headerRow || headerRow === row) return null;

  const column = [...headerRow.children].findIndex(
    (header) => classifyLabel(deepText(header)) === 'name',
  );
  const cells = [...row.children].filter((cell) => cell.matches(CELLS));
  const cell = column >= 0 && cells.length === headerRow.children.length ? cells[column] : null;
  const text = cell ? deepText(cell) : '';
  return looksLikePersonName(text) ? text : null;
}

function namesWithin(container: Element, leaves: readonly Element[]): string[] {
  const texts = leaves
    .filter((leaf) => containsAcrossShadow(container, leaf))
    .map((leaf) => deepText(leaf));
  return [...new Set(texts)];
}

/**
 * Returns the rendered elements of `item` whose text is one run, where
 * numbers and addresses written as plain text are read: leaves, and text
 * with inline parts ("Mobile: <b>+1 …</b>"). Inline elements side by side
 * with no text between them are read one by one, because the page joins
 * "<span>work</span><a>ana@…</a>" with no space.
 */
export function textBlocksIn(item: Element): Element[] {
  return [item, ...elementsDeep(item)].filter(isTextBlock);
}

/**
 * Tells whether `element` is a block of text: it has no children, or only
 * inline ones beside text of its own.
 */
export function isTextBlock(element: Element): boolean {
  const children = [...element.children].filter((child) => child.localName !== BADGE_TAG);
  if (children.length === 0) return true;
  if (children.some((child) => !INLINE_ELEMENTS.has(child.localName))) return false;
  return [...element.childNodes].some(
    (node) => node.nodeType === Node.TEXT_NODE && (node.nodeValue ?? '').trim().length > 0,
  );
}

function alikeSiblings(element: Element): Element[] {
  const parent = element.parentElement;
  if (!parent) return [];

  const isItem = element.matches(ITEM_SELECTOR);
  const shape = shapeOf(element);
  return [...parent.children].filter(
    (sibling) =>
      sibling !== element &&
      sibling.localName === element.localName &&
      (isItem || shapeOf(sibling) === shape),
  );
}

function shapeOf(element: Element): string {
  return `${element.localName}.${element.classList[0] ?? ''}`;
}

function showsPerson(element: Element): boolean {
  return showsContactValue(element) && nameShapedLeaves(textLeaves(element)).length > 0;
}

function showsContactValue(element: Element): boolean {
  return textBlocksIn(element).some((block) => {
    const text = deepText(block);
    return phonesInText(text).length > 0 || emailsInText(text).length > 0;
  });
}
