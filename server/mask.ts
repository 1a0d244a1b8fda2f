import { maskPhone } from '../lib/phone/mask.ts';

/** Masks every run that looks like a phone number (7+ digits, optionally after + or %2B) in a URL path. */
export function maskPathForLog(path: string): string {
  return path.replace(/(?:\+|%2B)?\d{7,15}/gi, (match) =>
    maskPhone(`+${match.replace(/^(?:\+|%2B)/i, '')}`),
  );
}
