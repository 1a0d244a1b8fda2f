// Stage 1 of phone number detection: finds digit strings that are written like
// phone numbers, without numbering-plan metadata. It runs in the content script
// of every frame, so it must stay cheap and must not import the metadata
// library used by validate.ts (its full metadata file is 157 kB in version
// 1.13, and bench/detection.bench.ts measures the cost of a parse). Stage 2
// (validate.ts) decides which candidates are real numbers. A test checks that
// this file and its imports never name that library.

import { foldToAscii, isDigitCode, isInvisibleCode, isSpaceCode, isWordCode } from './chars.ts';
import {
  findDateSpans,
  hasRejectedShape,
  isFollowedByClock,
  isPrecededByClock,
  isRejectedByTextAfter,
  isRejectedByTextBefore,
} from './lookalikes.ts';

/** A digit string in a text that is written like a phone number. */
export interface PhoneCandidate {
  /** Offset in the text of the first character of the number (a "+" or "(" included). */
  start: number;
  /** Offset in the text just after the number, or after its extension (and a closing "#") if one is written. */
  end: number;
  /** The number as written, without the extension: `text.slice(start, start + raw.length)`. */
  raw: string;
  /** Extension digits in ASCII, when the text gives one (x204, ext. 12, ;ext=12, ,,123#). */
  extension?: string;
}

/** Minimum digits of a phone number written with its area code. */
const MIN_DIGITS = 7;
/** Maximum digits after a "+": 15 for E.164 plus a trunk "0" in brackets after the country code. */
const MAX_DIGITS_INTERNATIONAL = 16;
/** Maximum digits of a number without "+": "00" or another exit code, then 15. */
const MAX_DIGITS_NATIONAL = 17;

const DIGIT = '[0-9\\uff10-\\uff19\\u0660-\\u0669\\u06f0-\\u06f9\\u0966-\\u096f\\u09e6-\\u09ef]';
/** Spaces between digit groups (ASCII, no-break, typographic, narrow no-break, ideographic), as the inside of a character class. */
const SPACES = ' \\u00a0\\u2000-\\u200a\\u202f\\u3000';
/** Invisible formatting characters (chars.ts isInvisibleCode), as the inside of a character class. */
const INVISIBLE = '\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const HAS_INVISIBLE = new RegExp(`[${INVISIBLE}]`);
/** Dashes, dots, slashes and brackets between digit groups, in ASCII and full-width forms. */
const MARKS = '\\-\\u2010-\\u2015\\u2212\\u30fc\\uff0d.\\uff0e/\\uff0f()\\uff08\\uff09';
const SEPARATOR = `[${SPACES}${MARKS}]`;

// A run of digit groups joined by at most three separator characters, with an
// optional "(" and "+" before it. Each repetition must consume a digit, so
// matching is linear in the length of the text.
// NOTE: letters standing for digits (1-800-FLOWERS) and numbers broken over two
// lines are not found.
const RUN_PATTERN = new RegExp(
  `(?:[(\\uff08][ \\u00a0]?)?(?:[+\\uff0b][ \\u00a0]?)?${DIGIT}(?:${SEPARATOR}{0,3}${DIGIT})*`,
  'g',
);

// An extension right after the number. The digits must not continue into
// another number, so "212-555-0187,,212" is not read as extension 212 of a
// following number.
const EXTENSION_PATTERN = new RegExp(
  '(?:[ \\u00a0]*(?:ext|extn|extension|x|poste|ramal|durchwahl|dw|доб)\\.?[ \\u00a0]*[:.#]?[ \\u00a0]*' +
    '|;ext=|,,+|[ \\u00a0]*(?:内線|内线|分机|分機|转|轉)[ \\u00a0]*)' +
    `(${DIGIT}{1,6})(?!${DIGIT}|[-./]\\d)#?(?![0-9A-Za-z])`,
  'iy',
);

interface DigitGroup {
  start: number;
  end: number;
  digits: number;
}

