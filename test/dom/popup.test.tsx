import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupApi } from '../../components/Popup';
import { formatDate, formatTime } from '../../components/format';
import type { ListInfo, NumberResult, SyncStatus } from '../../lib/messaging/protocol';
import { messagesOf } from '../setup/english-messages';
import { listInfo } from './harness';

function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    configured: true,
    running: false,
    lastSuccessAt: Date.UTC(2026, 11, 4, 9),
    lastAttemptAt: Date.UTC(2026, 11, 4, 9),
    lastError: null,
    pendingItems: 0,
    list: listInfo(),
    ...overrides,
  };
}

type FakePopupApi = PopupApi & {
  lookup: ReturnType<typeof vi.fn>;
  addToDnc: ReturnType<typeof vi.fn>;
  syncNow: ReturnType<typeof vi.fn>;
};

function fakeApi(result: NumberResult, info: ListInfo = listInfo({ size: 1234 })): FakePopupApi {
  return {
    lookup: vi.fn(async () => result),
    listInfo: async () => info,
    defaultCountry: async () => 'GB',
    openOptions: vi.fn(),
    addToDnc: vi.fn(async () => ({
      ...result,
      status: 'pending' as const,
      reason: 'Customer asked not to be called',
    })),
    syncStatus: async () => syncStatus(),
    syncNow: vi.fn(async () => syncStatus({ lastSuccessAt: Date.UTC(2026, 11, 4, 10) })),
    openCapture: vi.fn(async () => undefined),
  };
}

