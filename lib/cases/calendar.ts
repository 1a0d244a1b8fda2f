// Calendar-date arithmetic in an IANA time zone, written by hand on Intl so
// the shared modules need no date library. A date is the local calendar day;
// instants are epoch milliseconds.

/** A day in the proleptic Gregorian calendar; `month` is 1-12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;

  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
  } catch {
    throw new RangeError(
      `Invalid time zone "${timeZone}": expected an IANA name such as "Europe/Berlin" or "UTC"`,
    );
  }

  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws a RangeError unless this runtime supports `timeZone` as an IANA zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Tells whether this runtime supports `timeZone` as an IANA zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the IANA zone of this runtime's clock ("Asia/Shanghai"), or "UTC"
 * when the runtime names none it supports.
 */
export function localTimeZone(): string {
  const zone: unknown = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return typeof zone === 'string' && isKnownTimeZone(zone) ? zone : 'UTC';
}

interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

/** Returns the calendar day that `instant` falls on in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): CalendarDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant` (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * Returns the last millisecond of `date` in `timeZone`. The offset is looked
 * up twice because the first guess can sit on the other side of a DST change.
 */
export function endOfLocalDay(date: CalendarDate, timeZone: string): number {
  const nextMidnightAsUtc = Date.UTC(date.year, date.month - 1, date.day + 1);
  const guess = nextMidnightAsUtc - offsetAt(nextMidnightAsUtc, timeZone);
  const nextMidnight = nextMidnightAsUtc - offsetAt(guess, timeZone);
  return nextMidnight - 1;
}

function fromUtcMidnight(ms: number): CalendarDate {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function utcMidnight(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMidnight(utcMidnight(date) + days * MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months the way EU law counts them (Regulation 1182/71 Art. 3,
 * as the ICO applies it): the same day number in the target month,
 * or that month's last day when it has no such day (31 January + 1 month is
 * 28 or 29 February).
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const monthIndex = date.month - 1 + months;
  const year = date.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** 0 is Sunday and 6 is Saturday, as in Date.getUTCDay. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

/**
 * Counts `days` business days after `date`, skipping Saturdays and Sundays;
 * the start day itself is never counted.
 * NOTE: public holidays are not modelled, so a period that spans one ends a
 * day earlier than the law's count. That errs towards an earlier deadline.
 */
export function addBusinessDays(date: CalendarDate, days: number): CalendarDate {
  let current = date;
  let counted = 0;
  while (counted < days) {
    current = addCalendarDays(current, 1);
    const weekday = weekdayOf(current);
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return current;
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

export function formatCalendarDate(date: CalendarDate): string {
  const year = String(date.year).padStart(4, '0');
  const month = String(date.month).padStart(2, '0');
  const day = String(date.day).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
