// Writes phone-corpus.json: labelled snippets of CRM and dialer text for the
// detection benchmark. Run with `npx tsx test/corpus/generate-corpus.ts`. The
// random generator is seeded, so the output only changes when this file does.
// Every inserted number is checked against libphonenumber-js max metadata, and
// its E.164 form is the label. Look-alikes are labelled with no number.

import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

interface CorpusEntry {
  text: string;
  country: CountryCode;
  expected: string[];
}

// mulberry32: a small seeded generator, enough for picking templates.
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(20240315);

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

function digits(count: number): string {
  let result = String(1 + Math.floor(random() * 9));
  while (result.length < count) result += String(Math.floor(random() * 10));
  return result;
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9+\-()]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

// National numbers per country, as people write them. Each must be valid.
const NUMBERS: Record<string, string[]> = {
  US: [
    '212-555-0187',
    '(415) 555-0132',
    '646.555.0199',
    '312 555 0142',
    '(202) 555-0163',
    '617-555-0110',
    '305-555-0124',
    '(718) 555-0171',
  ],
  CA: [
    '416-555-0123',
    '(604) 555-0175',
    '514.555.0148',
    '403 555 0166',
    '(613) 555-0190',
    '902-555-0137',
  ],
  GB: [
    '020 7946 0018',
    '07400 123456',
    '0161 496 0753',
    '0113 496 0000',
    '0131 496 0210',
    '07911 123456',
    '0117 496 0123',
    '029 2018 0345',
  ],
  DE: [
    '030 12345678',
    '0151 23456789',
    '089 1234567',
    '040/12345678',
    '0171 2345678',
    '0221 1234567',
    '069 12345678',
    '0176 12345678',
  ],
  FR: [
    '01 23 45 67 89',
    '06 12 34 56 78',
    '04 91 23 45 67',
    '07 81 23 45 67',
    '05 56 12 34 56',
    '02 40 12 34 56',
    '03 88 12 34 56',
  ],
  IN: [
    '98765 43210',
    '022 2345 6789',
    '080 2345 6789',
    '91234 56789',
    '011 2345 6789',
    '87654-32109',
    '044 2812 3456',
  ],
  CN: [
    '138 1234 5678',
    '010-6552 9988',
    '021 6123 4567',
    '139 8765 4321',
    '0755-8123 4567',
    '186 0123 4567',
    '020-8765 4321',
  ],
  BD: [
    '01712-345678',
    '01812-345678',
    '02-9123456',
    '01911-223344',
    '01556-789012',
    '01717-112233',
  ],
  BR: [
    '(11) 91234-5678',
    '(21) 2345-6789',
    '(11) 3456-7890',
    '(31) 98765-4321',
    '(61) 3312-3456',
    '(51) 99876-5432',
  ],
  JP: [
    '03-1234-5678',
    '090-1234-5678',
    '06-6123-4567',
    '080-2345-6789',
    '045-123-4567',
    '052-123-4567',
    '070-1234-5678',
  ],
  AU: [
    '(02) 9876 5432',
    '0412 345 678',
    '(03) 9123 4567',
    '0498 765 432',
    '(08) 8123 4567',
    '(07) 3123 4567',
    '0423 456 789',
  ],
};

const COUNTRIES = Object.keys(NUMBERS) as CountryCode[];

interface WrittenNumber {
  written: string;
  e164: string;
}

function parseValid(written: string, country: CountryCode): string {
  const parsed = parsePhoneNumberFromString(written, { defaultCountry: country });
  if (!parsed?.isValid()) throw new Error(`Corpus number ${written} is not valid in ${country}`);
  return parsed.number;
}

