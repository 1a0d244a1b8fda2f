// Rules that tell a phone number from other digit strings: by the text around
// it (labels, currency, glued letters) and by its own shape (dates, postcodes,
// amounts, card and tax ids, IP addresses, versions). They run only on digit
// runs long enough to be phone numbers. Shape checks read ASCII-folded text
// (see foldToAscii), and context checks scan characters by hand because they
// run for every such run on a page.

import { foldToAscii, isDigitCode, isWordCode } from './chars.ts';

/** How far before a digit run the IBAN rule looks: "GB82 WEST " and more groups, in UTF-16 code units. */
const IBAN_CONTEXT = 40;

// Words that label the digits after them as something other than a phone
// number. Stored lower case and compared with the lower-cased word before the digits.
const ID_LABELS = [
  // generic ids and references
  'id',
  'no',
  'nr',
  'ref',
  'reference',
  'case',
  'ticket',
  'tkt',
  'order',
  'invoice',
  'inv',
  'receipt',
  'quote',
  'contract',
  'policy',
  'claim',
  'booking',
  'reservation',
  'confirmation',
  'tracking',
  'shipment',
  'awb',
  'pnr',
  'voucher',
  'coupon',
  'transaction',
  'txn',
  'trx',
  'account',
  'acct',
  'loan',
  'patient',
  'mrn',
  'licence',
  'license',
  'registration',
  'reg',
  // products and devices
  'sku',
  'po',
  'item',
  'part',
  'model',
  'batch',
  'lot',
  'serial',
  'sn',
  'imei',
  'isbn',
  'ean',
  'upc',
  // bank, tax and identity numbers
  'iban',
  'bic',
  'vat',
  'ssn',
  'sin',
  'ein',
  'abn',
  'acn',
  'tfn',
  'nhs',
  'cpf',
  'cnpj',
  'aadhaar',
  'aadhar',
  'pan',
  'gstin',
  // postcodes
  'zip',
  'zipcode',
  'postcode',
  'postal',
  'plz',
  'pincode',
  'pin',
  'cep',
  // German, French and Portuguese labels
  'rechnung',
  'rechnungsnummer',
  'rechnungsnr',
  'bestellung',
  'bestellnummer',
  'bestellnr',
  'auftrag',
  'auftragsnummer',
  'auftragsnr',
  'kundennummer',
  'kundennr',
  'vorgang',
  'konto',
  'kto',
  'kontonummer',
  'blz',
  'commande',
  'facture',
  'dossier',
  'pedido',
  'fatura',
  'protocolo',
  'nf',
  'nfe',
];

// A word in this set before an id label makes the label part of a phone label,
// as in "Phone No.", "Tel.-Nr." or "Caller ID".
const PHONE_WORDS = new Set([
  'tel',
  'tele',
  'telephone',
  'telefon',
  'telefone',
  'telefono',
  'téléphone',
  'tél',
  'phone',
  'ph',
  'mobile',
  'mob',
  'mobil',
  'cell',
  'cellphone',
  'fax',
  'contact',
  'handy',
  'whatsapp',
  'caller',
  'callback',
  'direct',
  'office',
  'home',
  'work',
  'landline',
  'hotline',
]);

const ID_LABEL_SET = new Set(ID_LABELS);

// Words after a label that make it "<label> number", as in "Order number".
const NUMBER_WORDS = new Set(['number', 'num', 'no', 'nr']);

const CJK_ID_LABEL_BEFORE =
  /(?:订单|訂單|发票|發票|编号|編號|单号|單號|工单|工單|流水|身份证|身份證|邮编|郵編|邮政编码|注文|請求書|伝票|受付|会員|口座|郵便|管理)(?:号码|號碼|番号|号|號|No\.?|#)?[ ]*[:#]?[ ]*$/;

// ISO 4217 codes and local abbreviations of the currencies of the supported
// countries, written before or after an amount. Stored lower case.
const CURRENCY_WORDS = new Set([
  'usd',
  'eur',
  'gbp',
  'jpy',
  'cny',
  'rmb',
  'inr',
  'bdt',
  'brl',
  'aud',
  'cad',
  'chf',
  'rs',
  'tk',
]);
const CURRENCY_WORDS_AFTER = new Set([
  ...CURRENCY_WORDS,
  'yen',
  'euro',
  'euros',
  'dollar',
  'dollars',
  'rupee',
  'rupees',
  'taka',
  'reais',
  'yuan',
]);
const CURRENCY_SYMBOLS = '$€£¥￥₹₩₽৳฿₱円元';

// A Japanese postcode mark, or "#"/"№" right before the digits (order #100234567).
const MARKS_BEFORE = `${CURRENCY_SYMBOLS}〒#＃№`;

const VERSION_WORDS = new Set([
  'v',
  'ver',
  'version',
  'build',
  'release',
  'firmware',
  'fw',
  'rev',
  'revision',
  'patch',
]);

// "1.234.567,89": the run stops at the comma, and two decimals follow it.
const DECIMALS_AFTER = /^,\d{2}(?!\d)/;

// An IBAN split in groups of four whose groups contain letters (GB82 WEST …),
// so the run of digits starts after a letter group and a space.
const IBAN_BEFORE = /(?:^|[^A-Za-z0-9])[A-Z]{2}\d{2}(?: [A-Z0-9]{4})* $/;

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\u00a0' || char === '\u3000';
}

function isUpperOrDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/** Characters that may stand between a label and its digits ("Order No.: #"). */
function isLabelPunctuation(char: string | undefined): boolean {
  return char !== undefined && ' .:#=-/\u00a0：＃№'.includes(char);
}

interface WordBefore {
  word: string;
  start: number;
}

// Reads the word that ends before `end`, skipping up to four punctuation
// characters first. Scanning backwards by hand keeps this linear in the
// length of the word, where an end-anchored pattern would be tried at every
// position of the window.
function readWordBefore(text: string, end: number): WordBefore | null {
  let position = end;
  for (let skipped = 0; skipped < 4 && isLabelPunctuation(text[position - 1]); skipped++) {
    position--;
  }

  const wordEnd = position;
  while (position > 0 && wordEnd - position < 24) {
    const code = text.charCodeAt(position - 1);
    if (!isWordCode(code) || isDigitCode(code)) break;
    position--;
  }
  if (position === wordEnd) return null;
  return { word: text.slice(position, wordEnd).toLowerCase(), start: position };
}

function readWordAfter(text: string, start: number): string {
  let position = start;
  while (position < text.length && position - start < 12) {
    const code = text.charCodeAt(position);
    if (!isWordCode(code) || isDigitCode(code)) break;
    position++;
  }
  return text.slice(start, position).toLowerCase();
}

// Checks the word before the digits: an id label (unless a phone word comes
// before it), a currency code or a version label.
function hasLabelBefore(text: string, start: number): boolean {
  const label = readWordBefore(text, start);
  if (!label) {
    const window = foldToAscii(text.slice(Math.max(0, start - 12), start));
    return CJK_ID_LABEL_BEFORE.test(window);
  }
  if (CURRENCY_WORDS.has(label.word) || VERSION_WORDS.has(label.word)) return true;

  const wordBefore = readWordBefore(text, label.start)?.word;
  if (ID_LABEL_SET.has(label.word)) {
    return wordBefore === undefined || !PHONE_WORDS.has(wordBefore);
  }
  return NUMBER_WORDS.has(label.word) && wordBefore !== undefined && ID_LABEL_SET.has(wordBefore);
}

function hasIbanBefore(text: string, start: number): boolean {
  if (start < 5 || text[start - 1] !== ' ') return false;
  for (let i = start - 5; i < start - 1; i++) {
    if (!isUpperOrDigitCode(text.charCodeAt(i))) return false;
  }
  return IBAN_BEFORE.test(text.slice(Math.max(0, start - IBAN_CONTEXT), start));
}

/**
 * Tells whether the text before `start` shows that the digits starting there
 * are not a phone number: glued to a word, an id label, a currency, a postcode
 * mark, an IBAN or a version label.
 */
export function isRejectedByTextBefore(text: string, start: number): boolean {
  if (start === 0) return false;

  const previous = text.charCodeAt(start - 1);
  if (isWordCode(previous)) return true;

  // "INV-2024-000123", "A1B2-2125550187", "ABC_1234567": joined to an id.
  const joiner = text[start - 1];
  if (
    (joiner === '-' || joiner === '_' || joiner === '/' || joiner === '\\' || joiner === '~') &&
    start >= 2 &&
    isWordCode(text.charCodeAt(start - 2))
  ) {
    return true;
  }

  const markPosition = isSpace(joiner) ? start - 2 : start - 1;
  const mark = text[markPosition];
  if (mark !== undefined && MARKS_BEFORE.includes(mark)) return true;

  return hasIbanBefore(text, start) || hasLabelBefore(text, start);
}

