/**
 * Numeric keys for E.164 numbers. The digits after "+" never start with 0 and
 * number at most 15, so the integer value is below 10^15 < 2^50: exact in a
 * double and reversible to the same string.
 */

/** Smallest key: 7 digits, the shortest E.164 number `isE164` accepts. */
export const MIN_KEY = 1_000_000;
/** Largest key: 15 digits. */
export const MAX_KEY = 999_999_999_999_999;

const PLUS = 43;
const ZERO = 48;
const TWO_POW_32 = 4_294_967_296;

export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}…` : text);
}

export function invalidE164Error(value: unknown): Error {
  return new Error(
    `Invalid E.164 number ${describeValue(value)}: expected "+" and 7 to 15 digits, the first not 0. ` +
      'Normalise the number with normalizePhone first.',
  );
}

/**
 * Converts an E.164 string to its key. Throws on anything that does not match
 * `E164_PATTERN` from lib/phone/normalize.ts; this is a hand-written loop
 * instead of that regular expression because it runs on every lookup.
 */
export function e164ToKey(e164: string): number {
  const length = e164.length;
  if (length < 8 || length > 16 || e164.charCodeAt(0) !== PLUS || e164.charCodeAt(1) === ZERO) {
    throw invalidE164Error(e164);
  }

  let key = 0;
  for (let i = 1; i < length; i++) {
    const digit = e164.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) throw invalidE164Error(e164);
    key = key * 10 + digit;
  }
  return key;
}

export function keyToE164(key: number): string {
  return `+${key}`;
}

export function isValidKey(key: number): boolean {
  return Number.isInteger(key) && key >= MIN_KEY && key <= MAX_KEY;
}

/** Lower 32 bits of a key. */
export function keyLow(key: number): number {
  return key >>> 0;
}

/** Upper 18 bits of a key (keys are below 2^50). */
export function keyHigh(key: number, low: number): number {
  return (key - low) / TWO_POW_32;
}

export function joinKey(low: number, high: number): number {
  return high * TWO_POW_32 + low;
}

/** Mixes both halves of a key into 32 well-spread bits (murmur3 finaliser). */
export function hashKey(low: number, high: number): number {
  let h = low ^ Math.imul(high, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