// One number of `country`, written in one of the ways CRMs and people write it.
function writeNumber(country: CountryCode): WrittenNumber {
  const national = pick(NUMBERS[country] ?? []);
  const e164 = parseValid(national, country);
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) throw new Error(`Cannot parse ${e164}`);

  const international = parsed.formatInternational();
  const nationalDigits = national.replace(/\D/g, '');
  const trunkZero = /^(GB|DE|AU|FR)$/.test(country) && nationalDigits.startsWith('0');
  const variants = [
    national,
    national,
    parsed.formatNational(),
    international,
    e164,
    international.replace(/ /g, '-'),
    nationalDigits,
  ];
  // "00" is the exit code in these countries, so people there write it.
  if (/^(GB|DE|FR|IN|CN|BD)$/.test(country)) variants.push(`00${international.slice(1)}`);
  if (trunkZero) {
    variants.push(
      `+${parsed.countryCallingCode} (0)${national.replace(/^\(?0/, '').replace(/^\)\s*/, '')}`,
    );
  }
  if (country === 'FR') variants.push(national.replace(/ /g, '.'));
  if (country === 'JP' || country === 'CN') variants.push(toFullWidth(national.replace(/ /g, '-')));
  if (country === 'US' || country === 'CA')
    variants.push(
      `1-${nationalDigits.slice(0, 3)}-${nationalDigits.slice(3, 6)}-${nationalDigits.slice(6)}`,
    );

  const written = pick(variants);
  const ascii = written.replace(/[０-９＋－（）]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  if (parseValid(ascii, country) !== e164) {
    throw new Error(`Variant ${written} does not resolve to ${e164}`);
  }
  return { written, e164 };
}

// Look-alikes written the local way: none of them is a phone number.
function writeDate(country: CountryCode): string {
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const year = pick(['2023', '2024', '2025']);
  const formats: Record<string, string> = {
    US: `${month}/${day}/${year}`,
    CA: `${year}-${month}-${day}`,
    DE: `${day}.${month}.${year}`,
    JP: `${year}/${Number(month)}/${Number(day)}`,
    CN: `${year}-${month}-${day}`,
  };
  return formats[country] ?? pick([`${day}/${month}/${year}`, `${year}-${month}-${day}`]);
}

function writeAmount(country: CountryCode): string {
  const whole = digits(5 + Math.floor(random() * 3));
  const cents = digits(2);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const formats: Record<string, string> = {
    US: `$${grouped}.${cents}`,
    CA: `CA$${grouped}.${cents}`,
    GB: `£${grouped}.${cents}`,
    DE: `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents} €`,
    FR: `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`,
    IN: `₹ ${whole.replace(/\B(?=(\d{2})+(\d{3})(?!\d))|\B(?=\d{3}$)/g, ',')}`,
    CN: `¥${grouped}`,
    BD: `৳ ${whole}`,
    BR: `R$ ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`,
    JP: `¥${grouped}`,
    AU: `A$${grouped}.${cents}`,
  };
  return formats[country] ?? whole;
}

function writePostcode(country: CountryCode): string {
  const formats: Record<string, () => string> = {
    US: () => `NY ${digits(5)}-${digits(4)}`,
    CA: () => 'ON M5V 2T6',
    GB: () => 'EC1A 1BB',
    DE: () => `${digits(5)} Berlin`,
    FR: () => `${digits(5)} Lyon`,
    IN: () => `Bengaluru ${digits(3)} ${digits(3)}`,
    CN: () => `邮编 ${digits(6)}`,
    BD: () => `Dhaka-${digits(4)}`,
    BR: () => `CEP ${digits(5)}-${digits(3)}`,
    JP: () => `〒${digits(3)}-${digits(4)}`,
    AU: () => `NSW ${digits(4)}`,
  };
  return (formats[country] ?? (() => digits(5)))();
}

function writeId(): string {
  return pick([
    `INV-2024-${digits(6)}`,
    `Order #${digits(9)}`,
    `PO ${digits(10)}`,
    `Ticket ${digits(8)}`,
    `Case ${digits(8)}`,
    `Ref: ${digits(10)}`,
    `SKU ${digits(8)}`,
    `Invoice No. ${digits(10)}`,
    `SN${digits(10)}XY`,
    `A1B2-${digits(10)}`,
  ]);
}

