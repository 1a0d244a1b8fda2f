import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';

/**
 * Formats an E.164 key for people to read. A number with the calling code of
 * `homeCountry` (the agent's default country) gets national format
 * ("(202) 555-0101", "020 7946 0018"), the way pages there show it. Any other
 * gets international format ("+44 20 7946 0018"). Returns the input
 * unchanged when it does not parse.
 */
export function formatForDisplay(e164: string, homeCountry?: CountryCode): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  if (homeCountry && phone.countryCallingCode === getCountryCallingCode(homeCountry))
    return phone.formatNational();
  return phone.formatInternational();
}