/**
 * Seven digits in one span where at most 3 phone separators (or a "+") come
 * between two digits. Digits and separators never overlap, so the pattern
 * cannot backtrack into itself and runs in linear time. A regular expression
 * and not a loop, because it runs compiled even while the page's scripts are
 * still cold (the first scan of a page).
 */
const SEVEN_DIGIT_SPAN = new RegExp(
  `${DIGIT}(?:[${SPACES}${MARKS}+\\uff0b${INVISIBLE}]{0,6}${DIGIT}){${MIN_DIGITS - 1}}`,
);

/**
 * Tells whether `text` has at least 7 digits in one span where only phone
 * separators (at most 3 in a row) come between them. Text without such a span
 * cannot contain a phone number, so callers can skip it before any other
 * work.
 */
export function mayContainPhoneNumber(text: string): boolean {
  return text.length >= MIN_DIGITS && SEVEN_DIGIT_SPAN.test(text);
}

/**
 * Finds the digit strings in `text` that are written like phone numbers and
 * are not a known look-alike (dates, times, amounts, ids, postcodes, IBANs,
 * versions, IP addresses, card numbers). Candidates are in text order and do
 * not overlap. Validity against numbering plans is left to stage 2.
 */
export function findPhoneCandidates(text: string): PhoneCandidate[] {
  if (!mayContainPhoneNumber(text)) return [];
  return HAS_INVISIBLE.test(text) ? findAroundInvisible(text) : findInVisibleText(text);
}

/**
 * Finds the candidates of a text that contains invisible formatting characters
 * (a left-to-right mark after "+44", soft hyphens between groups). They are
 * left out for the search, so they neither end a number nor count as spaces
 * between two numbers. Offsets and `raw` refer to `text`, marks included.
 */
function findAroundInvisible(text: string): PhoneCandidate[] {
  const positions: number[] = [];
  let visible = '';
  for (let i = 0; i < text.length; i++) {
    if (isInvisibleCode(text.charCodeAt(i))) continue;
    positions.push(i);
    visible += text[i];
  }
  return findInVisibleText(visible).map((candidate) => {
    const start = positions[candidate.start]!;
    const rawEnd = positions[candidate.start + candidate.raw.length - 1]! + 1;
    return {
      ...candidate,
      start,
      end: positions[candidate.end - 1]! + 1,
      raw: text.slice(start, rawEnd),
    };
  });
}

function findInVisibleText(text: string): PhoneCandidate[] {
  const candidates: PhoneCandidate[] = [];
  RUN_PATTERN.lastIndex = 0;
  for (let run = RUN_PATTERN.exec(text); run; run = RUN_PATTERN.exec(text)) {
    const groups = findDigitGroups(text, run.index, run.index + run[0].length);
    if (countDigits(groups) < MIN_DIGITS) continue;

    let first = 0;
    for (let i = 0; i < groups.length; i++) {
      const next = groups[i + 1];
      if (next && !isSentenceBreak(text, groups[i]!.end, next.start)) continue;

      const segmentStart = first === 0 ? run.index : withOpeningBracket(text, groups[first]!.start);
      addSegmentCandidates(text, groups.slice(first, i + 1), segmentStart, candidates);
      first = i + 1;
    }
  }
  return candidates;
}

function findDigitGroups(text: string, from: number, to: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let i = from;
  while (i < to) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && isDigitCode(text.charCodeAt(i))) i++;
    groups.push({ start, end: i, digits: i - start });
  }
  return groups;
}

// ". " ends a sentence: no phone format puts a dot before a space.
function isSentenceBreak(text: string, from: number, to: number): boolean {
  const separator = foldToAscii(text.slice(from, to));
  return separator.includes('.') && separator.includes(' ');
}

function withOpeningBracket(text: string, start: number): number {
  const previous = text[start - 1];
  return previous === '(' || previous === '\uff08' ? start - 1 : start;
}

