// Rules that tell a phone number from other digit strings: by the text around
// it (labels, currency, glued letters) and by its own shape (dates, postcodes,
// amounts, card and tax ids, IP addresses, versions). They run only on digit
// runs long enough to be phone numbers. Shape checks read ASCII-folded text
// (see foldToAscii), and context checks scan characters by hand because they
// run for every such run on a page.

import { foldToAscii, isDigitCode, isWordCode } from './chars.ts';

/** How far before a digit run the IBAN rule looks: "GB82 WEST " and more groups, in UTF-16 code units. */
const IBAN_CONTEXT = 40;

/** How far before a digit run the Chinese and Japanese label rules look, in UTF-16 code units. */
const CJK_CONTEXT = 12;

/** Maximum length of a label word, enough for German compounds such as "Sozialversicherungsnummer". */
const MAX_WORD_LENGTH = 32;

/** Builds a set from lists of lower-case words separated by single spaces. */
function wordSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.join(' ').split(' '));
}

// Words that label the digits after them as an id, alone ("Ticket 4155550132")
// or as the head of a longer label ("Invoice No.", "Kunden-Nr.", "S/N"). A
// phone word before one keeps the number ("Phone No.", "Tel.-Nr.", "Caller ID").
const ID_LABELS = wordSet(
  // "No.", "Nr.", "N°" and their abbreviations, generic ids and references
  'id no nr n° nº n.º s/n p/n m/n a/c ref réf reference référence referencia referência referenz',
  'case ticket tkt order invoice inv receipt quote contract policy claim booking reservation',
  'confirmation tracking shipment awb pnr voucher coupon transaction txn trx account acct loan',
  'patient mrn licence license registration reg',
  // products and devices
  'sku po item part model batch lot serial sn imei isbn issn ean upc gtin asin',
  // bank, tax and identity numbers
  'iban bic vat ssn sin ein abn acn tfn nhs medicare cpf cnpj aadhaar aadhar pan gstin siret siren',
  // postcodes
  'zip zipcode postcode postal plz pincode pin cep',
  // German ("Zeichen" as in "Aktenzeichen", "Ihr Zeichen"), French, Spanish and Portuguese
  'rechnung bestellung auftrag vorgang konto kto blz az zeichen personalnummer personalnr',
  'commande facture dossier devis tva',
  'pedido factura expediente folio fatura protocolo chamado nf nfe',
);

// Words that label an id only together with a number word: before it
// ("Customer number", "Serial No.", "Seriennummer"), or after it in French,
// Spanish and Portuguese ("N° client", "numéro de série"). Alone they may name
// whose phone number follows ("Client 01 23 45 67 89").
const ID_QUALIFIERS = wordSet(
  'customer client member membership employee staff student document file passport asset',
  'product article inventory vehicle chassis engine equipment stock catalog catalogue tax',
  'security social insurance routing sort card certificate permit warranty rma request incident',
  'issue job project matter application payment bank purchase delivery consignment parcel',
  'package container waybill shipping',
  // German, in the form they take before "nummer" or "nr"
  'kunden kunde serien vertrags vertrag rechnungs bestell auftrags artikel vorgangs fall',
  'versicherungs versicherten sozialversicherungs mitglieds steuer steuerident identifikations',
  'ident sach akten policen schadens buchungs liefer lieferschein sendungs paket waren material',
  'teile geräte inventar produkt chargen mandats gläubiger mitarbeiter patienten beleg',
  'transaktions zähler register handelsregister pass ausweis fahrzeug fahrgestell abo antrags',
  // French
  'série serie contrat compte adhérent adherent sinistre suivi colis pièce piece',
  'immatriculation sécurité securite sociale carte badge matricule identifiant réservation',
  'abonnement livraison',
  // Spanish and Portuguese
  'cliente cuenta póliza poliza socio documento contrato seguimiento guía guia orden lote',
  'pasaporte afiliación seguridad tarjeta reserva registro matrícula matricula conta nota',
  'processo apólice apolice rastreio passaporte cartão cartao identidade inscrição boleto ordem',
  'produto encomenda cadastro',
);

