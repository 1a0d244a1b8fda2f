import type { CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';

import { formatForDisplay } from '../../lib/phone/format.ts';
import { maskPhone } from '../../lib/phone/mask.ts';

describe('maskPhone', () => {
  it.each([
    ['GB number', '+442079460018', '+44••••••••18'],
    ['US number', '+12125550187', '+1••••••••87'],
    ['BD number with three-digit code', '+8801712345678', '+880••••••••78'],
    ['CN mobile', '+8613812345678', '+86•••••••••78'],
    ['shortest E.164 number', '+2901234', '+290••34'],
  ])('masks %s', (_name, e164, expected) => {
    expect(maskPhone(e164)).toBe(expected);
  });

  it('keeps no run of three national digits', () => {
    expect(maskPhone('+493012345678')).not.toMatch(/\d{3}/);
  });

  it.each([
    ['formatted number', '+44 20 7946 0018', '+•• •• •••• ••18'],
    ['national number', '020 7946 0018', '••• •••• ••18'],
    ['empty value', '', ''],
  ])('masks non-E.164 %s', (_name, value, expected) => {
    expect(maskPhone(value)).toBe(expected);
  });
});

describe('formatForDisplay', () => {
  it.each([
    ['+442079460018', '+44 20 7946 0018'],
    ['+12125550187', '+1 212 555 0187'],
    ['+81312345678', '+81 3 1234 5678'],
    ['+5511912345678', '+55 11 91234 5678'],
  ])('formats %s internationally', (e164, expected) => {
    expect(formatForDisplay(e164)).toBe(expected);
  });

  it.each([
    ['+12025550101', 'US', '(202) 555-0101'],
    ['+14165550101', 'US', '(416) 555-0101'],
    ['+442079460018', 'GB', '020 7946 0018'],
    ['+8613800138000', 'CN', '138 0013 8000'],
    ['+861065529901', 'CN', '010 6552 9901'],
    ['+442079460018', 'US', '+44 20 7946 0018'],
    ['+12025550101', 'GB', '+1 202 555 0101'],
  ])('formats %s for an agent in %s', (e164, home, expected) => {
    expect(formatForDisplay(e164, home as CountryCode)).toBe(expected);
  });

  it('returns unparseable input unchanged', () => {
    expect(formatForDisplay('not a number')).toBe('not a number');
  });
});