/**
 * Tells whether the text from `end` on shows that the digits ending there are
 * not a phone number: glued to a word, an email address, a percentage, a
 * currency or the decimals of an amount.
 */
export function isRejectedByTextAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;

  const next = text.charCodeAt(end);
  if (isWordCode(next)) return true;

  const nextChar = text[end];
  if (nextChar === '@' || nextChar === '%' || nextChar === '‰') return true;
  if (
    (nextChar === '-' || nextChar === '_' || nextChar === '/' || nextChar === '\\') &&
    isWordCode(text.charCodeAt(end + 1))
  ) {
    return true;
  }
  if (nextChar === ',') return DECIMALS_AFTER.test(text.slice(end, end + 4));

  const position = isSpace(nextChar) ? end + 1 : end;
  const symbol = text[position];
  // A symbol written after an amount ("1 234 €") ends it. One followed by a
  // digit starts the next amount ("(303) 555-0101 $1,037.00").
  if (symbol !== undefined && CURRENCY_SYMBOLS.includes(symbol))
    return position === end || !isDigitCode(text.charCodeAt(position + 1));
  return position > end && CURRENCY_WORDS_AFTER.has(readWordAfter(text, position));
}

/** Tells whether `end` is followed by ":" and a digit, as in a time or a port. */
export function isFollowedByClock(text: string, end: number): boolean {
  return text[end] === ':' && isDigitCode(text.charCodeAt(end + 1));
}

/** Tells whether `start` is preceded by a digit and ":", as in a time. */
export function isPrecededByClock(text: string, start: number): boolean {
  return start >= 2 && text[start - 1] === ':' && isDigitCode(text.charCodeAt(start - 2));
}

// Dates with a four-digit year whose parts share one separator: year first
// (2024-03-15, 2024/3/15, 2024.03.15) or year last, day and month in either
// order (15.03.2024, 03/15/2024, 15-03-2024).
const YEAR_FIRST_DATE =
  /(?<!\d)(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)/g;
const YEAR_LAST_DATE =
  /(?<!\d)(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d{2}(?!\d)/g;

/** Returns the [start, end) spans of dates with a four-digit year in `folded`. */
export function findDateSpans(folded: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of [YEAR_FIRST_DATE, YEAR_LAST_DATE]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return spans;
}

// Whole-string shapes of digit strings that are not phone numbers. They are
// checked only on national-format candidates, because a leading "+" is a
// deliberate phone number.
const REJECTED_SHAPES: readonly RegExp[] = [
  /^\d{5}-\d{4}$/, // US ZIP+4
  /^\d{5}-\d{3}$/, // Brazilian CEP
  /^\d{3}-\d{2}-\d{4}$/, // US social security number
  /^\d{3}\.\d{3}\.\d{3}-\d{2}$/, // Brazilian CPF
  /^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/, // Brazilian CNPJ
  /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$/, // payment card, 4-4-4-4
  /^\d{4}([ -])\d{6}\1\d{5}$/, // payment card, 4-6-5
  /^(?!00)\d{16,}$/, // long bare digits: card numbers, ids
  /^\d{1,3}(?:\.\d{1,3}){3}$/, // IPv4 address
  /^\d{1,3}([.,])\d{3}(?:\1\d{3})+$/, // 1.234.567 or 1,234,567
  /^\d{4,}[.,]\d{2}$/, // 1234567.89
  /^\d{1,3}(?:[.,]\d{3})+[.,]\d{2}$/, // 1.234.567,89
  /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?$/, // 20240315, 20240315123045
  /^\d{1,2}([./-])\d{1,2}\1\d{2} *- *\d{1,2}\1\d{1,2}\1\d{2}$/, // 15.03.24 - 20.03.24
];

// A dotted version such as 10.0.19045.3803: three or more groups, one of them
// after the first a single digit. A dotted US number (1.212.555.0187) has its
// single digit first.
function isVersionShape(folded: string): boolean {
  if (!/^\d+(?:\.\d+){2,}$/.test(folded)) return false;
  return folded
    .split('.')
    .slice(1)
    .some((group) => group.length === 1);
}

/** Tells whether a national-format candidate has the shape of a known look-alike. */
export function hasRejectedShape(folded: string): boolean {
  return REJECTED_SHAPES.some((shape) => shape.test(folded)) || isVersionShape(folded);
}
