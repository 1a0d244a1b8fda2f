// Public phone API for the background, the server, UI pages and tests. The
// content script imports candidates.ts, e164.ts and mask.ts directly instead,
// because this module pulls in libphonenumber-js with full metadata.

export { findPhoneCandidates, mayContainPhoneNumber, type PhoneCandidate } from './candidates.ts';
export { findPhoneNumbers, type PhoneMatch } from './detect.ts';
export { E164_PATTERN, isE164 } from './e164.ts';
export { formatForDisplay } from './format.ts';
export { maskPhone } from './mask.ts';
export { normalizePhone, type CountryCode, type NormalizedPhone } from './normalize.ts';
export {
  clearValidationCache,
  createCandidateValidator,
  DEFAULT_CACHE_CAPACITY,
  getValidationCacheStats,
  readCandidate,
  toParseableNumber,
  validateCandidate,
  type CandidateReading,
  type CandidateValidator,
  type ValidationCacheStats,
} from './validate.ts';
