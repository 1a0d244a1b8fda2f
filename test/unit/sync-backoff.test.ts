import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from '../../lib/sync/backoff.ts';

describe('backoffDelay', () => {
  it.each([
    { attempts: 0, random: 0.5, expected: 5_000 },
    { attempts: 1, random: 0.5, expected: 10_000 },
    { attempts: 3, random: 0.5, expected: 40_000 },
    { attempts: 0, random: 0, expected: 2_500 },
    { attempts: 2, random: 0.25, expected: 15_000 },
    { attempts: 7, random: 0.5, expected: 640_000 },
    { attempts: 8, random: 0.5, expected: BACKOFF_MAX_MS },
    { attempts: 40, random: 0, expected: BACKOFF_MAX_MS / 2 },
  ])(
    'waits $expected ms after $attempts failures with random $random',
    ({ attempts, random, expected }) => {
      expect(backoffDelay(attempts, () => random)).toBe(expected);
    },
  );

  it('keeps jitter within half to one and a half times', () => {
    const low = backoffDelay(4, () => 0);
    const high = backoffDelay(4, () => 0.999_999);
    expect(low).toBe(BACKOFF_BASE_MS * 16 * 0.5);
    expect(high).toBeLessThan(BACKOFF_BASE_MS * 16 * 1.5);
    expect(high).toBeGreaterThan(BACKOFF_BASE_MS * 16 * 1.49);
  });

  it('caps before jitter, so the maximum still spreads', () => {
    expect(backoffDelay(1_000, () => 0.999_999)).toBeLessThan(BACKOFF_MAX_MS * 1.5);
    expect(backoffDelay(1_000, () => 0.999_999)).toBeGreaterThan(BACKOFF_MAX_MS);
  });

  it('treats a negative count as none', () => {
    expect(backoffDelay(-3, () => 0.5)).toBe(BACKOFF_BASE_MS);
  });
});
