import { afterEach, describe, expect, it, vi } from 'vitest';
import { localTimeZone } from '../../lib/cases/calendar.ts';
import {
  DEADLINE_RULES,
  computeDeadlines,
  deadlineSettingsSchema,
  ruleFor,
} from '../../lib/cases/deadlines.ts';
import { JURISDICTIONS, type Extension, type Jurisdiction } from '../../lib/cases/model.ts';

const notice = (noticeSentAt: string): Extension => ({
  extendedAt: noticeSentAt,
  noticeSentAt,
  reason: 'Request covers five systems and two processors',
});

describe('GDPR one calendar month', () => {
  it.each([
    ['31 January, non-leap year', '2025-01-31T10:00:00Z', '2025-02-28'],
    ['31 January, leap year', '2024-01-31T10:00:00Z', '2024-02-29'],
    ['30 January, leap year', '2024-01-30T10:00:00Z', '2024-02-29'],
    ['28 February', '2025-02-28T10:00:00Z', '2025-03-28'],
    ['31 March', '2025-03-31T10:00:00Z', '2025-04-30'],
    ['30 April, 30-day month end', '2025-04-30T10:00:00Z', '2025-05-30'],
    ['31 May, 31-day month end', '2025-05-31T10:00:00Z', '2025-06-30'],
    ['31 August', '2025-08-31T10:00:00Z', '2025-09-30'],
    ['31 December, year end', '2025-12-31T10:00:00Z', '2026-01-31'],
    ['mid month', '2025-01-15T10:00:00Z', '2025-02-15'],
  ])('%s', (_name, receivedAt, expected) => {
    for (const jurisdiction of ['eu_gdpr', 'uk_gdpr'] as const) {
      const deadlines = computeDeadlines({ receivedAt, jurisdiction });
      expect(deadlines.dates.response).toBe(expected);
      expect(deadlines.responseDueAt).toBe(`${expected}T23:59:59.999Z`);
    }
  });

  it('ends at local midnight after a DST change', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-03-01T10:00:00Z',
      jurisdiction: 'eu_gdpr',
      timeZone: 'Europe/Berlin',
    });
    expect(deadlines.dates.response).toBe('2025-04-01');
    expect(deadlines.responseDueAt).toBe('2025-04-01T21:59:59.999Z');
  });
});

describe('extensions', () => {
  it.each([
    ['eu_gdpr', '2025-01-31T10:00:00Z', '2025-02-20T09:00:00Z', '2025-02-28', '2025-04-28'],
    ['uk_gdpr', '2025-03-03T10:00:00Z', '2025-03-20T09:00:00Z', '2025-04-03', '2025-06-03'],
    ['us_ccpa_cpra', '2025-01-10T10:00:00Z', '2025-02-01T09:00:00Z', '2025-02-24', '2025-04-10'],
    ['canada', '2025-01-10T10:00:00Z', '2025-02-01T09:00:00Z', '2025-02-09', '2025-03-11'],
  ] as const)(
    '%s extends with timely notice',
    (jurisdiction, receivedAt, sentAt, due, extended) => {
      const deadlines = computeDeadlines({
        receivedAt,
        jurisdiction,
        extensions: [notice(sentAt)],
      });
      expect(deadlines.dates.response).toBe(due);
      expect(deadlines.dates.extended).toBe(extended);
      expect(deadlines.extendedDueAt).toBe(`${extended}T23:59:59.999Z`);
      expect(deadlines.extensionIgnored).toBeUndefined();
    },
  );

  it('ignores notice sent after the deadline', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-01-31T10:00:00Z',
      jurisdiction: 'eu_gdpr',
      extensions: [notice('2025-03-01T00:00:00Z')],
    });
    expect(deadlines.extendedDueAt).toBeUndefined();
    expect(deadlines.extensionIgnored).toBe(
      'The extension notice was sent after the original deadline (2025-02-28), so the extension does not apply',
    );
  });

  it('accepts notice on the last day', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-01-31T10:00:00Z',
      jurisdiction: 'eu_gdpr',
      extensions: [notice('2025-02-28T23:59:00Z')],
    });
    expect(deadlines.dates.extended).toBe('2025-04-28');
  });

  it('applies only one extension', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-01-10T10:00:00Z',
      jurisdiction: 'us_ccpa_cpra',
      extensions: [notice('2025-01-20T09:00:00Z'), notice('2025-02-10T09:00:00Z')],
    });
    expect(deadlines.dates.extended).toBe('2025-04-10');
  });

  it('ignores extensions where the law has none', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-01-10T10:00:00Z',
      jurisdiction: 'china_pipl',
      extensions: [notice('2025-01-11T09:00:00Z')],
    });
    expect(deadlines.extendedDueAt).toBeUndefined();
    expect(deadlines.extensionIgnored).toBe(
      'China PIPL provides no extension of the response period',
    );
  });
});

