import type { SuppressionEntry } from './types.ts';

/** The user's choices in the import preview, applied when the import is confirmed. */
export interface ImportChoices {
  /** Reason for rows whose own reason is empty. */
  defaultReason: string;
  /**
   * Whether a reason given in the file replaces the reason of a number
   * already on the list. Rows without their own reason never replace one.
   */
  replaceReasons: boolean;
}

/** Numbers of an import that are already on the list. */
export interface ListedCounts {
  listed: number;
  /** Of those, the rows with their own reason, which could replace the listed one. */
  listedWithReason: number;
}

type Lookup = (e164: string) => SuppressionEntry | undefined;

/** Counts the entries of an import whose number `lookup` finds on the list. */
export function countListed(entries: Iterable<SuppressionEntry>, lookup: Lookup): ListedCounts {
  const counts: ListedCounts = { listed: 0, listedWithReason: 0 };
  for (const entry of entries) {
    if (lookup(entry.e164) === undefined) continue;
    counts.listed++;
    if (entry.reason !== '') counts.listedWithReason++;
  }
  return counts;
}

/**
 * Turns imported rows into the entries to store. A new number gets the
 * default reason when its row has none. A number already on the list keeps
 * the earliest date it was suppressed, because that date is the compliance
 * record. It also keeps its reason and source unless the user chose to
 * replace reasons and the row has its own. Numbers that would not change are
 * left out.
 */
export function mergeImport(
  entries: Iterable<SuppressionEntry>,
  lookup: Lookup,
  choices: ImportChoices,
): SuppressionEntry[] {
  const merged: SuppressionEntry[] = [];
  for (const entry of entries) {
    const listed = lookup(entry.e164);
    if (listed === undefined) {
      merged.push({ ...entry, reason: entry.reason || choices.defaultReason });
      continue;
    }

    const replace = choices.replaceReasons && entry.reason !== '';
    const next: SuppressionEntry = {
      e164: entry.e164,
      reason: replace ? entry.reason : listed.reason,
      source: replace ? entry.source : listed.source,
      addedAt: Math.min(listed.addedAt, entry.addedAt),
    };
    if (
      next.reason !== listed.reason ||
      next.source !== listed.source ||
      next.addedAt !== listed.addedAt
    ) {
      merged.push(next);
    }
  }
  return merged;
}
