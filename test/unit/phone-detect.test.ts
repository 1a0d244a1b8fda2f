import { describe, expect, it } from 'vitest';

import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import type { CountryCode } from '../../lib/phone/normalize.ts';

interface DetectionRow {
  name: string;
  text: string;
  country: CountryCode;
  expected: string[];
}

function row(
  name: string,
  text: string,
  country: CountryCode,
  ...expected: string[]
): DetectionRow {
  return { name, text, country, expected };
}

// Every positive number here is valid in libphonenumber-js max metadata. The
// 555-01xx US and Canadian numbers are fictional but fall in valid ranges.
const positives: DetectionRow[] = [
  // United States
  row('finds US number with dashes', 'Call 212-555-0187 today', 'US', '+12125550187'),
  row('finds US number with brackets', 'Office: (212) 555-0187', 'US', '+12125550187'),
  row('finds US number with dots', 'Cell 415.555.0132', 'US', '+14155550132'),
  row('finds US number with leading 1 and dots', '1.646.555.0199', 'US', '+16465550199'),
  row('finds US number as bare digits', 'ph 3125550142', 'US', '+13125550142'),
  row('finds US number in international format', '+1 212 555 0187', 'US', '+12125550187'),
  row('finds US international with brackets', '+1 (202) 555-0163', 'US', '+12025550163'),
  row('finds US number with 1- prefix', '1-617-555-0110', 'US', '+16175550110'),
  row('finds US number from another default', '+1 212-555-0187', 'GB', '+12125550187'),
  row('finds US number dialed with 011', 'Dial 011 44 20 7946 0018', 'US', '+442079460018'),
  row('finds US number with x extension', '212-555-0187 x204', 'US', '+12125550187'),
  row('finds US number with ext. extension', '(212) 555-0187 ext. 12', 'US', '+12125550187'),
  row('finds US number with glued x extension', '212-555-0187x204', 'US', '+12125550187'),
  row('finds US number with dialer pause extension', '2125550187,,204#', 'US', '+12125550187'),
  row('finds US number in tel URI with ext', 'tel:+1-212-555-0187;ext=204', 'US', '+12125550187'),
  row('finds US number before a call count', '(646) 555-0199 2 calls', 'US', '+16465550199'),
  row('finds US number before a glued duration', '+1 646 555 0199 1s', 'US', '+16465550199'),
  row('finds GB number before minutes', '+44 20 7946 0018 3 min', 'GB', '+442079460018'),
  row('finds GB number before seconds ago', '020 7946 0018 12s ago', 'GB', '+442079460018'),
  row('keeps FR last pair before a word', '01 23 45 67 89 mobile', 'FR', '+33123456789'),
  row('finds US number after a count', 'Calls 3 (646) 555-0199', 'US', '+16465550199'),
  row('finds US number between counts', '2 646 555 0199 2 calls', 'US', '+16465550199'),
  row('keeps US trunk 1 before brackets', '1 (646) 555-0199', 'US', '+16465550199'),
  row('keeps DE last group before a word', '089 1234 567 Zentrale', 'DE', '+49891234567'),
  row('finds US number at sentence end', 'Reach me at 415-555-0132.', 'US', '+14155550132'),
  row('finds US number before sentence', 'Number 212 555 0187. 3 tries.', 'US', '+12125550187'),
  row('finds US number in log line', 'to=+12125550187 status=busy', 'US', '+12125550187'),
  row(
    'finds US number after timestamp',
    '2024-03-15 12:30:45 dial 2125550187',
    'US',
    '+12125550187',
  ),
  row('finds US number after clock time', '12:30:45 2125550187', 'US', '+12125550187'),
  row('finds US number after caller id label', 'Caller ID: 646-555-0199', 'US', '+16465550199'),
  row('finds US number after phone no. label', 'Phone No.: 212-555-0187', 'US', '+12125550187'),
  row('finds US number in brackets', 'John (+1 212 555 0187)', 'US', '+12125550187'),
  row(
    'finds US number after no-break space',
    'Tel\u00a0212\u00a0555\u00a00187',
    'US',
    '+12125550187',
  ),
  row('finds US number with en dashes', '212–555–0187', 'US', '+12125550187'),
  row(
    'finds two US numbers split by slash',
    '212-555-0187 / 415-555-0132',
    'US',
    '+12125550187',
    '+14155550132',
  ),
  row(
    'finds two US numbers split by space',
    '212-555-0187 212-555-0188',
    'US',
    '+12125550187',
    '+12125550188',
  ),
  row(
    'finds US numbers split by comma',
    '212-555-0187,212-555-0188',
    'US',
    '+12125550187',
    '+12125550188',
  ),
  row(
    'finds US number and extension then cell',
    '212-555-0187 ext. 12, cell 646-555-0199',
    'US',
    '+12125550187',
    '+16465550199',
  ),
  row(
    'finds US numbers in a sentence',
    'Left a voicemail on 312-555-0142, then reached her on (617) 555-0110.',
    'US',
    '+13125550142',
    '+16175550110',
  ),
  row(
    'finds US number before alternate ending',
    'Phone: 212.555.0187 / 0188',
    'US',
    '+12125550187',
  ),
  row('finds US number in full-width digits', '２１２－５５５－０１８７', 'US', '+12125550187'),

  // Canada
  row('finds CA number with dashes', 'Toronto office 416-555-0123', 'CA', '+14165550123'),
  row('finds CA number with brackets', '(604) 555-0175', 'CA', '+16045550175'),
  row('finds CA number in international format', '+1 514 555 0148', 'CA', '+15145550148'),
  row('finds CA number with poste extension', '514-555-0148 poste 221', 'CA', '+15145550148'),
  row('finds CA number with dots', '403.555.0166', 'CA', '+14035550166'),
  row('finds CA number glued after colon', 'Tel:416-555-0123', 'CA', '+14165550123'),
  row(
    'finds CA numbers on two lines',
    'Main 416-555-0123\nFax 604-555-0175',
    'CA',
    '+14165550123',
    '+16045550175',
  ),

  // United Kingdom
  row('finds GB number with spaces', 'Tel 020 7946 0018', 'GB', '+442079460018'),
  row('finds GB mobile', 'Mobile: 07400 123456', 'GB', '+447400123456'),
  row('finds GB number in international format', '+44 20 7946 0018', 'GB', '+442079460018'),
  row('finds GB number with bracketed trunk zero', '+44 (0)20 7946 0018', 'GB', '+442079460018'),
  row('finds GB number with 00 prefix', '0044 20 7946 0018', 'US', '+442079460018'),
  row('finds GB number with 00 and own default', '0044 161 496 0753', 'GB', '+441614960753'),
  row('finds GB number with bracketed area code', '(0161) 496 0753', 'GB', '+441614960753'),
  row('finds GB number as bare digits', '01134960000', 'GB', '+441134960000'),
  row('finds GB number with extension word', '0131 496 0210 extension 44', 'GB', '+441314960210'),
  row('finds GB number from US default', '+44 7911 123456', 'US', '+447911123456'),
  row(
    'finds GB number in signature',
    'Kind regards,\nAmy\nT: 0117 496 0123',
    'GB',
    '+441174960123',
  ),
  row(
    'finds two GB numbers in one cell',
    '020 7946 0018 / 07400 123456',
    'GB',
    '+442079460018',
    '+447400123456',
  ),
  row('finds GB number between brackets', '(+44 20 7946 0018)', 'GB', '+442079460018'),

  // Germany
  row('finds DE number with space', 'Telefon 030 12345678', 'DE', '+493012345678'),
  row('finds DE number with slash', 'Tel. 030/12345678', 'DE', '+493012345678'),
  row('finds DE number with spaced slash', '089 / 1234567', 'DE', '+49891234567'),
  row('finds DE mobile', 'Handy: 0151 23456789', 'DE', '+4915123456789'),
  row('finds DE number in international format', '+49 30 12345678', 'DE', '+493012345678'),
  row('finds DE number with bracketed trunk', '+49 (0)40 12345678', 'DE', '+494012345678'),
  row('finds DE number with dash', '0171-2345678', 'DE', '+491712345678'),
  row('finds DE number with Durchwahl', '0221 1234567 Durchwahl 12', 'DE', '+492211234567'),
  row('finds DE number after Tel.-Nr. label', 'Tel.-Nr.: 089 1234567', 'DE', '+49891234567'),
  row('finds DE number with 00 prefix', '0049 30 12345678', 'FR', '+493012345678'),
  row(
    'finds DE number with bracketed country code',
    'Tel. (+49) 30 12345678',
    'DE',
    '+493012345678',
  ),

  // France
  row('finds FR number in pairs', 'Tél. 01 23 45 67 89', 'FR', '+33123456789'),
  row('finds FR mobile with dots', '06.12.34.56.78', 'FR', '+33612345678'),
  row('finds FR number in international format', '+33 4 91 23 45 67', 'FR', '+33491234567'),
  row('finds FR number with bracketed zero', '+33 (0)7 81 23 45 67', 'FR', '+33781234567'),
  row('finds FR number with dashes', '05-56-12-34-56', 'FR', '+33556123456'),
  row('finds FR number as bare digits', 'portable 0612345678', 'FR', '+33612345678'),
  row('finds FR number with poste', '01 23 45 67 89 poste 301', 'FR', '+33123456789'),

  // India
  row('finds IN mobile in 5-5 form', 'Mob: 98765 43210', 'IN', '+919876543210'),
  row('finds IN mobile with dash', '98765-43210', 'IN', '+919876543210'),
  row('finds IN number in international format', '+91 91234 56789', 'IN', '+919123456789'),
  row('finds IN landline with STD code', '022 2345 6789', 'IN', '+912223456789'),
  row('finds IN landline with dash', '080-23456789', 'IN', '+918023456789'),
  row('finds IN mobile with leading zero', '09876543210', 'IN', '+919876543210'),
  row('finds IN number after Rs amount', 'Paid Rs. 500, call 98765 43210', 'IN', '+919876543210'),

  // China
  row('finds CN mobile in 3-4-4 form', '手机 138 1234 5678', 'CN', '+8613812345678'),
  row('finds CN mobile glued to Chinese text', '电话13812345678联系', 'CN', '+8613812345678'),
  row('finds CN landline with dash', '010-6552 9988', 'CN', '+861065529988'),
  row('finds CN number in international format', '+86 139 8765 4321', 'CN', '+8613987654321'),
  row('finds CN landline with bracketed code', '(021) 6123 4567', 'CN', '+862161234567'),
  row('finds CN number after full-width colon', '联系电话：0755-8123-4567', 'CN', '+8675581234567'),
  row('finds CN number in full-width digits', '１３８１２３４５６７８', 'CN', '+8613812345678'),
  row('finds CN number with 分机 extension', '010-6552 9988 分机 803', 'CN', '+861065529988'),
  row('finds CN landline with hyphen extension', '0755-88889902-123', 'CN', '+8675588889902'),
  row(
    'finds CN landline with four-digit hyphen extension',
    '010-65529901-8021',
    'CN',
    '+861065529901',
  ),
  row('finds GB number with hyphen extension', '020 7946 0018-22', 'GB', '+442079460018'),
  row('keeps DE direct-dial digits after a hyphen', '030 1234567-89', 'DE', '+4930123456789'),

  // Bangladesh
  row('finds BD mobile with dash', 'Mobile 01712-345678', 'BD', '+8801712345678'),
  row('finds BD mobile as bare digits', '01812345678', 'BD', '+8801812345678'),
  row('finds BD number in international format', '+880 1911 223344', 'BD', '+8801911223344'),
  row('finds BD Dhaka landline', '02-9123456', 'BD', '+88029123456'),
  row('finds BD number with 00 prefix', '00880 1712 345678', 'GB', '+8801712345678'),
  row('finds BD number after Tk amount', 'Due Tk 1500; call 01911-223344', 'BD', '+8801911223344'),

  // Brazil
  row('finds BR mobile with area code', 'Celular (11) 91234-5678', 'BR', '+5511912345678'),
  row('finds BR landline', '(21) 2345-6789', 'BR', '+552123456789'),
  row('finds BR number in international format', '+55 31 98765 4321', 'BR', '+5531987654321'),
  row('finds BR number with ramal', '(61) 3312-3456 ramal 22', 'BR', '+556133123456'),
  row('finds BR number with spaces', '11 3456 7890', 'BR', '+551134567890'),
  row('finds BR international with dash', '+55 (11) 91234-5678', 'BR', '+5511912345678'),

  // Japan
  row('finds JP landline with dashes', '電話：03-1234-5678', 'JP', '+81312345678'),
  row('finds JP mobile', '090-1234-5678', 'JP', '+819012345678'),
  row('finds JP number in full-width digits', '０３－１２３４－５６７８', 'JP', '+81312345678'),
  row('finds JP number with long vowel dashes', '０６ー６１２３ー４５６７', 'JP', '+81661234567'),
  row('finds JP number in international format', '+81 90 1234 5678', 'JP', '+819012345678'),
  row('finds JP number with full-width plus', '＋８１ ３ １２３４ ５６７８', 'JP', '+81312345678'),
  row('finds JP number with 内線 extension', '045-123-4567 内線 203', 'JP', '+81451234567'),
  row('finds JP number with bracketed area code', '03(1234)5678', 'JP', '+81312345678'),

  // Australia
  row('finds AU landline with brackets', 'Ph (02) 9876 5432', 'AU', '+61298765432'),
  row('finds AU mobile', '0412 345 678', 'AU', '+61412345678'),
  row('finds AU number in international format', '+61 3 9123 4567', 'AU', '+61391234567'),
  row('finds AU number with bracketed trunk', '+61 (0)8 8123 4567', 'AU', '+61881234567'),
  row('finds AU mobile as bare digits', '0498765432', 'AU', '+61498765432'),
  row(
    'finds AU numbers split by or',
    '0412 345 678 or (03) 9123 4567',
    'AU',
    '+61412345678',
    '+61391234567',
  ),

  // mixed countries in one string
  row(
    'finds numbers of three countries',
    'US +1 212 555 0187, UK +44 20 7946 0018, JP +81 3 1234 5678',
    'US',
    '+12125550187',
    '+442079460018',
    '+81312345678',
  ),
  row('finds number beside a date', 'Called 020 7946 0018 on 15/03/2024', 'GB', '+442079460018'),
  row(
    'finds number beside an amount',
    'Invoice total $1,234.50 - call 212-555-0187',
    'US',
    '+12125550187',
  ),

  // Arabic-Indic and Eastern Arabic-Indic digits
  row('finds UAE number in Arabic-Indic digits', 'اتصل +٩٧١ ٥٠ ١٢٣ ٤٥٦٧', 'AE', '+971501234567'),
  row('finds SA national number in Arabic-Indic', 'جوال: ٠٥٠ ١٢٣ ٤٥٦٧', 'SA', '+966501234567'),
  row('finds IR number in Persian digits', 'تلفن ۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR', '+989123456789'),
  row('finds GB number in Arabic-Indic digits', '+٤٤ ٢٠ ٧٩٤٦ ٠٠١٨', 'US', '+442079460018'),

  // Devanagari and Bengali digits
  row('finds IN number in Devanagari digits', 'फ़ोन: +९१ ९८७६५ ४३२१०', 'IN', '+919876543210'),
  row('finds BD number in Bengali digits', 'মোবাইল: ০১৭১২-৩৪৫৬৭৮', 'BD', '+8801712345678'),
  row('ignores a date in Bengali digits', 'তারিখ ২০২৪-০৫-১২', 'BD'),

  // invisible formatting characters and typographic spaces
  row('finds number with a mark after the code', '+44\u200e 20 7946 0018', 'US', '+442079460018'),
  row(
    'finds number with marks between groups',
    '+44\u200e 20\u200e 7946\u200e 0018',
    'US',
    '+442079460018',
  ),
  row('finds number with a mark after the plus', '+\u200e44 20 7946 0018', 'US', '+442079460018'),
  row('finds number with a word joiner', '+44\u206020 7946 0018', 'US', '+442079460018'),
  row('finds number with soft hyphens', '+1 212\u00ad555\u00ad0187', 'US', '+12125550187'),
  row('finds number with a zero-width space', '(212) 555-\u200b0187', 'US', '+12125550187'),
  row('finds number inside bidi isolates', '\u2066+44 20 7946 0018\u2069', 'US', '+442079460018'),
  row('finds number with figure spaces', '020\u20077946\u20070018', 'GB', '+442079460018'),
  row('finds number with en spaces', '+44\u200220\u20027946\u20020018', 'US', '+442079460018'),

  // phone labels built like id labels ("No.", "#", compounds): the number stays
  row('finds US number after phone # label', 'Phone # 212-555-0187', 'US', '+12125550187'),
  row('finds JP number after 電話No. label', '電話No. 03-1234-5678', 'JP', '+81312345678'),
  row(
    'finds US number after service no. label',
    'Customer Service No. 1-800-555-0199',
    'US',
    '+18005550199',
  ),
  row(
    'finds US number after emergency no. label',
    'Emergency No. 212-555-0187',
    'US',
    '+12125550187',
  ),
  row('finds DE number after Telefonnummer', 'Telefonnummer 030 12345678', 'DE', '+493012345678'),
  row('finds DE number after Rufnummer', 'Rufnummer: 089 1234567', 'DE', '+49891234567'),
  row('finds DE number after Handynr.', 'Handynr. 0151 23456789', 'DE', '+4915123456789'),
  row(
    'finds FR number after numéro de téléphone',
    'Numéro de téléphone : 01 23 45 67 89',
    'FR',
    '+33123456789',
  ),
  row('finds FR number after N° de tél.', 'N° de tél. 01 23 45 67 89', 'FR', '+33123456789'),
  row(
    'finds BR number after telefone do cliente',
    'Telefone do cliente (11) 91234-5678',
    'BR',
    '+5511912345678',
  ),
  row('finds JP number after 受付 label', '受付：03-1234-5678', 'JP', '+81312345678'),
  row('finds JP number after 電話番号', '電話番号：03-1234-5678', 'JP', '+81312345678'),
  row('finds CN number after 电话号码', '电话号码：010-6552 9988', 'CN', '+861065529988'),
  row('finds CN number after 手机号码', '手机号码 138 1234 5678', 'CN', '+8613812345678'),
  row('finds IN number after mobile no. label', 'Mobile No. 98765 43210', 'IN', '+919876543210'),
  row('finds US number after area code label', 'Area code 212 555 0187', 'US', '+12125550187'),
];

