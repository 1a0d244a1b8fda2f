import { describe, expect, it } from 'vitest';

import { MAX_CACHED_RESULTS, StatusClient } from '../../lib/content/status-client.ts';
import type { ListInfo, NumberResult } from '../../lib/messaging/protocol.ts';

const LIST: ListInfo = {
  loaded: true,
  size: 1,
  pendingCount: 0,
  updatedAt: 0,
  stale: false,
  staleAfterHours: 24,
  unknownPolicy: 'block',
  showAllowedBadges: true,
  defaultCountry: 'US',
};

/** Returns a fake background that reports every number as allowed and records the requested numbers. */
function fakeCheck() {
  const requested: string[] = [];
  const check = async (numbers: string[]) => {
    requested.push(...numbers);
    const results = numbers.map<NumberResult>((raw) => ({
      raw,
      e164: `+1${raw}`,
      status: 'allowed',
    }));
    return { results, list: LIST };
  };
  return { requested, check };
}

/** A ten-digit number for index `i`. */
const numberAt = (i: number) => String(2_000_000_000 + i);

describe('StatusClient cache', () => {
  it('drops the least recently used results', async () => {
    const { requested, check } = fakeCheck();
    const client = new StatusClient(check, () => undefined);
    await client.status(numberAt(0));
    await client.status(numberAt(1));
    const rest = Array.from({ length: MAX_CACHED_RESULTS - 2 }, (_, i) =>
      client.status(numberAt(i + 2)),
    );
    await Promise.all(rest);
    // Used again, so the first number is now the most recent.
    await client.status(numberAt(0));
    await client.status(numberAt(MAX_CACHED_RESULTS));
    requested.length = 0;

    await client.status(numberAt(0));
    expect(requested).toEqual([]);
    expect(client.cachedByKey(numberAt(1))).toBeUndefined();
    await client.status(numberAt(1));
    expect(requested).toEqual([numberAt(1)]);
  });
});

/** Returns a fake background that replies from a table of results by raw text. */
function tableCheck(table: Record<string, Omit<NumberResult, 'raw'>>) {
  return async (numbers: string[]) => {
    const results = numbers.map<NumberResult>((raw) => ({
      raw,
      ...(table[raw] ?? { e164: null, status: 'invalid' }),
    }));
    return { results, list: LIST };
  };
}

const SUPPRESSED_EXTENSION: Omit<NumberResult, 'raw'> = {
  e164: '+8675588889902',
  status: 'suppressed',
  reason: '投诉风险',
};

describe('StatusClient look-up by key', () => {
  it('keeps readings of one digit string apart', async () => {
    const check = tableCheck({ '0755-88889902,123': SUPPRESSED_EXTENSION });
    const client = new StatusClient(check, () => undefined);
    await Promise.all([client.status('0755-88889902,123'), client.status('075588889902123')]);

    expect(client.cachedByKey('0755-88889902,123')?.status).toBe('suppressed');
    expect(client.cachedByKey('075588889902123')?.status).toBe('invalid');
  });

  it('gives no result for other marks', async () => {
    const client = new StatusClient(tableCheck({}), () => undefined);
    await client.status('075588889902123');

    expect(client.cachedByKey('0755-88889902,123')).toBeUndefined();
  });

  it('shares a whole reading across formats', async () => {
    const check = tableCheck({
      '+44 (20) 7946-0018': { e164: '+442079460018', status: 'allowed', whole: true },
    });
    const client = new StatusClient(check, () => undefined);
    await client.status('+44 (20) 7946-0018');

    expect(client.cachedByKey('+442079460018')?.status).toBe('allowed');
    expect(client.cachedByKey('+44 20 7946 0018')?.status).toBe('allowed');
  });

  it('keeps a cut reading to its text', async () => {
    const check = tableCheck({
      '(646) 555-0199 2': { e164: '+16465550199', status: 'suppressed' },
    });
    const client = new StatusClient(check, () => undefined);
    await client.status('(646) 555-0199 2');

    expect(client.cachedByKey('(646) 555-0199 2')?.status).toBe('suppressed');
    expect(client.cachedByKey('646-555-01992')).toBeUndefined();
  });

  it('shares folded digits and spaces', async () => {
    const client = new StatusClient(tableCheck({}), () => undefined);
    await client.status('０７５５－８８８８９９０２－１２３');

    expect(client.cachedByKey('0755-88889902-123')?.status).toBe('invalid');
  });
});
