import { namesIdentifier } from './dial-boxes';
import { INLINE_ELEMENTS } from './dom-rules';

// A number alone in a table cell is read by its label: the header of its
// column, or the label cell before it in a record table
// ("Account # | 4155550177"). These are read only for cells that contain a
// number the scanner found, never for every cell of a table.

/** Roles of cells in grids and tables built from divs. */
const CELL_ROLES = new Set(['cell', 'gridcell']);
/** Roles of tables built from divs. */
const TABLE_ROLES = new Set(['table', 'grid', 'treegrid']);
/** Elements that group the rows of a table. */
const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
/** Levels between a row and its table: a row group, or none. */
const MAX_ROW_GROUP_DEPTH = 2;
/** Ancestor levels climbed from a text node to its cell through inline elements. */
const MAX_CELL_DEPTH = 4;
/** Maximum length of a label cell's text; a longer text is a value, not a label. */
const MAX_LABEL_LENGTH = 40;

/**
 * Tells whether a number found in a cell is an identifier: the cell shows it
 * with no words around it, and its column header or the label cell before it
 * names an identifier ("Account #", "Order ID", "Ticket").
 */
export function isInIdentifierCell(textParent: Element | null, raw: string): boolean {
  const cell = cellOf(textParent);
  if (!cell) return false;
  const rest = (cell.textContent ?? '').replace(raw, '');
  if (/\p{L}/u.test(rest)) return false;

  // A column header names the column. Without one, the cell before labels
  // the value only in a record table, not in a row of values such as a
  // company name ("Acme Tax Services") before a phone number.
  const header = columnHeader(cell);
  if (header !== null) return namesIdentifier(header);
  const label = labelBefore(cell);
  return label !== null && namesIdentifier(label);
}

function cellOf(element: Element | null): Element | null {
  let node = element;
  for (let level = 0; node && level < MAX_CELL_DEPTH; level++) {
    if (isCell(node)) return node;
    if (!INLINE_ELEMENTS.has(node.localName)) return null;
    node = node.parentElement;
  }
  return null;
}

function isCell(element: Element): boolean {
  if (element.localName === 'td' || element.localName === 'th') return true;
  return CELL_ROLES.has(element.getAttribute('role') ?? '');
}

/**
 * Returns the text of the cell before `cell` when it reads as a label: a row
 * header, or the first of a row of two cells, short and without digits.
 * NOTE: a row of two values in a table without a header row ("Acme Tax
 * Services", then its number) is read as a label and its value.
 */
function labelBefore(cell: Element): string | null {
  const previous = cell.previousElementSibling;
  if (!previous) return null;
  const isRowHeader = previous.localName === 'th' || previous.getAttribute('role') === 'rowheader';
  if (!isRowHeader && cell.parentElement?.childElementCount !== 2) return null;
  const text = previous.textContent?.trim() ?? '';
  if (text === '' || text.length > MAX_LABEL_LENGTH || /\d/.test(text)) return null;
  return text;
}

/** Returns the text of the header of the cell's column, in a table with a header row. */
function columnHeader(cell: Element): string | null {
  const row = cell.parentElement;
  const headerRow = row ? firstRowOf(row) : null;
  if (!row || !headerRow || headerRow === row) return null;

  let column = 0;
  for (let before = cell.previousElementSibling; before; before = before.previousElementSibling)
    column++;
  const header = headerRow.children[column];
  const isHeader = header?.localName === 'th' || header?.getAttribute('role') === 'columnheader';
  return isHeader ? (header.textContent?.trim() ?? null) : null;
}

/**
 * Returns the first row of the table or grid a row belongs to. It walks up
 * to the table and down its first children, without a query, because it
 * runs for every number found in a cell.
 */
function firstRowOf(row: Element): Element | null {
  let table = row.parentElement;
  for (let level = 0; table && !isTable(table) && level < MAX_ROW_GROUP_DEPTH; level++)
    table = table.parentElement;
  if (!table || !isTable(table)) return null;

  // A caption or column group may come before the rows.
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    if (isRow(child)) return child;
    if (ROW_GROUPS.has(child.localName) || child.getAttribute('role') === 'rowgroup') {
      const first = child.firstElementChild;
      return first && isRow(first) ? first : null;
    }
  }
  return null;
}

function isTable(element: Element): boolean {
  return element.localName === 'table' || TABLE_ROLES.has(element.getAttribute('role') ?? '');
}

function isRow(element: Element): boolean {
  return element.localName === 'tr' || element.getAttribute('role') === 'row';
}
