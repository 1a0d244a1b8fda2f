import { useState } from 'react';
import { t, tCount } from '@/lib/i18n';
import { ApiSettings, type ApiSettingsApi } from './ApiSettings';
import { CsvImport, type CsvImportApi } from './CsvImport';
import { SettingsForm, type SettingsApi } from './SettingsForm';
import { SiteSettings, type SitesApi } from './SiteSettings';

export interface OptionsApi {
  settings: SettingsApi;
  apiSettings: ApiSettingsApi;
  sites: SitesApi;
  csv: CsvImportApi;
  /** Builds the CSV of the whole list and starts its download; resolves with the number of rows. */
  exportCsv(): Promise<number>;
}

/** The options page: settings, added sites, CSV import and export. */
export function Options({ api }: { api: OptionsApi }) {
  const [exported, setExported] = useState<number | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // The import reads national numbers with the country on screen, saved or not.
  const [country, setCountry] = useState<string | undefined>(undefined);

  const onExport = async () => {
    setExportError(null);
    try {
      setExported(await api.exportCsv());
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <ApiSettings api={api.apiSettings} />
      <SettingsForm api={api.settings} onCountryChange={setCountry} />
      <SiteSettings api={api.sites} />
      <CsvImport api={api.csv} country={country} language={api.settings.language()} />
      <section className="csv-export">
        <h2>{t('exportTitle')}</h2>
        <button type="button" onClick={() => void onExport()}>
          {t('exportButton')}
        </button>
        {exported !== null && <p role="status">{tCount('exportDone', exported)}</p>}
        {exportError && (
          <p role="alert" className="error">
            {t('errorGeneric', exportError)}
          </p>
        )}
      </section>
    </main>
  );
}
