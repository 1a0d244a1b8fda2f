import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddSuppressionsResponse,
  ApiError,
  AuditPage,
  Case,
  CaseList,
  CheckResponse,
  FeedPage,
  Health,
  Me,
  PostEventsResponse,
  RemoveSuppressionResponse,
} from '../../lib/api/schemas.ts';
import { createToken } from '../../server/tokens.ts';
import { newCaseBody, startTestServer, type TestServer } from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function feedAll(since = ''): Promise<FeedPage['changes']> {
  const res = await t.api(`/v1/suppressions?since=${since}&limit=50000`);
  return FeedPage.parse(res.json).changes;
}

describe('health and openapi', () => {
  it('health answers without a token', async () => {
    const res = await t.api('/v1/health', { token: null });
    expect(res.status).toBe(200);
    expect(Health.parse(res.json).status).toBe('ok');
  });

  it('openapi document lists every route and schema', async () => {
    const res = await t.api('/v1/openapi.json', { token: null });
    const doc = res.json as {
      openapi: string;
      paths: Record<string, object>;
      components: { schemas: Record<string, object> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/v1/audit',
        '/v1/cases',
        '/v1/cases/{id}',
        '/v1/events',
        '/v1/health',
        '/v1/me',
        '/v1/suppressions',
        '/v1/suppressions/check',
        '/v1/suppressions/{e164}',
      ].sort(),
    );
    expect(doc.components.schemas).toHaveProperty('CreateCaseRequest');
    expect(doc.components.schemas).toHaveProperty('FeedPage');
    expect(doc.components.schemas).toHaveProperty('Me');
  });
});

describe('caller', () => {
  it.each(['agent', 'lead', 'admin'] as const)(
    'tells a %s token its name and role',
    async (role) => {
      const res = await t.api('/v1/me', { token: role });

      expect(res.status, res.text).toBe(200);
      expect(Me.parse(res.json)).toEqual({
        name: { agent: 'agent-ann', lead: 'lead-lou', admin: 'admin-ali' }[role],
        role,
      });
    },
  );

  it('asks for a token', async () => {
    const res = await t.api('/v1/me', { token: null });

    expect(res.status).toBe(401);
  });
});

