import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Formats an E.164 key for people to read, in international format
 * ("+44 20 7946 0018"). Returns the input unchanged when it does not parse.
 */
export function formatForDisplay(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
