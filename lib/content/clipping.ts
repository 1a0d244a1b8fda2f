/**
 * Finds where a badge would be cut off. CRM list views truncate cells with
 * `overflow: hidden; white-space: nowrap; text-overflow: ellipsis`, and a
 * badge put after the number there lies past the cell's edge, out of sight.
 */

/** Layout facts of an element's computed style that decide where a badge inside it goes. */
export interface BoxLook {
  /** Clips a line that does not wrap, so content past its width is hidden. */
  clips: boolean;
  /** Is laid out as a block whose lines wrap, so the search for a clipping box stops there. */
  wrappingBlock: boolean;
  /** Lays out its items in one row that does not wrap, so a wider item pushes the ones after it. */
  oneLineRow: boolean;
  /** Is an item of a block-level flex row that does not wrap. */
  inOneLineRow: boolean;
}

/** Ancestors of a number checked for a clipping box, because truncating cells wrap the value closely. */
const MAX_DEPTH = 3;
/** Characters of a flex item's text up to which it counts as a value, not running text. */
const MAX_ITEM_TEXT = 48;
/** Cells of tables and of grids built from divs. */
const TABLE_CELLS = 'td, th, [role="cell"], [role="gridcell"]';

/**
 * Returns the element that would hide a badge put into `parent`, or null.
 * A flex row that does not wrap counts too, because there the badge would
 * push the row's next items (a card's call icon) out of sight. The search
 * goes up from `parent` and stops at the first block whose lines wrap or
 * after MAX_DEPTH elements. A block that does not wrap passes its overflow
 * on to the cell around it. `looks` caches the result by tag and class of
 * the element and its parent for one batch of badges, because list rows
 * repeat them. Elements with a style attribute, or whose parent has one,
 * are always read.
 */
export function clippingBox(parent: Node | null, looks: Map<string, BoxLook>): Element | null {
  let node = parent;
  for (let depth = 0; node && node.nodeType === Node.ELEMENT_NODE && depth < MAX_DEPTH; depth++) {
    const element = node as Element;
    const look = lookOf(element, looks);
    if (look.clips || look.oneLineRow) return element;
    if (look.wrappingBlock) return look.inOneLineRow ? shortItemRow(element) : null;
    node = element.parentNode;
  }
  return null;
}

/**
 * Returns the flex row around `element` (see BoxLook.inOneLineRow) when
 * `element` is a short item of it, such as a card's number beside its call
 * icon, or null. Such an item wraps its text when a badge widens it past the
 * row's free space, so the card grows by a line. Longer items are text that
 * wraps anyway. A row inside a table cell is left out, because an auto-sized
 * column grows to fit the badge instead.
 */
function shortItemRow(element: Element): Element | null {
  const row = element.parentElement;
  if (!row || (element.textContent?.length ?? 0) > MAX_ITEM_TEXT) return null;
  return row.closest(TABLE_CELLS) ? null : row;
}

/** Tells whether a computed style lays out a flex row that does not wrap. */
function isOneLineRow(style: CSSStyleDeclaration): boolean {
  return (
    style.display.endsWith('flex') &&
    style.flexDirection.startsWith('row') &&
    style.flexWrap === 'nowrap'
  );
}

function lookOf(element: Element, looks: Map<string, BoxLook>): BoxLook {
  // The parent counts too: a flex or grid item is laid out as a block, and
  // white-space is inherited.
  const parent = element.parentElement;
  // Tables and grids style their columns by position (td:nth-child(3)), so
  // a cell's column is part of its key.
  const column = isCell(element) ? columnOf(element) : '';
  const key =
    element.hasAttribute('style') || parent?.hasAttribute('style')
      ? null
      : `${parent?.localName} ${parent?.getAttribute('class') ?? ''} > ` +
        `${element.localName} ${element.getAttribute('class') ?? ''} ${column}`;
  const cached = key === null ? undefined : looks.get(key);
  if (cached) return cached;

  const view = element.ownerDocument.defaultView;
  const style = view?.getComputedStyle(element);
  const nowrap =
    style?.whiteSpace === 'nowrap' || style?.getPropertyValue('text-wrap-mode') === 'nowrap';
  const parentStyle = parent ? view?.getComputedStyle(parent) : undefined;
  const look: BoxLook = style
    ? {
        clips: (style.overflowX !== 'visible' || !/^(visible|)$/.test(style.overflow)) && nowrap,
        wrappingBlock:
          !style.display.startsWith('inline') && style.display !== 'contents' && !nowrap,
        oneLineRow: isOneLineRow(style),
        inOneLineRow: parentStyle?.display === 'flex' && isOneLineRow(parentStyle),
      }
    : { clips: false, wrappingBlock: true, oneLineRow: false, inOneLineRow: false };
  if (key !== null) looks.set(key, look);
  return look;
}

/** The element whose line a field's badge joins, and whether it is a flex row or a block. */
export interface FieldRow {
  row: Element;
  flex: boolean;
}

