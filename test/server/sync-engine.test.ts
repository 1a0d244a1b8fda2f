import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedPage } from '../../lib/api/schemas.ts';
import { caseReason } from '../../lib/cases/model.ts';
import { DELETION_REQUEST_SOURCE } from '../../lib/suppression/entry-words.ts';
import { ListService, type ListStore } from '../../lib/background/list-service.ts';
import {
  addToOutbox,
  listOutbox,
  readKv,
  removeFromOutbox,
  updateOutboxItem,
  writeKv,
  type OutboxItem,
} from '../../lib/background/outbox.ts';
import type { Settings } from '../../lib/settings.ts';
import { openSuppressionStore, type SuppressionStore } from '../../lib/suppression/store.ts';
import {
  BACKOFF_MAX_MS,
  NEEDS_ATTENTION_PREFIX,
  SyncEngine,
  SyncState,
  type SyncEngineDeps,
} from '../../lib/sync/engine.ts';
import { startServer, type RunningServer } from '../../server/index.ts';
import { createToken } from '../../server/tokens.ts';

// ---------------------------------------------------------------- server

let dir: string;
let server: RunningServer | null = null;
/** Changes when the server restarts on a new port; clients read it on every sync. */
let apiUrl: string;
let agentToken: string;
let leadToken: string;

async function startApi(): Promise<void> {
  server = await startServer({
    dbPath: dir,
    port: 0,
    logger: pino({ level: 'silent' }),
    rateLimit: false,
  });
  apiUrl = server.url;
}

async function stopApi(): Promise<void> {
  await server?.close();
  server = null;
}

function runningServer(): RunningServer {
  if (!server) throw new Error('the test server is not running');
  return server;
}

