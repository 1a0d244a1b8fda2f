import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SiteSettings, type SitesApi } from '../../components/SiteSettings';
import type { SiteState } from '../../lib/messaging/protocol';

/** Fakes the browser and the background. `answer` is the user's choice in the permission prompt. */
function fakeSites(initial: SiteState[] = [], answer: 'grant' | 'deny' = 'grant') {
  let sites = [...initial];
  const requested: string[] = [];
  const removed: string[] = [];
  const api: SitesApi = {
    list: async () => sites,
    add: async (pattern) => {
      requested.push(pattern);
      if (answer === 'deny') return 'denied';
      const known = sites.find((site) => site.pattern === pattern);
      sites = known
        ? sites.map((site) => (site === known ? { ...site, granted: true } : site))
        : [...sites, { pattern, managed: false, granted: true }];
      return { sites, injectedTabs: 1, failedTabs: 0 };
    },
    remove: async (pattern) => {
      removed.push(pattern);
      sites = sites.filter((site) => site.pattern !== pattern);
      return sites;
    },
  };
  return { api, requested, removed, current: () => sites };
}

async function typeAndAdd(address: string) {
  await userEvent.type(screen.getByLabelText('Site address'), address);
  await userEvent.click(screen.getByRole('button', { name: 'Add site' }));
}

describe('Sites in Options', () => {
  it('adds a URL as its origin', async () => {
    const fake = fakeSites();
    render(<SiteSettings api={fake.api} />);
    expect(await screen.findByText('No sites added yet.')).toBeTruthy();

    await typeAndAdd('crm.example.com/contacts/42');

    expect(fake.requested).toEqual(['https://crm.example.com/*']);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Added https://crm.example.com. DNC Guard runs there now, also in tabs already open on it.',
    );
    const row = screen.getByText('https://crm.example.com').closest('li') as HTMLElement;
    expect(within(row).getByText('Active')).toBeTruthy();
    expect((screen.getByLabelText('Site address') as HTMLInputElement).value).toBe('');
  });

  it.each([
    ['ftp://files.example.com', 'Only http:// and https:// sites can be added.'],
    [
      'https://*.com',
      'A wildcard can only stand for the subdomains of one domain, e.g. https://*.example.com.',
    ],
    ['crm example', '"crm example" is not a site address. Enter one like https://crm.example.com.'],
    [
      'https://app.hubspot.com/contacts/42?tab=calls',
      'DNC Guard already runs on https://app.hubspot.com without adding it.',
    ],
  ])('rejects %j without a prompt', async (address, text) => {
    const fake = fakeSites();
    render(<SiteSettings api={fake.api} />);

    await typeAndAdd(address);

    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(fake.requested).toEqual([]);
  });

  it('rejects an empty address', async () => {
    const fake = fakeSites();
    render(<SiteSettings api={fake.api} />);

    await userEvent.click(screen.getByRole('button', { name: 'Add site' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter a site address, e.g. https://crm.example.com.',
    );
  });

  it('saves nothing when access is denied', async () => {
    const fake = fakeSites([], 'deny');
    render(<SiteSettings api={fake.api} />);

    await typeAndAdd('https://*.example.com');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser did not grant access to https://*.example.com, so nothing was added.',
    );
    expect(fake.current()).toEqual([]);
    expect(screen.getByText('No sites added yet.')).toBeTruthy();
    expect((screen.getByLabelText('Site address') as HTMLInputElement).value).toBe(
      'https://*.example.com',
    );
  });

  it('asks to reload open tabs', async () => {
    const fake = fakeSites();
    fake.api.add = async (pattern) => ({
      sites: [{ pattern, managed: false, granted: true }],
      injectedTabs: 0,
      failedTabs: 2,
    });
    render(<SiteSettings api={fake.api} />);

    await typeAndAdd('https://crm.example.com');

    expect((await screen.findByRole('status')).textContent).toBe(
      'Added https://crm.example.com. Reload the tabs already open on it so DNC Guard runs there.',
    );
  });

  it('rejects a site already listed', async () => {
    const fake = fakeSites([
      { pattern: 'https://crm.example.com/*', managed: false, granted: true },
    ]);
    render(<SiteSettings api={fake.api} />);
    await screen.findByText('https://crm.example.com');

    await typeAndAdd('https://crm.example.com/leads');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'https://crm.example.com is already in the list.',
    );
    expect(fake.requested).toEqual([]);
  });

  it('removes a user site', async () => {
    const fake = fakeSites([
      { pattern: 'https://crm.example.com/*', managed: false, granted: true },
    ]);
    render(<SiteSettings api={fake.api} />);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Remove https://crm.example.com' }),
    );

    expect(fake.removed).toEqual(['https://crm.example.com/*']);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Removed https://crm.example.com.',
    );
    expect(screen.getByText('No sites added yet.')).toBeTruthy();
  });

  it('locks sites set by policy', async () => {
    const fake = fakeSites([{ pattern: 'https://*.odoo.example/*', managed: true, granted: true }]);
    render(<SiteSettings api={fake.api} />);

    const row = (await screen.findByText('https://*.odoo.example')).closest('li') as HTMLElement;

    expect(within(row).getByText('Set by your administrator')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('allows access to a listed site', async () => {
    const fake = fakeSites([
      { pattern: 'https://crm.example.com/*', managed: false, granted: false },
      { pattern: 'https://dialer.example.com/*', managed: true, granted: false },
    ]);
    render(<SiteSettings api={fake.api} />);

    const row = (await screen.findByText('https://dialer.example.com')).closest(
      'li',
    ) as HTMLElement;
    expect(
      within(row).getByText(
        'Needs permission: DNC Guard does not run here until you allow access.',
      ),
    ).toBeTruthy();
    await userEvent.click(
      within(row).getByRole('button', { name: 'Allow access https://dialer.example.com' }),
    );

    expect(fake.requested).toEqual(['https://dialer.example.com/*']);
    expect(await within(row).findByText('Active')).toBeTruthy();
    expect(screen.getAllByText(/^Needs permission/)).toHaveLength(1);
  });
});
