// Character classes shared by the candidate finder. Every function here maps a
// UTF-16 code unit to a class, so offsets in a folded copy of a string stay
// equal to offsets in the original.

/**
 * ASCII digits, full-width digits (U+FF10–U+FF19), the Arabic-Indic
 * (U+0660–U+0669) and Eastern Arabic-Indic (U+06F0–U+06F9) digits of Arabic
 * and Persian text, and the Devanagari (U+0966–U+096F) and Bengali
 * (U+09E6–U+09EF) digits of Hindi and Bangla text.
 */
export function isDigitCode(code: number): boolean {
  return digitValue(code) !== null;
}

/** Counts the digits of every kind isDigitCode accepts in `text`. */
export function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isDigitCode(text.charCodeAt(i))) count++;
  }
  return count;
}

/** Returns the value (0–9) of a digit code of any kind isDigitCode accepts, or null. */
export function digitValue(code: number): number | null {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  if (code >= 0x966 && code <= 0x96f) return code - 0x966;
  if (code >= 0x9e6 && code <= 0x9ef) return code - 0x9e6;
  return null;
}

/** Tells whether a code is a digit of a script other than ASCII and full-width forms. */
function isScriptDigit(code: number): boolean {
  return code >= 0x660 && code <= 0x9ef && digitValue(code) !== null;
}

/**
 * Tells whether a code is an invisible formatting character: a soft hyphen,
 * a zero-width space or joiner, a bidirectional mark, embedding or isolate,
 * a word joiner or a byte order mark. Text copied from right-to-left pages
 * and from word processors carries them inside numbers.
 */
export function isInvisibleCode(code: number): boolean {
  return (
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Tells whether a code is a space between digit groups: the ASCII one or any of isOtherSpace. */
export function isSpaceCode(code: number): boolean {
  return code === 32 || isOtherSpace(code);
}

/** Tells whether a code is a space other than the ASCII one: no-break, the typographic spaces U+2000–U+200A, narrow no-break or ideographic. */
function isOtherSpace(code: number): boolean {
  return code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x3000;
}

/**
 * Characters people put between the digit groups of one phone number: spaces,
 * hyphens and dashes, dots, slashes and brackets, in ASCII and full-width
 * forms. Spaces include no-break, typographic and ideographic ones. Dashes
 * include the minus sign and the katakana long vowel mark, which Japanese text
 * uses as a dash.
 */
export function isSeparatorCode(code: number): boolean {
  if (isOtherSpace(code)) return true;
  switch (code) {
    case 0x20: // space
    case 0x28: // (
    case 0x29: // )
    case 0x2d: // -
    case 0x2e: // .
    case 0x2f: // /
    case 0x2212: // minus sign
    case 0x30fc: // katakana-hiragana prolonged sound mark
    case 0xff08: // （
    case 0xff09: // ）
    case 0xff0d: // －
    case 0xff0e: // ．
    case 0xff0f: // ／
      return true;
    default:
      return code >= 0x2010 && code <= 0x2015; // hyphen … horizontal bar
  }
}

/**
 * Letters and digits of alphabetic scripts (Latin, Greek, Cyrillic, ASCII and
 * full-width). CJK and kana are left out on purpose, because Chinese and
 * Japanese text writes numbers right against the surrounding words.
 */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7; // not × ÷
  if (code >= 0x370 && code <= 0x4ff) return true;
  if (isScriptDigit(code)) return true;
  return (
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

const NON_ASCII = /[^ -~\t\n\r]/;

/**
 * Folds full-width forms, dashes, spaces and digits of other scripts to
 * ASCII, one code unit for one, so that pattern checks can be written in
 * ASCII. Invisible formatting characters become spaces.
 */
export function foldToAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text;

  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      folded += text[i];
    } else if (code >= 0xff01 && code <= 0xff5e) {
      folded += String.fromCharCode(code - 0xfee0);
    } else if (isOtherSpace(code) || isInvisibleCode(code)) {
      folded += ' ';
    } else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x30fc) {
      folded += '-';
    } else if (isScriptDigit(code)) {
      folded += String(digitValue(code));
    } else {
      folded += text[i];
    }
  }
  return folded;
}
