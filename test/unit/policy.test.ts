import { describe, expect, it } from 'vitest';
import { decideDial, isListStale } from '../../lib/policy';

describe('decideDial', () => {
  it.each([
    ['suppressed', 'block', 'block'],
    ['suppressed', 'warn', 'block'],
    ['pending', 'block', 'block'],
    ['pending', 'warn', 'block'],
    ['unknown', 'block', 'block'],
    ['unknown', 'warn', 'warn'],
    ['allowed', 'block', 'allow'],
    ['allowed', 'warn', 'allow'],
  ] as const)('%s under the %s policy gives %s', (status, policy, decision) => {
    expect(decideDial(status, policy)).toBe(decision);
  });
});

describe('isListStale', () => {
  const now = Date.UTC(2026, 0, 2);

  it('treats a missing list as stale', () => {
    expect(isListStale(null, 24, now)).toBe(true);
  });

  it('keeps a list current up to the limit', () => {
    expect(isListStale(now - 24 * 3_600_000, 24, now)).toBe(false);
  });

  it('marks a list stale past the limit', () => {
    expect(isListStale(now - 24 * 3_600_000 - 1, 24, now)).toBe(true);
  });
});
