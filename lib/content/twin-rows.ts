// Finds the twin rows of a table or grid row: rows of other parts of the
// same grid that show the same record. Grid libraries draw a fixed column as
// a separate table or container over or beside the main one (Ant Design 3,
// AG Grid's pinned containers, frozen columns). So the row that contains a
// call control may show no number while its twin does. This runs only when a
// call control is activated, never during the scan, because it reads the
// boxes of rows on screen.

/** Rows of a table or grid by their markup. */
const TABLE_ROW_SELECTOR = 'tr, [role="row"]';
/**
 * Attributes that grid libraries repeat on every part of a row: Ant Design
 * (data-row-key), AG Grid (row-id, row-index), ARIA grids (aria-rowindex),
 * MUI DataGrid (data-rowindex, data-id) and others. The first one a row
 * carries is its key.
 */
const ROW_KEY_ATTRIBUTES = [
  'data-row-key',
  'row-id',
  'row-index',
  'aria-rowindex',
  'data-rowindex',
  'data-row-index',
  'data-id',
];
/** Roles of a grid's root; the parts of one grid sit inside it. */
const GRID_ROOT_SELECTOR = '[role="grid"], [role="treegrid"], [role="table"]';
/**
 * Ancestor levels above a row's own list searched for the grid's other
 * parts. Ant Design 3 nests a fixed table four levels below the element that
 * contains the main one.
 */
const GRID_PART_DEPTH = 5;
/** Maximum rows of other tables read for twins by their place on screen. */
const MAX_BAND_ROWS = 500;
/** Space between the boxes of twin rows that still counts as touching, in CSS pixels. */
const TOUCH_GAP = 1;

/**
 * Returns the twin rows of `row`. These are the rows with the same key in the
 * nearest element that contains another part of the grid. Without such rows,
 * they are the rows at the same index in sibling tables, and else the rows of
 * sibling tables at the same height. A twin must sit on the same line on
 * screen and touch or overlap the row. So tables that share keys 1, 2, 3 but
 * are apart, one below or beside the other, are never twins.
 * NOTE: two unrelated tables drawn edge to edge with rows of one height
 * still read as twins when their keys or indexes match.
 */
export function twinRowsOf(row: HTMLElement): HTMLElement[] {
  if (!row.matches(TABLE_ROW_SELECTOR)) return [];
  const box = row.getBoundingClientRect();
  if (box.height <= 0) return [];
  const linesUp = (other: HTMLElement) => onOneLine(box, other.getBoundingClientRect());

  const keyed = keyedTwins(row).filter(linesUp);
  if (keyed.length > 0) return keyed;

  const table = row.localName === 'tr' ? row.closest('table') : null;
  const others = table ? siblingTables(table) : [];
  const index = table ? bodyRows(table).indexOf(row) : -1;
  const atIndex = others
    .map((other) => bodyRows(other)[index])
    .filter((other): other is HTMLElement => other !== undefined && linesUp(other));
  if (atIndex.length > 0) return atIndex;

  return others
    .flatMap(bodyRows)
    .slice(0, MAX_BAND_ROWS)
    .filter((other) => linesUp(other));
}

/**
 * Returns the rows with the same key as `row` in the nearest ancestor that
 * contains any outside the row's own list. The search stops at the grid's
 * root, so another grid's rows are never read.
 */
function keyedTwins(row: HTMLElement): HTMLElement[] {
  const attribute = ROW_KEY_ATTRIBUTES.find((name) => row.getAttribute(name)?.trim());
  const list = row.parentElement;
  if (!attribute || !list) return [];
  const key = row.getAttribute(attribute);

  if (isGridRoot(list)) return [];
  return nearestFound(list.parentElement, (scope) =>
    [...scope.querySelectorAll<HTMLElement>(`[${attribute}]`)].filter(
      (other) =>
        other.getAttribute(attribute) === key &&
        other.matches(TABLE_ROW_SELECTOR) &&
        !list.contains(other) &&
        !other.contains(row),
    ),
  );
}

/** Returns the other tables in the nearest ancestor of `table` that contains any, at the same nesting level. */
function siblingTables(table: HTMLTableElement): HTMLTableElement[] {
  return nearestFound(table.parentElement, (scope) =>
    [...scope.querySelectorAll('table')].filter(
      (other) =>
        other !== table &&
        !other.contains(table) &&
        !table.contains(other) &&
        other.parentElement?.closest('table') === table.parentElement?.closest('table'),
    ),
  );
}

/**
 * Returns what `find` finds in the nearest ancestor, from `start` up, where
 * it finds anything. The search goes GRID_PART_DEPTH levels at most, and it
 * stops at a grid's root and before the page's body.
 */
function nearestFound<T>(start: HTMLElement | null, find: (scope: HTMLElement) => T[]): T[] {
  let scope = start;
  for (let level = 0; scope && level < GRID_PART_DEPTH && !isPageRoot(scope); level++) {
    const found = find(scope);
    if (found.length > 0 || isGridRoot(scope)) return found;
    scope = scope.parentElement;
  }
  return [];
}

/** Returns a table's rows outside its head and foot, in order. */
function bodyRows(table: HTMLTableElement): HTMLElement[] {
  return [...table.rows].filter((row) => {
    const section = row.parentElement?.localName;
    return section !== 'thead' && section !== 'tfoot';
  });
}

/**
 * Tells whether two row boxes sit on one line: the middle of each lies
 * within the other's height, and they touch or overlap from left to right.
 */
function onOneLine(row: DOMRect, other: DOMRect): boolean {
  if (other.height <= 0) return false;
  const middle = (box: DOMRect) => (box.top + box.bottom) / 2;
  const within = (y: number, box: DOMRect) => y >= box.top && y <= box.bottom;
  if (!within(middle(row), other) || !within(middle(other), row)) return false;
  return other.left <= row.right + TOUCH_GAP && row.left <= other.right + TOUCH_GAP;
}

/**
 * Tells whether an element is the root of an ARIA grid, which contains all
 * the grid's parts. A table element with a grid role is one part of its grid.
 */
function isGridRoot(element: Element): boolean {
  return element.localName !== 'table' && element.matches(GRID_ROOT_SELECTOR);
}

function isPageRoot(element: Element): boolean {
  return element.localName === 'body' || element.localName === 'html';
}
