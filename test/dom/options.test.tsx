import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { CsvImport } from '../../components/CsvImport';
import { Options, type OptionsApi } from '../../components/Options';
import {
  DEFAULT_SETTINGS,
  readSettings,
  settingsItem,
  updateSettings,
  type ManagedSettings,
  type Settings,
} from '../../lib/settings';
import type { SuppressionEntry } from '../../lib/suppression/types';
import { messagesOf } from '../setup/english-messages';
import { fakeCsvApi } from './csv-import-fake';

const SYNC_STATUS = {
  configured: true,
  running: false,
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  pendingItems: 2,
  list: {
    loaded: false,
    size: 0,
    pendingCount: 0,
    updatedAt: null,
    stale: true,
    staleAfterHours: 24,
    unknownPolicy: 'block' as const,
    showAllowedBadges: true,
  },
};

function fakeApi(listed: readonly SuppressionEntry[] = []) {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const saved: Settings[] = [];
  const committed: number[] = [];
  const csv = fakeCsvApi(listed);
  const api: OptionsApi = {
    settings: {
      read: async () => stored,
      managed: async () => ({}),
      save: async (patch) => {
        stored = { ...stored, ...patch };
        saved.push(stored);
        return stored;
      },
      countries: () => ['US', 'GB', 'CN', 'DE'],
      language: () => 'en',
    },
    apiSettings: {
      read: async () => stored,
      managed: async () => ({}),
      save: async (apiUrl, accessToken) => {
        if (!apiUrl.startsWith('https://'))
          throw new Error('Enter an https:// address (http:// only for 127.0.0.1 or localhost).');
        stored = { ...stored, apiUrl, accessToken };
        saved.push(stored);
      },
      syncNow: async () => ({ ...SYNC_STATUS, lastSuccessAt: 1, pendingItems: 0 }),
      syncStatus: async () => SYNC_STATUS,
    },
    sites: {
      list: async () => [],
      add: async () => 'denied',
      remove: async () => [],
    },
    csv: {
      parse: csv.api.parse,
      commit: async (preview, choices, onProgress) => {
        committed.push(preview.accepted.length);
        return csv.api.commit(preview, choices, onProgress);
      },
    },
    exportCsv: vi.fn(async () => 42),
  };
  return Object.assign(api, { saved, committed, list: csv.list, countries: csv.countries });
}

/** The fake, with settings read from and written to the extension's storage as on the real page. */
function storedSettingsApi() {
  const api = fakeApi();
  api.settings.read = readSettings;
  api.settings.save = updateSettings;
  api.apiSettings.read = readSettings;
  api.apiSettings.save = async (apiUrl, accessToken) => {
    await updateSettings({ apiUrl, accessToken });
  };
  return api;
}

function sectionForm(heading: string): HTMLElement {
  return screen.getByRole('heading', { name: heading }).closest('form') as HTMLElement;
}

const LISTED: SuppressionEntry = {
  e164: '+442079460030',
  reason: 'Reason A',
  source: 'csv:first.csv',
  addedAt: Date.UTC(2026, 0, 10),
};

const CSV = [
  'phone,reason',
  '+44 20 7946 0018,Asked',
  '(212) 555-0187,',
  'not a phone,x',
  '+44 20 7946 0018,again',
].join('\n');