// Words that make an id label with a qualifier before them ("Asset tag",
// "Kundennummer") and start one in French, Spanish and Portuguese ("numéro de
// série"). Alone they keep the number: "Number 212 555 0187".
const NUMBER_WORDS = wordSet(
  'number num nummer numéro numero número núm nro tag code código codigo',
);

// Words between a number word and its qualifier: "numéro de série", "nº do pedido", "numéro d'adhérent".
// NOTE: Portuguese "do" also means "of the", so "Número do cliente" before a
// phone number (the client's number) is read as a customer id.
const CONNECTORS = wordSet('de d do da la');

// German compound heads: "Seriennummer" reads as "Serien Nummer", "Artikelnr" as "Artikel Nr".
// NOTE: a "-nummer" compound whose first part is not in ID_QUALIFIERS (such as
// "Losnummer") keeps its number, as "Telefonnummer" must.
const COMPOUND_HEADS = ['nummer', 'nr', 'zeichen'] as const;

// A word in this set before an id label makes the label part of a phone label,
// as in "Phone No.", "Tel.-Nr.", "Customer Service No." or "Caller ID".
const PHONE_WORDS = wordSet(
  'tel tele telephone telefon telefone telefono teléfono téléphone tél phone ph mobile mob mobil',
  'cell cellphone fax telefax contact handy whatsapp caller callback direct office home work',
  'landline hotline helpline service support emergency main alternate alternative alt',
  'switchboard reception freephone tollfree sms',
  'ruf notruf rückruf festnetz durchwahl zentrale mobilfunk',
  'portable fixe ligne móvil movil celular cel fijo contacto contato fone recado',
);

// Chinese and Japanese labels, read where no Latin word is before the digits.
// The first list labels an id alone or before a number word (订单号, 注文番号).
// The second labels one only before a number word (お客様番号, 客户编号, 卡号),
// because alone some of them name a phone line ("お問い合わせ", "予約").
const CJK_ID_WORDS =
  '订单|訂單|发票|發票|编号|編號|单号|單號|工单|工單|流水|身份证|身份證|邮编|郵編|邮政编码|' +
  '注文|請求書|伝票|会員|口座|郵便|合同|合約|契約|序列|シリアル|保单|保單|运单|運單|' +
  '证件|證件|护照|護照|旅券|品番|型番|機番|製番';
const CJK_ID_QUALIFIERS =
  'お客様|お客さま|顧客|客户|客戶|会员|會員|受付|管理|製造|製品|产品|產品|商品|部品|零件|' +
  '資産|资产|資產|設備|设备|機器|車台|証券|保険|保险|保險|保証|保修|予約|预约|預約|' +
  'お問い合わせ|お問合せ|問い合わせ|問合せ|お届け|整理|識別|识别|登録|注册|註冊|登记|登記|' +
  '患者|診察券|社員|员工|員工|追跡|追踪|配送|快递|快遞|物流|取引|交易|申込|受注|発注|請求|' +
  '領収書|案件|物件|账户|賬戶|帐户|帳戶|银行卡|銀行卡|批次|条码|條碼|免許証|驾驶证|駕駛證|' +
  '社保|医保|醫保|病历|病歷|退款|提单|提單|许可证|許可證|证书|證書|証明書|' +
  '工|学|學|型|品|卡|批|货|貨|税|稅|票|券|账|賬|帐|帳';
const CJK_NUMBER_WORDS = '番号|号码|號碼|编号|編號|号|號';
const CJK_ID_LABEL_BEFORE = new RegExp(
  `(?:(?:${CJK_ID_WORDS})(?:${CJK_NUMBER_WORDS})?|(?:${CJK_ID_QUALIFIERS})(?:${CJK_NUMBER_WORDS}))$`,
);
// Chinese and Japanese phone words before "No." or "#": "電話No.", "手机#".
const CJK_PHONE_LABEL_BEFORE =
  /(?:電話|电话|携帯|手机|手機|联系|聯繫|聯絡|連絡先|座机|座機|传真|傳真|ファックス|ファクス|代表|直通|客服|热线|熱線)$/;

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

