import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupApi } from '../../components/Popup';
import type { ListInfo, NumberResult } from '../../lib/messaging/protocol';
import { listInfo } from './harness';

function fakeApi(
  result: NumberResult,
  info: ListInfo = listInfo({ size: 1234 }),
): PopupApi & { lookup: ReturnType<typeof vi.fn> } {
  return {
    lookup: vi.fn(async () => result),
    listInfo: async () => info,
    defaultCountry: async () => 'GB',
    openOptions: vi.fn(),
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
      addedAt: Date.UTC(2025, 0, 2),
    });
    render(<Popup api={api} />);

    await userEvent.type(screen.getByLabelText('Phone number'), '+44 20 7946 0018');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));

    expect(api.lookup).toHaveBeenCalledWith('+44 20 7946 0018');
    expect(await screen.findByText('On the do-not-call list')).toBeTruthy();
    expect(screen.getByText('Asked not to be called')).toBeTruthy();
    expect(screen.getByText('csv:dnc.csv')).toBeTruthy();
    expect(screen.getByText(new Date(Date.UTC(2025, 0, 2)).toLocaleString())).toBeTruthy();
  });

  it('says which country an invalid number was read in', async () => {
    render(<Popup api={fakeApi({ raw: '12345', e164: null, status: 'invalid' })} />);

    await userEvent.type(screen.getByLabelText('Phone number'), '12345{Enter}');

    expect(
      await screen.findByText('Not a valid phone number for the default country (GB)'),
    ).toBeTruthy();
  });

  it('shows the list size and age', async () => {
    render(<Popup api={fakeApi({ raw: 'x', e164: null, status: 'invalid' })} />);

    expect(await screen.findByText(/1,234 numbers on the list/)).toBeTruthy();
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
});