function writeTechnical(): string {
  return pick([
    `${digits(8)}-${digits(4)}-4${digits(3)}-a${digits(3)}-${digits(12)}`,
    `${digits(3)}.${digits(2)}.${digits(2)}.${digits(3)}`.replace(/^(\d{3})/, '192'),
    `10.0.${digits(5)}.${digits(4)}`,
    `v${digits(1)}.${digits(1)}.${digits(2)}`,
    `2024-03-${String(10 + Math.floor(random() * 18))}T${digits(2).slice(0, 1)}1:30:45Z`,
    `4111 ${digits(4)} ${digits(4)} ${digits(4)}`,
    `${digits(10)}`.replace(/^\d/, '1') /* Unix timestamp */,
  ]);
}

function writeIban(country: CountryCode): string {
  const formats: Record<string, () => string> = {
    GB: () => `GB${digits(2)} WEST ${digits(4)} ${digits(4)} ${digits(4)} ${digits(2)}`,
    DE: () => `DE${digits(2)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(2)}`,
    FR: () => `FR76 ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(3)}`,
    BR: () => `BR${digits(2)}${digits(23)}`,
  };
  return (formats[country] ?? (() => `DE${digits(20)}`))();
}

const NAMES: Record<string, string[]> = {
  US: ['Maria Lopez', 'James Carter', 'Ashley Nguyen'],
  CA: ['Émilie Tremblay', 'Liam Wong', 'Noah Singh'],
  GB: ['Olivia Hughes', 'Harry Patel', 'Amelia Jones'],
  DE: ['Jonas Müller', 'Lea Schmidt', 'Lukas Weber'],
  FR: ['Camille Martin', 'Louis Bernard', 'Chloé Dubois'],
  IN: ['Priya Sharma', 'Rahul Verma', 'Ananya Iyer'],
  CN: ['王伟', '李娜', '张敏'],
  BD: ['Rahim Uddin', 'Nusrat Jahan', 'Tanvir Hasan'],
  BR: ['João Silva', 'Ana Souza', 'Pedro Oliveira'],
  JP: ['佐藤 花子', '鈴木 一郎', '高橋 美咲'],
  AU: ['Jack Wilson', 'Chloe Smith', 'Mia Brown'],
};

type Template = (country: CountryCode, name: string) => CorpusEntry;

function entry(country: CountryCode, parts: Array<string | WrittenNumber>): CorpusEntry {
  const text = parts.map((part) => (typeof part === 'string' ? part : part.written)).join('');
  const expected = parts
    .filter((part): part is WrittenNumber => typeof part !== 'string')
    .map((part) => part.e164);
  return { text, country, expected };
}

// Templates in English, used for every country.
const TEMPLATES: Template[] = [
  (c, n) =>
    entry(c, [`Called ${n} on `, writeNumber(c), `, left voicemail. Follow up ${writeDate(c)}.`]),
  (c, n) =>
    entry(c, [
      `${n} | Acme Ltd | `,
      writeNumber(c),
      ` | ${n.split(' ')[0]?.toLowerCase() ?? 'x'}@example.com | `,
      writePostcode(c),
    ]),
  (c, n) =>
    entry(c, [
      `Best regards,\n${n}\nAccount Manager\nT: `,
      writeNumber(c),
      '\nM: ',
      writeNumber(c),
    ]),
  (c) =>
    entry(c, [
      `Invoice ${writeId()} dated ${writeDate(c)}: total ${writeAmount(c)}. Questions? Call `,
      writeNumber(c),
      '.',
    ]),
  (c) =>
    entry(c, [
      `[2024-03-15 09:${Math.floor(random() * 6)}2:45] INFO dialer call_id=${digits(8)}-ab${digits(2)} to=`,
      writeNumber(c),
      ' duration=42s',
    ]),
  (c, n) =>
    entry(c, [
      `${n} asked us to stop calling `,
      writeNumber(c),
      `; added to DNC on ${writeDate(c)}.`,
    ]),
  (c) => entry(c, ['Mobile: ', writeNumber(c), ' / Office: ', writeNumber(c)]),
  (c) =>
    entry(c, [
      'Phone No.: ',
      writeNumber(c),
      ` (preferred after ${pick(['10:30', '14:00', '17:45'])})`,
    ]),
  (c) => entry(c, [`${writeId()} shipped ${writeDate(c)}, amount ${writeAmount(c)}`]),
  (c) => entry(c, [`IBAN ${writeIban(c)}, paid ${writeAmount(c)} on ${writeDate(c)}`]),
  (c) => entry(c, [`Build ${writeTechnical()} deployed; host ${writeTechnical()}`]),
  (c, n) => entry(c, [`${n}, 12 High Street, ${writePostcode(c)}`]),
  (c) => entry(c, [`Renewal window ${writeDate(c)} - ${writeDate(c)}, quote ${writeId()}`]),
  (c) =>
    entry(c, ['Direct line ', writeNumber(c), ` ext. ${digits(3)}, switchboard `, writeNumber(c)]),
  (c) => entry(c, [`Card on file ${writeTechnical()} · last payment ${writeAmount(c)}`]),
  (c, n) =>
    entry(c, [
      `Lead status: Contacted | Owner: ${n} | Phone: `,
      writeNumber(c),
      ` | Last activity ${writeDate(c)} 16:05`,
    ]),
  (c, n) => entry(c, ['Do not call: ', writeNumber(c), ` (requested by ${n} on ${writeDate(c)})`]),
  (c) => entry(c, ['Numbers on record: ', writeNumber(c), ' ', writeNumber(c)]),
];

