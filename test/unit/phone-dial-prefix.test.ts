import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { withoutDialingPrefix } from '../../lib/phone/dial-prefix.ts';

describe('withoutDialingPrefix', () => {
  it.each<[string, string, string[]]>([
    ['star code and space', '*67 202 555 0173', ['202 555 0173']],
    ['star code joined', '*672025550173', ['2025550173']],
    ['caller-ID show code', '*82 1 202 555 0173', ['1 202 555 0173']],
    ['GSM withhold code', '#31# 020 7946 0018', ['020 7946 0018']],
    ['UK withhold code', '141 020 7946 0018', ['020 7946 0018']],
    ['outside line with space', '9 1 202 555 0173', ['1 202 555 0173']],
    ['outside line with pause', '9,1 202 555 0173', ['1 202 555 0173']],
    ['outside line joined', '912025550173', ['12025550173']],
    ['outside line then star code', '9 *67 202 555 0173', ['*67 202 555 0173', '202 555 0173']],
    ['European outside line', '0 020 7946 0018', ['020 7946 0018']],
    ['European outside line then international', '0,+44 20 7946 0018', ['+44 20 7946 0018']],
  ])('removes %s', (_case, text, expected) => {
    expect(withoutDialingPrefix(text)).toEqual(expected);
  });

  it.each([
    ['no prefix', '202 555 0173'],
    ['international number', '+1 202 555 0173'],
    ['too few digits after', '*67 555 017'],
    ['a star code alone', '*67'],
    ['London number', '020 7946 0018'],
    ['Berlin number', '030-12345678'],
    ['trunk prefix in a tel: link', '02079460018'],
  ])('returns nothing for %s', (_case, text) => {
    expect(withoutDialingPrefix(text)).toEqual([]);
  });

  it('stays free of the metadata library', () => {
    const source = readFileSync(new URL('../../lib/phone/dial-prefix.ts', import.meta.url), 'utf8');

    expect(source).not.toMatch(/libphonenumber/);
    expect(source).not.toMatch(/from '\.\/(validate|normalize|e164)/);
  });
});