// A Japanese postcode mark right before the digits. "#" and "№" are read with the labels.
const MARKS_BEFORE = `${CURRENCY_SYMBOLS}〒`;

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

function isLetterCode(code: number): boolean {
  return isWordCode(code) && !isDigitCode(code);
}

/** Characters allowed between a label and its digits ("Order No.: #", "d'adhérent"). */
function isLabelPunctuation(char: string | undefined): boolean {
  return char !== undefined && " .:#=-/'\u00a0\u3000\u2019：＃№".includes(char);
}

/** Signs that mean "number" on their own: "Order #", "№ 12". */
function isNumberSign(char: string | undefined): boolean {
  return char === '#' || char === '＃' || char === '№';
}

/** Returns the offset before up to four punctuation characters that end at `end`. */
function skipLabelPunctuation(text: string, end: number): number {
  let position = end;
  for (let skipped = 0; skipped < 4 && isLabelPunctuation(text[position - 1]); skipped++) {
    position--;
  }
  return position;
}

// "ISBN-10:", "EAN-13:": a number of one or two digits joined to a label by
// "-" is part of the label. Returns the offset before it, or `end`.
function skipLabelNumber(text: string, end: number): number {
  let position = end;
  while (position > end - 2 && isDigitCode(text.charCodeAt(position - 1))) position--;
  if (position === end || text[position - 1] !== '-') return end;
  return isLetterCode(text.charCodeAt(position - 2)) ? position - 1 : end;
}

function hasNumberSign(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (isNumberSign(text[i])) return true;
  }
  return false;
}

interface LabelWord {
  /** The word in lower case. */
  word: string;
  start: number;
}

// Reads the word of letters that ends at `end`. A "°" or "º" after it ("N°",
// "N.º") and a letter joined by "/" to a single letter ("S/N", "A/C") belong
// to the word. Scanning backwards by hand keeps this linear in the length of
// the word, where an end-anchored pattern would be tried at every position of
// the window.
function readWordEndingAt(text: string, end: number): LabelWord | null {
  let position = end;
  if (text[position - 1] === '°' || text[position - 1] === 'º') {
    position--;
    if (text[position - 1] === '.') position--;
  }

  const lettersEnd = position;
  while (
    position > 0 &&
    end - position < MAX_WORD_LENGTH &&
    isLetterCode(text.charCodeAt(position - 1))
  ) {
    position--;
  }
  if (position === lettersEnd) return null;

  if (
    lettersEnd - position === 1 &&
    text[position - 1] === '/' &&
    isLetterCode(text.charCodeAt(position - 2)) &&
    !isWordCode(text.charCodeAt(position - 3))
  ) {
    position -= 2;
  }
  return { word: text.slice(position, end).toLowerCase(), start: position };
}