describe('CCPA and telemarketing clocks', () => {
  it('counts CCPA 45 days and 10 business days', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-01-10T10:00:00Z',
      jurisdiction: 'us_ccpa_cpra',
    });
    expect(deadlines.dates.response).toBe('2025-02-24');
    expect(deadlines.dates.acknowledgement).toBe('2025-01-24');
    expect(deadlines.dates.telemarketing).toBe('2025-01-24');
  });

  it.each([
    ['Thursday evening', '2025-01-09T19:00:00-08:00', '2025-01-23', '2025-01-24'],
    ['Friday evening', '2025-01-10T18:30:00-08:00', '2025-01-24', '2025-01-24'],
    ['Sunday evening', '2025-01-12T19:00:00-08:00', '2025-01-24', '2025-01-27'],
  ])('skips weekends from %s in Los Angeles', (_name, receivedAt, local, utc) => {
    const inLosAngeles = computeDeadlines({
      receivedAt,
      jurisdiction: 'us_telemarketing',
      timeZone: 'America/Los_Angeles',
    });
    const inUtc = computeDeadlines({ receivedAt, jurisdiction: 'us_telemarketing' });

    expect(inLosAngeles.dates.telemarketing).toBe(local);
    expect(inUtc.dates.telemarketing).toBe(utc);
  });

  it('ends the business day in Pacific time', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-01-10T18:30:00-08:00',
      jurisdiction: 'us_ccpa_cpra',
      timeZone: 'America/Los_Angeles',
    });
    expect(deadlines.dates.received).toBe('2025-01-10');
    expect(deadlines.telemarketingDueAt).toBe('2025-01-25T07:59:59.999Z');
    expect(deadlines.dates.response).toBe('2025-02-24');
  });

  it('gives Canada 14 calendar days', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-01-10T10:00:00Z',
      jurisdiction: 'canada',
    });
    expect(deadlines.dates.telemarketing).toBe('2025-01-24');
    expect(deadlines.dates.response).toBe('2025-02-09');
  });

  it.each(['eu_gdpr', 'china_pipl', 'india_dpdp'] as const)(
    'shows no DNC clock for %s',
    (jurisdiction) => {
      const deadlines = computeDeadlines({ receivedAt: '2025-01-10T10:00:00Z', jurisdiction });
      expect(deadlines.telemarketingDueAt).toBeUndefined();
    },
  );
});

describe('time zones', () => {
  it('puts 23:30 UTC on the next day in Shanghai', () => {
    const input = { receivedAt: '2025-01-31T23:30:00Z', jurisdiction: 'eu_gdpr' } as const;
    const inShanghai = computeDeadlines({ ...input, timeZone: 'Asia/Shanghai' });
    const inUtc = computeDeadlines(input);

    expect(inShanghai.dates.received).toBe('2025-02-01');
    expect(inShanghai.dates.response).toBe('2025-03-01');
    expect(inShanghai.responseDueAt).toBe('2025-03-01T15:59:59.999Z');
    expect(inUtc.dates.received).toBe('2025-01-31');
    expect(inUtc.dates.response).toBe('2025-02-28');
  });

  it('rejects an unknown zone', () => {
    expect(() =>
      computeDeadlines({
        receivedAt: '2025-01-31T10:00:00Z',
        jurisdiction: 'eu_gdpr',
        timeZone: 'Mars/Olympus',
      }),
    ).toThrow('Invalid time zone "Mars/Olympus"');
  });

  it('rejects an invalid receivedAt', () => {
    expect(() => computeDeadlines({ receivedAt: 'yesterday', jurisdiction: 'eu_gdpr' })).toThrow(
      RangeError,
    );
  });
});

