// Character classes shared by the candidate finder. Every function here maps a
// UTF-16 code unit to a class, so offsets in a folded copy of a string stay
// equal to offsets in the original.

/**
 * ASCII digits, full-width digits (U+FF10–U+FF19) and the Arabic-Indic
 * (U+0660–U+0669) and Eastern Arabic-Indic (U+06F0–U+06F9) digits of Arabic
 * and Persian text.
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
  return null;
}

/** Tells whether a code is an Arabic-Indic or Eastern Arabic-Indic digit. */
function isArabicDigit(code: number): boolean {
  return (code >= 0x660 && code <= 0x669) || (code >= 0x6f0 && code <= 0x6f9);
}

/**
 * Characters people put between the digit groups of one phone number: spaces,
 * hyphens and dashes, dots, slashes and brackets, in ASCII and full-width
 * forms. Spaces include no-break, thin and ideographic ones. Dashes include the
 * minus sign and the katakana long vowel mark, which Japanese text uses as a dash.
 */
export function isSeparatorCode(code: number): boolean {
  switch (code) {
    case 0x20: // space
    case 0x28: // (
    case 0x29: // )
    case 0x2d: // -
    case 0x2e: // .
    case 0x2f: // /
    case 0xa0: // no-break space
    case 0x2009: // thin space
    case 0x202f: // narrow no-break space
    case 0x2212: // minus sign
    case 0x3000: // ideographic space
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
  if (isArabicDigit(code)) return true;
  return (
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

const NON_ASCII = /[^ -~\t\n\r]/;

/**
 * Folds full-width forms, dashes and spaces to ASCII, one code unit for one,
 * so that pattern checks can be written in ASCII.
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
    } else if (code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x3000) {
      folded += ' ';
    } else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x30fc) {
      folded += '-';
    } else if (isArabicDigit(code)) {
      folded += String(digitValue(code));
    } else {
      folded += text[i];
    }
  }
  return folded;
}
