import type { CsvImportApi } from '../../components/CsvImport';
import { parseDncCsv, type TextEncodingChoice } from '../../lib/suppression/csv';
import { countListed, mergeImport, type ImportChoices } from '../../lib/suppression/import-merge';
import type { SuppressionEntry } from '../../lib/suppression/types';

/**
 * Creates a CSV import API over an in-memory list that merges as the
 * background worker does. `countries` records the default country of each parse, `encodings` its
 * text encoding choice, `commits` the choices of each confirmed import.
 */
export function fakeCsvApi(listed: readonly SuppressionEntry[] = []) {
  const list = new Map(listed.map((entry) => [entry.e164, entry]));
  const countries: (string | undefined)[] = [];
  const encodings: TextEncodingChoice[] = [];
  const commits: ImportChoices[] = [];
  const lookup = (e164: string) => list.get(e164);

  const api: CsvImportApi = {
    parse: async (file, country, onProgress, encoding) => {
      countries.push(country);
      encodings.push(encoding);
      const used = country ?? 'US';
      const csv = await parseDncCsv(file, {
        defaultCountry: used as Parameters<typeof parseDncCsv>[1]['defaultCountry'],
        defaultReason: '',
        source: `csv:${file.name}`,
        onProgress,
        now: Date.UTC(2026, 11, 5),
        ...encoding,
      });
      return { csv, country: used, ...countListed(csv.accepted, lookup) };
    },
    commit: async (preview, choices, onProgress) => {
      commits.push(choices);
      for (const entry of mergeImport(preview.accepted, lookup, choices)) {
        list.set(entry.e164, entry);
      }
      onProgress(1);
      return list.size;
    },
  };
  return { api, list, countries, encodings, commits };
}
