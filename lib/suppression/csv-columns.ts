/**
 * Recognises DNC CSV column names in the languages of the call centers that
 * export them: English, Chinese (simplified and traditional), Portuguese,
 * Spanish, German, French and Japanese. Latin words are compared without
 * accents ("Teléfono" as "telefono").
 */

/** A header cell naming the phone column; 2 beats 1 when several cells qualify. */
export function phoneHeaderScore(cell: string): 0 | 1 | 2 {
  const { words, compact } = headerWords(cell);

  if (/电话|手机|号码|座机|固话|電話|手機|號碼|座機|固話|携帯/.test(cell)) return 2;
  if (/phone|msisdn|e164|telefon/.test(compact)) return 2;
  if (words.some((word) => STRONG_PHONE_WORDS.has(word))) return 2;
  if (words.some((word) => NUMBER_WORDS.has(word)) || /番号/.test(cell)) return 1;
  return 0;
}

/** Words that name a phone column on their own ("Celular", "Handy", "Portable"). */
const STRONG_PHONE_WORDS = new Set([
  'telephone',
  'mobile',
  'tel',
  'cell',
  'telno',
  'celular',
  'movil',
  'mobil',
  'handy',
  'festnetz',
  'portable',
  'fixe',
]);

/** Words that may name a phone column, when no stronger one does ("Number", "Número"). */
const NUMBER_WORDS = new Set(['number', 'numero', 'nummer']);

export type OptionalColumn = 'reason' | 'source' | 'addedAt' | 'dncFlag';

/** Names the optional reason, source, added-at and do-not-call flag columns; null for any other header. */
export function optionalColumnOf(cell: string): OptionalColumn | null {
  const { words, compact } = headerWords(cell);

  // A do-not-call reason or date ("禁呼原因", "禁呼日期") is no do-not-call flag.
  if (words.some((word) => REASON_WORDS.has(word)) || /原因|理由/.test(cell)) return 'reason';
  if (isAddedAtHeader(words, compact) || CJK_ADDED_AT.test(cell.trim())) return 'addedAt';
  if (DNC_FLAG_NAMES.has(compact) || /禁止呼叫|禁呼|勿扰|請勿來電|请勿来电/.test(cell))
    return 'dncFlag';
  if (words.some((word) => SOURCE_WORDS.has(word)) || /来源|來源/.test(cell)) return 'source';
  return null;
}

const REASON_WORDS = new Set(['reason', 'motivo', 'razon', 'grund', 'motif', 'raison']);
const SOURCE_WORDS = new Set(['source', 'origem', 'origen', 'fuente', 'quelle', 'herkunft']);

/** Words of a date header ("Data de inclusão", "Fecha de alta", "Hinzugefügt am"). */
const DATE_WORDS = new Set(['date', 'data', 'fecha', 'datum']);
/** Words marking the date as the day the number was added to the list. */
const ADDED_WORDS = new Set([
  'added',
  'inclusao',
  'inclusion',
  'adicao',
  'alta',
  'ajout',
  'hinzugefugt',
  'aufnahme',
  'eingetragen',
]);

/** Tells whether a header's words name the date a number was added to the list. */
function isAddedAtHeader(words: readonly string[], compact: string): boolean {
  if (ADDED_AT_NAMES.has(compact) || compact === 'fecha' || compact === 'datum') return true;
  // "Hinzugefügt am" names the date without a date word.
  if (words[0] === 'hinzugefugt') return true;
  return words.some((word) => DATE_WORDS.has(word)) && words.some((word) => ADDED_WORDS.has(word));
}

/**
 * Chinese and Japanese headers of the date a number was listed: a bare date
 * or time, or one of adding or listing ("添加日期", "登録日"). The follow-up,
 * creation and birth dates of CRM exports ("最近跟进时间", "创建时间") do not match.
 */
const CJK_ADDED_AT =
  /^(?:(?:添加|加入|列入|禁呼|禁止呼叫|登记|登記)的?)?(?:日期|时间|時間|日期时间|日期時間)$|^(?:登録|追加)日時?$/u;

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
    // Accents off Latin letters only; kana lose their voicing marks under NFD.
    .replace(/[\u00c0-\u024f]/gu, (letter) => letter.normalize('NFD').replace(/\p{M}/gu, ''))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return { words, compact: words.join('') };
}