/** Reads the word before `end`, after up to four punctuation characters. */
function readWordBefore(text: string, end: number): LabelWord | null {
  return readWordEndingAt(text, skipLabelPunctuation(text, end));
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

function isIdWord(word: string): boolean {
  return ID_LABELS.has(word) || ID_QUALIFIERS.has(word);
}

function findCompoundHead(word: string): string | null {
  for (const head of COMPOUND_HEADS) {
    if (word.length > head.length + 1 && word.endsWith(head)) return head;
  }
  return null;
}

function hasCjkLabelBefore(pattern: RegExp, text: string, end: number): boolean {
  return pattern.test(foldToAscii(text.slice(Math.max(0, end - CJK_CONTEXT), end)));
}

// "numéro de série", "N° client", "Réf. client", "numéro de sécurité sociale":
// a number word or an id label before a qualifier, with connectors and other
// qualifiers between them.
function followsNumberWord(text: string, word: LabelWord): boolean {
  let current: LabelWord | null = word;
  for (let read = 0; current !== null && read < 3; read++) {
    if (NUMBER_WORDS.has(current.word) || ID_LABELS.has(current.word)) return true;
    if (!CONNECTORS.has(current.word) && !ID_QUALIFIERS.has(current.word)) return false;
    current = readWordBefore(text, current.start);
  }
  return false;
}

// Tells whether `label`, the word before the digits, and the words before it
// label the digits as an id.
function isIdLabel(text: string, label: LabelWord): boolean {
  if (ID_LABELS.has(label.word)) {
    const before = readWordBefore(text, label.start);
    if (before) return !PHONE_WORDS.has(before.word);
    return !hasCjkLabelBefore(
      CJK_PHONE_LABEL_BEFORE,
      text,
      skipLabelPunctuation(text, label.start),
    );
  }

  const head = findCompoundHead(label.word);
  if (head) {
    const stem = label.word.slice(0, -head.length);
    return NUMBER_WORDS.has(head) ? isIdWord(stem) : !PHONE_WORDS.has(stem);
  }

  const before = readWordBefore(text, label.start);
  if (before === null) return false;
  if (NUMBER_WORDS.has(label.word)) return isIdWord(before.word);
  return ID_QUALIFIERS.has(label.word) && followsNumberWord(text, before);
}

// Checks the label before the digits: an id label (unless a phone word comes
// before it), a "#" or "№" (likewise), a currency code or a version label.
function hasLabelBefore(text: string, start: number): boolean {
  const labelEnd = skipLabelNumber(text, skipLabelPunctuation(text, start));
  const label = readWordEndingAt(text, labelEnd);
  const isSigned = hasNumberSign(text, labelEnd, start);

  if (!label) {
    return isSigned
      ? !hasCjkLabelBefore(CJK_PHONE_LABEL_BEFORE, text, labelEnd)
      : hasCjkLabelBefore(CJK_ID_LABEL_BEFORE, text, labelEnd);
  }
  if (CURRENCY_WORDS.has(label.word) || VERSION_WORDS.has(label.word)) return true;
  if (isSigned) return !PHONE_WORDS.has(label.word);
  return isIdLabel(text, label);
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
  /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}\1\d{1,3}$/, // payment card of 17 to 19 digits, 4-4-4-4-3
  /^\d{4} \d{5} \d$/, // Australian Medicare number
  /^(?!00)\d{16,}$/, // long bare digits: card numbers, ids
  /^\d{1,3}(?:\.\d{1,3}){3}$/, // IPv4 address
  /^\d{1,3}([.,])\d{3}(?:\1\d{3})+$/, // 1.234.567 or 1,234,567
  /^\d{4,}[.,]\d{2}$/, // 1234567.89
  /^\d{1,3}(?:[.,]\d{3})+[.,]\d{2}$/, // 1.234.567,89
  /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?$/, // 20240315, 20240315123045
  /^\d{1,2}([./-])\d{1,2}\1\d{2} *- *\d{1,2}\1\d{1,2}\1\d{2}$/, // 15.03.24 - 20.03.24
];

const DOTTED_GROUPS = /^\d+(?:\.\d+){2,}$/;
const SHORT_MAJOR_VERSION = /^[1-9]\d?\./;
const DOTTED_NANP = /^1\.\d{3}\.\d{3}\.\d{4}$/;

// A dotted version such as 10.0.19045.3803 or 2.10.12.1234: three or more
// groups, one of them after the first a single digit, or four or more groups
// led by a short number without a trunk 0. Dotted national numbers usually
// start with a trunk 0 (06.12.34.56.78), and a dotted US number with its
// leading 1 (1.212.555.0187) is kept.
function isVersionShape(folded: string): boolean {
  if (!DOTTED_GROUPS.test(folded)) return false;

  const groups = folded.split('.');
  if (groups.slice(1).some((group) => group.length === 1)) return true;
  return groups.length >= 4 && SHORT_MAJOR_VERSION.test(folded) && !DOTTED_NANP.test(folded);
}

/** Tells whether a national-format candidate has the shape of a known look-alike. */
export function hasRejectedShape(folded: string): boolean {
  return REJECTED_SHAPES.some((shape) => shape.test(folded)) || isVersionShape(folded);
}