/**
 * Turns one run segment (digit groups with no sentence break between them)
 * into candidates: trims clock times at its edges, reads an extension, checks
 * the context, cuts out dates and splits numbers that are listed together.
 */
function addSegmentCandidates(
  text: string,
  segmentGroups: DigitGroup[],
  segmentStart: number,
  candidates: PhoneCandidate[],
): void {
  if (countDigits(segmentGroups) < MIN_DIGITS) return;

  let groups = segmentGroups;
  let start = segmentStart;

  // "12:30:45 2125550187" and "2125550187 12:30": the group touching ":" is part of a time.
  if (isPrecededByClock(text, groups[0]!.start)) {
    groups = groups.slice(1);
    if (groups.length === 0) return;
    start = withOpeningBracket(text, groups[0]!.start);
  }
  if (isFollowedByClock(text, groups[groups.length - 1]!.end)) {
    groups = groups.slice(0, -1);
    if (groups.length === 0) return;
  }
  if (isGluedCount(text, groups)) groups = groups.slice(0, -1);

  const end = groups[groups.length - 1]!.end;
  EXTENSION_PATTERN.lastIndex = end;
  const extensionMatch = EXTENSION_PATTERN.exec(text);
  const extensionEnd = extensionMatch ? EXTENSION_PATTERN.lastIndex : end;

  if (isRejectedByTextBefore(text, start) || isRejectedByTextAfter(text, extensionEnd)) return;

  const folded = foldToAscii(text.slice(start, end));
  const pieces = cutOutDates(groups, folded, start);
  for (const piece of pieces) {
    for (const listed of splitListedNumbers(piece, folded, start)) {
      for (const part of splitOverlongNumber(listed, folded, start)) {
        const isLast = part[part.length - 1] === groups[groups.length - 1];
        const candidate = toCandidate(
          text,
          part,
          part[0] === groups[0] ? start : -1,
          folded,
          start,
        );
        if (!candidate) continue;

        if (isLast && extensionMatch) {
          candidate.end = extensionEnd;
          candidate.extension = foldToAscii(extensionMatch[1]!);
        }
        candidates.push(candidate);
      }
    }
  }
}

/**
 * Tells whether the last group is a count glued to its unit ("555 0199 1s"):
 * fewer digits than the group before, after spaces, and followed by a letter.
 * Counts set apart from their word ("2 calls") are left to stage 2.
 */
function isGluedCount(text: string, groups: DigitGroup[]): boolean {
  const last = groups[groups.length - 1];
  const previous = groups[groups.length - 2];
  if (!last || !previous || last.digits >= previous.digits || previous.digits < 3) return false;
  if (!isWordCode(text.charCodeAt(last.end))) return false;
  for (let i = previous.end; i < last.start; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) return false;
  }
  return true;
}

