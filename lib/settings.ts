import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { isKnownCountry } from './phone/normalize';
import { toOriginPattern } from './sites/origin-pattern';

export const settingsSchema = z.object({
  /** ISO 3166-1 alpha-2 country used to read numbers written in national format. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/),
  unknownPolicy: z.enum(['block', 'warn']),
  /** Age in hours after which the list no longer counts as current. */
  staleAfterHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  showAllowedBadges: z.boolean(),
  apiUrl: z.string(),
  accessToken: z.string(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Default country of a browser whose language names no country, and until the install sets one. */
const FALLBACK_COUNTRY = 'US';

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: FALLBACK_COUNTRY,
  unknownPolicy: 'block',
  staleAfterHours: 24,
  showAllowedBadges: true,
  apiUrl: '',
  accessToken: '',
};

/** Keys of the settings and of the policy copy in the browser's local storage area. */
export const SETTINGS_STORAGE_KEY = 'settings';
export const MANAGED_COPY_STORAGE_KEY = 'managedSettingsCopy';

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_STORAGE_KEY}`, {
  fallback: DEFAULT_SETTINGS,
});

/** Settings an administrator may fix through the browser's managed storage (enterprise policy). */
export const MANAGED_KEYS = [
  'apiUrl',
  'accessToken',
  'defaultCountry',
  'unknownPolicy',
  'staleAfterHours',
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];
export type ManagedSettings = Partial<Pick<Settings, ManagedKey>>;

/**
 * Reads the settings IT deployed through policy. The first read after the
 * browser starts can take seconds (see readManagedStorage).
 */
export async function readManagedSettings(): Promise<ManagedSettings> {
  const raw = await readManagedStorage();
  const managed: Record<string, unknown> = {};
  for (const key of MANAGED_KEYS) {
    if (settingsSchema.shape[key].safeParse(raw[key]).success) managed[key] = raw[key];
  }
  return managed as ManagedSettings;
}

/**
 * Reads the sites IT preset through policy (the "sites" key), as match
 * patterns. An entry that is not a valid site address is left out and the
 * rest still apply.
 */
export async function readManagedSites(): Promise<string[]> {
  const raw = await readManagedStorage();
  const entries = z.array(z.unknown()).safeParse(raw.sites);
  if (!entries.success) return [];

  const patterns = new Set<string>();
  for (const entry of entries.data) {
    const check = typeof entry === 'string' ? toOriginPattern(entry) : null;
    if (check?.ok) patterns.add(check.pattern);
  }
  return [...patterns];
}

let managedStorage: Promise<Record<string, unknown>> | null = null;
let watchingManaged = false;
let policyChanged = false;

/**
 * The managed storage as last read, kept in local storage so the next
 * browser start need not wait for the policy read. The extension's own
 * pages may read it, like the token the user typed in Options.
 */
export const managedCopyItem = storage.defineItem<Record<string, unknown> | null>(
  `local:${MANAGED_COPY_STORAGE_KEY}`,
  { fallback: null },
);

/**
 * Reads managed storage once per page or worker and keeps it until a policy
 * changes. The first read after the browser starts can take seconds (2.2 to
 * 2.8 s in headless Chromium 150 on Linux with no policy set), and the first
 * status reply to a page waits for the settings. So the copy kept from the
 * last read is used at once while the browser reads the policy again. When
 * the policy changed meanwhile, the copy is replaced, and its change event
 * makes the worker tell open tabs to scan again. Only the very first start,
 * with no copy, waits. Without managed storage or a policy, browsers reject
 * or return nothing, and both mean "none".
 */
function readManagedStorage(): Promise<Record<string, unknown>> {
  if (managedStorage) return managedStorage;
  const fresh: Promise<Record<string, unknown>> = browser.storage.managed.get(null).then(
    (values) => values ?? {},
    () => ({}),
  );
  // After a policy change event the copy is out of date, so only the fresh read counts.
  const read = policyChanged
    ? fresh
    : managedCopyItem.getValue().then(
        (copy) => copy ?? fresh,
        () => fresh,
      );
  managedStorage = read;
  void fresh
    .then(async (values) => {
      if (managedStorage === read) managedStorage = fresh;
      const copy = await managedCopyItem.getValue();
      if (JSON.stringify(copy) !== JSON.stringify(values)) await managedCopyItem.setValue(values);
    })
    .catch(() => undefined);
  if (!watchingManaged) {
    watchingManaged = true;
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area !== 'managed') return;
      managedStorage = null;
      policyChanged = true;
    });
  }
  return read;
}

/**
 * Reads the settings, repairing any field that fails validation with its
 * default, so a bad stored value can never switch blocking off. Values set
 * by policy win over the user's.
 */
export async function readSettings(): Promise<Settings> {
  const [local, managed] = await Promise.all([readStoredSettings(), readManagedSettings()]);
  return coerceSettings({ ...local, ...managed });
}

/**
 * Reads the settings saved in this browser, repaired like readSettings but
 * without the values set by policy. It does not wait for managed storage, so
 * a page can show the saved values at once.
 */
export async function readStoredSettings(): Promise<Settings> {
  return coerceSettings(await settingsItem.getValue());
}

export function coerceSettings(value: unknown): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (value && typeof value === 'object') {
    for (const [key, fieldSchema] of Object.entries(settingsSchema.shape)) {
      const field = (value as Record<string, unknown>)[key];
      if (fieldSchema.safeParse(field).success) merged[key] = field;
    }
  }
  return settingsSchema.parse(merged);
}

const patchSchema = settingsSchema.partial();

/**
 * Writes the fields in `patch` and keeps every other stored field as it is
 * at the moment of writing, so a page that saves one section never writes
 * back another section's old values. Values set by policy are not copied
 * into local storage; they keep winning on read. Resolves with the settings
 * in force after the write.
 */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const fields = patchSchema.parse(patch);
  const next = await exclusive(async () => {
    const merged = settingsSchema.parse({ ...(await readStoredSettings()), ...fields });
    await settingsItem.setValue(merged);
    return merged;
  });
  return coerceSettings({ ...next, ...(await readManagedSettings()) });
}

/**
 * Returns the country that a UI language such as "zh-CN" or "ja" points to:
 * its region, or for a bare language the region where it is most used
 * (Unicode likely subtags: "ja" is JP, "en" is US). Falls back to US when
 * that is no country libphonenumber-js has numbering rules for ("es-419").
 */
export function countryForLanguage(language: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(language.replaceAll('_', '-')).maximize().region;
  } catch {
    // Intl.Locale throws a RangeError for a tag that is not BCP 47.
    return FALLBACK_COUNTRY;
  }
  return region !== undefined && isKnownCountry(region) ? region : FALLBACK_COUNTRY;
}

/**
 * Sets the default country of a new install from the browser's UI
 * language, so an agent whose browser is in Chinese reads 010-12345678 as
 * a number in China from the start. A stored country is kept, because it
 * is either the user's choice or the default of an earlier version.
 */
export async function setInstallDefaults(language: string): Promise<void> {
  await exclusive(async () => {
    const stored = await storage.getItem<Record<string, unknown>>(`local:${SETTINGS_STORAGE_KEY}`);
    const current = coerceSettings(stored);
    if (stored && settingsSchema.shape.defaultCountry.safeParse(stored.defaultCountry).success) {
      return current;
    }

    const next = { ...current, defaultCountry: countryForLanguage(language) };
    await settingsItem.setValue(next);
    return next;
  });
}

const SETTINGS_LOCK = 'dnc-guard-settings';
let lastWrite: Promise<unknown> = Promise.resolve();

/**
 * Runs one read-and-write of the settings at a time. The Web Locks API
 * covers every page and the worker of the extension; where it is missing
 * (the test environment) a queue covers this page.
 */
async function exclusive(work: () => Promise<Settings>): Promise<Settings> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) return await locks.request(SETTINGS_LOCK, work);
  const run = lastWrite.then(work);
  lastWrite = run.catch(() => undefined);
  return run;
}
