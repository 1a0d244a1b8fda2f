import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';

export interface SettingsApi {
  read(): Promise<Settings>;
  save(patch: Partial<Settings>): Promise<Settings>;
  countries(): string[];
  language(): string;
}

/** Default country, unknown-status policy, staleness limit and badge visibility. */
export function SettingsForm({
  api,
  onCountryChange,
}: {
  api: SettingsApi;
  /** Called with the selected default country when it loads and whenever the user changes it. */
  onCountryChange?: (country: string) => void;
}) {
  const ids = { country: useId(), stale: useId(), allowed: useId() };
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.read().then(
      (read) => {
        setSettings(read);
        onCountryChange?.(read.defaultCountry);
      },
      (reason: unknown) => setError(String(reason)),
    );
  }, [api, onCountryChange]);

  const countryOptions = useMemo(() => {
    const names = new Intl.DisplayNames([api.language()], { type: 'region' });
    return api
      .countries()
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [api]);

  if (!settings) return error ? <p role="alert">{t('errorGeneric', error)}</p> : null;

  const change = (patch: Partial<Settings>) => {
    setSaved(false);
    setSettings({ ...settings, ...patch });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSettings(await api.save(settings));
      setSaved(true);
      setError(null);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  return (
    <form className="settings" onSubmit={onSubmit}>
      <h2>{t('optionsGeneral')}</h2>
      <label htmlFor={ids.country}>{t('optionsCountryLabel')}</label>
      <select
        id={ids.country}
        value={settings.defaultCountry}
        onChange={(event) => {
          change({ defaultCountry: event.target.value });
          onCountryChange?.(event.target.value);
        }}
      >
        {countryOptions.map(({ code, name }) => (
          <option key={code} value={code}>
            {name} ({code})
          </option>
        ))}
      </select>
      <p className="help">{t('optionsCountryHelp')}</p>

      <fieldset>
        <legend>{t('optionsPolicyLabel')}</legend>
        <label>
          <input
            type="radio"
            name="unknownPolicy"
            checked={settings.unknownPolicy === 'block'}
            onChange={() => change({ unknownPolicy: 'block' })}
          />
          {t('optionsPolicyBlock')}
        </label>
        <label>
          <input
            type="radio"
            name="unknownPolicy"
            checked={settings.unknownPolicy === 'warn'}
            onChange={() => change({ unknownPolicy: 'warn' })}
          />
          {t('optionsPolicyWarn')}
        </label>
      </fieldset>

      <label htmlFor={ids.stale}>{t('optionsStaleLabel')}</label>
      <input
        id={ids.stale}
        type="number"
        min={1}
        max={720}
        value={settings.staleAfterHours}
        onChange={(event) => change({ staleAfterHours: Number(event.target.value) })}
      />

      <label htmlFor={ids.allowed} className="inline">
        <input
          id={ids.allowed}
          type="checkbox"
          checked={settings.showAllowedBadges}
          onChange={(event) => change({ showAllowedBadges: event.target.checked })}
        />
        {t('optionsShowAllowed')}
      </label>

      <div className="actions">
        <button type="submit">{t('optionsSave')}</button>
        {saved && <span role="status">{t('optionsSaved')}</span>}
      </div>
      {error && (
        <p role="alert" className="error">
          {t('errorGeneric', error)}
        </p>
      )}
    </form>
  );
}
