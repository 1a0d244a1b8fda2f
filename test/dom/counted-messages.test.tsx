import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { CaptureForm, type CaptureApi } from '../../components/CaptureForm';
import { deadlineText } from '../../components/CaseList';
import { CsvImport } from '../../components/CsvImport';
import { ListSummary } from '../../components/ListSummary';
import { SyncStatusView } from '../../components/SyncStatusView';
import { messagesOf } from '../setup/english-messages';
import { fakeCsvApi } from './csv-import-fake';
import { listInfo } from './harness';

/** The sync status of a configured browser with `count` items waiting to be sent. */
function WaitingItems({ count }: { count: number }) {
  return (
    <SyncStatusView
      status={{
        configured: true,
        running: false,
        lastSuccessAt: null,
        lastAttemptAt: null,
        lastError: null,
        pendingItems: count,
        list: listInfo(),
      }}
      onSyncNow={async () => undefined}
      onRefresh={() => undefined}
    />
  );
}

describe('counted messages', () => {
  it('shows list size and pending numbers in the singular', () => {
    render(
      <ListSummary
        info={listInfo({
          size: 1,
          pendingCount: 1,
          updatedAt: null,
          stale: true,
          staleAfterHours: 1,
        })}
      />,
    );

    expect(screen.getByText('1 number on the list')).toBeTruthy();
    expect(
      screen.getByText(
        '1 number pending (blocked on this device, not yet confirmed by the server)',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/older than 1 hour\./)).toBeTruthy();
  });

  it('groups the digits of a large list', () => {
    render(<ListSummary info={listInfo({ size: 1234567, updatedAt: null })} />);

    expect(screen.getByText('1,234,567 numbers on the list')).toBeTruthy();
  });

  it('shows the count in the Chinese UI', () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });

    render(<ListSummary info={listInfo({ size: 1234, updatedAt: null })} />);

    expect(screen.getByText('名单共 1,234 个号码')).toBeTruthy();
  });

  it('shows one waiting sync item in the singular', () => {
    render(<WaitingItems count={1} />);

    expect(
      screen.getByText(
        '1 change (a number, case or blocked call) waiting to be sent to the server',
      ),
    ).toBeTruthy();
  });

  it('names what waits to be sent in Chinese', () => {
    Object.assign(fakeBrowser.i18n, {
      getMessage: messagesOf('zh_CN'),
      getUILanguage: () => 'zh-CN',
    });
    render(
      <>
        <ListSummary info={listInfo({ size: 10, pendingCount: 2, updatedAt: null })} />
        <WaitingItems count={8} />
      </>,
    );

    expect(screen.getByText('2 个号码禁呼待确认（已在本设备阻止，服务器尚未确认）')).toBeTruthy();
    expect(screen.getByText('8 项更改（号码、工单或拦截记录）等待发送到服务器')).toBeTruthy();
  });

  it.each([
    [1, false, '1 day left'],
    [2, false, '2 days left'],
    [-1, true, 'Overdue by 1 day'],
    [-3, true, 'Overdue by 3 days'],
  ])('describes %i days left (overdue: %s)', (daysLeft, overdue, expected) => {
    expect(deadlineText({ daysLeft, overdue })).toBe(expected);
  });

  it('previews and imports one number in the singular', async () => {
    const csv = ['phone', '+44 20 7946 0018', '+44 20 7946 0018', 'not a phone'].join('\n');
    render(<CsvImport api={fakeCsvApi().api} country="GB" language="en" />);

    await userEvent.upload(screen.getByLabelText('CSV file'), new File([csv], 'dnc.csv'));

    expect(await screen.findByText('1 number will be added.')).toBeTruthy();
    expect(screen.getByText('1 duplicate row will be skipped.')).toBeTruthy();
    expect(screen.getByText('1 row was rejected and will not be imported:')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import 1 number' }));
    expect(await screen.findByText('Imported. The list now holds 1 number.')).toBeTruthy();
  });

  it('confirms one blocked number after a capture', async () => {
    const api: CaptureApi = {
      readRecord: async () => ({
        system: 'crm.example',
        recordId: '003XX0000012345',
        url: 'https://crm.example/contacts/003XX0000012345',
        name: 'Ana García',
        phones: ['+44 20 7946 0018'],
        emails: [],
        phonesCut: 0,
        leftOutPhones: [],
        people: [],
        title: 'Ana García',
      }),
      capture: async () => 1,
      defaultCountry: async () => 'GB',
      newId: () => '7d8f4f0e-2b7c-4c52-9a49-2f4f3f7d9a10',
    };
    render(<CaptureForm api={api} />);
    await screen.findByDisplayValue('Ana García');

    await userEvent.click(screen.getByRole('button', { name: 'Save and suppress now' }));

    expect(await screen.findByText(/^Saved\. 1 number is blocked now;/)).toBeTruthy();
  });
});
