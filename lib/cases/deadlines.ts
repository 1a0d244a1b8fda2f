import { z } from 'zod';
import {
  addBusinessDays,
  addCalendarDays,
  addCalendarMonths,
  assertTimeZone,
  daysBetween,
  endOfLocalDay,
  formatCalendarDate,
  localDateOf,
  type CalendarDate,
} from './calendar.ts';
import { jurisdictionSchema, type Extension, type Jurisdiction } from './model.ts';

// Legal deadlines per jurisdiction. docs/deadlines.md explains each figure
// and lists the sources; keep the two in step.

export type PeriodUnit = 'calendar_months' | 'calendar_days' | 'business_days';

export interface Period {
  count: number;
  unit: PeriodUnit;
}

export interface DeadlineRule {
  jurisdiction: Jurisdiction;
  label: string;
  /** Time to respond to the customer, counted from the local day the request arrived. */
  response: Period;
  /** True when no statute sets a day count and `response` is an organisation setting. */
  responseIsSetting: boolean;
  /** Upper bound the law puts on the setting, where it puts one. */
  responseMax?: Period;
  /** Added to the original response date when an extension with notice is recorded. */
  extension: Period | null;
  /** Time to confirm receipt, where the law requires it. */
  acknowledgement: Period | null;
  /** Time to put the number on the company's own DNC list under telemarketing law. */
  telemarketing: Period | null;
  /** Legal reference for the figures above. */
  source: string;
}

export interface RuleInfo extends DeadlineRule {
  /** True when `response` came from `settings.responseDays` rather than the default. */
  responseFromSettings: boolean;
}

const months = (count: number): Period => ({ count, unit: 'calendar_months' });
const days = (count: number): Period => ({ count, unit: 'calendar_days' });
const businessDays = (count: number): Period => ({ count, unit: 'business_days' });

const US_DNC_ENTRY = businessDays(10);

export const DEADLINE_RULES: Readonly<Record<Jurisdiction, DeadlineRule>> = {
  eu_gdpr: {
    jurisdiction: 'eu_gdpr',
    label: 'EU GDPR',
    response: months(1),
    responseIsSetting: false,
    extension: months(2),
    acknowledgement: null,
    telemarketing: null,
    source: 'GDPR Art. 12(3); months counted under Regulation (EEC, Euratom) No 1182/71 Art. 3',
  },
  uk_gdpr: {
    jurisdiction: 'uk_gdpr',
    label: 'UK GDPR',
    response: months(1),
    responseIsSetting: false,
    extension: months(2),
    acknowledgement: null,
    telemarketing: null,
    source: 'UK GDPR Art. 12(3) and 12A; ICO guidance on calculating one month',
  },
  us_ccpa_cpra: {
    jurisdiction: 'us_ccpa_cpra',
    label: 'California CCPA/CPRA',
    response: days(45),
    responseIsSetting: false,
    extension: days(45),
    acknowledgement: businessDays(10),
    telemarketing: US_DNC_ENTRY,
    source:
      'Cal. Code Regs. tit. 11 § 7021(a)-(b); Cal. Civ. Code § 1798.130; DNC entry: 47 CFR 64.1200(d)(3)',
  },
  us_telemarketing: {
    jurisdiction: 'us_telemarketing',
    label: 'US telemarketing (TCPA)',
    response: US_DNC_ENTRY,
    responseIsSetting: false,
    extension: null,
    acknowledgement: null,
    telemarketing: US_DNC_ENTRY,
    source: '47 CFR 64.1200(d)(3) as amended by FCC 24-24, in force since 11 April 2025',
  },
  canada: {
    jurisdiction: 'canada',
    label: 'Canada',
    response: days(30),
    responseIsSetting: true,
    extension: days(30),
    acknowledgement: null,
    // NOTE: 14 days is not confirmed against the Telemarketing Rules' text in
    // the sources listed in docs/deadlines.md; check it before relying on it.
    telemarketing: days(14),
    source:
      'DNC entry: CRTC Unsolicited Telecommunications Rules, Part II (Telemarketing Rules); response default: PIPEDA s. 8(3)-(4), written for access requests',
  },
  china_pipl: {
    jurisdiction: 'china_pipl',
    label: 'China PIPL',
    // NOTE: the 30 days is attributed to GB/T 35273-2020 § 8.7 but was not
    // checked against the clause text, which we could not open.
    response: days(30),
    responseIsSetting: true,
    extension: null,
    acknowledgement: null,
    telemarketing: null,
    source:
      'PIPL Art. 47 sets no day count; default from GB/T 35273-2020 § 8.7, a voluntary national standard',
  },
  brazil_lgpd: {
    jurisdiction: 'brazil_lgpd',
    label: 'Brazil LGPD',
    response: days(15),
    responseIsSetting: true,
    extension: null,
    acknowledgement: null,
    telemarketing: null,
    source:
      'LGPD Art. 18 leaves deadlines to ANPD regulation; default borrows the 15 days of Art. 19 II (access requests)',
  },
  india_dpdp: {
    jurisdiction: 'india_dpdp',
    label: 'India DPDP',
    response: days(30),
    responseIsSetting: true,
    responseMax: days(90),
    extension: null,
    acknowledgement: null,
    telemarketing: null,
    source:
      'DPDP Act 2023 s. 12-13; DPDP Rules 2025 rule 14(3): the published period may not exceed 90 days',
  },
  bangladesh: {
    jurisdiction: 'bangladesh',
    label: 'Bangladesh',
    response: days(30),
    responseIsSetting: true,
    extension: null,
    acknowledgement: null,
    telemarketing: null,
    source: 'Personal Data Protection Ordinance 2025 s. 13 (erasure); no statutory day count',
  },
  other: {
    jurisdiction: 'other',
    label: 'Other',
    response: days(30),
    responseIsSetting: true,
    extension: null,
    acknowledgement: null,
    telemarketing: null,
    source: 'No law modelled; organisation setting',
  },
};

