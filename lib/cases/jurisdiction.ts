import type { Jurisdiction } from './model.ts';

/**
 * Regions where the GDPR applies: the EU member states, their outermost
 * regions that have region codes of their own, and Iceland, Liechtenstein and
 * Norway through the EEA Agreement.
 */
// prettier-ignore
const GDPR_REGIONS: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
  'AX', 'GF', 'GP', 'MF', 'MQ', 'RE', 'YT',
  'IS', 'LI', 'NO',
]);

/**
 * US numbers, territories included, get US telemarketing rather than
 * CCPA/CPRA. A number does not tell the state the customer lives in, and
 * CCPA/CPRA covers only Californians. The TCPA's company do-not-call rule
 * covers calls to any US number and has the shorter deadline. The agent picks
 * CCPA/CPRA for a California resident.
 */
const BY_REGION: Readonly<Record<string, Jurisdiction>> = {
  GB: 'uk_gdpr',
  US: 'us_telemarketing',
  PR: 'us_telemarketing',
  GU: 'us_telemarketing',
  VI: 'us_telemarketing',
  AS: 'us_telemarketing',
  MP: 'us_telemarketing',
  CA: 'canada',
  CN: 'china_pipl',
  BR: 'brazil_lgpd',
  IN: 'india_dpdp',
  BD: 'bangladesh',
};

/** Returns the jurisdiction to start from for a customer whose number is in `region` (ISO 3166 alpha-2). */
export function jurisdictionForRegion(region: string): Jurisdiction {
  if (GDPR_REGIONS.has(region)) return 'eu_gdpr';
  return BY_REGION[region] ?? 'other';
}
