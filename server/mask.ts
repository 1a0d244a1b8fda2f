import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Masks a phone number for logs: the country calling code and the last two
 * digits stay, every other digit becomes "*" (+44********23).
 */
export function maskPhoneForLog(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const countryCode = parsePhoneNumberFromString(e164)?.countryCallingCode ?? '';
  const hiddenCount = Math.max(0, digits.length - countryCode.length - 2);
  return `+${countryCode}${'*'.repeat(hiddenCount)}${digits.slice(-2)}`;
}

/** Masks every run that looks like a phone number (7+ digits, optionally after + or %2B) in a URL path. */
export function maskPathForLog(path: string): string {
  return path.replace(/(?:\+|%2B)?\d{7,15}/gi, (match) =>
    maskPhoneForLog(`+${match.replace(/^(?:\+|%2B)/i, '')}`),
  );
}