describe('Options', () => {
  it('keeps Sync now focusable while it runs', async () => {
    const api = fakeApi();
    let finish = () => {};
    const syncs = vi.fn(
      () =>
        new Promise<typeof SYNC_STATUS>((resolve) => {
          finish = () => resolve(SYNC_STATUS);
        }),
    );
    api.apiSettings.syncNow = syncs;
    render(<Options api={api} />);
    const button = await screen.findByRole('button', { name: 'Sync now' });

    await userEvent.click(button);
    await userEvent.click(button);
    const running = screen.getByRole('button', { name: 'Syncing…' });

    // A disabled button loses the keyboard focus, and the next Tab starts at the top.
    expect(running.hasAttribute('disabled')).toBe(false);
    expect(running.getAttribute('aria-disabled')).toBe('true');
    expect(syncs).toHaveBeenCalledTimes(1);
    finish();
    await screen.findByRole('button', { name: 'Sync now' });
  });

  it('lists countries in the UI language, its own first', async () => {
    const api = fakeApi();
    api.settings.countries = () => ['US', 'GB', 'HK', 'CN', 'DE'];
    api.settings.language = () => 'zh-CN';
    render(<Options api={api} />);

    const country = (await screen.findByLabelText('Default country')) as HTMLSelectElement;
    const labels = [...country.options].map((option) => option.textContent);

    expect(labels[0]).toBe('中国（CN）');
    expect(labels).toContain('中国香港（HK）');
    expect(labels).toHaveLength(5);
  });

  it('labels countries in English with plain brackets', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    const country = (await screen.findByLabelText('Default country')) as HTMLSelectElement;

    expect([...country.options].map((option) => option.textContent)).toEqual([
      'United States (US)',
      'China (CN)',
      'Germany (DE)',
      'United Kingdom (GB)',
    ]);
  });

  it('saves the default country and policy', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    await userEvent.selectOptions(await screen.findByLabelText('Default country'), 'GB');
    await userEvent.click(screen.getByLabelText('Warn, but let the call go through'));
    const form = screen
      .getByRole('heading', { name: 'Numbers and blocking' })
      .closest('form') as HTMLElement;
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(api.saved.at(-1)).toMatchObject({ defaultCountry: 'GB', unknownPolicy: 'warn' });
  });

  it('previews a CSV import before applying it', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    const file = new File([CSV], 'dnc.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('CSV file'), file);

    expect(await screen.findByText('2 numbers will be added.')).toBeTruthy();
    expect(screen.getByText('1 duplicate row will be skipped.')).toBeTruthy();
    const table = screen.getByRole('table', { name: /rejected/ });
    expect(within(table).getByText('4')).toBeTruthy();
    expect(within(table).getByText('not a phone')).toBeTruthy();
    expect(within(table).getByText('Not a valid phone number.')).toBeTruthy();
    expect(api.committed).toEqual([]);
  });

  it('rejects an unclosed quote alone', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    const csv = 'phone,note\r\n"+1 212 555 0187,Customer asked\r\n+1 212 555 0188,ok\r\n';

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));

    expect(await screen.findByText('1 number will be added.')).toBeTruthy();
    expect(screen.queryByText(/duplicate/)).toBeNull();
    const table = screen.getByRole('table', {
      name: '1 row was rejected and will not be imported:',
    });
    const cells = within(table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '2',
      '"+1 212 555 0187,Customer asked',
      'A quoted field that opens in this row is not closed properly. Only this line was skipped, and the next line was read as a new row.',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Import 1 number' }));
    expect(api.committed).toEqual([1]);
  });

  it('lists duplicate rows with the line they repeat', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([CSV], 'dnc.csv'));

    const table = await screen.findByRole('table', {
      name: '1 row repeats the number of an earlier row and will be skipped:',
    });
    const cells = within(table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['5', '+44 20 7946 0018', 'Repeats the number on line 2.']);
  });

  it('heads the problem tables apart from a reason column in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    render(<Options api={fakeApi()} />);

    await userEvent.upload(screen.getByLabelText('CSV 文件'), new File([CSV], 'dnc.csv'));

    const rejected = await screen.findByRole('table', { name: /被拒绝/ });
    const duplicates = screen.getByRole('table', { name: /重复/ });
    const headers = (table: HTMLElement) =>
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent);
    expect(headers(rejected)).toEqual(['行号', '内容', '问题']);
    expect(headers(duplicates)).toEqual(['行号', '内容', '说明']);
  });

  it('lists the first 50 duplicates and counts the rest', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    const repeats = Array.from({ length: 60 }, () => '(212) 555-0187');
    const csv = ['phone', '+1 212 555 0187', ...repeats].join('\n');

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));

    const table = await screen.findByRole('table', { name: /repeat the number/ });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 50);
    expect(within(table).getAllByText('Repeats the number on line 2.')).toHaveLength(50);
    expect(screen.getByText('… and 10 more duplicate rows.')).toBeTruthy();
    expect(screen.getByText('1 number will be added.')).toBeTruthy();
    expect(screen.getByText('60 duplicate rows will be skipped.')).toBeTruthy();
  });

  it('applies the import only after confirmation', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([CSV], 'dnc.csv'));

    await userEvent.click(await screen.findByRole('button', { name: 'Import 2 numbers' }));

    const done = await screen.findByText('Imported. The list now holds 2 numbers.');
    expect(api.committed).toEqual([2]);
    // The confirm button is gone, so the focus goes to the result.
    expect(document.activeElement).toBe(done);
  });

  it('cancels an import without applying it', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([CSV], 'dnc.csv'));

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(api.committed).toEqual([]);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('names the chosen file in the preview', async () => {
    render(<Options api={fakeApi()} />);

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([CSV], 'dnc.csv'));

    expect(await screen.findByText('File: dnc.csv')).toBeTruthy();
  });

  it('reads the same file again after a cancel', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    const input = screen.getByLabelText('CSV file') as HTMLInputElement;
    const file = new File([CSV], 'dnc.csv');
    await userEvent.upload(input, file);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));

    await userEvent.upload(input, file);

    expect(input.value).toBe('');
    expect(await screen.findByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('reports a failed import and changes nothing', async () => {
    const api = fakeApi();
    api.csv.commit = async () => {
      throw new Error('Worker stopped');
    };
    render(<Options api={api} />);
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([CSV], 'dnc.csv'));
    await userEvent.click(await screen.findByRole('button', { name: 'Import 2 numbers' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Import failed, nothing was changed: Worker stopped',
    );
  });

  it('reads national numbers with the unsaved country', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    await userEvent.selectOptions(await screen.findByLabelText('Default country'), 'GB');
    const csv = ['phone', '+44 20 7946 0018', '020 7946 0018'].join('\n');

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));

    expect(await screen.findByText('1 number will be added.')).toBeTruthy();
    expect(screen.getByText('1 duplicate row will be skipped.')).toBeTruthy();
    expect(
      screen.getByText('Numbers without a country code were read as numbers of United Kingdom.'),
    ).toBeTruthy();
    expect(api.countries).toEqual(['GB']);
    expect(api.saved).toEqual([]);
  });

  it('reads the chosen file again when the country changes', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    const country = await screen.findByLabelText('Default country');
    await userEvent.selectOptions(country, 'GB');
    const csv = ['phone', '020 7946 0018', '(212) 555-0187'].join('\n');
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));
    await screen.findByText(
      'Numbers without a country code were read as numbers of United Kingdom.',
    );
    const reason = screen.getByLabelText('Reason for rows without one');
    await userEvent.clear(reason);
    await userEvent.type(reason, 'Reason E');

    await userEvent.selectOptions(country, 'US');

    expect(
      await screen.findByText(
        'Numbers without a country code were read as numbers of United States.',
      ),
    ).toBeTruthy();
    expect(api.countries).toEqual(['GB', 'US']);
    expect(screen.getByRole('table', { name: /rejected/ }).textContent).toContain('020 7946 0018');
    expect((reason as HTMLInputElement).value).toBe('Reason E');
    await userEvent.click(screen.getByRole('button', { name: 'Import 1 number' }));
    await screen.findByText('Imported. The list now holds 1 number.');
    expect([...api.list.values()]).toMatchObject([{ e164: '+12125550187', reason: 'Reason E' }]);
  });

  it('keeps the choice to replace reasons when the country changes', async () => {
    const api = fakeApi([LISTED]);
    render(<Options api={api} />);
    const country = await screen.findByLabelText('Default country');
    const csv = ['phone,reason', '+44 20 7946 0030,Reason C'].join('\n');
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));
    await userEvent.click(
      await screen.findByLabelText(
        'Replace the reason of 1 listed number with the reason in this file',
      ),
    );

    await userEvent.selectOptions(country, 'DE');

    await screen.findByText('Numbers without a country code were read as numbers of Germany.');
    expect(
      (
        screen.getByLabelText(
          'Replace the reason of 1 listed number with the reason in this file',
        ) as HTMLInputElement
      ).checked,
    ).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported. The list now holds 1 number.');
    expect(api.list.get('+442079460030')?.reason).toBe('Reason C');
  });

  it('names the country in the UI language', async () => {
    const { api } = fakeCsvApi();
    render(<CsvImport api={api} country="GB" language="zh-CN" />);

    await userEvent.upload(
      screen.getByLabelText('CSV file'),
      new File(['phone\n020 7946 0018'], 'dnc.csv'),
    );

    expect(
      await screen.findByText('Numbers without a country code were read as numbers of 英国.'),
    ).toBeTruthy();
  });

  it('keeps reason and date of a listed number', async () => {
    const api = fakeApi([LISTED]);
    render(<Options api={api} />);
    const csv = ['phone,reason', '+44 20 7946 0030,Reason C', '+44 20 7946 0031,'].join('\n');

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));

    expect(await screen.findByText('1 number will be added.')).toBeTruthy();
    expect(
      screen.getByText(
        '1 number is already on the list. It keeps its reason and its "On the list since" date.',
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import 1 number' }));
    expect(await screen.findByText('Imported. The list now holds 2 numbers.')).toBeTruthy();
    expect(api.list.get('+442079460030')).toEqual(LISTED);
    expect(api.list.get('+442079460031')?.reason).toBe('Imported do-not-call list');
  });

  it('counts only new numbers on the button', async () => {
    const api = fakeApi([LISTED]);
    render(<Options api={api} />);
    const csv = ['phone,reason', '+44 20 7946 0030,Reason C'].join('\n');

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));

    expect(await screen.findByText('0 numbers will be added.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
  });

  it('replaces a listed reason when confirmed', async () => {
    const api = fakeApi([LISTED]);
    render(<Options api={api} />);
    const csv = ['phone,reason', '+44 20 7946 0030,Reason C'].join('\n');
    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));

    await userEvent.click(
      await screen.findByLabelText(
        'Replace the reason of 1 listed number with the reason in this file',
      ),
    );

    expect(
      screen.getByText(
        '1 number is already on the list. It keeps its "On the list since" date, and a reason given in this file replaces its reason.',
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported. The list now holds 1 number.')).toBeTruthy();
    expect(api.list.get('+442079460030')).toMatchObject({
      reason: 'Reason C',
      addedAt: LISTED.addedAt,
    });
  });

  it('uses the reason typed after the file', async () => {
    const api = fakeApi();
    render(<Options api={api} />);
    const reason = screen.getByLabelText('Reason for rows without one');
    await userEvent.upload(
      screen.getByLabelText('CSV file'),
      new File(['phone\n+44 20 7946 0030'], 'dnc.csv'),
    );
    await screen.findByText('1 number will be added.');

    await userEvent.clear(reason);

    expect(screen.getByText('Enter a reason for rows without one before importing.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Import 1 number' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await userEvent.type(reason, 'Reason D');
    expect(
      screen.getByText('Rows without a reason get the reason "Reason D" when you import them.'),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import 1 number' }));
    await screen.findByText('Imported. The list now holds 1 number.');
    expect(api.list.get('+442079460030')?.reason).toBe('Reason D');
  });

  it('exports the list', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByText('Exported 42 numbers.')).toBeTruthy();
  });

  it('saves the API URL and access token', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    await userEvent.type(await screen.findByLabelText('API URL'), 'https://dnc.example.com');
    await userEvent.type(screen.getByLabelText('Access token'), 'dncg_secret');
    await userEvent.click(
      within(
        screen.getByRole('heading', { name: 'Central API' }).closest('form') as HTMLElement,
      ).getByRole('button', { name: 'Save' }),
    );

    expect(api.saved.at(-1)).toMatchObject({
      apiUrl: 'https://dnc.example.com',
      accessToken: 'dncg_secret',
    });
  });

  it.each([
    ['dncg_令牌错误', '令'],
    ['dncg_tab\there', 'U+0009'],
  ])('rejects the token %s before saving', async (token, shown) => {
    const api = fakeApi();
    render(<Options api={api} />);

    await userEvent.type(await screen.findByLabelText('API URL'), 'https://dnc.example.com');
    // Pasted, because typing a tab would move the focus.
    await userEvent.click(screen.getByLabelText('Access token'));
    await userEvent.paste(`${token}\u3000`);
    await userEvent.click(within(sectionForm('Central API')).getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      `The access token cannot contain "${shown}". A token has only English letters, digits and ASCII punctuation, so copy it again.`,
    );
    expect(api.saved).toEqual([]);
  });

  it('saves a token after trimming pasted spaces', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    await userEvent.type(await screen.findByLabelText('API URL'), 'https://dnc.example.com');
    await userEvent.click(screen.getByLabelText('Access token'));
    await userEvent.paste(' dncg_secret\u3000');
    await userEvent.click(within(sectionForm('Central API')).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.saved.at(-1)).toMatchObject({ accessToken: 'dncg_secret' }));
  });

  it('explains an API URL it cannot accept', async () => {
    const api = fakeApi();
    render(<Options api={api} />);

    await userEvent.type(await screen.findByLabelText('API URL'), 'http://dnc.example.com');
    await userEvent.click(
      within(
        screen.getByRole('heading', { name: 'Central API' }).closest('form') as HTMLElement,
      ).getByRole('button', { name: 'Save' }),
    );

    expect((await screen.findByRole('alert')).textContent).toContain('https://');
    expect(api.saved).toEqual([]);
  });

  it('shows items waiting for the server', async () => {
    render(<Options api={fakeApi()} />);

    expect(
      await screen.findByText(
        '2 changes (numbers, cases or blocked calls) waiting to be sent to the server',
      ),
    ).toBeTruthy();
  });

  it('keeps the saved API settings when the country is saved after them', async () => {
    render(<Options api={storedSettingsApi()} />);
    await userEvent.type(await screen.findByLabelText('API URL'), 'https://dnc.example.com');
    await userEvent.type(screen.getByLabelText('Access token'), 'dncg_secret');
    await userEvent.click(within(sectionForm('Central API')).getByRole('button', { name: 'Save' }));
    await within(sectionForm('Central API')).findByText('Saved.');

    await userEvent.selectOptions(screen.getByLabelText('Default country'), 'GB');
    await userEvent.click(
      within(sectionForm('Numbers and blocking')).getByRole('button', { name: 'Save' }),
    );
    await within(sectionForm('Numbers and blocking')).findByText('Saved.');

    expect(await settingsItem.getValue()).toMatchObject({
      apiUrl: 'https://dnc.example.com',
      accessToken: 'dncg_secret',
      defaultCountry: 'GB',
    });
  });

  it('saves only the fields of its own section', async () => {
    const api = fakeApi();
    const save = vi.spyOn(api.settings, 'save');
    render(<Options api={api} />);

    await userEvent.selectOptions(await screen.findByLabelText('Default country'), 'GB');
    await userEvent.click(
      within(sectionForm('Numbers and blocking')).getByRole('button', { name: 'Save' }),
    );

    expect(save).toHaveBeenCalledTimes(1);
    expect(Object.keys(save.mock.calls[0]?.[0] ?? {}).sort()).toEqual([
      'defaultCountry',
      'showAllowedBadges',
      'staleAfterHours',
      'unknownPolicy',
    ]);
  });

  it('shows the saved values while the policy is still being read', async () => {
    const api = fakeApi();
    let answerPolicy: (values: ManagedSettings) => void = () => undefined;
    const policy = new Promise<ManagedSettings>((resolve) => (answerPolicy = resolve));
    api.settings.managed = () => policy;
    api.apiSettings.managed = () => policy;
    render(<Options api={api} />);

    const country = (await screen.findByLabelText('Default country')) as HTMLSelectElement;
    const section = sectionForm('Numbers and blocking');
    expect(country.value).toBe('US');
    expect(within(section).getByRole('status').textContent).toBe(
      'Checking for settings set by your organisation…',
    );

    answerPolicy({ defaultCountry: 'DE' });

    await waitFor(() => expect(country.value).toBe('DE'));
    expect(country.disabled).toBe(true);
    expect(within(section).queryByRole('status')).toBeNull();
    expect(within(section).getByText("Set by your organisation's policy.")).toBeTruthy();
  });

  it('does not save a field set by policy', async () => {
    const api = fakeApi();
    api.settings.managed = async () => ({ unknownPolicy: 'warn' });
    const save = vi.spyOn(api.settings, 'save');
    render(<Options api={api} />);
    const section = await waitFor(() => sectionForm('Numbers and blocking'));
    await waitFor(() => expect(within(section).queryByRole('status')).toBeNull());

    await userEvent.click(within(section).getByRole('button', { name: 'Save' }));

    expect(save.mock.calls[0]?.[0]).not.toHaveProperty('unknownPolicy');
    expect(api.saved.at(-1)?.unknownPolicy).toBe('block');
  });
});

