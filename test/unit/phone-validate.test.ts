import { beforeEach, describe, expect, it } from 'vitest';

import {
  clearValidationCache,
  createCandidateValidator,
  DEFAULT_CACHE_CAPACITY,
  getValidationCacheStats,
  toParseableNumber,
  validateCandidate,
} from '../../lib/phone/validate.ts';

describe('validateCandidate', () => {
  beforeEach(() => {
    clearValidationCache();
  });

  it.each([
    ['national format in default country', '020 7946 0018', 'GB', '+442079460018'],
    ['plus format in other country', '+44 20 7946 0018', 'US', '+442079460018'],
    ['00 format in country with 011 exit code', '0044 20 7946 0018', 'US', '+442079460018'],
    ['full-width digits', '０３－１２３４－５６７８', 'JP', '+81312345678'],
    ['bracketed trunk zero', '+49 (0)30 12345678', 'DE', '+493012345678'],
    ['IN mobile without trunk zero', '9876543210', 'IN', '+919876543210'],
    ['CN mobile, which has no trunk zero', '13812345678', 'CN', '+8613812345678'],
    ['E.164 digits without plus', '442079460018', 'GB', '+442079460018'],
    ['US number with leading 1', '12125550187', 'US', '+12125550187'],
    ['CN landline with hyphen extension', '0755-88889902-123', 'CN', '+8675588889902'],
    ['full-width hyphen extension', '０７５５－８８８８９９０２－１２３', 'CN', '+8675588889902'],
    ['MX mobile with the old 1 after +52', '+52 1 33 1987 6543', 'US', '+523319876543'],
    ['MX mobile with the old 044 prefix', '044 81 1111 2222', 'MX', '+528111112222'],
    ['MX mobile with the old 045 prefix', '045 81 1111 2222', 'MX', '+528111112222'],
    ['MX number with the old 01 prefix', '01 33 3614 2000', 'MX', '+523336142000'],
  ] as const)('accepts %s', (_name, raw, country, expected) => {
    expect(validateCandidate(raw, country)).toBe(expected);
  });

  it.each([
    ['national format without default country', '020 7946 0018', undefined],
    ['local number without area code', '555-0187', 'US'],
    ['number of another country in national format', '212-555-0187', 'GB'],
    ['unassigned range', '07700 900123', 'GB'],
    ['GB number without trunk zero', '2079460018', 'GB'],
    ['DE mobile without trunk zero', '1743204915', 'DE'],
    ['FR mobile without trunk zero', '612345678', 'FR'],
    ['JP number without trunk zero', '312345678', 'JP'],
    ['hyphen group after an invalid number', '555-0187-12', 'US'],
    ['hyphen group as long as the group before', '0755-8888 9902-9903', 'CN'],
    ['old MX prefix outside Mexico', '044 81 1111 2222', 'US'],
  ] as const)('rejects %s', (_name, raw, country) => {
    expect(validateCandidate(raw, country)).toBeNull();
  });

  it('serves repeats from cache', () => {
    validateCandidate('212-555-0187', 'US');
    validateCandidate('212-555-0187', 'US');

    expect(getValidationCacheStats()).toEqual({
      size: 1,
      capacity: DEFAULT_CACHE_CAPACITY,
      hits: 1,
      misses: 1,
    });
  });

  it('caches rejections too', () => {
    validateCandidate('555-0187', 'US');

    expect(validateCandidate('555-0187', 'US')).toBeNull();
    expect(getValidationCacheStats().hits).toBe(1);
  });

  it('keys cache by country', () => {
    expect(validateCandidate('020 7946 0018', 'GB')).toBe('+442079460018');
    expect(validateCandidate('020 7946 0018', 'US')).toBeNull();
    expect(getValidationCacheStats().misses).toBe(2);
  });
});

describe('createCandidateValidator', () => {
  it('evicts least recently used entry', () => {
    const validator = createCandidateValidator(2);

    validator.validate('212-555-0187', 'US');
    validator.validate('415-555-0132', 'US');
    validator.validate('212-555-0187', 'US');
    validator.validate('646-555-0199', 'US');
    validator.validate('212-555-0187', 'US');
    validator.validate('415-555-0132', 'US');

    expect(validator.stats()).toEqual({ size: 2, capacity: 2, hits: 2, misses: 4 });
  });

  it('never grows past capacity', () => {
    const validator = createCandidateValidator(10);
    for (let i = 0; i < 50; i++)
      validator.validate(`212-555-01${String(i).padStart(2, '0')}`, 'US');

    expect(validator.stats().size).toBe(10);
  });

  it('resets on clear', () => {
    const validator = createCandidateValidator(5);
    validator.validate('212-555-0187', 'US');
    validator.clear();

    expect(validator.stats()).toEqual({ size: 0, capacity: 5, hits: 0, misses: 0 });
  });

  it.each([0, -1, 1.5])('rejects capacity %s', (capacity) => {
    expect(() => createCandidateValidator(capacity)).toThrow(RangeError);
  });
});

describe('toParseableNumber', () => {
  it.each([
    ['0044 20 7946 0018', '+44 20 7946 0018'],
    ['(0044) 20 7946 0018', '+44 20 7946 0018'],
    ['(+49) 30 12345678', '+49 30 12345678'],
    ['＋８１ ３', '+81 3'],
    ['020 7946 0018', '020 7946 0018'],
  ])('rewrites %s', (raw, expected) => {
    expect(toParseableNumber(raw)).toBe(expected);
  });
});
