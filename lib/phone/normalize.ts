import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';

import { foldToAscii } from './chars.ts';

export type { CountryCode };
export { E164_PATTERN, isE164 } from './e164.ts';

/** A phone number reduced to its DNC key, with the extension kept for display. */
export interface NormalizedPhone {
  e164: string;
  extension?: string;
}

/**
 * Rewrites a written number into the form libphonenumber-js reads: ASCII digits, a
 * leading "00" as "+" ("0044 20 …" and "00 44 20 …" resolve internationally whatever the
 * default country's exit code is) and a bracketed country code ("(+49) 30 …",
 * "(0044) 20 …") without its brackets.
 */
export function toParseableNumber(raw: string): string {
  const folded = foldToAscii(raw).trim();
  return folded.replace(/^(\(?)00 ?(?=[1-9])/, '$1+').replace(/^\( ?(\+\d{1,3}) ?\)/, '$1');
}

/**
 * Normalises a number written in any common format to E.164, after
 * toParseableNumber (full-width digits, "00" for "+", "(+86)138 …"). National
 * formats are read in `defaultCountry`. Returns null for anything
 * libphonenumber-js (full metadata) does not consider a valid number.
 */
export function normalizePhone(raw: string, defaultCountry?: CountryCode): NormalizedPhone | null {
  return normalizeParseable(toParseableNumber(raw), defaultCountry);
}

/** Normalises a number already rewritten by toParseableNumber; see normalizePhone. */
export function normalizeParseable(
  parseable: string,
  defaultCountry?: CountryCode,
): NormalizedPhone | null {
  const parsed = parsePhoneNumberFromString(parseable, { defaultCountry, extract: false });
  if (!parsed || !parsed.isValid()) {
    const current = withoutMexicanPrefix(parseable, defaultCountry);
    return current === null ? null : normalizeParseable(current, defaultCountry);
  }

  return parsed.ext ? { e164: parsed.number, extension: parsed.ext } : { e164: parsed.number };
}

/**
 * Returns a Mexican number without the prefixes Mexico dropped in 2019,
 * which records and agents still write: the mobile "1" after +52
 * ("+52 1 33 1987 6543"), and 044, 045 and 01 before a national number
 * where the default country is Mexico. Null when `parseable` has none.
 */
function withoutMexicanPrefix(parseable: string, defaultCountry?: CountryCode): string | null {
  const digits = parseable.replace(/[^\d+]/g, '');
  const international = /^\+521(\d{10})$/.exec(digits);
  if (international) return `+52${international[1]}`;
  if (defaultCountry !== 'MX') return null;
  const national = /^(?:044|045|01)(\d{10})$/.exec(digits);
  return national ? `+52${national[1]}` : null;
}

/** Returns the region an E.164 number belongs to ("US" for +1 212 …), or null for a non-geographic or invalid number. */
export function phoneRegion(e164: string): CountryCode | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** Tells whether `code` is an ISO 3166-1 alpha-2 code that libphonenumber-js has numbering rules for. */
export function isKnownCountry(code: string): code is CountryCode {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}