async function callServer(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Response> {
  const response = await fetch(apiUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response;
}

async function addOnServer(phones: string[], reason = 'seeded'): Promise<void> {
  for (let start = 0; start < phones.length; start += 10_000) {
    const entries = phones.slice(start, start + 10_000).map((phone) => ({ phone, reason }));
    await callServer('POST', '/v1/suppressions', agentToken, { entries });
  }
}

async function removeOnServer(e164: string): Promise<void> {
  await callServer('DELETE', `/v1/suppressions/${e164}`, leadToken, { reason: 'test removal' });
}

interface Entry {
  reason: string;
  source: string;
  addedAt: number;
}

/** Folds the server's whole feed into its list and returns it with the feed's last cursor. */
async function serverList(): Promise<{ entries: Map<string, Entry>; cursor: string }> {
  const entries = new Map<string, Entry>();
  let cursor = '';
  for (;;) {
    const response = await callServer(
      'GET',
      `/v1/suppressions?since=${cursor}&limit=50000`,
      agentToken,
    );
    const page = FeedPage.parse(await response.json());
    for (const change of page.changes) {
      if (change.op === 'remove') entries.delete(change.e164);
      else
        entries.set(change.e164, {
          reason: change.reason,
          source: change.source,
          addedAt: Date.parse(change.addedAt),
        });
    }
    cursor = page.nextCursor;
    if (!page.hasMore) return { entries, cursor };
  }
}

/** Returns the operations of every feed change for one number, in order. */
async function feedChangesFor(e164: string): Promise<string[]> {
  const { changes } = FeedPage.parse(
    await (await callServer('GET', '/v1/suppressions?limit=50000', agentToken)).json(),
  );
  return changes.filter((change) => change.e164 === e164).map((change) => change.op);
}

function ukMobile(n: number): string {
  return `+447400${String(n).padStart(6, '0')}`;
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => ukMobile(from + i));
}

// ---------------------------------------------------------------- client

type Forward = () => Promise<Response>;
/** Sees each request of the engine; returns a response of its own or calls `forward`. */
type Intercept = (
  request: { url: URL; method: string; init: RequestInit },
  forward: Forward,
) => Promise<Response>;

interface Client {
  engine: SyncEngine;
  list: ListService;
  store: SuppressionStore;
  /** Method and path with query of every request the engine sent. */
  requests: string[];
}

const clock = { now: 0 };
let clientCount = 0;
let openStores: SuppressionStore[] = [];

const settings: Settings = {
  defaultCountry: 'GB',
  unknownPolicy: 'block',
  staleAfterHours: 24,
  showAllowedBadges: false,
  apiUrl: '',
  accessToken: '',
};

/** Creates a client with its own IndexedDB list database, the shared outbox and the real ListService. */
async function makeClient(
  options: {
    intercept?: Intercept;
    pageSize?: number;
    token?: string;
    requestTimeoutMs?: number;
    apiUrl?: () => string;
  } = {},
): Promise<Client> {
  clientCount += 1;
  const store = await openSuppressionStore(`sync-engine-test-${clientCount}`);
  openStores.push(store);
  const listStore: ListStore = {
    load: () => store.loadIndex(),
    save: async (index, state) => {
      await store.saveIndex(index, state);
    },
    applyDelta: async (index, changes, state) => {
      await store.applyAndPersist(index, changes, state);
    },
  };
  const list = new ListService(
    listStore,
    async () => settings,
    () => clock.now,
  );

  const requests: string[] = [];
  const fetchThroughIntercept: typeof fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const method = init.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const forward = () => fetch(url, init);
    return options.intercept ? options.intercept({ url, method, init }, forward) : forward();
  };

  const stateKey = `sync-state-${clientCount}`;
  const deps: SyncEngineDeps = {
    fetch: fetchThroughIntercept,
    config: async () => ({
      apiUrl: options.apiUrl ? options.apiUrl() : apiUrl,
      accessToken: options.token ?? agentToken,
    }),
    list,
    outbox: { list: listOutbox, remove: removeFromOutbox, update: updateOutboxItem },
    state: {
      read: () => readKv(stateKey, SyncState),
      write: (state) => writeKv(stateKey, state),
    },
    now: () => clock.now,
    random: () => 0.25,
    pageSize: options.pageSize ?? 1_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
  };
  return { engine: new SyncEngine(deps), list, store, requests };
}

/** Reads the client's list back from IndexedDB through loadIndex. */
async function localList(client: Client): Promise<{
  entries: Map<string, Entry>;
  iterated: number;
  cursor: string | null;
}> {
  const { index, state } = await client.store.loadIndex();
  const entries = new Map<string, Entry>();
  let iterated = 0;
  for (const { e164, reason, source, addedAt } of index.entries()) {
    iterated += 1;
    entries.set(e164, { reason, source, addedAt });
  }
  return { entries, iterated, cursor: state.cursor };
}

async function expectInStep(client: Client): Promise<void> {
  const local = await localList(client);
  const remote = await serverList();
  expect(local.iterated).toBe(local.entries.size);
  expect(local.entries.size).toBe(remote.entries.size);
  expect(local.entries).toEqual(remote.entries);
  expect(local.cursor).toBe(remote.cursor);
  expect(client.list.cursor).toBe(remote.cursor);
}

