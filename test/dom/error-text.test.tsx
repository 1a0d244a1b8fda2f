import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { ApiSettings, type ApiSettingsApi } from '../../components/ApiSettings';
import { SyncStatusView } from '../../components/SyncStatusView';
import type { SyncStatus } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { SyncError, type SyncProblem } from '../../lib/sync/errors';
import { messagesOf } from '../setup/english-messages';
import { listInfo } from './harness';

function useChinese(): void {
  Object.assign(fakeBrowser.i18n, {
    getMessage: messagesOf('zh_CN'),
    getUILanguage: () => 'zh-CN',
  });
}

function syncStatus(lastError: SyncStatus['lastError']): SyncStatus {
  return {
    configured: true,
    running: false,
    lastSuccessAt: null,
    lastAttemptAt: 1,
    lastError,
    pendingItems: 0,
    list: listInfo(),
  };
}

/** Renders the sync status with a last error of `problem` and returns the alert's text. */
function lastErrorText(problem: SyncProblem): string {
  const lastError = { ...problem, message: 'English message for logs', at: 1 };
  render(
    <SyncStatusView
      status={syncStatus(lastError)}
      onSyncNow={async () => undefined}
      onRefresh={() => undefined}
    />,
  );
  return screen.getByRole('alert').textContent ?? '';
}

describe('sync error text', () => {
  it.each<[string, SyncProblem, string]>([
    [
      'an unreachable host',
      { code: 'offline', host: '127.0.0.1:8787' },
      'Last sync failed: Could not reach the server at 127.0.0.1:8787. Check the network connection and the API URL; DNC Guard retries on its own.',
    ],
    [
      'a server error',
      { code: 'server_error', status: 500, detail: 'internal server error' },
      'Last sync failed: The server had an internal error. DNC Guard retries on its own; if this persists, tell your administrator. Details: HTTP 500: internal server error',
    ],
    [
      'a malformed response',
      {
        code: 'invalid_response',
        status: 200,
        detail: 'unexpected response shape (changes: expected array)',
      },
      "Last sync failed: The server's response could not be read. Check that the API URL points at a DNC Guard server; if it does, tell your administrator. Details: HTTP 200: unexpected response shape (changes: expected array)",
    ],
    [
      'one rejected item',
      { code: 'rejected', rejectedItems: 1 },
      'Last sync failed: 1 item was rejected by the server and kept on this device with its reason. DNC Guard retries it about every 15 minutes; if this persists, tell your administrator.',
    ],
    [
      'an API URL that ends in /v1',
      {
        code: 'rejected',
        status: 404,
        apiCode: 'unknown_route',
        detail: 'no such route; see /v1/openapi.json',
      },
      'Last sync failed: The API URL does not lead to the DNC Guard API. Check it in Options: it is the server address without /v1, such as https://dnc.example.com.',
    ],
    [
      'an API URL of another web server',
      { code: 'rejected', status: 404 },
      'Last sync failed: The API URL does not lead to the DNC Guard API. Check it in Options: it is the server address without /v1, such as https://dnc.example.com.',
    ],
    [
      'a request this version sends wrong',
      { code: 'rejected', status: 400, apiCode: 'invalid_body', detail: 'phone: Required' },
      'Last sync failed: The server did not accept the data sent. DNC Guard and the server may run different versions; tell your administrator. Details: HTTP 400: phone: Required',
    ],
    [
      'a rejection of unknown cause',
      { code: 'rejected', status: 418, apiCode: 'newer_code', detail: 'teapot' },
      'Last sync failed: The server rejected the request. Details: HTTP 418: teapot',
    ],
    [
      'a step the case status forbids',
      {
        code: 'rejected',
        status: 409,
        apiCode: 'forbidden_transition',
        detail: 'Cannot move from received to confirmed',
      },
      'Last sync failed: The case cannot move to that status from its current one.',
    ],
    [
      'a token it could not send',
      { code: 'invalid_token' },
      'Last sync failed: The access token contains a character that a token cannot have, so it was not sent. Copy the token again and enter it on the Options page.',
    ],
    [
      'a state stored before the facts',
      { code: 'timeout' },
      'Last sync failed: The server did not respond in time. DNC Guard retries on its own.',
    ],
  ])('describes %s', (_, problem, expected) => {
    expect(lastErrorText(problem)).toBe(expected);
  });

  it('describes a failure in Chinese', () => {
    useChinese();

    expect(lastErrorText({ code: 'offline', host: '127.0.0.1:8787' })).toBe(
      '上次同步失败：无法连接服务器 127.0.0.1:8787。请检查网络连接和 API 地址；DNC Guard 会自动重试。',
    );
  });

  it('describes a token it could not send in Chinese', () => {
    useChinese();

    expect(lastErrorText({ code: 'invalid_token' })).toBe(
      '上次同步失败：访问令牌含有令牌中不会出现的字符，因此未发送。请重新复制令牌，并在选项页面输入。',
    );
  });

  it('leaves out the English server text a Chinese message covers', () => {
    useChinese();

    expect(
      lastErrorText({
        code: 'unauthorized',
        status: 401,
        detail: 'bearer token is invalid or revoked',
      }),
    ).toBe('上次同步失败：服务器拒绝了访问令牌。请在选项页面输入有效的令牌。');
  });

  it.each<[string, SyncProblem]>([
    ['a forbidden step', { code: 'forbidden', status: 403, detail: 'role agent may not' }],
    ['rate limiting', { code: 'rate_limited', status: 429, detail: 'too many requests' }],
    ['a timeout', { code: 'timeout', detail: 'aborted after 15 s' }],
    ['an unknown case', { code: 'rejected', status: 404, apiCode: 'not_found', detail: 'no case' }],
  ])('gives no details for %s', (_, problem) => {
    expect(lastErrorText(problem)).not.toContain('Details');
  });

  it('shows the English server text as detail in Chinese', () => {
    useChinese();

    expect(lastErrorText({ code: 'server_error', status: 500, detail: 'disk I/O error' })).toBe(
      '上次同步失败：服务器发生内部错误。DNC Guard 会自动重试；如问题持续，请告知管理员。详情：HTTP 500: disk I/O error',
    );
  });
});

describe('API settings error text', () => {
  it('explains a failed Sync now', async () => {
    const api: ApiSettingsApi = {
      read: async () => DEFAULT_SETTINGS,
      managed: async () => ({}),
      save: async () => undefined,
      syncStatus: async () => syncStatus(null),
      syncNow: async () =>
        Promise.reject(
          new SyncError('storage_failed', 'Saving failed', { detail: 'QuotaExceededError' }),
        ),
    };
    render(<ApiSettings api={api} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Sync now' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      "Saving to the browser's storage failed. Free disk space or restart the browser, then sync again. Details: QuotaExceededError",
    );
  });
});

describe('API settings messages', () => {
  it('clears an old error when the token changes', async () => {
    const api: ApiSettingsApi = {
      read: async () => DEFAULT_SETTINGS,
      managed: async () => ({}),
      save: async () => Promise.reject(new SyncError('unauthorized', 'Token rejected')),
      syncStatus: async () => syncStatus(null),
      syncNow: async () => syncStatus(null),
    };
    render(<ApiSettings api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Access token'), 'x');

    expect(screen.queryByRole('alert')).toBeNull();
  });
});
