import { findPhoneCandidates, type PhoneCandidate } from './candidates.ts';
import type { CountryCode } from './normalize.ts';
import { validateCandidate } from './validate.ts';

/** A candidate that passed validation, with its E.164 key. */
export type PhoneMatch = PhoneCandidate & { e164: string };

/**
 * Finds the valid phone numbers in `text`: stage 1 candidates that stage 2
 * confirms. National formats resolve in `defaultCountry`; without it only
 * numbers written with "+" or "00" are found.
 */
export function findPhoneNumbers(text: string, defaultCountry?: CountryCode): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  for (const candidate of findPhoneCandidates(text)) {
    const e164 = validateCandidate(candidate.raw, defaultCountry);
    if (e164 !== null) matches.push({ ...candidate, e164 });
  }
  return matches;
}