describe('Options, switching the server or token', () => {
  const AGENT = { apiUrl: 'https://dnc.example.com', accessToken: 'dncg_agent' };

  /** Builds the fake with Agent Ana's token saved; `calls` lists each save and sync in order. */
  function agentApi(waiting: number) {
    const api = fakeApi();
    const calls: string[] = [];
    let connection = AGENT;
    let pending = waiting;
    api.apiSettings.read = async () => ({ ...DEFAULT_SETTINGS, ...connection });
    api.apiSettings.save = async (apiUrl, accessToken) => {
      calls.push(`save ${accessToken}`);
      connection = { apiUrl, accessToken };
    };
    api.apiSettings.syncStatus = async () => ({ ...SYNC_STATUS, pendingItems: pending });
    api.apiSettings.syncNow = async () => {
      calls.push(`sync ${connection.accessToken}`);
      pending = 0;
      return { ...SYNC_STATUS, lastSuccessAt: 1, pendingItems: 0 };
    };
    return Object.assign(api, { calls });
  }

  async function saveToken(value: string) {
    const field = await screen.findByLabelText('Access token');
    await waitFor(() => expect((field as HTMLInputElement).value).toBe(AGENT.accessToken));
    await userEvent.clear(field);
    await userEvent.type(field, value);
    await userEvent.click(within(sectionForm('Central API')).getByRole('button', { name: 'Save' }));
  }

  const WARNING =
    "2 changes recorded on this device are waiting to be sent. After this switch they would be sent with the new settings, and the server would record them as the new token's user.";

  it('syncs at once after saving', async () => {
    const api = fakeApi();
    api.apiSettings.syncStatus = async () => ({
      ...SYNC_STATUS,
      lastError: { code: 'unauthorized', status: 401, message: 'HTTP 401', at: 1 },
    });
    const syncNow = vi.spyOn(api.apiSettings, 'syncNow');
    render(<Options api={api} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Last sync failed');

    await userEvent.type(screen.getByLabelText('API URL'), 'https://dnc.example.com');
    await userEvent.type(screen.getByLabelText('Access token'), 'dncg_right');
    await userEvent.click(within(sectionForm('Central API')).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(syncNow).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/^Last sync: /)).toBeTruthy();
  });

  it('asks before switching with items waiting', async () => {
    const api = agentApi(2);
    render(<Options api={api} />);

    await saveToken('dncg_lead');

    expect(await screen.findByText(WARNING)).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it('switches at once from a rejected token', async () => {
    const api = agentApi(2);
    api.apiSettings.syncStatus = async () => ({
      ...SYNC_STATUS,
      pendingItems: 2,
      lastError: { code: 'unauthorized', status: 401, message: 'HTTP 401', at: 1 },
    });
    render(<Options api={api} />);
    await screen.findByRole('alert');

    await saveToken('dncg_fixed');

    await within(sectionForm('Central API')).findByText('Saved.');
    expect(api.calls).toEqual(['save dncg_fixed', 'sync dncg_fixed']);
    expect(screen.queryByText(WARNING)).toBeNull();
  });

  it('syncs with old token first', async () => {
    const api = agentApi(2);
    render(<Options api={api} />);
    await saveToken('dncg_lead');

    await userEvent.click(await screen.findByRole('button', { name: 'Sync now, then switch' }));

    await within(sectionForm('Central API')).findByText('Saved.');
    expect(api.calls).toEqual(['sync dncg_agent', 'save dncg_lead', 'sync dncg_lead']);
    expect(screen.queryByText(WARNING)).toBeNull();
  });

  it('keeps settings when items stay unsent', async () => {
    const api = agentApi(2);
    api.apiSettings.syncNow = async () => {
      api.calls.push('sync');
      return {
        ...SYNC_STATUS,
        pendingItems: 1,
        lastError: { code: 'offline', message: 'fetch failed', at: 1 },
      };
    };
    render(<Options api={api} />);
    await saveToken('dncg_lead');

    await userEvent.click(await screen.findByRole('button', { name: 'Sync now, then switch' }));

    expect(
      await screen.findByText('1 change could not be sent, so the settings were not switched.'),
    ).toBeTruthy();
    expect(api.calls).toEqual(['sync']);
    expect(
      screen.getByRole('button', { name: "Switch anyway and send them as the new token's user" }),
    ).toBeTruthy();
  });

  it('switches anyway, dropping nothing', async () => {
    const api = agentApi(2);
    api.apiSettings.syncNow = async () => {
      api.calls.push('sync');
      return SYNC_STATUS;
    };
    render(<Options api={api} />);
    await saveToken('dncg_lead');

    await userEvent.click(
      await screen.findByRole('button', {
        name: "Switch anyway and send them as the new token's user",
      }),
    );

    await within(sectionForm('Central API')).findByText('Saved.');
    expect(api.calls).toEqual(['save dncg_lead', 'sync']);
    expect(
      screen.getByText(
        '2 changes (numbers, cases or blocked calls) waiting to be sent to the server',
      ),
    ).toBeTruthy();
  });

  it('keeps settings on request', async () => {
    const api = agentApi(2);
    render(<Options api={api} />);
    await saveToken('dncg_lead');

    await userEvent.click(await screen.findByRole('button', { name: 'Keep the current settings' }));

    expect(screen.queryByText(WARNING)).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it('does not ask with nothing waiting', async () => {
    const api = agentApi(0);
    render(<Options api={api} />);

    await saveToken('dncg_lead');

    await within(sectionForm('Central API')).findByText('Saved.');
    expect(screen.queryByText(WARNING)).toBeNull();
    await waitFor(() => expect(api.calls).toEqual(['save dncg_lead', 'sync dncg_lead']));
  });
});