// Templates in each country's language, to exercise local labels and scripts.
const LOCAL_TEMPLATES: Partial<Record<CountryCode, Template[]>> = {
  DE: [
    (c) =>
      entry(c, [
        'Rückruf erbeten unter ',
        writeNumber(c),
        `, Rechnung Nr. ${digits(9)} vom ${writeDate(c)} über ${writeAmount(c)}`,
      ]),
    (c, n) => entry(c, [`${n}, Hauptstraße 5, ${writePostcode(c)}, Tel.-Nr.: `, writeNumber(c)]),
  ],
  FR: [
    (c, n) =>
      entry(c, [
        `Rappeler ${n} au `,
        writeNumber(c),
        ` avant le ${writeDate(c)}. Montant dû : ${writeAmount(c)}`,
      ]),
    (c) =>
      entry(c, [`Commande ${digits(10)} livrée au ${writePostcode(c)}, tél. `, writeNumber(c)]),
  ],
  CN: [
    (c, n) =>
      entry(c, [
        `客户${n}来电，电话`,
        writeNumber(c),
        `，订单号${digits(12)}，金额${writeAmount(c)}`,
      ]),
    (c) => entry(c, ['联系电话：', writeNumber(c), `，${writePostcode(c)}，发票${digits(10)}`]),
  ],
  JP: [
    (c, n) =>
      entry(c, [`${n}様 TEL：`, writeNumber(c), ` ${writePostcode(c)} 注文番号：${digits(10)}`]),
    (c) =>
      entry(c, [`お問い合わせ ${writeDate(c)} 電話 `, writeNumber(c), ` 金額 ${writeAmount(c)}`]),
  ],
  BR: [
    (c, n) =>
      entry(c, [
        `Cliente ${n}, tel `,
        writeNumber(c),
        `, CPF ${digits(3)}.${digits(3)}.${digits(3)}-${digits(2)}, ${writePostcode(c)}`,
      ]),
    (c) =>
      entry(c, [
        `Pedido ${digits(10)} de ${writeDate(c)}, valor ${writeAmount(c)}, WhatsApp `,
        writeNumber(c),
      ]),
  ],
  IN: [
    (c, n) =>
      entry(c, [`${n}, Aadhaar ${digits(4)} ${digits(4)} ${digits(4)}, Mob: `, writeNumber(c)]),
    (c) =>
      entry(c, [`Paid ${writeAmount(c)} via UPI ref ${digits(12)}; callback `, writeNumber(c)]),
  ],
  BD: [
    (c, n) => entry(c, [`${n}, House 12, Road 5, ${writePostcode(c)}. Cell: `, writeNumber(c)]),
    (c) => entry(c, [`bKash txn ${digits(10)} for ${writeAmount(c)}, contact `, writeNumber(c)]),
  ],
};

