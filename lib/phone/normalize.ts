import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type { CountryCode };

/** A phone number reduced to its DNC key, with the extension kept for display. */
export interface NormalizedPhone {
  e164: string;
  extension?: string;
}

/**
 * Normalises a number written in any common format to E.164. National formats
 * are read in `defaultCountry`. Returns null for anything libphonenumber-js
 * (full metadata) does not consider a valid number.
 */
export function normalizePhone(raw: string, defaultCountry?: CountryCode): NormalizedPhone | null {
  const parsed = parsePhoneNumberFromString(raw, { defaultCountry, extract: false });
  if (!parsed || !parsed.isValid()) return null;

  return parsed.ext ? { e164: parsed.number, extension: parsed.ext } : { e164: parsed.number };
}

/** Matches a complete E.164 string: "+", a country code not starting with 0, at most 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}
