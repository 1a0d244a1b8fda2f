// Whether a text or an element names a person, as opposed to a company, a
// ticket subject or a field label.

import { deepText, isMarkedHidden } from './dom.ts';
import { emailsInText, phonesInText } from './extract.ts';
import { classifyLabel } from './labels.ts';

/** Tells whether `text` can be a person's name: it has a letter and is neither a phone number nor an email address. */
export function isPlausibleName(text: string): boolean {
  if (!/\p{L}/u.test(text)) return false;
  return phonesInText(text).length === 0 && emailsInText(text).length === 0;
}

/** Particles that a person's name writes in lower case ("Ludwig van Beethoven", "Maria dos Santos"). */
const NAME_PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
]);

const MAX_NAME_WORDS = 5;
const CJK_NAME =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·・]{2,8}$/u;

/**
 * Tells whether `text` is shaped like a person's name rather than a subject
 * or a sentence: at most five words, each capitalised or a name particle,
 * with no digits and no sentence or ticket punctuation. Headings and titles
 * must pass this check, because a ticket page's h1 is its subject.
 */
export function looksLikePersonName(text: string): boolean {
  if (!isPlausibleName(text) || namesSection(text)) return false;
  if (CJK_NAME.test(text)) return true;
  if (/[\d?!#@:;|/\\()[\]{}<>=+*_"“”]/u.test(text)) return false;

  const words = text.split(' ');
  if (words.length > MAX_NAME_WORDS) return false;
  return words.every(
    (word) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()),
  );
}

/**
 * Words of headings and titles that name a part of the app ("Deals", "Contact
 * Details", "Sales Pipeline") rather than a person, compared lower-cased.
 */
const SECTION_WORDS = new Set([
  'account',
  'accounts',
  'activities',
  'activity',
  'agent',
  'all',
  'associated',
  'board',
  'calendar',
  'call',
  'calls',
  'campaign',
  'campaigns',
  'case',
  'cases',
  'client',
  'clients',
  'colleagues',
  'companies',
  'company',
  'console',
  'contact',
  'contacts',
  'customer',
  'customers',
  'dashboard',
  'deal',
  'deals',
  'detail',
  'details',
  'dialer',
  'dialers',
  'dialler',
  'feed',
  'history',
  'home',
  'inbox',
  'info',
  'information',
  'kanban',
  'lead',
  'leads',
  'linked',
  'list',
  'my',
  'new',
  'notes',
  'open',
  'opportunities',
  'opportunity',
  'other',
  'overview',
  'people',
  'phone',
  'pipeline',
  'power',
  'predictive',
  'profile',
  'queue',
  'recent',
  'record',
  'records',
  'related',
  'reports',
  'sales',
  'search',
  'sequence',
  'sequences',
  'settings',
  'softphone',
  'summary',
  'tasks',
  'ticket',
  'tickets',
  'timeline',
  'view',
  'workspace',
  'kontakte',
  'kunden',
  'übersicht',
  'clientes',
  'contactos',
  'détails',
]);

/** Words of Chinese and Japanese app sections; a heading made only of them names a page ("客户详情"). */
const CJK_SECTION_WORDS =
  /^(?:客户|客戶|联系人|聯絡人|详情|詳情|詳細|线索|商机|机会|列表|一覧|首页|工作台|看板|订单|合同|工单|记录|跟进|管理|信息|基本|概览|设置|报表|任务|日程|全部|我的|公海|资料|档案|顧客|連絡先|取引先|商談|案件|ホーム|外呼|呼叫中心|呼叫|拨号盘|拨号|软电话|坐席|通话)+$/u;

/** Tells whether every word of `text` names a part of the app, so the text is a section heading. */
function namesSection(text: string): boolean {
  if (CJK_SECTION_WORDS.test(text)) return true;
  return text
    .toLowerCase()
    .split(/[\s·&,-]+/u)
    .filter((word) => word.length > 0)
    .every((word) => SECTION_WORDS.has(word));
}

/** Words of an element's id, class or test id that mark it as a person's, not the agent's or a company's. */
const PERSON_WORDS = new Set([
  'requester',
  'requestor',
  'customer',
  'contact',
  'caller',
  'person',
  'client',
  'enduser',
]);

const MAX_NAME_LENGTH = 100;

const PERSON_ATTRIBUTES = ['data-test-id', 'data-testid', 'data-test', 'data-qa', 'id', 'class'];

/**
 * Returns the text of the first element whose test id, id or class names a
 * person's name ("requester-name", "customerName", "Contact_name"). Helpdesks
 * show the requester this way in a sidebar, with no label beside it.
 */
export function nameFromPersonElement(elements: Iterable<Element>): string | null {
  for (const element of elements) {
    if (!marksPersonName(element)) continue;

    const text = deepText(element);
    if (text.length <= MAX_NAME_LENGTH && isPlausibleName(text)) return text;
  }
  return null;
}

/** Tells whether the test id, id or class of `element` marks it as showing a person's name. */
export function marksPersonName(element: Element): boolean {
  return PERSON_ATTRIBUTES.some((attribute) => namesPerson(element.getAttribute(attribute)));
}

// Each class or id token on its own, split into words: "Contact_name",
// "requester-name", "customerName".
function namesPerson(value: string | null): boolean {
  if (!value) return false;

  return value.split(/\s+/).some((token) => {
    const words = token
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z]+/);
    return words.includes('name') && words.some((word) => PERSON_WORDS.has(word));
  });
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Returns the heading that opens the card or panel holding one of `sources`
 * (the elements a phone number or email address was read from), if
 * `isName` accepts its text and it is no field label. Helpdesk sidebars
 * title the requester's panel with the name and no label. For each source,
 * the innermost container whose first text is a heading decides. A panel
 * headed "Contact details" gives no name.
 */
export function nameFromPanelHeading(
  sources: readonly Element[],
  isName: (text: string) => boolean,
): string | null {
  const seen = new Set<Element>();
  for (const source of sources) {
    for (let panel = source.parentElement; panel; panel = panel.parentElement) {
      if (panel.localName === 'body' || seen.has(panel)) break;
      seen.add(panel);

      const heading = firstTextElement(panel)?.closest(HEADING);
      if (!heading || !panel.contains(heading)) continue;

      const text = deepText(heading);
      if (isName(text) && classifyLabel(text) === null && !isMarkedHidden(heading)) return text;
      break;
    }
  }
  return null;
}

function firstTextElement(container: Element): Element | null {
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.nodeValue?.trim() || !parent || parent.closest('script, style, template')) continue;
    return parent;
  }
  return null;
}