// Numbers of other countries written internationally, as in a global CRM.
function foreignNumberEntry(country: CountryCode): CorpusEntry {
  const other = pick(COUNTRIES.filter((code) => code !== country));
  const number = writeNumber(other);
  const international =
    parsePhoneNumberFromString(number.e164)?.formatInternational() ?? number.e164;
  return entry(country, [
    'Overseas contact: ',
    { written: international, e164: number.e164 },
    ` (${other} office)`,
  ]);
}

// Local numbers without area code: not reachable as written, so not labelled.
const SHORT_LOCAL: Partial<Record<CountryCode, string>> = {
  US: 'Front desk 555-0187',
  CA: 'Reception 555-0123',
  AU: 'Reception 8765 4321',
  GB: 'Reception 496 0753',
  DE: 'Durchwahl 1234567',
};

// Hand-written snippets with hard cases, labelled with what a person reads
// there. Some hold numbers that no detector here is built to find: letters for
// digits, a number broken over two lines, a number inside a link, or an
// alternate ending that gives only the last digits.
const HARD_CASES: CorpusEntry[] = [
  { text: 'Call 1-800-FLOWERS for orders', country: 'US', expected: ['+18003569377'] },
  { text: 'Phone: 212.555.0187 / 0188', country: 'US', expected: ['+12125550187', '+12125550188'] },
  { text: 'Tel. (+49) 30 12345678', country: 'DE', expected: ['+493012345678'] },
  { text: '+44(0)2079460018', country: 'GB', expected: ['+442079460018'] },
  { text: '（010）6552 9988', country: 'CN', expected: ['+861065529988'] },
  { text: 'ISBN 978-0-306-40615-7', country: 'US', expected: [] },
  { text: 'Mob.+44 7911 123456', country: 'GB', expected: ['+447911123456'] },
  { text: '0 30 / 12 34 56 78', country: 'DE', expected: ['+493012345678'] },
  { text: '+44 20\n7946 0018', country: 'GB', expected: ['+442079460018'] },
  { text: 'WhatsApp: wa.me/447911123456', country: 'GB', expected: ['+447911123456'] },
  { text: 'Sort code 20-79-46, account 60018123', country: 'GB', expected: [] },
  {
    text: 'Meeting room 2.07, dial-in 0800 496 0018 pin 123456#',
    country: 'GB',
    expected: ['+448004960018'],
  },
  { text: 'Kontakt: +49 (0) 151 / 234 567 89', country: 'DE', expected: ['+4915123456789'] },
  { text: '電話番号 03（1234）5678', country: 'JP', expected: ['+81312345678'] },
  { text: 'Fone: +55 11 9 1234-5678', country: 'BR', expected: ['+5511912345678'] },
  { text: 'Call between 9-5: 0412345678', country: 'AU', expected: ['+61412345678'] },
  { text: 'Toll free 1-800-555-0199', country: 'US', expected: ['+18005550199'] },
  { text: 'Ph: +61 2 9876 5432 | ABN 51 824 753 556', country: 'AU', expected: ['+61298765432'] },
  { text: 'GSTIN 29ABCDE1234F1Z5, mobile 9876543210', country: 'IN', expected: ['+919876543210'] },
  { text: 'Population 1,234,567 in 2024', country: 'US', expected: [] },
  {
    text: 'Tel 01 23 45 67 89 - Fax 01 23 45 67 88',
    country: 'FR',
    expected: ['+33123456789', '+33123456788'],
  },
  { text: 'Tel: 0161 496 0753 (Mon–Fri 9:00–17:30)', country: 'GB', expected: ['+441614960753'] },
  { text: '☎ 020 7946 0018', country: 'GB', expected: ['+442079460018'] },
  { text: 'Zahlung bis 31.12.2024 an 030 12345678', country: 'DE', expected: ['+493012345678'] },
  {
    text: 'Dhaka 1212, Bangladesh; phone +880 2 9123456',
    country: 'BD',
    expected: ['+88029123456'],
  },
  { text: 'Tracking ID 1Z999AA10123456784', country: 'US', expected: [] },
  { text: 'Rechnungsbetrag 1.234,56 EUR, Kto. 0532013000', country: 'DE', expected: [] },
  { text: 'Updated at 1743204915 by sync job', country: 'DE', expected: [] },
  {
    text: 'Ticket 7400123456 reopened by caller 07400 123456',
    country: 'GB',
    expected: ['+447400123456'],
  },
  {
    text: 'Customer since 2019-04-01, phone 0412 345 678, ABN 51824753556',
    country: 'AU',
    expected: ['+61412345678'],
  },
  // id labels of several words, compounds and abbreviations, and phone labels built the same way
  { text: 'Seriennummer 0301234567, Vertragsnummer 0301234568', country: 'DE', expected: [] },
  { text: 'Artikelnr. 0301234567, Aktenzeichen 0301234568', country: 'DE', expected: [] },
  { text: 'N° client 0123456789 – Réf. client 0123456788', country: 'FR', expected: [] },
  { text: 'Numéro de série 0123456789', country: 'FR', expected: [] },
  { text: 'お客様番号 0312345678', country: 'JP', expected: [] },
  { text: 'S/N 2125550187', country: 'US', expected: [] },
  { text: 'Asset tag 020-7946-0018, S/N: 02079460019', country: 'GB', expected: [] },
  { text: 'ISBN-10: 0-306-40615-2', country: 'DE', expected: [] },
  { text: 'Card 6222 0200 1234 5678 901 declined', country: 'US', expected: [] },
  { text: 'Medicare 2123 45670 1', country: 'US', expected: [] },
  { text: 'Agent 2.10.12.1234 installed', country: 'AU', expected: [] },
  {
    text: 'Telefonnummer 030 12345678, Rufnummer 089 1234567',
    country: 'DE',
    expected: ['+493012345678', '+49891234567'],
  },
  { text: 'Numéro de téléphone : 01 23 45 67 89', country: 'FR', expected: ['+33123456789'] },
  {
    text: '電話番号：03-1234-5678 受付：06-6123-4567',
    country: 'JP',
    expected: ['+81312345678', '+81661234567'],
  },
  { text: '手机号码 138 1234 5678', country: 'CN', expected: ['+8613812345678'] },
  { text: 'Mobile No. 98765 43210', country: 'IN', expected: ['+919876543210'] },
  { text: 'Phone # 212-555-0187', country: 'US', expected: ['+12125550187'] },
  { text: 'Customer Service No. 1-800-555-0199', country: 'US', expected: ['+18005550199'] },
  // counts and durations written after a number in call logs
  { text: '(646) 555-0199 2 calls today', country: 'US', expected: ['+16465550199'] },
  { text: '+44 20 7946 0018 3 min ago', country: 'GB', expected: ['+442079460018'] },
  { text: '0161 496 0753 12s', country: 'GB', expected: ['+441614960753'] },
  { text: '030 12345678 2 Anrufe', country: 'DE', expected: ['+493012345678'] },
  { text: '01 23 45 67 89 mobile', country: 'FR', expected: ['+33123456789'] },
];

