import { sendToBackground } from '../messaging/client';
import type { CsvImportPreview } from '../suppression/csv';
import { toDncCsvBlob } from '../suppression/csv';
import { countListed, type ImportChoices, type ListedCounts } from '../suppression/import-merge';
import type { SuppressionIndex } from '../suppression/index';
import { openSuppressionStore } from '../suppression/store';

/** Entries per import message; keeps each message a few megabytes at most. */
const IMPORT_CHUNK = 50_000;

/**
 * Sends a confirmed import to the background worker in chunks. The worker
 * holds the chunks and applies them together with the last one, so an import
 * that fails half-way changes nothing.
 */
export async function commitImport(
  preview: CsvImportPreview,
  choices: ImportChoices,
  onProgress: (fraction: number) => void,
): Promise<number> {
  const importId = crypto.randomUUID();
  const { accepted } = preview;
  let size = 0;

  for (let start = 0; start < accepted.length || start === 0; start += IMPORT_CHUNK) {
    const entries = accepted.slice(start, start + IMPORT_CHUNK).map((entry) => ({ ...entry }));
    const final = start + IMPORT_CHUNK >= accepted.length;
    const reply = await sendToBackground('list.import', {
      importId,
      entries,
      ...choices,
      final,
    });
    size = reply.size;
    onProgress(Math.min(1, (start + entries.length) / Math.max(1, accepted.length)));
    if (final) break;
  }
  return size;
}

/**
 * Loads the stored list and passes its index to `use`. The store is only
 * read here, because the background worker is its only writer.
 */
async function withStoredIndex<T>(use: (index: SuppressionIndex) => T): Promise<T> {
  const store = await openSuppressionStore();
  try {
    const { index } = await store.loadIndex();
    return use(index);
  } finally {
    store.close();
  }
}

/** Counts the previewed numbers already on the stored list. */
// NOTE: a sync between this preview and the confirmation can add numbers,
// so the count may be short. The merge on confirmation still keeps their dates.
export function countListedInStore(preview: CsvImportPreview): Promise<ListedCounts> {
  return withStoredIndex((index) => countListed(preview.accepted, (e164) => index.get(e164)));
}

/** Downloads the stored list as CSV and returns how many numbers it contains. */
export function downloadListCsv(): Promise<number> {
  return withStoredIndex((index) => {
    const url = URL.createObjectURL(toDncCsvBlob(index.entries()));
    const link = document.createElement('a');
    link.href = url;
    link.download = `dnc-list-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return index.size;
  });
}