describe('Popup', () => {
  it('looks up a number and shows reason, source and date', async () => {
    const api = fakeApi({
      raw: '+44 20 7946 0018',
      e164: '+442079460018',
      display: '+44 20 7946 0018',
      status: 'suppressed',
      reason: 'Asked not to be called',
      source: 'csv:dnc.csv',
      addedAt: Date.UTC(2025, 0, 2, 14, 30),
    });
    render(<Popup api={api} />);

    await userEvent.type(screen.getByLabelText('Phone number'), '+44 20 7946 0018');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));

    expect(api.lookup).toHaveBeenCalledWith('+44 20 7946 0018');
    expect(await screen.findByText('On the do-not-call list')).toBeTruthy();
    expect(screen.getByText('Asked not to be called')).toBeTruthy();
    expect(screen.getByText('Imported in Options from dnc.csv')).toBeTruthy();
    expect(screen.getByText(formatTime(Date.UTC(2025, 0, 2, 14, 30)))).toBeTruthy();
  });

  it('shows a listing date without a midnight time', async () => {
    const midnight = new Date(2024, 2, 15).getTime();
    const api = fakeApi({
      raw: '+44 20 7946 0018',
      e164: '+442079460018',
      status: 'suppressed',
      addedAt: midnight,
    });
    render(<Popup api={api} />);

    await userEvent.type(screen.getByLabelText('Phone number'), '+44 20 7946 0018');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));

    expect(await screen.findByText(formatDate(midnight))).toBeTruthy();
    expect(screen.queryByText(formatTime(midnight))).toBeNull();
  });

  it('clears the result on an empty look-up', async () => {
    const api = fakeApi({
      raw: '+44 20 7946 0018',
      e164: '+442079460018',
      status: 'suppressed',
    });
    render(<Popup api={api} />);
    const box = screen.getByLabelText('Phone number');
    await userEvent.type(box, '+44 20 7946 0018');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('On the do-not-call list');

    await userEvent.clear(box);
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));

    expect(screen.queryByText('On the do-not-call list')).toBeNull();
  });

  it('says which country an invalid number was read in', async () => {
    render(<Popup api={fakeApi({ raw: '12345', e164: null, status: 'invalid' })} />);

    await userEvent.type(screen.getByLabelText('Phone number'), '12345{Enter}');

    expect(
      await screen.findByText('Not a valid phone number for the default country (United Kingdom)'),
    ).toBeTruthy();
  });

  it('says how to read a national number in another country', async () => {
    render(<Popup api={fakeApi({ raw: '12345', e164: null, status: 'invalid' })} />);

    await userEvent.type(screen.getByLabelText('Phone number'), '12345{Enter}');

    expect(
      await screen.findByText(
        'If the number belongs to another country, add its country code (+…), or change the default country on the Options page.',
      ),
    ).toBeTruthy();
  });

  it('names the default country of an invalid number in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    const api = fakeApi({ raw: '12345', e164: null, status: 'invalid' });
    api.defaultCountry = async () => 'CN';
    render(<Popup api={api} />);

    await userEvent.type(screen.getByLabelText('电话号码'), '12345{Enter}');

    expect(await screen.findByText('不是默认国家/地区（中国）的有效电话号码')).toBeTruthy();
  });

  it('shows a pending number by the badge term in Chinese', async () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    render(
      <Popup
        api={fakeApi({
          raw: '13800138000',
          e164: '+8613800138000',
          display: '138 0013 8000',
          status: 'pending',
        })}
      />,
    );

    await userEvent.type(screen.getByLabelText('电话号码'), '13800138000{Enter}');

    expect(await screen.findByText('禁呼待确认：已在本设备添加，服务器尚未确认')).toBeTruthy();
  });

  it.each([
    ['abc', 'Enter a phone number: this has no digits'],
    ['+1 999 555 0100', 'Not a valid phone number'],
    [' +44 12', 'Not a valid phone number'],
    ['999 555 0100', 'Not a valid phone number for the default country (United Kingdom)'],
  ])('explains why %j is not a valid number', async (raw, message) => {
    render(<Popup api={fakeApi({ raw, e164: null, status: 'invalid' })} />);

    await userEvent.type(screen.getByLabelText('Phone number'), `${raw}{Enter}`);

    expect(await screen.findByText(message)).toBeTruthy();
  });

  it('shows the list size and age', async () => {
    render(<Popup api={fakeApi({ raw: 'x', e164: null, status: 'invalid' })} />);

    expect(await screen.findByText(/1,234 numbers on the list/)).toBeTruthy();
  });

  it('leaves the list time to the sync line when the sync made it current', async () => {
    const synced = Date.UTC(2026, 11, 4, 9);
    const info = listInfo({ size: 15, updatedAt: synced - 20 });
    render(<Popup api={fakeApi({ raw: 'x', e164: null, status: 'invalid' }, info)} />);

    expect(await screen.findByText(`Last sync: ${formatTime(synced)}`)).toBeTruthy();
    expect(screen.getByText('15 numbers on the list')).toBeTruthy();
    expect(screen.queryByText(/Updated/)).toBeNull();
  });

  it('shows when an import after the last sync updated the list', async () => {
    const imported = Date.UTC(2026, 11, 4, 9, 30);
    const info = listInfo({ size: 15, updatedAt: imported });
    render(<Popup api={fakeApi({ raw: 'x', e164: null, status: 'invalid' }, info)} />);

    expect(
      await screen.findByText(`15 numbers on the list · Updated ${formatTime(imported)}`),
    ).toBeTruthy();
    expect(screen.getByText(`Last sync: ${formatTime(Date.UTC(2026, 11, 4, 9))}`)).toBeTruthy();
  });

  it('warns when no list is loaded', async () => {
    const info = listInfo({ loaded: false, size: 0, updatedAt: null, stale: true });
    render(<Popup api={fakeApi({ raw: 'x', e164: null, status: 'invalid' }, info)} />);

    expect(await screen.findByText('No do-not-call list is loaded yet.')).toBeTruthy();
  });

  it('shows a failed look-up as an error', async () => {
    const api = fakeApi({ raw: 'x', e164: null, status: 'invalid' });
    api.lookup.mockRejectedValueOnce(new Error('Background worker not ready'));
    render(<Popup api={api} />);

    await userEvent.type(screen.getByLabelText('Phone number'), '+1 212 555 0187{Enter}');

    expect((await screen.findByRole('alert')).textContent).toContain('Background worker not ready');
  });

  it('adds an allowed number to the list as pending', async () => {
    const api = fakeApi({
      raw: '+1 212 555 0187',
      e164: '+12125550187',
      display: '+1 212-555-0187',
      status: 'allowed',
    });
    render(<Popup api={api} />);
    await userEvent.type(screen.getByLabelText('Phone number'), '+1 212 555 0187{Enter}');

    await userEvent.click(await screen.findByRole('button', { name: 'Add to do-not-call list' }));

    expect(api.addToDnc).toHaveBeenCalledWith('+12125550187', 'Customer asked not to be called');
    expect(
      await screen.findByText('DNC pending: added on this device, not yet confirmed by the server'),
    ).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByText(/^Added\./));
  });

  it('drops the result once the number is edited', async () => {
    const api = fakeApi({
      raw: '+1 212 555 0187',
      e164: '+12125550187',
      status: 'allowed',
    });
    render(<Popup api={api} />);
    const box = screen.getByLabelText('Phone number');
    await userEvent.type(box, '+1 212 555 0187{Enter}');
    await screen.findByRole('button', { name: 'Add to do-not-call list' });

    await userEvent.type(box, '9');

    expect(screen.queryByText('Not on the do-not-call list')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add to do-not-call list' })).toBeNull();
  });

  it('offers no add button for a suppressed number', async () => {
    render(<Popup api={fakeApi({ raw: 'x', e164: '+14155550123', status: 'suppressed' })} />);
    await userEvent.type(screen.getByLabelText('Phone number'), '+1 415 555 0123{Enter}');

    await screen.findByText('On the do-not-call list');
    expect(screen.queryByRole('button', { name: 'Add to do-not-call list' })).toBeNull();
  });

  it('syncs on Sync now and shows the new time', async () => {
    const api = fakeApi({ raw: 'x', e164: null, status: 'invalid' });
    render(<Popup api={api} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Sync now' }));

    expect(api.syncNow).toHaveBeenCalledOnce();
    expect(
      await screen.findByText(`Last sync: ${formatTime(Date.UTC(2026, 11, 4, 10))}`),
    ).toBeTruthy();
  });

  it('explains the last sync error', async () => {
    const api = fakeApi({ raw: 'x', e164: null, status: 'invalid' });
    api.syncStatus = async () =>
      syncStatus({
        lastError: {
          code: 'unauthorized',
          status: 401,
          detail: 'unknown token',
          message: 'Syncing failed: the API rejected the access token (HTTP 401).',
          at: 1,
        },
      });
    render(<Popup api={api} />);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Last sync failed: The server rejected the access token. Enter a valid token on the Options page.',
    );
  });

  it('offers Sync now again when a background sync ends', async () => {
    const api = fakeApi({ raw: 'x', e164: null, status: 'invalid' });
    const states = [syncStatus({ running: true }), syncStatus({ lastSuccessAt: 1 })];
    api.syncStatus = async () => states.shift() ?? syncStatus({ lastSuccessAt: 1 });
    render(<Popup api={api} />);

    const running = await screen.findByRole('button', { name: 'Syncing…' });
    expect(running.getAttribute('aria-disabled')).toBe('true');
    const button = await screen.findByRole('button', { name: 'Sync now' }, { timeout: 3000 });

    expect(button.hasAttribute('aria-disabled')).toBe(false);
  });
});