describe('daysLeft and overdue', () => {
  const receivedAt = '2025-01-31T10:00:00Z';

  it.each([
    ['well before', '2025-02-20T12:00:00Z', 8, false],
    ['on the due day', '2025-02-28T23:59:59Z', 0, false],
    ['one millisecond after', '2025-03-01T00:00:00Z', -1, true],
    ['a week after', '2025-03-07T08:00:00Z', -7, true],
  ])('%s', (_name, now, daysLeft, overdue) => {
    const deadlines = computeDeadlines({ receivedAt, jurisdiction: 'eu_gdpr' }, new Date(now));
    expect(deadlines.daysLeft).toBe(daysLeft);
    expect(deadlines.overdue).toBe(overdue);
  });

  it('counts from the extended date', () => {
    const deadlines = computeDeadlines(
      { receivedAt, jurisdiction: 'eu_gdpr', extensions: [notice('2025-02-10T09:00:00Z')] },
      new Date('2025-03-01T00:00:00Z'),
    );
    expect(deadlines.daysLeft).toBe(58);
    expect(deadlines.overdue).toBe(false);
  });

  it('counts days on the local calendar', () => {
    const deadlines = computeDeadlines(
      { receivedAt, jurisdiction: 'eu_gdpr', timeZone: 'Asia/Shanghai' },
      new Date('2025-02-28T16:30:00Z'),
    );
    expect(deadlines.dates.response).toBe('2025-02-28');
    expect(deadlines.daysLeft).toBe(-1);
    expect(deadlines.overdue).toBe(true);
  });
});

describe('settings-based periods', () => {
  it.each([
    ['china_pipl', '2025-03-12'],
    ['brazil_lgpd', '2025-02-25'],
    ['india_dpdp', '2025-03-12'],
    ['bangladesh', '2025-03-12'],
    ['other', '2025-03-12'],
  ] as const)('uses the default for %s', (jurisdiction, expected) => {
    const deadlines = computeDeadlines({ receivedAt: '2025-02-10T10:00:00Z', jurisdiction });
    expect(deadlines.dates.response).toBe(expected);
    expect(deadlines.rule.responseIsSetting).toBe(true);
    expect(deadlines.rule.responseFromSettings).toBe(false);
  });

  it('applies a configured period', () => {
    const deadlines = computeDeadlines({
      receivedAt: '2025-02-10T10:00:00Z',
      jurisdiction: 'brazil_lgpd',
      settings: { responseDays: { brazil_lgpd: 10, china_pipl: 20 } },
    });
    expect(deadlines.dates.response).toBe('2025-02-20');
    expect(deadlines.rule.responseFromSettings).toBe(true);
  });

  it('rejects India periods above 90 days', () => {
    const settings = { responseDays: { india_dpdp: 91 } };
    expect(deadlineSettingsSchema.safeParse(settings).success).toBe(false);
    expect(() => ruleFor('india_dpdp', settings)).toThrow(RangeError);
  });

  it('rejects a setting for a statutory period', () => {
    const settings = { responseDays: { eu_gdpr: 20 } };
    expect(deadlineSettingsSchema.safeParse(settings).success).toBe(false);
    expect(() => ruleFor('eu_gdpr', settings)).toThrow('EU GDPR has a statutory response period');
  });

  it('accepts India at 90 days', () => {
    expect(deadlineSettingsSchema.safeParse({ responseDays: { india_dpdp: 90 } }).success).toBe(
      true,
    );
  });
});

describe('DEADLINE_RULES', () => {
  it('has a rule with a source for every jurisdiction', () => {
    for (const jurisdiction of JURISDICTIONS) {
      expect(DEADLINE_RULES[jurisdiction].jurisdiction).toBe(jurisdiction);
      expect(DEADLINE_RULES[jurisdiction].source).not.toBe('');
    }
  });

  it('marks statutory and setting-based periods', () => {
    const settings = JURISDICTIONS.filter(
      (jurisdiction: Jurisdiction) => DEADLINE_RULES[jurisdiction].responseIsSetting,
    );
    expect(settings).toEqual([
      'canada',
      'china_pipl',
      'brazil_lgpd',
      'india_dpdp',
      'bangladesh',
      'other',
    ]);
  });
});

describe('localTimeZone', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Makes the runtime's clock report `timeZone`, as a browser in that zone does. */
  function clockIn(timeZone: string | undefined): void {
    const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      return { ...resolved.call(this), timeZone } as Intl.ResolvedDateTimeFormatOptions;
    });
  }

  it('names the zone of the clock', () => {
    clockIn('Asia/Shanghai');
    expect(localTimeZone()).toBe('Asia/Shanghai');
  });

  it.each([undefined, 'Mars/Olympus'])('falls back to UTC for zone %s', (zone) => {
    clockIn(zone);
    expect(localTimeZone()).toBe('UTC');
  });
});
