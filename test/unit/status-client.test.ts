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