function isFeedRequest(request: { url: URL; method: string }): boolean {
  return request.method === 'GET' && request.url.pathname === '/v1/suppressions';
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function suppressionItem(e164: string): Extract<OutboxItem, { kind: 'suppression' }> {
  return {
    kind: 'suppression',
    id: crypto.randomUUID(),
    createdAt: clock.now,
    attempts: 0,
    nextAttemptAt: 0,
    e164,
    reason: 'customer asked on the call',
  };
}

function eventItem(e164: string): OutboxItem {
  return {
    kind: 'event',
    id: crypto.randomUUID(),
    createdAt: clock.now,
    attempts: 0,
    nextAttemptAt: 0,
    event: {
      type: 'dial_blocked',
      at: new Date(clock.now).toISOString(),
      origin: 'https://crm.example.com',
      e164,
      details: { status: 'suppressed', frame: { depth: 1 } },
    },
  };
}

function caseItem(id: string, notes: string): OutboxItem {
  return {
    kind: 'case',
    id,
    createdAt: clock.now,
    attempts: 0,
    nextAttemptAt: 0,
    caseBody: {
      receivedAt: '2025-03-01T09:30:00Z',
      channel: 'email',
      scope: 'phone_only',
      jurisdiction: 'uk_gdpr',
      subject: {
        name: 'Dana Example',
        phones: ['+447911123456'],
        emails: [],
        crm: { system: 'hubspot', recordId: 'contact-42' },
      },
      notes,
    },
  };
}

async function outboxItem(id: string): Promise<OutboxItem | undefined> {
  return (await listOutbox()).find((item) => item.id === id);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dncg-sync-'));
  await startApi();
  agentToken = createToken(runningServer().stores.db, 'agent', 'agent-sync').token;
  leadToken = createToken(runningServer().stores.db, 'lead', 'lead-sync').token;
  clock.now = Date.UTC(2025, 5, 1, 12, 0);
});

afterEach(async () => {
  await stopApi();
  rmSync(dir, { recursive: true, force: true });
  await removeFromOutbox((await listOutbox()).map((item) => item.id));
  for (const store of openStores) store.close();
  openStores = [];
});

// ---------------------------------------------------------------- pull

