import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import {
  findPhoneCandidates,
  mayContainPhoneNumber,
  type PhoneCandidate,
} from '../../lib/phone/candidates.ts';

const phoneDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/phone');

// Follows relative imports from candidates.ts and returns every source file
// the content script would bundle with it.
function collectImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);

  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)) {
    const specifier = match[1] ?? match[2];
    if (specifier?.startsWith('.')) collectImports(resolve(dirname(file), specifier), seen);
  }
  return seen;
}

describe('findPhoneCandidates', () => {
  it.each<[string, string, PhoneCandidate[]]>([
    ['number alone', '212-555-0187', [{ start: 0, end: 12, raw: '212-555-0187' }]],
    [
      'number inside a sentence',
      'Call Ana on 020 7946 0018 after 3pm',
      [{ start: 12, end: 25, raw: '020 7946 0018' }],
    ],
    [
      'number with plus and brackets',
      'Tel +1 (212) 555-0187.',
      [{ start: 4, end: 21, raw: '+1 (212) 555-0187' }],
    ],
    [
      'bracket before area code',
      'x: (02) 9876 5432',
      [{ start: 3, end: 17, raw: '(02) 9876 5432' }],
    ],
    [
      'unbalanced opening bracket',
      '(+44 20 7946 0018)',
      [{ start: 1, end: 17, raw: '+44 20 7946 0018' }],
    ],
    [
      'x extension',
      '212-555-0187 x204!',
      [{ start: 0, end: 17, raw: '212-555-0187', extension: '204' }],
    ],
    [
      'ext. extension',
      'Office 212 555 0187 ext. 12',
      [{ start: 7, end: 27, raw: '212 555 0187', extension: '12' }],
    ],
    [
      'RFC 3966 extension',
      'tel:+1-212-555-0187;ext=204',
      [{ start: 4, end: 27, raw: '+1-212-555-0187', extension: '204' }],
    ],
    [
      'dialer pause extension',
      '+12125550187,,123#',
      [{ start: 0, end: 18, raw: '+12125550187', extension: '123' }],
    ],
    [
      'full-width digits and extension',
      '０３－１２３４－５６７８ 内線 ２０３',
      [{ start: 0, end: 19, raw: '０３－１２３４－５６７８', extension: '203' }],
    ],
    [
      'number before an amount',
      '(303) 555-0101 $1,037.00',
      [{ start: 0, end: 14, raw: '(303) 555-0101' }],
    ],
    [
      'two numbers split by slash',
      '030 1234567 / 0171 2345678',
      [
        { start: 0, end: 11, raw: '030 1234567' },
        { start: 14, end: 26, raw: '0171 2345678' },
      ],
    ],
    [
      'number glued to Chinese text',
      '电话13812345678联系',
      [{ start: 2, end: 13, raw: '13812345678' }],
    ],
    [
      'date cut before number',
      '2024-03-15 2125550187',
      [{ start: 11, end: 21, raw: '2125550187' }],
    ],
  ])('reports exact offsets: %s', (_name, text, expected) => {
    const candidates = findPhoneCandidates(text);

    expect(candidates).toEqual(expected);
    for (const candidate of candidates) {
      expect(text.slice(candidate.start, candidate.start + candidate.raw.length)).toBe(
        candidate.raw,
      );
    }
  });

  it.each([
    ['ISO date', '2024-03-15'],
    ['ZIP+4', '94105-1234'],
    ['invoice id', 'INV-2024-000123'],
    ['IBAN', 'GB82 WEST 1234 5698 7654 32'],
    ['version', '10.0.19045.3803'],
    ['card', '4111 1111 1111 1111'],
    ['amount', '1.234.567,89 €'],
    ['amount with its symbol after', '1 234 567 $'],
  ])('rejects %s without validation', (_name, text) => {
    expect(findPhoneCandidates(text)).toEqual([]);
  });

  it('keeps national short numbers for stage 2', () => {
    expect(findPhoneCandidates('555-0187').map((candidate) => candidate.raw)).toEqual(['555-0187']);
  });

  it('does not read a following number as extension', () => {
    expect(findPhoneCandidates('212-555-0187,,212-555-0188')).toEqual([
      { start: 0, end: 12, raw: '212-555-0187' },
      { start: 14, end: 26, raw: '212-555-0188' },
    ]);
  });

  it('returns same result on repeated calls', () => {
    const text = 'A 212-555-0187 B 415-555-0132';

    expect(findPhoneCandidates(text)).toEqual(findPhoneCandidates(text));
  });
});

describe('mayContainPhoneNumber', () => {
  it.each([
    ['seven digits', '1234567', true],
    ['digits with separators', '(02) 9876 5432', true],
    ['full-width digits', '１２３４５６７', true],
    ['six digits', 'Code 123456', false],
    ['digits split by letters', 'a1b2c3d4e5f6g7h8', false],
    ['digits split by commas', '1,234,567', false],
    ['empty text', '', false],
    ['words only', 'No number in this note', false],
  ])('%s', (_name, text, expected) => {
    expect(mayContainPhoneNumber(text)).toBe(expected);
  });
});

describe('stage 1 sources', () => {
  const files = [...collectImports(resolve(phoneDirectory, 'candidates.ts'))];

  it('follows imports of candidates.ts', () => {
    expect(files.map((file) => file.slice(phoneDirectory.length + 1)).sort()).toEqual([
      'candidates.ts',
      'chars.ts',
      'lookalikes.ts',
    ]);
  });

  it.each(files.map((file) => [file.slice(phoneDirectory.length + 1), file]))(
    '%s does not import libphonenumber',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(/libphonenumber/);
    },
  );
});
