import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { getCountries } from 'libphonenumber-js/max';
import { Options, type OptionsApi } from '@/components/Options';
import { commitImport, downloadListCsv } from '@/lib/options/list-transfer';
import { parseDncCsv } from '@/lib/suppression/csv';
import { readSettings, updateSettings } from '@/lib/settings';

document.documentElement.lang = browser.i18n.getUILanguage();

const api: OptionsApi = {
  settings: {
    read: readSettings,
    save: updateSettings,
    countries: () => getCountries(),
    language: () => browser.i18n.getUILanguage(),
  },
  csv: {
    parse: async (file, reason, onProgress) => {
      const settings = await readSettings();
      return parseDncCsv(file, {
        defaultCountry: settings.defaultCountry as Parameters<
          typeof parseDncCsv
        >[1]['defaultCountry'],
        defaultReason: reason,
        source: `csv:${file.name}`,
        onProgress,
      });
    },
    commit: commitImport,
  },
  exportCsv: downloadListCsv,
};

const root = document.getElementById('root');
if (root) createRoot(root).render(<Options api={api} />);
