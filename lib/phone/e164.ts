// E.164 helpers with no metadata, so code that only checks or masks keys (the
// content script, logs) does not pull in libphonenumber-js.

/** Matches a complete E.164 string: "+", a country code not starting with 0, at most 15 digits. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}