/** Organisation settings for jurisdictions whose response period is not a statutory count. */
export const deadlineSettingsSchema = z
  .strictObject({
    /** Response period in calendar days, per jurisdiction. */
    responseDays: z.partialRecord(jurisdictionSchema, z.int().min(1).max(365)).optional(),
  })
  .superRefine((settings, context) => {
    for (const [jurisdiction, value] of Object.entries(settings.responseDays ?? {})) {
      const problem = settingProblem(jurisdiction as Jurisdiction, value);
      if (problem) context.addIssue({ code: 'custom', message: problem, path: ['responseDays'] });
    }
  });
export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>;

function settingProblem(jurisdiction: Jurisdiction, value: number | undefined): string | null {
  const rule = DEADLINE_RULES[jurisdiction];
  if (value === undefined) return null;
  if (!rule.responseIsSetting) {
    return `${rule.label} has a statutory response period (${rule.source}); it cannot be set`;
  }
  if (rule.responseMax && value > rule.responseMax.count) {
    return `${rule.label} response period is ${value} days, but ${rule.source}`;
  }
  return null;
}

/** Returns the rule for `jurisdiction` with any valid setting applied. */
export function ruleFor(jurisdiction: Jurisdiction, settings?: DeadlineSettings): RuleInfo {
  const rule = DEADLINE_RULES[jurisdiction];
  const configured = settings?.responseDays?.[jurisdiction];
  const problem = settingProblem(jurisdiction, configured);
  if (problem) throw new RangeError(problem);

  return configured === undefined
    ? { ...rule, responseFromSettings: false }
    : { ...rule, response: days(configured), responseFromSettings: true };
}

function addPeriod(date: CalendarDate, period: Period): CalendarDate {
  switch (period.unit) {
    case 'calendar_months':
      return addCalendarMonths(date, period.count);
    case 'calendar_days':
      return addCalendarDays(date, period.count);
    case 'business_days':
      return addBusinessDays(date, period.count);
  }
}

export interface DeadlineInput {
  receivedAt: string;
  jurisdiction: Jurisdiction;
  extensions?: readonly Extension[];
  /** IANA zone whose calendar counts the days; defaults to "UTC". */
  timeZone?: string;
  settings?: DeadlineSettings;
}