const lookAlikes: DetectionRow[] = [
  // dates and date ranges
  row('ignores a date in Arabic-Indic digits', 'التاريخ ٢٠٢٤-٠٥-١٢', 'SA'),
  row('rejects ISO dates', 'Due 2024-03-15', 'US'),
  row('rejects dotted dates', 'Termin 15.03.2024', 'DE'),
  row('rejects US slash dates', 'Renewal 03/15/2024', 'US'),
  row('rejects year-first slash dates', '2024/3/15', 'JP'),
  row('rejects day-first slash dates', '15/03/2024', 'GB'),
  row('rejects dashed day-first dates', '15-03-2024', 'IN'),
  row('rejects slash date ranges', '15/03/2024 - 20/03/2024', 'GB'),
  row('rejects dotted date ranges', '15.03.2024–20.03.2024', 'DE'),
  row('rejects ISO date ranges', '2024-03-15 - 2024-03-20', 'AU'),
  row('rejects two-digit-year ranges', '15.03.24 - 20.03.24', 'DE'),
  row('rejects compact dates', 'batch 20240315', 'CN'),
  row('rejects compact timestamps', 'created 20240315123045', 'US'),
  row('rejects dates glued to time', '2024-03-15T12:30:45Z', 'US'),
  row('rejects date followed by time', '2024-03-15 12:30:45', 'FR'),
  row('rejects dotted date with time', '15.03.2024 12:30', 'DE'),
  row('rejects Chinese written dates', '2024年3月15日', 'CN'),

  // times and timestamps
  row('rejects clock times', '12:30:45', 'US'),
  row('rejects time ranges', '09:00-17:30', 'GB'),
  row('rejects timestamp with milliseconds', '2024-03-15T12:30:45.123+01:00', 'DE'),

  // amounts
  row('rejects dollar amounts', '$1,234,567.89', 'US'),
  row('rejects euro amounts with dots', '1.234.567,89 €', 'DE'),
  row('rejects yen amounts', '¥12,345,678', 'JP'),
  row('rejects rupee lakh amounts', '₹ 12,34,567', 'IN'),
  row('rejects amount with currency code', 'EUR 1234567', 'FR'),
  row('rejects amount followed by currency code', '1234567 USD', 'US'),
  row('rejects space grouped euro amount', '1 234 567 €', 'FR'),
  row('rejects yuan amount', '12345678元', 'CN'),
  row('rejects pound amount without grouping', '£2079460018', 'GB'),
  row('rejects real amount with decimals', 'Total 4155550132.00', 'US'),
  row('rejects dotted thousands', 'Umsatz 1.234.567', 'DE'),
  row('rejects taka amounts', '৳ 1712345678', 'BD'),
  row('rejects reais amounts', 'R$ 1.234.567,89', 'BR'),

  // postcodes
  row('rejects US ZIP+4', 'San Francisco, CA 94105-1234', 'US'),
  row('rejects BR CEP', 'CEP 01310-100', 'BR'),
  row('rejects JP postcode', '〒100-0001 東京都千代田区', 'JP'),
  row('rejects CN postcode', '邮编 100000', 'CN'),
  row('rejects IN PIN code', 'Bengaluru 560 001', 'IN'),

  // order, invoice and other ids
  row('rejects invoice ids', 'INV-2024-000123', 'US'),
  row('rejects hash order ids', 'Order #100234567', 'US'),
  row('rejects bare hash ids', '#100234567', 'US'),
  row('rejects labelled order numbers', 'Order 4500012345', 'US'),
  row('rejects invoice no. labels', 'Invoice No. 2125550187', 'US'),
  row('rejects ticket ids', 'Ticket: 4155550132', 'US'),
  row('rejects case numbers', 'Case 02079460018', 'GB'),
  row('rejects reference labels', 'Ref no 2125550187', 'US'),
  row('rejects id labels', 'ID: 9876543210', 'IN'),
  row('rejects SKU numbers', 'SKU 0412345678', 'AU'),
  row('rejects PO numbers', 'PO 4500012345', 'DE'),
  row('rejects German order labels', 'Bestellnummer: 030123456789', 'DE'),
  row('rejects Chinese order labels', '订单号：13812345678', 'CN'),
  row('rejects Chinese invoice labels', '发票 13987654321', 'CN'),
  row('rejects Chinese id labels', '编号 01065529988', 'CN'),
  row('rejects Japanese order labels', '注文番号：09012345678', 'JP'),
  row('rejects tracking numbers', 'Tracking 9400111202555842', 'US'),
  row('rejects IMEI numbers', 'IMEI 356938035643809', 'IN'),
  row('rejects CPF numbers', 'CPF 123.456.789-09', 'BR'),
  row('rejects CNPJ numbers', '12.345.678/0001-90', 'BR'),
  row('rejects US SSNs', 'SSN 123-45-6789', 'US'),
  row('rejects Aadhaar numbers', 'Aadhaar 9876 5432 1098', 'IN'),

  // id labels of several words, compounds and abbreviations
  row('rejects German serial number compounds', 'Seriennummer 0301234567', 'DE'),
  row('rejects German contract number compounds', 'Vertragsnummer 0301234567', 'DE'),
  row('rejects German file reference labels', 'Aktenzeichen 0301234567', 'DE'),
  row('rejects German Nr. compounds', 'Artikelnr. 0301234567', 'DE'),
  row('rejects French N° labels', 'N° client 0123456789', 'FR'),
  row('rejects French numéro de labels', 'Numéro de série 0123456789', 'FR'),
  row('rejects French réf. labels', 'Réf. client 0123456789', 'FR'),
  row('rejects French labels of two words', 'Numéro de sécurité sociale 0123456789', 'FR'),
  row('rejects Japanese customer number labels', 'お客様番号 0312345678', 'JP'),
  row('rejects Japanese serial number labels', 'シリアル番号：0312345678', 'JP'),
  row('rejects Chinese serial number labels', '序列号 13812345678', 'CN'),
  row('rejects Portuguese número do labels', 'Número do contrato (11) 91234-5678', 'BR'),
  row('rejects English number labels', 'Customer number 2125550187', 'US'),
  row('rejects English hash labels', 'Customer #: 2125550187', 'US'),
  ...(['US', 'CA', 'IN', 'BR'] as const).map((country) =>
    row(`rejects S/N labels (${country})`, 'S/N 2125550187', country),
  ),
  ...(['GB', 'IN', 'JP', 'CN'] as const).map((country) =>
    row(`rejects S/N: labels (${country})`, 'S/N: 02079460018', country),
  ),
  ...(['GB', 'IN', 'JP', 'CN'] as const).map((country) =>
    row(`rejects asset tags (${country})`, 'Asset tag 020-7946-0018', country),
  ),
  ...(['DE', 'FR', 'AU'] as const).map((country) =>
    row(`rejects ISBN-10 labels (${country})`, 'ISBN-10: 0-306-40615-2', country),
  ),
  row('rejects Medicare numbers', 'Medicare 2123 45670 1', 'US'),
  row('rejects unlabelled Medicare numbers', '2123 45670 1', 'US'),

  // IBANs
  row('rejects GB IBAN with letter group', 'GB82 WEST 1234 5698 7654 32', 'GB'),
  row('rejects DE IBAN compact', 'DE89370400440532013000', 'DE'),
  row('rejects DE IBAN grouped', 'IBAN: DE89 3704 0044 0532 0130 00', 'DE'),
  row('rejects FR IBAN grouped', 'FR76 3000 6000 0112 3456 7890 189', 'FR'),
  row('rejects NL IBAN', 'NL91 ABNA 0417 1643 00', 'GB'),

  // UUIDs and serials
  row('rejects UUIDs', '550e8400-e29b-41d4-a716-446655440000', 'US'),
  row('rejects digit-only UUIDs', '12345678-1234-1234-1234-123456789012', 'US'),
  row('rejects serials around a number', 'SN4155550123XY', 'US'),
  row('rejects dashed serials', 'A1B2-2125550187', 'US'),
  row('rejects number glued to letters', 'ABC02079460018', 'GB'),
  row('rejects number followed by letters', '2125550187XY', 'US'),
  row('rejects underscore ids', 'user_2125550187', 'US'),
  row('rejects email local parts', '2125550187@example.com', 'US'),
  row('rejects serial with trailing code', '4155550132-B7', 'US'),

  // versions and addresses
  row('rejects version strings', 'v1.2.3.4', 'US'),
  row('rejects Windows build numbers', '10.0.19045.3803', 'US'),
  row('rejects labelled versions', 'version 2.10.4567891', 'GB'),
  row('rejects IPv4 addresses', '192.168.100.200', 'US'),
  row('rejects IPv4 with port', '10.120.33.44:8080', 'DE'),
  row('rejects versions of four groups', '2.10.12.1234', 'AU'),

  // card numbers
  row('rejects spaced card numbers', '4111 1111 1111 1111', 'US'),
  row('rejects dashed card numbers', '5500-0000-0000-0004', 'GB'),
  row('rejects bare card numbers', '4111111111111111', 'US'),
  row('rejects Amex-shaped numbers', '3782 822463 10005', 'US'),
  ...(['US', 'CA'] as const).map((country) =>
    row(`rejects 19-digit card numbers (${country})`, '6222 0200 1234 5678 901', country),
  ),

  // short local numbers and numbers in the wrong country
  row('rejects US local number without area code', '555-0187', 'US'),
  row('rejects AU local number without area code', '8765 4321', 'AU'),
  row('rejects GB local number without area code', '496 0753', 'GB'),
  row('rejects national number without default country', '020 7946 0018', 'US'),
  row('rejects invalid US area code', '123-456-7890', 'US'),
  row('rejects six digits', 'code 123456', 'US'),
  row('rejects percentage', '12345678%', 'FR'),
  row('rejects unit with glued letters', '1234567kg', 'DE'),
  row('rejects Unix timestamps', 'ts=1710505845', 'US'),
  row('rejects timestamp shaped like DE mobile', 'updated 1743204915', 'DE'),
  row('rejects GB digits without trunk zero', 'call 2079460018', 'GB'),
  row('rejects hyphen group after a local number', '555-0187-12', 'US'),
  row('rejects long hyphen group after a number', '020 7946 0018-12345', 'GB'),
];