describe('pull', () => {
  it('downloads a full list in small pages', async () => {
    await addOnServer(range(0, 3_000));
    const client = await makeClient({ pageSize: 250 });

    const state = await client.engine.sync();

    expect(state.lastError).toBeNull();
    expect(state.lastSuccessAt).toBe(clock.now);
    expect(state.consecutiveFailures).toBe(0);
    expect(client.requests.filter((line) => line.startsWith('GET '))).toHaveLength(12);
    expect(client.requests[0]).toBe('GET /v1/suppressions?limit=250');
    await expectInStep(client);
    expect((await localList(client)).entries.size).toBe(3_000);
    expect((await client.list.info()).loaded).toBe(true);
  });

  it('applies additions and removals made after the first sync', async () => {
    await addOnServer(range(0, 500));
    const client = await makeClient({ pageSize: 100 });
    await client.engine.sync();
    const cursorBefore = client.list.cursor;
    client.requests.length = 0;

    for (const e164 of [ukMobile(3), ukMobile(250), ukMobile(499)]) await removeOnServer(e164);
    await addOnServer(range(1_000, 1_020), 'added later');
    const state = await client.engine.sync();

    expect(state.lastError).toBeNull();
    expect(client.requests[0]).toBe(`GET /v1/suppressions?since=${cursorBefore}&limit=100`);
    const local = await localList(client);
    expect(local.entries.has(ukMobile(250))).toBe(false);
    expect(local.entries.get(ukMobile(1_010))?.reason).toBe('added later');
    expect(local.entries.size).toBe(517);
    await expectInStep(client);
  });

  it('drops a number added then removed within one page', async () => {
    await addOnServer([ukMobile(1), ukMobile(2)]);
    await removeOnServer(ukMobile(1));
    const client = await makeClient({ pageSize: 10 });

    await client.engine.sync();

    expect(client.requests.filter((line) => line.startsWith('GET '))).toHaveLength(1);
    expect([...(await localList(client)).entries.keys()]).toEqual([ukMobile(2)]);
    await expectInStep(client);
  });

  it('keeps a number removed then added again within one page', async () => {
    await addOnServer([ukMobile(1)], 'first request');
    const client = await makeClient({ pageSize: 10 });
    await client.engine.sync();

    await removeOnServer(ukMobile(1));
    await addOnServer([ukMobile(1)], 'second request');
    await client.engine.sync();

    expect((await localList(client)).entries.get(ukMobile(1))?.reason).toBe('second request');
    await expectInStep(client);
  });

  it('ends with the same list when every page arrives twice', async () => {
    await addOnServer(range(0, 1_000));
    for (let n = 0; n < 1_000; n += 20) await removeOnServer(ukMobile(n));
    await addOnServer(range(0, 200), 'added back');
    let previous: { text: string; status: number } | null = null;
    const client = await makeClient({
      pageSize: 150,
      intercept: async (request, forward) => {
        if (!isFeedRequest(request)) return forward();
        if (previous) {
          const repeat: { text: string; status: number } = previous;
          previous = null;
          return new Response(repeat.text, { status: repeat.status });
        }
        const response = await forward();
        previous = { text: await response.text(), status: response.status };
        return new Response(previous.text, { status: previous.status });
      },
    });

    const state = await client.engine.sync();

    expect(state.lastError).toBeNull();
    const feedRequests = client.requests.filter((line) => line.startsWith('GET '));
    expect(new Set(feedRequests).size).toBeLessThan(feedRequests.length);
    await expectInStep(client);
  });

  it('requests the next page early', async () => {
    await addOnServer(range(0, 300));
    const client = await makeClient({ pageSize: 100 });
    const feedRequestsWhileStoring: number[] = [];
    const applyAndPersist = client.store.applyAndPersist.bind(client.store);
    client.store.applyAndPersist = async (...args) => {
      feedRequestsWhileStoring.push(
        client.requests.filter((r) => r.includes('/v1/suppressions?')).length,
      );
      return applyAndPersist(...args);
    };

    const state = await client.engine.sync();

    expect(state.lastError).toBeNull();
    // While pages 1 and 2 are stored, the page after each is already
    // requested. Page 3 reports that no more follow, so nothing else is requested.
    expect(feedRequestsWhileStoring.slice(0, 3)).toEqual([2, 3, 3]);
    await expectInStep(client);
  });

  it('resumes after a storage failure', async () => {
    await addOnServer(range(0, 300));
    const client = await makeClient({ pageSize: 100 });
    const applyAndPersist = client.store.applyAndPersist.bind(client.store);
    let calls = 0;
    client.store.applyAndPersist = async (...args) => {
      calls += 1;
      if (calls === 2) throw new Error('QuotaExceededError: disk full');
      return applyAndPersist(...args);
    };

    const failed = await client.engine.sync();

    expect(failed.lastError?.code).toBe('storage_failed');
    const halfway = await localList(client);
    expect(halfway.entries.size).toBe(100);
    expect(client.list.cursor).toBe(halfway.cursor);

    const resumed = await client.engine.sync();
    expect(resumed.lastError).toBeNull();
    await expectInStep(client);
  });

  it('resumes after a server restart in the middle of paging', async () => {
    await addOnServer(range(0, 1_000));
    let pagesServed = 0;
    let secondCursor: string | null = null;
    const client = await makeClient({
      pageSize: 200,
      intercept: async (request, forward) => {
        const response = await forward();
        if (!isFeedRequest(request)) return response;
        pagesServed += 1;
        if (pagesServed !== 2) return response;

        const text = await response.text();
        secondCursor = FeedPage.parse(JSON.parse(text)).nextCursor;
        await stopApi();
        return new Response(text, { status: response.status });
      },
    });

    const interrupted = await client.engine.sync();

    expect(interrupted.lastError?.code).toBe('offline');
    expect(interrupted.lastSuccessAt).toBeNull();
    const halfway = await localList(client);
    expect(halfway.entries.size).toBe(400);
    expect(halfway.cursor).toBe(secondCursor);
    expect(halfway.entries.has(ukMobile(399))).toBe(true);
    expect(halfway.entries.has(ukMobile(400))).toBe(false);

    await startApi();
    await removeOnServer(ukMobile(10));
    await removeOnServer(ukMobile(900));
    await addOnServer(range(5_000, 5_010), 'after restart');
    const requestsBefore = client.requests.length;
    const resumed = await client.engine.sync();

    expect(resumed.lastError).toBeNull();
    expect(resumed.consecutiveFailures).toBe(0);
    expect(client.requests[requestsBefore]).toBe(
      `GET /v1/suppressions?since=${secondCursor}&limit=200`,
    );
    await expectInStep(client);
    expect((await localList(client)).entries.size).toBe(1_008);
  });
});

