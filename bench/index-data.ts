/**
 * Synthetic DNC lists for the suppression index benchmark, shaped like real
 * mobile and geographic ranges (not real numbers): US/CA, GB mobiles, DE
 * mobiles, CN mobiles and IN mobiles, from a seeded generator so runs repeat.
 */
import type { EntryMeta, PackedSuppressionEntries } from '../lib/suppression/index.ts';

/** mulberry32: small, fast, seedable; quality is ample for spreading test keys. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function digits(random: () => number, count: number): number {
  return Math.floor(random() * 10 ** count);
}

/** One synthetic E.164 key (digits without "+"), following the country mix. */
export function syntheticKey(random: () => number): number {
  const pick = random();

  if (pick < 0.4) {
    // NANP: area code and exchange start with 2-9.
    const area = 200 + Math.floor(random() * 800);
    const exchange = 200 + Math.floor(random() * 800);
    return 1e10 + area * 1e7 + exchange * 1e4 + digits(random, 4);
  }
  if (pick < 0.55) return 447e9 + 4e8 + digits(random, 8) + Math.floor(random() * 6) * 1e8; // +44 74xx–79xx
  if (pick < 0.7) return 4915e9 + Math.floor(random() * 3) * 1e9 + digits(random, 8); // +49 15x–17x, 11 digits
  if (pick < 0.85) return 861e10 + (3 + Math.floor(random() * 7)) * 1e9 + digits(random, 9); // +86 13x–19x
  return 91e10 + (6 + Math.floor(random() * 4)) * 1e9 + digits(random, 9); // +91 6–9…
}

/** A bulk import: one reason and source, `addedAtCount` import dates. */
export function syntheticList(
  count: number,
  seed = 1,
  addedAtCount = 4,
): PackedSuppressionEntries & { metas: EntryMeta[] } {
  const random = seededRandom(seed);
  const keys = new Float64Array(count);
  const metaIds = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    keys[i] = syntheticKey(random);
    metaIds[i] = Math.floor(random() * addedAtCount);
  }

  const metas = Array.from({ length: addedAtCount }, (_, i) => ({
    reason: 'National registry',
    source: 'registry-import',
    addedAt: Date.UTC(2025, i, 1),
  }));
  return { keys, metaIds, metas };
}
