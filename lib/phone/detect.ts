import { findPhoneCandidates, type PhoneCandidate } from './candidates.ts';
import type { CountryCode } from './normalize.ts';
import { readCandidate } from './validate.ts';

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
    const reading = readCandidate(candidate.raw, defaultCountry);
    if (reading === null) continue;

    const { e164, extension } = reading;
    if (extension === undefined) matches.push({ ...candidate, e164 });
    else
      matches.push({
        ...candidate,
        raw: candidate.raw.slice(0, extension.at),
        extension: extension.digits,
        e164,
      });
  }
  return matches;
}