// ---------------------------------------------------------------- failures

describe('failures', () => {
  it('reports offline and keeps the list and outbox when the server is down', async () => {
    await addOnServer(range(0, 50));
    const client = await makeClient();
    await client.engine.sync();
    const before = await localList(client);
    const item = suppressionItem(ukMobile(777));
    await addToOutbox(item);
    await stopApi();

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('offline');
    expect(state.lastError?.message).toMatch(/could not reach the API at 127\.0\.0\.1/);
    expect(state.lastError?.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(state.consecutiveFailures).toBe(1);
    expect(state.pendingItems).toBe(1);
    expect(state.lastSuccessAt).not.toBeNull();
    expect(await localList(client)).toEqual(before);
    const kept = await outboxItem(item.id);
    expect(kept?.attempts).toBe(1);
    expect(kept?.nextAttemptAt).toBe(clock.now + 5_000 * 0.75);
    expect(kept?.lastError).toMatch(/could not reach/);
    expect(kept?.lastProblem?.code).toBe('offline');
  });

  it('reports a server error on the feed and applies nothing', async () => {
    await addOnServer(range(0, 50));
    const client = await makeClient({
      intercept: async (request, forward) =>
        isFeedRequest(request)
          ? jsonResponse(500, {
              error: { code: 'internal', message: 'internal server error; see the server log' },
            })
          : forward(),
    });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('server_error');
    expect(state.lastError?.message).toMatch(/HTTP 500/);
    expect(state.lastError?.message).toMatch(/see the server log/);
    expect(state.lastError).toMatchObject({
      status: 500,
      apiCode: 'internal',
      detail: 'internal server error; see the server log',
    });
    const local = await localList(client);
    expect(local.entries.size).toBe(0);
    expect(local.cursor).toBeNull();
    expect((await client.list.info()).loaded).toBe(false);
  });

  it('still pulls the list when sending events fails with 500', async () => {
    await addOnServer(range(0, 50));
    const item = eventItem(ukMobile(5));
    await addToOutbox(item);
    const client = await makeClient({
      intercept: async (request, forward) =>
        request.url.pathname === '/v1/events' ? new Response('oops', { status: 503 }) : forward(),
    });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('server_error');
    expect(state.lastSuccessAt).toBeNull();
    expect((await outboxItem(item.id))?.attempts).toBe(1);
    await expectInStep(client);
  });

  it('times out a request that gets no answer', async () => {
    const client = await makeClient({
      requestTimeoutMs: 100,
      intercept: async ({ init }) =>
        new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('timeout');
    expect(state.lastError?.message).toMatch(/did not answer within 100 ms/);
    expect((await localList(client)).cursor).toBeNull();
  });

  it('times out a response that stalls half-way', async () => {
    const stalling = createHttpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"changes":[');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const port = (stalling.address() as AddressInfo).port;
    try {
      const client = await makeClient({
        requestTimeoutMs: 200,
        apiUrl: () => `http://127.0.0.1:${port}`,
      });

      const state = await client.engine.sync();

      expect(state.lastError?.code).toBe('timeout');
      expect((await localList(client)).entries.size).toBe(0);
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  const validChange = {
    seq: 1,
    op: 'add',
    e164: '+447400000001',
    reason: 'r',
    source: 's',
    addedAt: '2025-03-01T09:30:00Z',
  };
  it.each([
    { name: 'text that is not JSON', body: 'Service Unavailable' },
    { name: 'an HTML page', body: '<!doctype html><title>Login</title>' },
    { name: 'a page without a cursor', body: JSON.stringify({ changes: [], hasMore: false }) },
    {
      name: 'a change with a bad number',
      body: JSON.stringify({
        changes: [{ ...validChange, e164: '07400000001' }],
        nextCursor: '1',
        hasMore: false,
      }),
    },
    {
      name: 'an unknown operation',
      body: JSON.stringify({
        changes: [{ ...validChange, op: 'upsert' }],
        nextCursor: '1',
        hasMore: false,
      }),
    },
    {
      name: 'more pages with no changes',
      body: JSON.stringify({ changes: [], nextCursor: '', hasMore: true }),
    },
    {
      name: 'changes out of order',
      body: JSON.stringify({
        changes: [
          { ...validChange, seq: 2 },
          { ...validChange, seq: 1, e164: '+447400000002' },
        ],
        nextCursor: '2',
        hasMore: false,
      }),
    },
  ])('rejects $name and applies nothing', async ({ body }) => {
    await addOnServer(range(0, 20));
    const client = await makeClient({
      intercept: async (request, forward) =>
        isFeedRequest(request) ? new Response(body, { status: 200 }) : forward(),
    });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('invalid_response');
    const local = await localList(client);
    expect(local.entries.size).toBe(0);
    expect(local.cursor).toBeNull();
  });

  it('keeps the pages before a malformed one and resumes after them', async () => {
    await addOnServer(range(0, 300));
    let broken = true;
    let feedCalls = 0;
    const client = await makeClient({
      pageSize: 100,
      intercept: async (request, forward) => {
        if (!isFeedRequest(request)) return forward();
        feedCalls += 1;
        return broken && feedCalls === 2 ? new Response('{"changes":', { status: 200 }) : forward();
      },
    });

    const failedState = await client.engine.sync();
    expect(failedState.lastError?.code).toBe('invalid_response');
    expect((await localList(client)).entries.size).toBe(100);

    broken = false;
    const state = await client.engine.sync();
    expect(state.lastError).toBeNull();
    await expectInStep(client);
  });

  it('reports a rejected token', async () => {
    const client = await makeClient({ token: 'dncg_not-a-real-token' });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('unauthorized');
    expect(state.lastError?.message).toMatch(/Enter a valid token in Options/);
    expect(state.lastError?.message).not.toContain('dncg_not-a-real-token');
  });

  it('reports a token it cannot send', async () => {
    const client = await makeClient({ token: 'dncg_令牌错误' });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('invalid_token');
    expect(client.requests).toEqual([]);
  });

  it('sends nothing until a token is set', async () => {
    const client = await makeClient({ token: '' });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('not_configured');
    expect(client.requests).toEqual([]);
  });

  it('waits as long as Retry-After asks when rate limited', async () => {
    const item = suppressionItem(ukMobile(9));
    await addToOutbox(item);
    const client = await makeClient({
      intercept: async (request, forward) =>
        request.method === 'POST'
          ? jsonResponse(
              429,
              { error: { code: 'rate_limited', message: 'too many requests' } },
              { 'retry-after': '120' },
            )
          : forward(),
    });

    const state = await client.engine.sync();

    expect(state.lastError?.code).toBe('rate_limited');
    expect(client.requests.filter((line) => line.startsWith('GET '))).toEqual([]);
    expect((await outboxItem(item.id))?.nextAttemptAt).toBe(clock.now + 120_000);
  });

  it('joins a running sync instead of starting another', async () => {
    const client = await makeClient();

    const first = client.engine.sync();
    const second = client.engine.sync();
    expect(second).toBe(first);
    await first;

    const third = client.engine.sync();
    expect(third).not.toBe(first);
    await third;
    expect(client.requests.filter((line) => line.startsWith('GET '))).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- push

describe('push', () => {
  it('delivers items exactly once across an outage and lost answers', async () => {
    const phone = ukMobile(4_242);
    const suppression = suppressionItem(phone);
    const event = eventItem(phone);
    await addToOutbox(suppression);
    await addToOutbox(event);
    let loseAnswers = true;
    const client = await makeClient({
      intercept: async (request, forward) => {
        const response = await forward();
        if (loseAnswers && request.method === 'POST') {
          throw new TypeError('fetch failed: connection reset');
        }
        return response;
      },
    });
    client.list.setPending(phone, { reason: 'customer asked on the call', addedAt: clock.now });
    await stopApi();

    const down = await client.engine.sync();
    expect(down.lastError?.code).toBe('offline');
    expect((await outboxItem(suppression.id))?.attempts).toBe(1);
    expect((await client.list.lookup(phone)).status).toBe('pending');

    const notDueYet = await client.engine.sync();
    expect(notDueYet.consecutiveFailures).toBe(2);
    expect((await outboxItem(suppression.id))?.attempts).toBe(1);

    await startApi();
    clock.now += 10_000;
    const answerLost = await client.engine.sync();
    expect(answerLost.lastError?.code).toBe('offline');
    expect(await listOutbox()).toHaveLength(2);
    expect(await feedChangesFor(phone)).toEqual(['add']);

    loseAnswers = false;
    clock.now += 60_000;
    const delivered = await client.engine.sync();

    expect(delivered.lastError).toBeNull();
    expect(delivered.pendingItems).toBe(0);
    expect(await listOutbox()).toEqual([]);
    expect(await feedChangesFor(phone)).toEqual(['add']);
    const stored = runningServer()
      .stores.db.prepare('SELECT COUNT(*) AS n FROM client_events WHERE id = ?')
      .get(event.id) as { n: number };
    expect(stored.n).toBe(1);
    const local = await localList(client);
    expect(local.entries.get(phone)?.source).toBe('extension');
    expect((await client.list.lookup(phone)).status).toBe('suppressed');
  });

  it('delivers suppressions in one batch', async () => {
    const items = range(100, 130).map(suppressionItem);
    for (const item of items) await addToOutbox(item);
    const client = await makeClient();

    const state = await client.engine.sync();

    expect(state.lastError).toBeNull();
    expect(client.requests.filter((line) => line === 'POST /v1/suppressions')).toHaveLength(1);
    expect((await serverList()).entries.size).toBe(30);
    await expectInStep(client);
  });

  it('sends a capture number as a deletion request', async () => {
    const phone = ukMobile(4242);
    await addToOutbox({ ...suppressionItem(phone), reason: caseReason(crypto.randomUUID()) });
    const client = await makeClient();

    await client.engine.sync();

    expect(runningServer().stores.suppressions.lookup(phone).source).toBe(DELETION_REQUEST_SOURCE);
  });

  it('sets aside a number the server rejects and delivers the rest', async () => {
    const good = suppressionItem(ukMobile(1));
    const bad = suppressionItem('+999123');
    await addToOutbox(good);
    await addToOutbox(bad);
    const client = await makeClient();

    const state = await client.engine.sync();

    expect(await outboxItem(good.id)).toBeUndefined();
    const kept = await outboxItem(bad.id);
    expect(kept?.lastError?.startsWith(NEEDS_ATTENTION_PREFIX)).toBe(true);
    expect(kept?.lastError).not.toContain('+999123');
    expect(kept?.nextAttemptAt).toBe(clock.now + BACKOFF_MAX_MS * 0.75);
    expect(state.lastError?.code).toBe('rejected');
    expect(state.lastError?.rejectedItems).toBe(1);
    expect(kept?.lastProblem?.code).toBe('rejected');
    expect(kept?.lastProblem?.detail).not.toContain('+999123');
    expect(state.lastSuccessAt).toBe(clock.now);
    expect(state.consecutiveFailures).toBe(0);
    expect([...(await serverList()).entries.keys()]).toEqual([ukMobile(1)]);
  });

  it('splits a batch the server rejects whole to find the bad item', async () => {
    const phones = range(200, 208);
    for (const phone of phones) await addToOutbox(suppressionItem(phone));
    const poisoned = phones[5];
    const client = await makeClient({
      intercept: async (request, forward) => {
        if (request.method !== 'POST') return forward();
        if (String(request.init.body).includes(poisoned ?? '')) {
          return jsonResponse(400, {
            error: { code: 'invalid_body', message: 'request body does not match the schema' },
          });
        }
        return forward();
      },
    });

    await client.engine.sync();

    const left = await listOutbox();
    expect(left.map((item) => item.kind === 'suppression' && item.e164)).toEqual([poisoned]);
    expect((await serverList()).entries.size).toBe(7);
    expect(client.requests.filter((line) => line.startsWith('POST')).length).toBeLessThanOrEqual(7);
  });

  it('treats a resent case as delivered and a conflicting one as needing attention', async () => {
    const id = crypto.randomUUID();
    await addToOutbox(caseItem(id, 'Asked to stop calling.'));
    const client = await makeClient();

    const created = await client.engine.sync();
    expect(created.lastError).toBeNull();
    expect(await listOutbox()).toEqual([]);
    expect(runningServer().stores.cases.get(id)?.notes).toBe('Asked to stop calling.');

    await addToOutbox(caseItem(id, 'Asked to stop calling.'));
    const resent = await client.engine.sync();
    expect(resent.lastError).toBeNull();
    expect(await listOutbox()).toEqual([]);

    await addToOutbox(caseItem(id, 'Another request entirely.'));
    const conflict = await client.engine.sync();
    const kept = await outboxItem(id);
    expect(kept?.attempts).toBe(1);
    expect(kept?.lastError).toMatch(/^Needs attention: .*HTTP 409.*different body/);
    expect(kept?.lastProblem).toMatchObject({
      code: 'rejected',
      status: 409,
      apiCode: 'id_conflict',
    });
    expect(kept?.nextAttemptAt).toBe(clock.now + BACKOFF_MAX_MS * 0.75);
    expect(conflict.lastError?.code).toBe('rejected');
    expect(conflict.pendingItems).toBe(1);
    expect(runningServer().stores.cases.get(id)?.notes).toBe('Asked to stop calling.');
  });

  it('keeps the capture zone of a queued case', async () => {
    const id = crypto.randomUUID();
    const item = caseItem(id, 'Asked on the phone in Shanghai.');
    if (item.kind !== 'case') throw new Error('caseItem made another kind');
    // 04:00 on 5 December in Shanghai is still 4 December in UTC.
    item.caseBody = {
      ...item.caseBody,
      receivedAt: '2026-12-04T20:00:00.000Z',
      jurisdiction: 'china_pipl',
      timeZone: 'Asia/Shanghai',
    };
    await addToOutbox(item);
    await stopApi();
    const client = await makeClient();
    expect((await client.engine.sync()).lastError?.code).toBe('offline');

    await startApi();
    clock.now += 60_000;
    expect((await client.engine.sync()).lastError).toBeNull();

    const stored = runningServer().stores.cases.get(id);
    expect(stored?.timeZone).toBe('Asia/Shanghai');
    expect(stored?.dueAt).toBe('2027-01-04T15:59:59.999Z');
  });

  it('leaves items alone until they are due', async () => {
    const item = { ...suppressionItem(ukMobile(3)), nextAttemptAt: clock.now + 1 };
    await addToOutbox(item);
    const client = await makeClient();

    await client.engine.sync();
    expect(await outboxItem(item.id)).toEqual(item);

    clock.now += 1;
    await client.engine.sync();
    expect(await outboxItem(item.id)).toBeUndefined();
  });
});
