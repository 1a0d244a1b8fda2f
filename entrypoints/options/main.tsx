import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { getCountries } from 'libphonenumber-js/max';
import { Options, type OptionsApi } from '@/components/Options';
import { commitImport, countListedInStore, downloadListCsv } from '@/lib/options/list-transfer';
import { parseDncCsv } from '@/lib/suppression/csv';
import { CSV_SOURCE_PREFIX } from '@/lib/suppression/entry-words';
import { t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging/client';
import {
  readManagedSettings,
  readSettings,
  readStoredSettings,
  updateSettings,
} from '@/lib/settings';
import { validateApiUrl } from '@/lib/sync/config';

/**
 * Saves the API settings. A server that is not on this machine needs host
 * permission for its origin; the browser asks the user, and this click is
 * the user gesture it requires.
 */
async function saveApiSettings(apiUrl: string, accessToken: string): Promise<void> {
  let url = '';
  if (apiUrl !== '') {
    const check = validateApiUrl(apiUrl);
    if (!check.ok) throw new Error(t('apiUrlInvalid'));
    url = check.url;
    const origin = `${new URL(url).origin}/*`;
    const granted = await browser.permissions.contains({ origins: [origin] });
    if (!granted && !(await browser.permissions.request({ origins: [origin] }))) {
      throw new Error(t('permissionDenied', new URL(url).origin));
    }
  }
  await updateSettings({ apiUrl: url, accessToken });
}

/**
 * Requests access to one site, then adds it. The request comes first, in the
 * click that started it, because the browser shows its prompt only during a
 * user gesture. The background then saves the site and registers the scripts.
 */
async function addSite(pattern: string) {
  if (!(await browser.permissions.request({ origins: [pattern] }))) return 'denied' as const;
  return sendToBackground('sites.add', { pattern });
}

document.documentElement.lang = browser.i18n.getUILanguage();

const api: OptionsApi = {
  settings: {
    read: readStoredSettings,
    managed: readManagedSettings,
    save: updateSettings,
    countries: () => getCountries(),
    language: () => browser.i18n.getUILanguage(),
  },
  apiSettings: {
    read: readStoredSettings,
    managed: readManagedSettings,
    save: saveApiSettings,
    syncNow: () => sendToBackground('sync.now', {}),
    syncStatus: () => sendToBackground('sync.status', {}),
  },
  sites: {
    list: async () => (await sendToBackground('sites.list', {})).sites,
    add: addSite,
    remove: async (pattern) => (await sendToBackground('sites.remove', { pattern })).sites,
  },
  csv: {
    parse: async (file, country, onProgress, encoding) => {
      const used = country ?? (await readSettings()).defaultCountry;
      const csv = await parseDncCsv(file, {
        defaultCountry: used as Parameters<typeof parseDncCsv>[1]['defaultCountry'],
        // Empty, so the reason in the form is filled in when the import is confirmed.
        defaultReason: '',
        source: `${CSV_SOURCE_PREFIX}${file.name}`,
        onProgress,
        ...encoding,
      });
      return { csv, country: used, ...(await countListedInStore(csv)) };
    },
    commit: commitImport,
  },
  exportCsv: downloadListCsv,
};

const root = document.getElementById('root');
if (root) createRoot(root).render(<Options api={api} />);
