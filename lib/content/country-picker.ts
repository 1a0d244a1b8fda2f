import type { BoxNumber } from './dial-boxes';
import { chosenOptionTexts } from './dom-rules';

/**
 * A country calling code as a picker shows it: "+44", "🇬🇧 +44",
 * "United Kingdom (+44)", "+44 UK". Country codes have one to three digits
 * and none starts with 0.
 */
const COUNTRY_CODE_TEXT = /^[^\d+＋]{0,40}[(（]?[+＋]\s?([1-9]\d{0,2})[)）]?[^\d+＋]{0,40}$/u;
/** Words of a count such as "+3 more", which is not a country code. */
const COUNT_WORDS = /\b(more|others?|less|items?|new)\b|更多|其他|其它/i;
/** Elements that show a picker's choice: native pickers, buttons and comboboxes that open a list. */
const PICKER_SELECTOR =
  'select, input, button, [role="combobox"], [role="button"], [aria-haspopup]';
/** Lists a picker opens, and hidden parts, whose codes are choices not taken. */
const NOT_CHOSEN_SELECTOR = '[role="listbox"], [role="menu"], [hidden], [aria-hidden="true"]';
/** Maximum elements read per scope, so a click in a large container stays cheap. */
const MAX_PICKER_ELEMENTS = 300;
/** Maximum distinct codes in one scope for them to be a choice. More are a list of countries. */
const MAX_CODES = 2;

/** Containers of a number box searched for its dialer's country picker. */
export const BOX_PICKER_LEVELS = 3;

/** Tells whether a written number starts with its country code ("+44", "(+44)"). */
export function hasCountryCode(raw: string): boolean {
  return /^[(（]?\s?[+＋]/.test(raw.trim());
}

/**
 * Adds to a number typed without "+" the numbers that the country picker of
 * its dialer makes of it ("+44" chosen beside "20 7946 0018"). The box's
 * containers are searched from its parent outward, at most `maxLevels` of
 * them and none beyond `outermost`, and the nearest that shows a code
 * decides. The number as typed stays checked too.
 */
export function withCountryCode(
  number: BoxNumber,
  box: HTMLElement,
  outermost: Node | null,
  maxLevels: number,
): BoxNumber {
  if (hasCountryCode(number.raw)) return number;
  const codes = nearestCodes(box, outermost, maxLevels);
  if (codes.length === 0) return number;
  const combined = codes.map((code) => `${code} ${number.raw}`);
  return { ...number, alternatives: [...(number.alternatives ?? []), ...combined] };
}

/**
 * Returns the country code chosen beside a number box, when one picker
 * within BOX_PICKER_LEVELS shows exactly one code, or null.
 */
export function pickedCountryCode(box: HTMLElement): string | null {
  const codes = nearestCodes(box, null, BOX_PICKER_LEVELS);
  return codes.length === 1 ? (codes[0] ?? null) : null;
}

/** Writes a number the way the dialer dials it: with the chosen code when typed without one. */
export function withPickedCode(raw: string, code: string | null): string {
  return code && !hasCountryCode(raw) ? `${code} ${raw}` : raw;
}

/**
 * Returns the codes of the nearest container of `box` that shows any, or
 * none when there are more than MAX_CODES (a list of countries).
 */
function nearestCodes(box: HTMLElement, outermost: Node | null, maxLevels: number): string[] {
  let container = box.parentNode;
  for (let level = 0; container && level < maxLevels; level++) {
    if (container instanceof Element || container instanceof DocumentFragment) {
      const codes = countryCodesIn(container, box);
      if (codes.length > MAX_CODES) return [];
      if (codes.length > 0) return codes;
    }
    if (container === outermost) break;
    container = container.parentNode;
  }
  return [];
}

/** Returns the distinct calling codes ("+44") that pickers in `scope` show as chosen. */
function countryCodesIn(scope: Element | DocumentFragment, box: HTMLElement): string[] {
  const codes: string[] = [];
  const pickers = [...scope.querySelectorAll<HTMLElement>(PICKER_SELECTOR)].slice(
    0,
    MAX_PICKER_ELEMENTS,
  );
  for (const picker of pickers) {
    if (picker === box || picker.contains(box) || picker.closest(NOT_CHOSEN_SELECTOR)) continue;
    for (const text of pickerTexts(picker)) {
      const code = countryCodeOf(text);
      if (code && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}

/** Returns the texts that show a picker's choice: the chosen option, an input's value, or the label. */
function pickerTexts(picker: HTMLElement): string[] {
  if (picker instanceof HTMLSelectElement) return chosenOptionTexts(picker);
  if (picker instanceof HTMLInputElement) {
    return ['password', 'checkbox', 'radio'].includes(picker.type) ? [] : [picker.value];
  }
  return [picker.textContent ?? '', picker.getAttribute('aria-label') ?? ''];
}

function countryCodeOf(text: string): string | null {
  const trimmed = text.trim();
  const digits = COUNTRY_CODE_TEXT.exec(trimmed)?.[1];
  if (!digits || COUNT_WORDS.test(trimmed)) return null;
  return `+${digits}`;
}
