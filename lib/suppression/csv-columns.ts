/**
 * Recognises DNC CSV column names in English and Chinese (simplified and
 * traditional), the languages the lists we import are written in.
 */

/** A header cell naming the phone column; 2 beats 1 when several cells qualify. */
export function phoneHeaderScore(cell: string): 0 | 1 | 2 {
  const { words, compact } = headerWords(cell);

  if (/电话|手机|号码|座机|固话|電話|手機|號碼|座機|固話/.test(cell)) return 2;
  if (/phone|msisdn|e164/.test(compact)) return 2;
  if (words.some((word) => STRONG_PHONE_WORDS.has(word))) return 2;
  if (words.includes('number')) return 1;
  return 0;
}

const STRONG_PHONE_WORDS = new Set(['telephone', 'mobile', 'tel', 'cell', 'telno']);

export type OptionalColumn = 'reason' | 'source' | 'addedAt' | 'dncFlag';

/** Names the optional reason, source, added-at and do-not-call flag columns; null for any other header. */
export function optionalColumnOf(cell: string): OptionalColumn | null {
  const { words, compact } = headerWords(cell);

  // A do-not-call reason or date ("禁呼原因", "禁呼日期") is no do-not-call flag.
  if (words.includes('reason') || /原因|理由/.test(cell)) return 'reason';
  if (ADDED_AT_NAMES.has(compact) || CHINESE_ADDED_AT.test(cell.trim())) return 'addedAt';
  if (DNC_FLAG_NAMES.has(compact) || /禁止呼叫|禁呼|勿扰|請勿來電|请勿来电/.test(cell))
    return 'dncFlag';
  if (words.includes('source') || /来源|來源/.test(cell)) return 'source';
  return null;
}

/**
 * Chinese headers of the date a number was listed: a bare date or time, or
 * one of adding or listing. CRM exports also hold follow-up, creation and
 * birth dates ("最近跟进时间", "创建时间"), which are other dates.
 */
const CHINESE_ADDED_AT =
  /^(?:(?:添加|加入|列入|禁呼|禁止呼叫|登记|登記)的?)?(?:日期|时间|時間|日期时间|日期時間)$/u;

/** Columns that mark each contact as do-not-call or not (Salesforce "Do Not Call", "DNC"). */
const DNC_FLAG_NAMES = new Set(['donotcall', 'dnc', 'dncflag', 'donotphone', 'nocalls']);

const ADDED_AT_NAMES = new Set([
  'addedat',
  'added',
  'dateadded',
  'addedon',
  'addeddate',
  'createdat',
  'created',
  'date',
]);

/** Lower-case words of a header (split at punctuation, spaces and camelCase) and all of them joined. */
function headerWords(cell: string): { words: string[]; compact: string } {
  const words = cell
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return { words, compact: words.join('') };
}
