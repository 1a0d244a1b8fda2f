import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Grants every origin and stubs the scripting and tabs calls of a browser with no tabs open. */
function grantEverything(): void {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn().mockResolvedValue([]),
      registerContentScripts: vi.fn().mockResolvedValue(undefined),
      unregisterContentScripts: vi.fn().mockResolvedValue(undefined),
      executeScript: vi.fn().mockResolvedValue([]),
    },
  });
}

/** Imports fresh copies of the sites and settings modules, whose policy cache starts empty. */
async function sitesModule() {
  vi.resetModules();
  return import('../../lib/background/sites');
}

describe('sites the user adds', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    grantEverything();
  });

  it('keeps two sites added together', async () => {
    const { addSite, userSitesItem } = await sitesModule();
    await Promise.all([addSite('https://a.example.com'), addSite('https://b.example.com')]);

    expect(await userSitesItem.getValue()).toEqual([
      'https://a.example.com/*',
      'https://b.example.com/*',
    ]);
  });

  it('keeps a site added during removal', async () => {
    const { addSite, removeSite, userSitesItem } = await sitesModule();
    await userSitesItem.setValue(['https://a.example.com/*']);

    await Promise.all([removeSite('https://a.example.com/*'), addSite('https://b.example.com')]);

    expect(await userSitesItem.getValue()).toEqual(['https://b.example.com/*']);
  });

  it('rejects removing an administrator site', async () => {
    const { addSite, removeSite, userSitesItem } = await sitesModule();
    await userSitesItem.setValue(['https://a.example.com/*']);
    await fakeBrowser.storage.managed.set({ sites: ['https://crm.example.com/*'] });

    await expect(removeSite('https://crm.example.com/*')).rejects.toThrow(/administrator/);
    await addSite('https://b.example.com');

    expect(await userSitesItem.getValue()).toEqual([
      'https://a.example.com/*',
      'https://b.example.com/*',
    ]);
  });
});
