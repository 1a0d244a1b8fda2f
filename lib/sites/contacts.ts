// A lead, account or company record often lists several people, one card or
// table row each. A deletion request is one person's, so the reader finds
// those cards and keeps to the one the agent pointed at.

import { deepText, elementsDeep, parentAcrossShadow } from './dom.ts';
import { classifyLabel } from './labels.ts';
import { looksLikePersonName, marksPersonName } from './person-name.ts';

/** One person's card or row in a record that lists several people. */
export interface ContactCard {
  element: Element;
  /** The person's name as the card shows it. */
  name: string;
}

/**
 * Returns the cards of the people a record lists, in page order, or an empty
 * list when the record shows one person. `sources` are the elements the
 * record's phones and emails were read from. A card is one of at least two
 * sibling elements of the same tag and first class that each contain a source
 * and a name. Rows of one person's fields ("Phone", "Email") contain labels,
 * not names, so they do not count as cards.
 */
export function findContactCards(sources: readonly Element[]): ContactCard[] {
  const childrenWithSources = new Map<Element, Set<Element>>();
  for (const source of sources) {
    let child = source;
    for (let parent = parentAcrossShadow(child); parent; parent = parentAcrossShadow(parent)) {
      const children = childrenWithSources.get(parent) ?? new Set<Element>();
      children.add(child);
      childrenWithSources.set(parent, children);
      child = parent;
    }
  }

  // Outermost first: cards may contain rows that look alike too.
  const parents = [...childrenWithSources.keys()].sort((a, b) => depth(a) - depth(b));
  for (const parent of parents) {
    const children = [...childrenWithSources.get(parent)!];
    if (children.length < 2 || !allAlike(children)) continue;

    const cards = children.map((element) => ({ element, name: personNameIn(element) }));
    if (cards.every((card): card is ContactCard => card.name !== null)) {
      return sortInPageOrder(cards);
    }
  }
  return [];
}

/** Returns the card that contains `node`, across shadow boundaries, or null. */
export function cardContaining(
  cards: readonly ContactCard[],
  node: Node | null,
): ContactCard | null {
  const start = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : node?.parentElement;
  for (let current = start ?? null; current; current = parentAcrossShadow(current)) {
    const card = cards.find((candidate) => candidate.element === current);
    if (card) return card;
  }
  return null;
}

function depth(element: Element): number {
  let count = 0;
  for (let current = parentAcrossShadow(element); current; current = parentAcrossShadow(current)) {
    count++;
  }
  return count;
}

function allAlike(elements: readonly Element[]): boolean {
  const [first, ...rest] = elements.map(
    (element) => `${element.localName}.${element.classList[0] ?? ''}`,
  );
  return rest.every((shape) => shape === first);
}

function sortInPageOrder(cards: ContactCard[]): ContactCard[] {
  return cards.sort((a, b) =>
    a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

// Buttons name actions ("Call Now"), so their text is no name.
const NOT_A_NAME = 'button, [role="button"], label, dt, th';

/**
 * Returns the name a card shows: the first element marked as a person's name,
 * else the first of its `nameShapedLeaves`.
 */
function personNameIn(card: Element): string | null {
  const leaves = textLeaves(card);

  const marked = leaves.find((element) => marksPersonName(element) || hasMarkedParent(element));
  const markedText = marked ? deepText(marked) : '';
  if (looksLikePersonName(markedText)) return markedText;

  const [first] = nameShapedLeaves(leaves);
  return first ? deepText(first) : null;
}

/** Returns the rendered elements under `container` that hold text and no other element, outside buttons and labels. */
export function textLeaves(container: Element): Element[] {
  return elementsDeep(container).filter(
    (element) => !element.firstElementChild && !element.closest(NOT_A_NAME),
  );
}

/**
 * Returns the `leaves` whose text is shaped like a name and has two words or
 * more or is not in Latin script. One capitalised Latin word is more often a
 * field label ("Office") than a name.
 */
export function nameShapedLeaves(leaves: readonly Element[]): Element[] {
  return leaves.filter((leaf) => {
    const text = deepText(leaf);
    if (classifyLabel(text) !== null || !looksLikePersonName(text)) return false;
    return text.includes(' ') || /\P{Script=Latin}/u.test(text);
  });
}

function hasMarkedParent(element: Element): boolean {
  const parent = element.parentElement;
  return parent !== null && marksPersonName(parent);
}