export interface Deadlines {
  /** Last millisecond of the response day in `timeZone`, as an ISO 8601 UTC string. */
  responseDueAt: string;
  acknowledgementDueAt?: string;
  telemarketingDueAt?: string;
  extendedDueAt?: string;
  /** The same deadlines as local calendar dates (YYYY-MM-DD) in `timeZone`. */
  dates: {
    received: string;
    response: string;
    acknowledgement?: string;
    telemarketing?: string;
    extended?: string;
  };
  timeZone: string;
  /** Calendar days from today to the effective response date; negative once it has passed. */
  daysLeft: number;
  /** True once the effective (extended, if any) response deadline has passed. */
  overdue: boolean;
  /** Reason the recorded extensions were not applied, if they were not. */
  extensionIgnored?: string;
  rule: RuleInfo;
}

interface LocalDeadline {
  date: CalendarDate;
  endsAt: number;
}

function localDeadline(date: CalendarDate, timeZone: string): LocalDeadline {
  return { date, endsAt: endOfLocalDay(date, timeZone) };
}

/**
 * Computes a case's deadlines. Days are counted on the calendar of
 * `timeZone`: the day the request arrived there is day zero, and each
 * deadline ends at the last millisecond of its day there. A deadline that
 * lands on a weekend is not moved to the next working day, although EU and
 * UK practice allows that, so the date shown is never later than the law's.
 */
export function computeDeadlines(input: DeadlineInput, now: Date = new Date()): Deadlines {
  const receivedMs = Date.parse(input.receivedAt);
  if (Number.isNaN(receivedMs)) {
    throw new RangeError(
      `Invalid receivedAt "${input.receivedAt}": expected an ISO 8601 date-time`,
    );
  }
  const timeZone = input.timeZone ?? 'UTC';
  assertTimeZone(timeZone);

  const rule = ruleFor(input.jurisdiction, input.settings);
  const received = localDateOf(receivedMs, timeZone);
  const response = localDeadline(addPeriod(received, rule.response), timeZone);
  const acknowledgement = rule.acknowledgement
    ? localDeadline(addPeriod(received, rule.acknowledgement), timeZone)
    : undefined;
  const telemarketing = rule.telemarketing
    ? localDeadline(addPeriod(received, rule.telemarketing), timeZone)
    : undefined;
  const { extended, extensionIgnored } = applyExtensions(
    input.extensions ?? [],
    rule,
    response,
    timeZone,
  );

  const effective = extended ?? response;
  const today = localDateOf(now.getTime(), timeZone);

  const result: Deadlines = {
    responseDueAt: new Date(response.endsAt).toISOString(),
    dates: { received: formatCalendarDate(received), response: formatCalendarDate(response.date) },
    timeZone,
    daysLeft: daysBetween(today, effective.date),
    overdue: now.getTime() > effective.endsAt,
    rule,
  };

  if (acknowledgement) {
    result.acknowledgementDueAt = new Date(acknowledgement.endsAt).toISOString();
    result.dates.acknowledgement = formatCalendarDate(acknowledgement.date);
  }
  if (telemarketing) {
    result.telemarketingDueAt = new Date(telemarketing.endsAt).toISOString();
    result.dates.telemarketing = formatCalendarDate(telemarketing.date);
  }
  if (extended) {
    result.extendedDueAt = new Date(extended.endsAt).toISOString();
    result.dates.extended = formatCalendarDate(extended.date);
  }
  if (extensionIgnored) result.extensionIgnored = extensionIgnored;

  return result;
}

/**
 * Applies at most one extension: the laws allow a single extension, and it
 * counts only if the customer was notified before the original deadline passed.
 * The extension is added to the original due date, which at month ends gives
 * the earlier of the two possible readings (31 January: 28 April, not 30).
 */
function applyExtensions(
  extensions: readonly Extension[],
  rule: DeadlineRule,
  response: LocalDeadline,
  timeZone: string,
): { extended?: LocalDeadline; extensionIgnored?: string } {
  if (extensions.length === 0) return {};

  if (!rule.extension) {
    return { extensionIgnored: `${rule.label} provides no extension of the response period` };
  }

  const timely = extensions.find(
    (extension) => Date.parse(extension.noticeSentAt) <= response.endsAt,
  );
  if (!timely) {
    return {
      extensionIgnored: `The extension notice was sent after the original deadline (${formatCalendarDate(response.date)}), so the extension does not apply`,
    };
  }

  return { extended: localDeadline(addPeriod(response.date, rule.extension), timeZone) };
}
