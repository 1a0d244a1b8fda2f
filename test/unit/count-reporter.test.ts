import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { latestCountEvery } from '../../lib/content/count-reporter.ts';

describe('latestCountEvery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first count at once', () => {
    const sent: number[] = [];
    const report = latestCountEvery((count) => sent.push(count), 500);

    report(3);

    expect(sent).toEqual([3]);
  });

  it('sends only the latest count of an interval', () => {
    const sent: number[] = [];
    const report = latestCountEvery((count) => sent.push(count), 500);

    report(3);
    for (const count of [16, 31, 16, 31]) report(count);
    vi.advanceTimersByTime(500);

    expect(sent).toEqual([3, 31]);
  });

  it('skips a count equal to the one sent', () => {
    const sent: number[] = [];
    const report = latestCountEvery((count) => sent.push(count), 500);

    report(31);
    report(16);
    report(31);
    vi.advanceTimersByTime(2000);

    expect(sent).toEqual([31]);
  });

  it('sends at once again after a quiet interval', () => {
    const sent: number[] = [];
    const report = latestCountEvery((count) => sent.push(count), 500);

    report(1);
    vi.advanceTimersByTime(1000);
    report(2);

    expect(sent).toEqual([1, 2]);
  });
});