// Removes the groups that form a date (2024-03-15, 15.03.2024) and returns the
// runs of groups left between them.
function cutOutDates(groups: DigitGroup[], folded: string, offset: number): DigitGroup[][] {
  const spans = findDateSpans(folded);
  if (spans.length === 0) return [groups];

  const pieces: DigitGroup[][] = [];
  let current: DigitGroup[] = [];
  for (const group of groups) {
    const inDate = spans.some(
      ([from, to]) => group.start - offset >= from && group.end - offset <= to,
    );
    if (inDate) {
      if (current.length > 0) pieces.push(current);
      current = [];
    } else {
      current.push(group);
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

function countDigits(groups: DigitGroup[]): number {
  let total = 0;
  for (const group of groups) total += group.digits;
  return total;
}

function separatorAfter(
  groups: DigitGroup[],
  index: number,
  folded: string,
  offset: number,
): string {
  return folded.slice(groups[index]!.end - offset, groups[index + 1]!.start - offset);
}

// " / ", " - " and wide spaces separate two numbers written in one cell
// ("020 7946 0018 / 020 7946 0019", or "212.555.0187 / 0188" with only the
// last digits of the second), but also appear inside one number after an area
// code ("030 / 1234567"). A split is made only where the left side is long
// enough to be a number. A short right side is then dropped for its digit count.
function splitListedNumbers(groups: DigitGroup[], folded: string, offset: number): DigitGroup[][] {
  const parts: DigitGroup[][] = [];
  let first = 0;
  for (let i = 0; i < groups.length - 1; i++) {
    const separator = separatorAfter(groups, i, folded, offset);
    const isStrong = separator.includes('/') || / -|- | {2}/.test(separator);
    if (!isStrong) continue;

    const left = groups.slice(first, i + 1);
    if (countDigits(left) >= MIN_DIGITS) {
      parts.push(left);
      first = i + 1;
    }
  }
  parts.push(groups.slice(first));
  return parts;
}

// A run with more digits than any phone number is taken as several numbers
// separated by spaces ("(646) 555-0199 6175550110"). Of the spaces where both
// sides have a plausible digit count, the one nearest the middle is taken, so
// two numbers of similar length split between them. Runs with no such space
// are dropped.
function splitOverlongNumber(groups: DigitGroup[], folded: string, offset: number): DigitGroup[][] {
  const prefix = folded.slice(0, groups[0]!.start - offset);
  const maxDigits = /\+ ?$/.test(prefix) ? MAX_DIGITS_INTERNATIONAL : MAX_DIGITS_NATIONAL;
  const total = countDigits(groups);
  if (total <= maxDigits) return [groups];

  // A look-alike as a whole, such as a 19-digit card in groups of four, is not
  // split into numbers.
  const whole = folded.slice(groups[0]!.start - offset, groups[groups.length - 1]!.end - offset);
  if (maxDigits === MAX_DIGITS_NATIONAL && hasRejectedShape(whole)) return [];

  let bestSplit = -1;
  let bestDistance = Infinity;
  let leftDigits = 0;
  for (let i = 0; i < groups.length - 1; i++) {
    leftDigits += groups[i]!.digits;
    const rightDigits = total - leftDigits;
    if (leftDigits < MIN_DIGITS || leftDigits > maxDigits || rightDigits < MIN_DIGITS) continue;
    if (!separatorAfter(groups, i, folded, offset).includes(' ')) continue;

    const distance = Math.abs(leftDigits - total / 2);
    if (distance < bestDistance) {
      bestDistance = distance;
      bestSplit = i;
    }
  }
  if (bestSplit < 0) return [];

  const left = groups.slice(0, bestSplit + 1);
  const right = groups.slice(bestSplit + 1);
  return [left, ...splitOverlongNumber(right, folded, offset)];
}

/**
 * Builds the candidate for groups of one number, or returns null when the
 * digit count or the written shape rules it out. `runStart` is the start of
 * the segment (with its "(" and "+") when the groups begin the segment, else -1.
 */
function toCandidate(
  text: string,
  groups: DigitGroup[],
  runStart: number,
  folded: string,
  offset: number,
): PhoneCandidate | null {
  let start = runStart >= 0 ? runStart : withOpeningBracket(text, groups[0]!.start);
  const end = groups[groups.length - 1]!.end;
  let shape = folded.slice(start - offset, end - offset);

  // "(+44 20 7946 0018)": the closing bracket is outside the run.
  if (shape.startsWith('(') && !shape.includes(')')) {
    start += 1;
    shape = shape.slice(1);
    while (shape.startsWith(' ')) {
      start += 1;
      shape = shape.slice(1);
    }
  }

  const isInternational = /^\(?\+/.test(shape);
  const digits = countDigits(groups);
  const maxDigits = isInternational ? MAX_DIGITS_INTERNATIONAL : MAX_DIGITS_NATIONAL;
  if (digits < MIN_DIGITS || digits > maxDigits) return null;
  if (!isInternational && hasRejectedShape(shape)) return null;

  return { start, end, raw: text.slice(start, end) };
}
