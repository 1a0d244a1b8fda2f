import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SyncError } from '../../lib/sync/errors';
import { callApi, type ApiClientOptions } from '../../lib/sync/http';

function options(fetchFunction: typeof fetch): ApiClientOptions {
  return {
    fetch: fetchFunction,
    apiUrl: 'https://dnc.example.com:8443',
    accessToken: 'dncg_test',
    timeoutMs: 1_000,
  };
}

function respond(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status });
}

async function failure(fetchFunction: typeof fetch): Promise<SyncError> {
  const request = {
    method: 'GET' as const,
    path: '/v1/cases/1',
    what: 'reading the case',
    schema: z.object({ id: z.string() }),
  };
  const error: unknown = await callApi(options(fetchFunction), request).catch(
    (reason: unknown) => reason,
  );
  if (!(error instanceof SyncError)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

describe('callApi failure facts', () => {
  it('reports a token it cannot send without sending it', async () => {
    let sent = false;
    const request = {
      method: 'GET' as const,
      path: '/v1/me',
      what: 'reading your role',
      schema: z.object({}),
    };
    const client = {
      ...options(async () => {
        sent = true;
        throw new TypeError('Cannot convert argument to a ByteString');
      }),
      accessToken: 'dncg_令牌错误',
    };

    const error: unknown = await callApi(client, request).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).problem()).toEqual({ code: 'invalid_token' });
    expect((error as SyncError).message).not.toContain('令牌错误');
    expect(sent).toBe(false);
  });

  it('keeps the problem code and message of the server', async () => {
    const body = JSON.stringify({
      error: { code: 'incomplete_checklist', message: '2 items are open' },
    });

    const error = await failure(respond(409, body));

    expect(error.problem()).toEqual({
      code: 'rejected',
      status: 409,
      apiCode: 'incomplete_checklist',
      detail: '2 items are open',
    });
  });

  it('keeps a problem code it does not know', async () => {
    const body = JSON.stringify({ error: { code: 'case_archived', message: 'Case was archived' } });

    const error = await failure(respond(409, body));

    expect(error.problem()).toMatchObject({
      apiCode: 'case_archived',
      detail: 'Case was archived',
    });
    expect(error.message).toContain("The server's message: Case was archived.");
  });

  it('keeps the status without an error body', async () => {
    const error = await failure(respond(502, '<html>Bad gateway</html>'));

    expect(error.problem()).toEqual({ code: 'server_error', status: 502 });
  });

  it('names the host it could not reach', async () => {
    const error = await failure(async () => {
      throw new TypeError('fetch failed');
    });

    expect(error.problem()).toEqual({ code: 'offline', host: 'dnc.example.com:8443' });
  });

  it('describes a response of the wrong shape', async () => {
    const error = await failure(respond(200, '{"name":"x"}'));

    expect(error.problem()).toMatchObject({ code: 'invalid_response', status: 200 });
    expect(error.problem().detail).toContain('id');
  });

  it('keeps Retry-After out of the facts', async () => {
    const error = await failure(
      async () => new Response('', { status: 429, headers: { 'retry-after': '30' } }),
    );

    expect(error.retryAfterSeconds).toBe(30);
    expect(error.problem()).toEqual({ code: 'rate_limited', status: 429 });
  });
});
