import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/schemas.ts';
import { newCaseBody, startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
let caseId: string;
beforeAll(async () => {
  t = await startTestServer();
  const body = newCaseBody();
  caseId = String(body.id);
  await t.api('/v1/cases', { method: 'POST', body });
});
afterAll(async () => {
  await t.stop();
});

const NOT_JSON: Array<[string, string, string]> = [
  ['POST', '/v1/suppressions', '{"entries": ['],
  ['POST', '/v1/suppressions/check', 'phones=1'],
  ['POST', '/v1/cases', ''],
  ['POST', '/v1/events', '<xml/>'],
];

describe('request bodies', () => {
  it.each(NOT_JSON)('%s %s with a body that is not JSON is 400', async (method, path, rawBody) => {
    const res = await t.api(path, { method, rawBody });
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.json).error.code).toBe('invalid_json');
  });

  it.each([
    ['entries missing', '/v1/suppressions', 'POST', {}, 'entries'],
    ['entries empty', '/v1/suppressions', 'POST', { entries: [] }, 'entries'],
    [
      'phone a number',
      '/v1/suppressions',
      'POST',
      { entries: [{ phone: 447911, reason: 'r' }] },
      'entries.0.phone',
    ],
    [
      'reason missing',
      '/v1/suppressions',
      'POST',
      { entries: [{ phone: '+447911123456' }] },
      'entries.0.reason',
    ],
    [
      'lowercase country',
      '/v1/suppressions',
      'POST',
      { defaultCountry: 'gb', entries: [{ phone: '1', reason: 'r' }] },
      'defaultCountry',
    ],
    [
      'phones not an array',
      '/v1/suppressions/check',
      'POST',
      { phones: '+447911123456' },
      'phones',
    ],
    [
      'too many phones',
      '/v1/suppressions/check',
      'POST',
      { phones: Array(1001).fill('+447911123456') },
      'phones',
    ],
    ['case id not a uuid', '/v1/cases', 'POST', newCaseBody({ id: 'case-1' }), 'id'],
    ['case scope unknown', '/v1/cases', 'POST', newCaseBody({ scope: 'everything' }), 'scope'],
    [
      'case phone not E.164',
      '/v1/cases',
      'POST',
      newCaseBody({
        subject: { name: 'x', phones: ['07911 123456'], crm: { system: 's', recordId: 'r' } },
      }),
      'subject.phones.0',
    ],
    [
      'case receivedAt not a time',
      '/v1/cases',
      'POST',
      newCaseBody({ receivedAt: 'yesterday' }),
      'receivedAt',
    ],
    [
      'event type unknown',
      '/v1/events',
      'POST',
      {
        events: [{ id: crypto.randomUUID(), type: 'nap', at: '2025-01-01T00:00:00Z', origin: 'x' }],
      },
      'events.0.type',
    ],
    ['delete reason missing', '/v1/suppressions/+447911123456', 'DELETE', {}, 'reason'],
  ] as const)('%s is 400 naming the field', async (_label, path, method, body, field) => {
    const res = await t.api(path, { method, body, token: 'admin' });
    expect(res.status).toBe(400);
    const error = ApiError.parse(res.json).error;
    expect(error.code).toBe('invalid_body');
    expect(error.fields?.map((item) => item.path)).toContain(field);
  });

  it.each([
    ['version missing', { status: 'verified' }, 'version'],
    ['status unknown', { version: 1, status: 'done' }, 'status'],
    ['unknown field', { version: 1, colour: 'red' }, ''],
  ])('PATCH with %s is 400', async (_label, body, field) => {
    const res = await t.api(`/v1/cases/${caseId}`, { method: 'PATCH', body });
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.json).error.fields?.map((item) => item.path)).toContain(field);
  });

  it.each([
    ['limit above maximum', '/v1/suppressions?limit=50001'],
    ['limit not a number', '/v1/suppressions?limit=lots'],
    ['cursor with symbols', '/v1/suppressions?since=-1'],
    ['overdue not a boolean', '/v1/cases?overdue=yes'],
    ['unknown audit format', '/v1/audit?format=xml'],
  ])('query with %s is 400', async (_label, path) => {
    const res = await t.api(path, { token: 'lead' });
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.json).error.code).toBe('invalid_query');
  });

  it('DELETE with a path that is not E.164 is 400', async () => {
    const res = await t.api('/v1/suppressions/07911123456', {
      method: 'DELETE',
      token: 'lead',
      body: { reason: 'r' },
    });
    expect(res.status).toBe(400);
    expect(ApiError.parse(res.json).error.code).toBe('invalid_path');
  });

  it('DELETE of a number not on the list is 404', async () => {
    const res = await t.api('/v1/suppressions/+447911999999', {
      method: 'DELETE',
      token: 'lead',
      body: { reason: 'r' },
    });
    expect(res.status).toBe(404);
  });

  it('body over 5 MB is 413', async () => {
    const phone = { phone: '+447911123456', reason: 'x'.repeat(400) };
    const rawBody = JSON.stringify({ entries: Array(14_000).fill(phone) });
    expect(rawBody.length).toBeGreaterThan(5 * 1024 * 1024);
    const res = await t.api('/v1/suppressions', { method: 'POST', rawBody });
    expect(res.status).toBe(413);
    expect(ApiError.parse(res.json).error.code).toBe('payload_too_large');
  });

  it('unknown route is 404 JSON', async () => {
    const res = await t.api('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(ApiError.parse(res.json).error.code).toBe('unknown_route');
  });
});