function buildCorpus(): CorpusEntry[] {
  const corpus: CorpusEntry[] = [];
  for (const country of COUNTRIES) {
    const names = NAMES[country] ?? ['Sam Lee'];
    for (const template of TEMPLATES) {
      corpus.push(template(country, pick(names)));
      corpus.push(template(country, pick(names)));
    }
    for (const template of LOCAL_TEMPLATES[country] ?? []) {
      corpus.push(template(country, pick(names)));
      corpus.push(template(country, pick(names)));
    }
    corpus.push(foreignNumberEntry(country));
    corpus.push(foreignNumberEntry(country));
    const shortLocal = SHORT_LOCAL[country];
    if (shortLocal) corpus.push({ text: shortLocal, country, expected: [] });
  }
  for (const hardCase of HARD_CASES) {
    for (const e164 of hardCase.expected) {
      if (parsePhoneNumberFromString(e164)?.isValid() !== true) {
        throw new Error(`Hard case label ${e164} is not a valid number`);
      }
    }
  }
  return [...corpus, ...HARD_CASES];
}

const corpus = buildCorpus();
const target = resolve(dirname(fileURLToPath(import.meta.url)), 'phone-corpus.json');
writeFileSync(target, `${JSON.stringify(corpus, null, 2)}\n`);
console.log(`Wrote ${corpus.length} snippets to ${target}`);