describe('findPhoneNumbers', () => {
  it.each(positives.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const { text, country, expected } = entry;
    expect(findPhoneNumbers(text, country).map((match) => match.e164)).toEqual(expected);
  });

  it.each(lookAlikes.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    expect(findPhoneNumbers(entry.text, entry.country)).toEqual([]);
  });

  it('has enough rows', () => {
    expect(positives.length + lookAlikes.length).toBeGreaterThanOrEqual(150);
  });

  it('keeps offsets of each match', () => {
    const text = 'Main 020 7946 0018, mobile 07400 123456';
    const matches = findPhoneNumbers(text, 'GB');

    expect(matches.map((match) => text.slice(match.start, match.end))).toEqual([
      '020 7946 0018',
      '07400 123456',
    ]);
  });

  it('reads hyphen group as extension', () => {
    const [match] = findPhoneNumbers('财务部 0755-88889902-123', 'CN');

    expect(match).toEqual({
      start: 4,
      end: 21,
      raw: '0755-88889902',
      extension: '123',
      e164: '+8675588889902',
    });
  });

  it('keeps extension on match', () => {
    const [match] = findPhoneNumbers('(212) 555-0187 ext. 12', 'US');

    expect(match).toEqual({
      start: 0,
      end: 22,
      raw: '(212) 555-0187',
      extension: '12',
      e164: '+12125550187',
    });
  });
});