describe('suppressions', () => {
  it('add normalises formats and reports rejected rows by index', async () => {
    const res = await t.api('/v1/suppressions', {
      method: 'POST',
      body: {
        defaultCountry: 'GB',
        entries: [
          { phone: '07911 123457', reason: 'asked' },
          { phone: '+44 (0)7911 123458', reason: 'asked', source: 'crm' },
          { phone: '(202) 555-0147', reason: 'asked', country: 'US' },
          { phone: '12 Mar 2024', reason: 'asked' },
          { phone: '07911 123457', reason: 'duplicate in same request' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = AddSuppressionsResponse.parse(res.json);
    expect(body.added).toBe(3);
    expect(body.alreadyPresent).toBe(1);
    expect(body.rejected).toEqual([{ index: 3, phone: '12 Mar 2024', error: expect.any(String) }]);

    const changes = await feedAll();
    expect(changes.map((change) => change.e164)).toEqual(
      expect.arrayContaining(['+447911123457', '+447911123458', '+12025550147']),
    );
    expect(changes.find((change) => change.e164 === '+447911123458')?.source).toBe('crm');
  });

  it('adding a number already on the list changes nothing', async () => {
    const before = await feedAll();
    const res = await t.api('/v1/suppressions', {
      method: 'POST',
      body: { entries: [{ phone: '+447911123457', reason: 'again' }] },
    });
    expect(AddSuppressionsResponse.parse(res.json)).toEqual({
      added: 0,
      alreadyPresent: 1,
      rejected: [],
    });
    expect(await feedAll()).toEqual(before);
  });

  it('check reports suppressed, allowed and invalid', async () => {
    const res = await t.api('/v1/suppressions/check', {
      method: 'POST',
      body: { defaultCountry: 'GB', phones: ['07911 123457', '+33 6 12 34 56 78', 'hello'] },
    });
    const { results } = CheckResponse.parse(res.json);
    expect(results[0]).toMatchObject({
      phone: '07911 123457',
      e164: '+447911123457',
      status: 'suppressed',
      reason: 'asked',
    });
    expect(results[1]).toEqual({
      phone: '+33 6 12 34 56 78',
      e164: '+33612345678',
      status: 'allowed',
    });
    expect(results[2]).toEqual({ phone: 'hello', e164: null, status: 'invalid' });
  });

  it('delete by a lead appends a remove after the add', async () => {
    const res = await t.api('/v1/suppressions/+447911123458', {
      method: 'DELETE',
      token: 'lead',
      body: { reason: 'entered in error' },
    });
    expect(res.status).toBe(200);
    const removed = RemoveSuppressionResponse.parse(res.json);

    const changes = (await feedAll()).filter((change) => change.e164 === '+447911123458');
    expect(changes.map((change) => change.op)).toEqual(['add', 'remove']);
    expect(changes[1]).toMatchObject({ seq: removed.seq, reason: 'entered in error' });

    const check = CheckResponse.parse(
      (
        await t.api('/v1/suppressions/check', {
          method: 'POST',
          body: { phones: ['+447911123458'] },
        })
      ).json,
    );
    expect(check.results[0]?.status).toBe('allowed');
  });

  it('delete accepts a percent-encoded plus', async () => {
    await t.api('/v1/suppressions', {
      method: 'POST',
      body: { entries: [{ phone: '+447911123459', reason: 'r' }] },
    });
    const res = await t.api('/v1/suppressions/%2B447911123459', {
      method: 'DELETE',
      token: 'admin',
      body: { reason: 'r' },
    });
    expect(res.status).toBe(200);
  });

  it('delete of a number not on the list is 404', async () => {
    const res = await t.api('/v1/suppressions/+447911000001', {
      method: 'DELETE',
      token: 'lead',
      body: { reason: 'x' },
    });
    expect(res.status).toBe(404);
    expect(ApiError.parse(res.json).error.code).toBe('not_found');
  });

  it('feed pages with cursors and reports hasMore', async () => {
    const all = await feedAll();
    const first = FeedPage.parse((await t.api('/v1/suppressions?limit=2')).json);
    expect(first.changes).toEqual(all.slice(0, 2));
    expect(first.hasMore).toBe(true);

    const rest = FeedPage.parse(
      (await t.api(`/v1/suppressions?since=${first.nextCursor}&limit=50000`)).json,
    );
    expect(rest.changes).toEqual(all.slice(2));
    expect(rest.hasMore).toBe(false);

    const empty = FeedPage.parse((await t.api(`/v1/suppressions?since=${rest.nextCursor}`)).json);
    expect(empty).toEqual({ changes: [], nextCursor: rest.nextCursor, hasMore: false });
  });
});

describe('cases', () => {
  it('create returns 201, then 200 with the same case for a retry', async () => {
    const body = newCaseBody({
      subject: {
        name: 'Rae',
        phones: ['+447911200001', '+12025550148'],
        crm: { system: 'salesforce', recordId: '003XYZ' },
      },
    });
    const first = await t.api('/v1/cases', { method: 'POST', body });
    expect(first.status).toBe(201);
    const created = Case.parse(first.json);
    expect(created).toMatchObject({
      status: 'received',
      version: 1,
      createdBy: 'agent-ann',
      dueAt: '2025-04-01T23:59:59.999Z',
    });

    const retry = await t.api('/v1/cases', { method: 'POST', body });
    expect(retry.status).toBe(200);
    expect(Case.parse(retry.json)).toEqual(created);

    const list = CaseList.parse((await t.api('/v1/cases?limit=1000')).json);
    expect(list.cases.filter((item) => item.id === body.id)).toHaveLength(1);
  });

  it('create suppresses every subject phone with the case as reason', async () => {
    const body = newCaseBody({
      subject: {
        name: 'Sam',
        phones: ['+447911200002'],
        crm: { system: 'hubspot', recordId: '7' },
      },
    });
    await t.api('/v1/cases', { method: 'POST', body });
    const check = CheckResponse.parse(
      (
        await t.api('/v1/suppressions/check', {
          method: 'POST',
          body: { phones: ['+447911200002'] },
        })
      ).json,
    );
    expect(check.results[0]).toMatchObject({
      status: 'suppressed',
      source: 'deletion-request',
      reason: `Deletion request ${String(body.id)}`,
    });
  });

  it('same id with another body is 409', async () => {
    const body = newCaseBody();
    await t.api('/v1/cases', { method: 'POST', body });
    const res = await t.api('/v1/cases', { method: 'POST', body: { ...body, notes: 'changed' } });
    expect(res.status).toBe(409);
    expect(ApiError.parse(res.json).error.code).toBe('id_conflict');
  });

  it('get returns the case and 404 for an unknown id', async () => {
    const body = newCaseBody();
    await t.api('/v1/cases', { method: 'POST', body });
    expect(Case.parse((await t.api(`/v1/cases/${String(body.id)}`)).json).id).toBe(body.id);
    expect((await t.api(`/v1/cases/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('patch increments the version and rejects a stale one with the current case', async () => {
    const body = newCaseBody();
    await t.api('/v1/cases', { method: 'POST', body });
    const path = `/v1/cases/${String(body.id)}`;

    const first = await t.api(path, {
      method: 'PATCH',
      body: {
        version: 1,
        status: 'verified',
        verification: { method: 'email_on_file', passed: true, at: '2025-03-01T09:40:00Z' },
      },
    });
    expect(first.status).toBe(200);
    const patched = Case.parse(first.json);
    expect(patched).toMatchObject({
      version: 2,
      status: 'verified',
      verification: { passed: true, by: 'agent-ann' },
    });

    const second = await t.api(path, {
      method: 'PATCH',
      body: { version: 1, status: 'in_progress' },
    });
    expect(second.status).toBe(409);
    const error = ApiError.parse(second.json).error;
    expect(error.code).toBe('version_conflict');
    expect(error.current?.version).toBe(2);
    expect(error.current?.status).toBe('verified');
  });

  it('patch of an unknown case is 404', async () => {
    const res = await t.api(`/v1/cases/${crypto.randomUUID()}`, {
      method: 'PATCH',
      body: { version: 1, status: 'verified' },
    });
    expect(res.status).toBe(404);
  });

  it('list filters by status, overdue, dueBefore and updatedSince, and pages', async () => {
    const recent = new Date().toISOString();
    const overdue = newCaseBody({ receivedAt: '2020-01-01T00:00:00Z' });
    const fresh = newCaseBody({ receivedAt: recent });
    await t.api('/v1/cases', { method: 'POST', body: overdue });
    await t.api('/v1/cases', { method: 'POST', body: fresh });

    const overdueIds = CaseList.parse(
      (await t.api('/v1/cases?overdue=true&limit=1000')).json,
    ).cases.map((item) => item.id);
    expect(overdueIds).toContain(overdue.id);
    expect(overdueIds).not.toContain(fresh.id);

    const dueBefore = CaseList.parse(
      (await t.api('/v1/cases?dueBefore=2021-01-01T00:00:00Z')).json,
    ).cases;
    expect(dueBefore.map((item) => item.id)).toEqual([overdue.id]);

    const verified = CaseList.parse((await t.api('/v1/cases?status=verified')).json).cases;
    expect(verified.every((item) => item.status === 'verified')).toBe(true);
    expect(verified.length).toBeGreaterThan(0);

    const since = CaseList.parse(
      (await t.api(`/v1/cases?updatedSince=${encodeURIComponent(recent)}`)).json,
    ).cases;
    expect(since.map((item) => item.id)).toContain(fresh.id);

    const all = CaseList.parse((await t.api('/v1/cases?limit=1000')).json).cases;
    const paged: string[] = [];
    let cursor = '';
    for (;;) {
      const page = CaseList.parse((await t.api(`/v1/cases?limit=2&cursor=${cursor}`)).json);
      paged.push(...page.cases.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all.map((item) => item.id));
  });
});

describe('events and audit', () => {
  it('events are stored once per id and duplicates counted', async () => {
    const event = {
      id: crypto.randomUUID(),
      type: 'dial_blocked',
      at: '2025-03-01T10:00:00Z',
      origin: 'https://crm.example.com',
      e164: '+447911123457',
    };
    const first = PostEventsResponse.parse(
      (await t.api('/v1/events', { method: 'POST', body: { events: [event] } })).json,
    );
    expect(first).toEqual({ accepted: 1, duplicates: 0 });
    const again = PostEventsResponse.parse(
      (
        await t.api('/v1/events', {
          method: 'POST',
          body: { events: [event, { ...event, id: crypto.randomUUID() }] },
        })
      ).json,
    );
    expect(again).toEqual({ accepted: 1, duplicates: 1 });
  });

  it('audit lists chained events and filters by case', async () => {
    const body = newCaseBody();
    await t.api('/v1/cases', { method: 'POST', body });

    const page = AuditPage.parse((await t.api('/v1/audit', { token: 'lead' })).json);
    expect(page.events.length).toBeGreaterThan(5);
    for (let i = 1; i < page.events.length; i++) {
      expect(page.events[i]?.prevHash).toBe(page.events[i - 1]?.hash);
    }
    expect(page.events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'suppressions.added',
        'suppression.removed',
        'case.created',
        'case.status_changed',
        'client.dial_blocked',
      ]),
    );

    const forCase = AuditPage.parse(
      (await t.api(`/v1/audit?caseId=${String(body.id)}`, { token: 'admin' })).json,
    );
    expect(forCase.events.map((event) => event.type)).toEqual([
      'case.created',
      'suppressions.added',
    ]);
  });

  it('audit filters by time range', async () => {
    const future = AuditPage.parse(
      (await t.api('/v1/audit?from=2999-01-01T00:00:00Z', { token: 'lead' })).json,
    );
    expect(future.events).toEqual([]);
    const past = AuditPage.parse(
      (await t.api('/v1/audit?to=2000-01-01T00:00:00Z', { token: 'lead' })).json,
    );
    expect(past.events).toEqual([]);
  });

  it('audit exports CSV with a header row', async () => {
    const res = await t.api('/v1/audit?format=csv', { token: 'lead' });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,type,caseId,payload,prevHash,hash');
    expect(lines[1]).toMatch(/^1,/);
  });

  it('audit CSV starts with a UTF-8 byte order mark for Excel', async () => {
    const agent = createToken(t.server.stores.db, 'agent', '坐席小王').token;
    await t.api('/v1/cases', { method: 'POST', body: newCaseBody(), token: agent });

    const res = await fetch(`${t.server.url}/v1/audit?format=csv`, {
      headers: { authorization: `Bearer ${t.tokens.lead}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());

    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFseq,at,actor,')).toBe(true);
    expect(text).toContain(',坐席小王,case.created,');
  });
});
