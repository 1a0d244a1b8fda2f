import { describe, expect, it } from 'vitest';
import { jurisdictionForRegion } from '../../lib/cases/jurisdiction.ts';

describe('jurisdictionForRegion', () => {
  it.each([
    ['GB', 'uk_gdpr'],
    ['DE', 'eu_gdpr'],
    ['RE', 'eu_gdpr'],
    ['NO', 'eu_gdpr'],
    ['US', 'us_telemarketing'],
    ['PR', 'us_telemarketing'],
    ['CA', 'canada'],
    ['CN', 'china_pipl'],
    ['BR', 'brazil_lgpd'],
    ['IN', 'india_dpdp'],
    ['BD', 'bangladesh'],
    ['HK', 'other'],
    ['CH', 'other'],
    ['JE', 'other'],
  ])('maps %s to %s', (region, jurisdiction) => {
    expect(jurisdictionForRegion(region)).toBe(jurisdiction);
  });
});
