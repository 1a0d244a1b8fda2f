import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/schemas.ts';
import { newCaseBody, startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.api('/v1/suppressions', {
    method: 'POST',
    body: { entries: [{ phone: '+447400300001', reason: 'r' }] },
  });
});
afterAll(async () => {
  await t.stop();
});

const PROTECTED_ROUTES: Array<[string, string, unknown]> = [
  ['GET', '/v1/suppressions', undefined],
  ['POST', '/v1/suppressions', { entries: [{ phone: '+447400300002', reason: 'r' }] }],
  ['POST', '/v1/suppressions/check', { phones: ['+447400300001'] }],
  ['DELETE', '/v1/suppressions/+447400300001', { reason: 'r' }],
  ['POST', '/v1/cases', newCaseBody()],
  ['GET', '/v1/cases', undefined],
  ['GET', `/v1/cases/${crypto.randomUUID()}`, undefined],
  ['PATCH', `/v1/cases/${crypto.randomUUID()}`, { version: 1 }],
  ['POST', '/v1/events', { events: [] }],
  ['GET', '/v1/audit', undefined],
];

describe('authentication', () => {
  it.each(PROTECTED_ROUTES)('%s %s without a token is 401', async (method, path, body) => {
    const res = await t.api(path, { method, body, token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(ApiError.parse(res.json).error.code).toBe('unauthorized');
  });

  it.each([
    ['an unknown token', 'dncg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a token without the prefix', 'abc'],
  ])('%s is 401', async (_label, token) => {
    const res = await t.api('/v1/suppressions', { token });
    expect(res.status).toBe(401);
  });

  it('a malformed Authorization header is 401', async () => {
    const res = await t.api('/v1/suppressions', {
      token: null,
      headers: { authorization: `Basic ${t.tokens.admin}` },
    });
    expect(res.status).toBe(401);
  });
});

describe('roles', () => {
  it.each([
    ['agent', 403],
    ['lead', 200],
    ['admin', 200],
  ] as const)('GET audit as %s is %i', async (role, status) => {
    expect((await t.api('/v1/audit', { token: role })).status).toBe(status);
  });

  it.each([
    ['agent', 403, '+447400300011'],
    ['lead', 200, '+447400300012'],
    ['admin', 200, '+447400300013'],
  ] as const)('DELETE suppression as %s is %i', async (role, status, e164) => {
    await t.api('/v1/suppressions', {
      method: 'POST',
      body: { entries: [{ phone: e164, reason: 'r' }] },
    });
    const res = await t.api(`/v1/suppressions/${e164}`, {
      method: 'DELETE',
      token: role,
      body: { reason: 'test' },
    });
    expect(res.status).toBe(status);
    if (status === 403) expect(ApiError.parse(res.json).error.code).toBe('forbidden');
  });

  it.each(['agent', 'lead', 'admin'] as const)(
    '%s may add numbers and create cases',
    async (role) => {
      const add = await t.api('/v1/suppressions', {
        method: 'POST',
        token: role,
        body: { entries: [{ phone: '+447400300020', reason: 'r' }] },
      });
      expect(add.status).toBe(200);
      expect(
        (await t.api('/v1/cases', { method: 'POST', token: role, body: newCaseBody() })).status,
      ).toBe(201);
    },
  );
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once the burst is spent', async () => {
    const limited = await startTestServer({ rateLimit: { perSecond: 1, burst: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.api('/v1/suppressions')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);

      const res = await limited.api('/v1/suppressions');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(ApiError.parse(res.json).error.code).toBe('rate_limited');

      // Buckets are per token: another token still has its burst.
      expect((await limited.api('/v1/suppressions', { token: 'lead' })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
