import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { regionLabel } from '@/lib/locale-format';
import { countryForLanguage, type ManagedSettings, type Settings } from '@/lib/settings';

/** The fields this section shows and saves; the others belong to other sections. */
const GENERAL_KEYS = [
  'defaultCountry',
  'unknownPolicy',
  'staleAfterHours',
  'showAllowedBadges',
] as const;
type GeneralKey = (typeof GENERAL_KEYS)[number];
export type GeneralSettings = Pick<Settings, GeneralKey>;

export interface SettingsApi {
  /** The values saved in this browser; quick, so the section shows at once. */
  read(): Promise<Settings>;
  /** The values set by policy; the first read after the browser starts can take seconds. */
  managed(): Promise<ManagedSettings>;
  /** Saves these fields and leaves every other stored field as it is; resolves with the settings in force. */
  save(patch: Partial<GeneralSettings>): Promise<Settings>;
  countries(): string[];
  language(): string;
}

function generalPart(values: Partial<Settings>): Partial<GeneralSettings> {
  const part: Partial<Record<GeneralKey, unknown>> = {};
  for (const key of GENERAL_KEYS) if (values[key] !== undefined) part[key] = values[key];
  return part as Partial<GeneralSettings>;
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
  const [stored, setStored] = useState<GeneralSettings | null>(null);
  // Null while the policy is still being read.
  const [managed, setManaged] = useState<Partial<GeneralSettings> | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.read().then(
      (read) => {
        setStored((current) => current ?? (generalPart(read) as GeneralSettings));
        onCountryChange?.(read.defaultCountry);
      },
      (reason: unknown) => setError(String(reason)),
    );
    // A failed policy read means no policy, as in readManagedSettings.
    api.managed().then(
      (values) => {
        const part = generalPart(values);
        setManaged(part);
        if (part.defaultCountry) onCountryChange?.(part.defaultCountry);
      },
      () => setManaged({}),
    );
  }, [api, onCountryChange]);

  // Sorted by name in the UI language, after the country that language points to.
  const countryOptions = useMemo(() => {
    const language = api.language();
    const first = countryForLanguage(language);
    const options = api
      .countries()
      .map((code) => ({ code, label: regionLabel(code, language) }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
    return [
      ...options.filter(({ code }) => code === first),
      ...options.filter(({ code }) => code !== first),
    ];
  }, [api]);

  if (!stored) return error ? <p role="alert">{t('errorGeneric', error)}</p> : null;

  // Values set by policy are shown in place of the saved ones and cannot be changed here.
  const settings: GeneralSettings = { ...stored, ...managed };
  const locked = (key: GeneralKey) => managed?.[key] !== undefined;

  const change = (patch: Partial<GeneralSettings>) => {
    setSaved(false);
    setStored({ ...stored, ...patch });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: Partial<GeneralSettings> = { ...stored };
    for (const key of GENERAL_KEYS) if (locked(key)) delete patch[key];
    try {
      await api.save(patch);
      setSaved(true);
      setError(null);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  return (
    <form className="settings" onSubmit={onSubmit}>
      <h2>{t('optionsGeneral')}</h2>
      {managed === null && (
        <p role="status" className="help">
          {t('optionsPolicyChecking')}
        </p>
      )}
      <label htmlFor={ids.country}>{t('optionsCountryLabel')}</label>
      <select
        id={ids.country}
        value={settings.defaultCountry}
        disabled={locked('defaultCountry')}
        onChange={(event) => {
          change({ defaultCountry: event.target.value });
          onCountryChange?.(event.target.value);
        }}
      >
        {countryOptions.map(({ code, label }) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
      <p className="help">
        {locked('defaultCountry') ? t('managedNote') : t('optionsCountryHelp')}
      </p>

      <fieldset disabled={locked('unknownPolicy')}>
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
        {locked('unknownPolicy') && <p className="help">{t('managedNote')}</p>}
      </fieldset>

      <label htmlFor={ids.stale}>{t('optionsStaleLabel')}</label>
      <input
        id={ids.stale}
        type="number"
        min={1}
        max={720}
        value={settings.staleAfterHours}
        disabled={locked('staleAfterHours')}
        onChange={(event) => change({ staleAfterHours: Number(event.target.value) })}
      />
      {locked('staleAfterHours') && <p className="help">{t('managedNote')}</p>}

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