/**
 * Returns the element a field's badge would crowd: the field's flex row
 * when the row does not wrap, or the block the field sits in as an inline
 * box. A badge added to such a row is one more item, and in a narrow dialer
 * it pushes the row's Call button out of sight. In a block, a badge after a
 * field as wide as its line goes to a line of its own and moves everything
 * below it. Returns null for any other field and for text.
 */
export function fieldRow(anchor: Node): FieldRow | null {
  if (anchor.nodeType !== Node.ELEMENT_NODE) return null;
  const row = anchor.parentElement;
  const view = anchor.ownerDocument?.defaultView;
  const style = row && view ? view.getComputedStyle(row) : null;
  if (!row || !view || !style) return null;
  if (style.display.endsWith('flex')) return isOneLineRow(style) ? { row, flex: true } : null;
  // In a grid the badge becomes an item of its own, and an inline parent is
  // part of a longer line, so neither is measured here.
  if (!/^(block|flow-root|list-item|table-cell)$/.test(style.display)) return null;
  const field = view.getComputedStyle(anchor as Element).display;
  return field.startsWith('inline') ? { row, flex: false } : null;
}

/**
 * Returns how far in px a flex item of `width` may shrink: down to its
 * min-width when it sets one (an input beside a call link, at min-width 0).
 * An item with min-width auto shrinks to its content's width, which is not
 * measured, so it counts as none.
 */
function shrinkRoom(style: CSSStyleDeclaration, width: number): number {
  if (!(parseFloat(style.flexShrink) > 0) || style.minWidth === 'auto') return 0;
  const minWidth = parseFloat(style.minWidth);
  if (Number.isNaN(minWidth)) return 0;
  const edges =
    style.boxSizing === 'border-box'
      ? 0
      : parseFloat(style.paddingLeft) +
        parseFloat(style.paddingRight) +
        parseFloat(style.borderLeftWidth) +
        parseFloat(style.borderRightWidth);
  return Math.max(0, width - edges - minWidth);
}

/** Tells whether an element is a cell of a table or of a grid built from divs. */
function isCell(element: Element): boolean {
  const name = element.localName;
  if (name === 'td' || name === 'th') return true;
  const role = element.getAttribute('role');
  return role === 'cell' || role === 'gridcell';
}

/** Returns the position of a cell among the cells before it in its row. */
function columnOf(cell: Element): number {
  if (cell instanceof HTMLTableCellElement) return cell.cellIndex;
  let column = 0;
  for (let before = cell.previousElementSibling; before; before = before.previousElementSibling)
    column++;
  return column;
}

/**
 * Returns the room in px that a badge put into `parent` may take in a flex
 * row that does not wrap without moving anything, or null when `row` is no
 * such row. The row's free space counts, which `justify-content` may spread
 * between items. A badge put into an item (a card's number) also has the
 * room left inside an item that grows, and the room its siblings give up
 * by shrinking. A badge put right into the row (after a field) is an item
 * of its own, and it takes a gap more and only the free space.
 */
export function flexRoom(row: Element, parent: Node): number | null {
  const view = row.ownerDocument.defaultView;
  const style = view?.getComputedStyle(row);
  if (!view || !style || !isOneLineRow(style)) return null;

  let item: Node | null = parent === row ? null : parent;
  while (item && item.parentNode !== row) item = item.parentNode;
  if (parent !== row && !item) return null;

  let itemWidths = 0;
  let items = 0;
  let shrinkable = 0;
  const range = row.ownerDocument.createRange();
  for (const child of row.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      const childStyle = view.getComputedStyle(child as Element);
      if (childStyle.display === 'none' || /^(absolute|fixed)$/.test(childStyle.position)) continue;
      const width = (child as Element).getBoundingClientRect().width;
      itemWidths += width + parseFloat(childStyle.marginLeft) + parseFloat(childStyle.marginRight);
      items++;
      if (child !== item) shrinkable += shrinkRoom(childStyle, width);
    } else if (child.nodeType === Node.TEXT_NODE && /\S/.test((child as Text).data)) {
      // Text right in the row is an anonymous item of its own.
      range.selectNode(child);
      itemWidths += range.getBoundingClientRect().width;
      items++;
    }
  }
  const inner = row.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const gap = parseFloat(style.columnGap) || 0;
  const free = Math.max(0, inner - itemWidths - gap * Math.max(0, items - 1));
  // After a field, a badge that does not fit is drawn over the field's end,
  // which moves nothing; shrinking the field for it would.
  if (!item) return Math.max(0, free - gap);
  if (item.nodeType !== Node.ELEMENT_NODE) return free;

  // An item that grows has room inside, after its content.
  const itemBox = (item as Element).getBoundingClientRect();
  range.selectNodeContents(item);
  const content = range.getBoundingClientRect();
  const itemStyle = view.getComputedStyle(item as Element);
  const inside =
    style.direction === 'rtl'
      ? content.left - itemBox.left - parseFloat(itemStyle.paddingLeft)
      : itemBox.right - content.right - parseFloat(itemStyle.paddingRight);
  return free + shrinkable + Math.max(0, inside);
}
