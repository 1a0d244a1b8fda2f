import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Imports a fresh copy of the settings module, whose policy cache starts empty. */
async function settingsModule() {
  vi.resetModules();
  return import('../../lib/settings');
}

describe('settings under a policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads managed storage once', async () => {
    const { readSettings } = await settingsModule();
    await fakeBrowser.storage.managed.set({ unknownPolicy: 'warn' });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');

    const first = await readSettings();
    const second = await readSettings();

    expect(first.unknownPolicy).toBe('warn');
    expect(second.unknownPolicy).toBe('warn');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reads a changed policy again', async () => {
    const { readSettings } = await settingsModule();
    await fakeBrowser.storage.managed.set({ unknownPolicy: 'warn' });
    expect((await readSettings()).unknownPolicy).toBe('warn');

    await fakeBrowser.storage.managed.set({ unknownPolicy: 'block' });

    expect((await readSettings()).unknownPolicy).toBe('block');
  });

  it('answers from the policy copy at once', async () => {
    const { managedCopyItem, readSettings } = await settingsModule();
    await managedCopyItem.setValue({ unknownPolicy: 'warn' });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined));

    expect((await readSettings()).unknownPolicy).toBe('warn');
  });

  it('replaces an outdated policy copy', async () => {
    const { managedCopyItem, readSettings } = await settingsModule();
    await managedCopyItem.setValue({ unknownPolicy: 'warn' });
    await fakeBrowser.storage.managed.set({ unknownPolicy: 'block', defaultCountry: 'GB' });

    expect((await readSettings()).unknownPolicy).toBe('warn');
    await vi.waitFor(async () =>
      expect(await managedCopyItem.getValue()).toEqual({
        unknownPolicy: 'block',
        defaultCountry: 'GB',
      }),
    );

    expect(await readSettings()).toMatchObject({ unknownPolicy: 'block', defaultCountry: 'GB' });
  });

  it('waits for the policy without a copy', async () => {
    const { managedCopyItem, readSettings } = await settingsModule();
    await fakeBrowser.storage.managed.set({ defaultCountry: 'DE' });

    expect((await readSettings()).defaultCountry).toBe('DE');
    await vi.waitFor(async () =>
      expect(await managedCopyItem.getValue()).toEqual({ defaultCountry: 'DE' }),
    );
  });

  it('treats a failed policy read as none', async () => {
    const { readSettings } = await settingsModule();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no policy'));

    expect((await readSettings()).unknownPolicy).toBe('block');
  });
});

describe('updateSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('keeps both of two saves made at once', async () => {
    const { settingsItem, updateSettings } = await settingsModule();

    await Promise.all([
      updateSettings({ apiUrl: 'https://dnc.example.com', accessToken: 'dncg_secret' }),
      updateSettings({ defaultCountry: 'GB' }),
    ]);

    expect(await settingsItem.getValue()).toMatchObject({
      apiUrl: 'https://dnc.example.com',
      accessToken: 'dncg_secret',
      defaultCountry: 'GB',
    });
  });

  it('does not copy values set by policy into local storage', async () => {
    const { settingsItem, updateSettings } = await settingsModule();
    await fakeBrowser.storage.managed.set({ accessToken: 'dncg_policy' });

    const after = await updateSettings({ defaultCountry: 'GB' });

    expect(after.accessToken).toBe('dncg_policy');
    expect((await settingsItem.getValue()).accessToken).toBe('');
  });

  it('rejects a field that fails validation and writes nothing', async () => {
    const { settingsItem, updateSettings } = await settingsModule();

    await expect(updateSettings({ defaultCountry: 'gb' })).rejects.toThrow();

    expect((await settingsItem.getValue()).defaultCountry).toBe('US');
  });
});

describe('countryForLanguage', () => {
  it.each([
    ['zh-CN', 'CN'],
    ['zh-TW', 'TW'],
    ['en-GB', 'GB'],
    ['de-DE', 'DE'],
    ['pt-BR', 'BR'],
    ['pt_BR', 'BR'],
    ['ja', 'JP'],
    ['zh', 'CN'],
    ['en', 'US'],
    ['en-US', 'US'],
    ['es-419', 'US'],
    ['en-AQ', 'US'],
    ['', 'US'],
    ['not a language', 'US'],
  ])('reads %j as %s', async (language, country) => {
    const { countryForLanguage } = await settingsModule();

    expect(countryForLanguage(language)).toBe(country);
  });
});

describe('setInstallDefaults', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('takes the country of the browser language', async () => {
    const { readSettings, setInstallDefaults } = await settingsModule();

    await setInstallDefaults('zh-CN');

    expect((await readSettings()).defaultCountry).toBe('CN');
  });

  it('keeps a country the user chose', async () => {
    const { readSettings, setInstallDefaults, updateSettings } = await settingsModule();
    await updateSettings({ defaultCountry: 'GB', accessToken: 'dncg_secret' });

    await setInstallDefaults('zh-CN');

    expect(await readSettings()).toMatchObject({
      defaultCountry: 'GB',
      accessToken: 'dncg_secret',
    });
  });

  it('keeps the other stored settings', async () => {
    const { readSettings, setInstallDefaults } = await settingsModule();
    await fakeBrowser.storage.local.set({ settings: { unknownPolicy: 'warn' } });

    await setInstallDefaults('de-DE');

    expect(await readSettings()).toMatchObject({ defaultCountry: 'DE', unknownPolicy: 'warn' });
  });
});
