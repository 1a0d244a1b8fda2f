import { describe, expect, it } from 'vitest';
import { countListed, mergeImport } from '../../lib/suppression/import-merge';
import type { SuppressionEntry } from '../../lib/suppression/types';

const FIRST = Date.UTC(2026, 0, 10);
const LATER = Date.UTC(2026, 11, 5);
const LISTED: SuppressionEntry = {
  e164: '+442079460030',
  reason: 'Reason A',
  source: 'csv:a.csv',
  addedAt: FIRST,
};
const lookup = (e164: string) => (e164 === LISTED.e164 ? LISTED : undefined);
const KEEP = { defaultReason: 'Imported list', replaceReasons: false };
const REPLACE = { defaultReason: 'Imported list', replaceReasons: true };

function row(reason: string, addedAt = LATER, e164 = LISTED.e164): SuppressionEntry {
  return { e164, reason, source: 'csv:b.csv', addedAt };
}

describe('countListed', () => {
  it('counts listed numbers and own reasons', () => {
    const counts = countListed([row('Reason C'), row(''), row('', LATER, '+442079460031')], lookup);

    expect(counts).toEqual({ listed: 2, listedWithReason: 1 });
  });
});

describe('mergeImport', () => {
  it('gives a new number the default reason', () => {
    const merged = mergeImport([row('', LATER, '+442079460031')], lookup, KEEP);

    expect(merged).toEqual([row('Imported list', LATER, '+442079460031')]);
  });

  it('keeps a new number its own reason', () => {
    const merged = mergeImport([row('Reason C', LATER, '+442079460031')], lookup, KEEP);

    expect(merged).toEqual([row('Reason C', LATER, '+442079460031')]);
  });

  it('leaves a listed number unchanged by default', () => {
    expect(mergeImport([row('Reason C')], lookup, KEEP)).toEqual([]);
  });

  it('keeps the first date when replacing reasons', () => {
    const merged = mergeImport([row('Reason C')], lookup, REPLACE);

    expect(merged).toEqual([{ ...row('Reason C'), addedAt: FIRST }]);
  });

  it('never replaces with the default reason', () => {
    expect(mergeImport([row('')], lookup, REPLACE)).toEqual([]);
  });

  it('takes an earlier date from the file', () => {
    const earlier = Date.UTC(2025, 5, 1);

    const merged = mergeImport([row('Reason C', earlier)], lookup, KEEP);

    expect(merged).toEqual([{ ...LISTED, addedAt: earlier }]);
  });
});
