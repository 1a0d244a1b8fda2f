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
  if (/^[(（]?\s?[+＋]/.test(number.raw.trim())) return number;

  let container = box.parentNode;
  for (let level = 0; container && level < maxLevels; level++) {
    if (container instanceof Element || container instanceof DocumentFragment) {
      const codes = countryCodesIn(container, box);
      if (codes.length > MAX_CODES) return number;
      if (codes.length > 0) {
        const combined = codes.map((code) => `${code} ${number.raw}`);
        return { ...number, alternatives: [...(number.alternatives ?? []), ...combined] };
      }
    }
    if (container === outermost) break;
    container = container.parentNode;
  }
  return number;
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
