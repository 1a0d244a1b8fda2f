// Dialing prefixes: codes typed before a phone number that the phone system
// acts on instead of dialing them as part of the number. The content script
// uses this file, so like candidates.ts it must not import the metadata
// library.

import { countDigits } from './chars.ts';

/**
 * A PBX's outside-line digit: 9 in North America and the UK, 0 in much of
 * Europe. After a 0 the number is dialed in full, with its own trunk "0",
 * an international prefix or "+", so a 0 followed by anything else is the
 * trunk prefix of the number itself: "020 7946 0018" is a London number,
 * not "0" and +1 207-946-0018.
 */
const OUTSIDE_LINE = /^(?:9|0(?=[\s,;.-]*[0+\uff0b]))/;
/**
 * Caller-ID codes: star codes such as *67 (withhold) and *82 (show) in
 * North America, the GSM codes #31# and *31#, and 141 in the UK.
 */
const CALLER_ID_CODE = /^(?:\*\d{2}#?|#\d{2}#|141)/;
/** Separators and pauses (a comma waits before the rest is dialed) after a prefix. */
const AFTER_PREFIX = /^[\s,;.-]*/;
/** Minimum digits left after a prefix for the rest to be a phone number. */
const MIN_REST_DIGITS = 7;

/**
 * Returns `text` with a dialing prefix removed, for each way a prefix can be
 * read at its start: an outside-line digit, a caller-ID code, or the first
 * then the second ("9 *67 212 555 0187"). Empty when `text` starts with none
 * or too few digits follow. The digits of a valid number can start the same
 * way ("0" is also a trunk prefix), so callers use these only when the text
 * as typed is not a valid number.
 */
export function withoutDialingPrefix(text: string): string[] {
  const variants: string[] = [];
  const add = (rest: string | null): void => {
    if (rest !== null && countDigits(rest) >= MIN_REST_DIGITS && !variants.includes(rest))
      variants.push(rest);
  };

  const trimmed = text.trim();
  const afterLine = strip(trimmed, OUTSIDE_LINE);
  add(afterLine);
  add(strip(trimmed, CALLER_ID_CODE));
  if (afterLine !== null) add(strip(afterLine, CALLER_ID_CODE));
  return variants;
}

function strip(text: string, prefix: RegExp): string | null {
  const match = prefix.exec(text);
  if (!match) return null;
  return text.slice(match[0].length).replace(AFTER_PREFIX, '');
}
