// Stage 2 of phone number detection: checks a stage 1 candidate against the
// full numbering-plan metadata and returns its E.164 key. Pages repeat the same
// numbers in lists, headers and activity feeds, so results are kept in a small
// least-recently-used cache.

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

import { foldToAscii } from './chars.ts';
import { normalizeParseable, toParseableNumber, type CountryCode } from './normalize.ts';

export { toParseableNumber };

/** Entries kept by the shared cache. Each is a pair of short strings, so 5,000 take an estimated few hundred kB. */
export const DEFAULT_CACHE_CAPACITY = 5_000;

export interface ValidationCacheStats {
  size: number;
  capacity: number;
  hits: number;
  misses: number;
}

/** A candidate as stage 2 read it: its E.164 key, and what was cut off around the number. */
export interface CandidateReading {
  e164: string;
  /** True when the number is the whole candidate, with no count or extension cut off. */
  whole: boolean;
  /**
   * Set when a hyphen and a short last group followed the number
   * ("0755-88889902-123"): `at` is the offset of that hyphen in the candidate.
   */
  extension?: { at: number; digits: string };
}

/** A validator with its own cache. `validateCandidate` uses a shared one. */
export interface CandidateValidator {
  validate(raw: string, defaultCountry?: CountryCode): string | null;
  read(raw: string, defaultCountry?: CountryCode): CandidateReading | null;
  stats(): ValidationCacheStats;
  clear(): void;
}

// Countries whose national format has a trunk "0" that people still leave out
// of mobile numbers (India: 98765 43210 as often as 098765 43210).
const TRUNK_ZERO_OPTIONAL = new Set<CountryCode>(['IN']);

/**
 * Tells whether a national-format number was written without the trunk "0"
 * its country's national format shows (GB 2079460018 for 020 7946 0018).
 * libphonenumber-js accepts such input, but people in those countries write
 * the "0", so a bare 10-digit string there is far more often an id or a Unix
 * timestamp than a phone number.
 */
function omitsTrunkZero(parseable: string, e164: string, country: CountryCode): boolean {
  if (TRUNK_ZERO_OPTIONAL.has(country) || !/^[(\d]/.test(parseable)) return false;

  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return false;

  const writtenDigits = parseable.replace(/\D/g, '');
  return writtenDigits === parsed.nationalNumber && parsed.formatNational().startsWith('0');
}

/**
 * Returns the E.164 key of a candidate, or of the number in it when a count
 * written after or before it, or an extension after a hyphen, made the whole
 * invalid: "(646) 555-0199 2" of "… 2 calls", "3 (646) 555-0199" after a
 * count drawn as a pill, "0755-88889902-123". These are cut only from an
 * invalid whole, because numbers can end in a short group ("089 1234 567")
 * and start with a trunk or country code ("1 (646) …").
 * NOTE: where the whole is valid too ("030 12345678 2 Anrufe" in Germany),
 * the count stays part of the number.
 */
function toReading(raw: string, defaultCountry: CountryCode | undefined): CandidateReading | null {
  const e164 = wholeToE164(raw, defaultCountry);
  if (e164 !== null) return { e164, whole: true };

  const folded = foldToAscii(raw);
  const end = trailingCountStart(folded);
  const start = leadingCountEnd(folded);
  const cuts: Array<[number, number]> = [
    [0, end],
    [start, raw.length],
  ];
  if (start > 0 && end < raw.length) cuts.push([start, end]);
  for (const [from, to] of cuts) {
    if (from === 0 && to === raw.length) continue;
    const cut = wholeToE164(raw.slice(from, to), defaultCountry);
    if (cut !== null) return { e164: cut, whole: false };
  }

  const at = hyphenExtensionStart(folded);
  if (at === raw.length) return null;
  const number = wholeToE164(raw.slice(0, at), defaultCountry);
  if (number === null) return null;
  return { e164: number, whole: false, extension: { at, digits: folded.slice(at + 1) } };
}

/**
 * Returns where a hyphen before an extension starts, or the text's length.
 * Chinese switchboards write the extension after a hyphen
 * ("0755-88889902-123"): one to four digits, fewer than the group before.
 * Checked only when the whole is invalid, because some countries' numbers
 * end in a short group after a hyphen ("030 1234567-89" in Germany).
 */
function hyphenExtensionStart(folded: string): number {
  const match = /(\d{3,})-(\d{1,4})$/.exec(folded);
  return match?.[1] && match[2] && match[2].length < match[1].length
    ? match.index + match[1].length
    : folded.length;
}

/** Returns where a count of one to three digits after a longer last group starts, spaces included, or the text's length. */
function trailingCountStart(folded: string): number {
  const match = /(\d{3,})[ \u00a0]+(\d{1,3})$/.exec(folded);
  return match?.[1] && match[2] && match[2].length < match[1].length
    ? match.index + match[1].length
    : folded.length;
}

/** Returns where the number after a leading count of one to three digits starts, or 0. */
function leadingCountEnd(folded: string): number {
  const match = /^(\d{1,3})[ \u00a0]+(?=\(?(\d{3,}))/.exec(folded);
  return match?.[1] && match[2] && match[1].length < match[2].length ? match[0].length : 0;
}

function wholeToE164(raw: string, defaultCountry: CountryCode | undefined): string | null {
  const parseable = toParseableNumber(raw);
  const e164 = normalizeParseable(parseable, defaultCountry)?.e164 ?? null;
  if (e164 === null || defaultCountry === undefined) return e164;

  return omitsTrunkZero(parseable, e164, defaultCountry) ? null : e164;
}

export function createCandidateValidator(capacity = DEFAULT_CACHE_CAPACITY): CandidateValidator {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`Cache capacity must be a positive integer, got ${capacity}`);
  }

  // A Map iterates in insertion order, so re-inserting on a hit keeps the
  // least recently used entry first, where eviction takes it from.
  const cache = new Map<string, CandidateReading | null>();
  let hits = 0;
  let misses = 0;

  const read = (raw: string, defaultCountry?: CountryCode): CandidateReading | null => {
    const key = `${defaultCountry ?? ''}|${raw}`;
    const cached = cache.get(key);
    if (cached !== undefined) {
      hits++;
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }

    misses++;
    const reading = toReading(raw, defaultCountry);
    if (cache.size >= capacity) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(key, reading);
    return reading;
  };

  return {
    read,

    validate(raw, defaultCountry) {
      return read(raw, defaultCountry)?.e164 ?? null;
    },

    stats() {
      return { size: cache.size, capacity, hits, misses };
    },

    clear() {
      cache.clear();
      hits = 0;
      misses = 0;
    },
  };
}

const sharedValidator = createCandidateValidator();

/**
 * Returns the E.164 key of a candidate, or null when libphonenumber-js (full
 * metadata) rejects it. National formats are read in `defaultCountry` and are
 * null without one, or when they leave out a trunk "0" that the country's
 * national format has. Numbers starting with "+" or "00" resolve
 * internationally.
 */
export function validateCandidate(raw: string, defaultCountry?: CountryCode): string | null {
  return sharedValidator.validate(raw, defaultCountry);
}

/** Reads a candidate like `validateCandidate`, and returns where an extension written after a hyphen starts. */
export function readCandidate(raw: string, defaultCountry?: CountryCode): CandidateReading | null {
  return sharedValidator.read(raw, defaultCountry);
}

export function getValidationCacheStats(): ValidationCacheStats {
  return sharedValidator.stats();
}

export function clearValidationCache(): void {
  sharedValidator.clear();
}
