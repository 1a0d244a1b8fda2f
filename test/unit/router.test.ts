import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import {
  createMessageRouter,
  type MessageHandlers,
  type MessageSender,
} from '../../lib/background/router';
import { sendToBackground } from '../../lib/messaging/client';
import { SyncError } from '../../lib/sync/errors';

const EXTENSION_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const EMPTY_IMPORT = {
  importId: 'a',
  entries: [],
  defaultReason: 'Imported',
  replaceReasons: false,
  final: true,
};

function handlers(): MessageHandlers {
  const list = {
    loaded: true,
    size: 1,
    pendingCount: 0,
    updatedAt: 1,
    stale: false,
    staleAfterHours: 24,
    unknownPolicy: 'block' as const,
    showAllowedBadges: true,
  };
  const syncStatus = {
    configured: false,
    running: false,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    pendingItems: 0,
    list,
  };
  return {
    'numbers.check': vi.fn(async ({ numbers }) => ({
      results: numbers.map((raw: string) => ({ raw, e164: null, status: 'invalid' as const })),
      list,
    })),
    'number.lookup': vi.fn(async ({ phone }) => ({
      raw: phone,
      e164: null,
      status: 'invalid' as const,
    })),
    'list.info': vi.fn(async () => list),
    'dial.blocked': vi.fn(async () => ({ ok: true as const })),
    'frame.suppressedCount': vi.fn(async () => ({ ok: true as const })),
    'list.import': vi.fn(async () => ({ received: 0, applied: true, size: 1 })),
    'number.add': vi.fn(async ({ phone }: { phone: string }) => ({
      raw: phone,
      e164: null,
      status: 'invalid' as const,
    })),
    'record.snapshot': vi.fn(async () => ({
      system: 'crm.example',
      recordId: null,
      url: 'https://crm.example/record/1',
      name: null,
      phones: [],
      emails: [],
      phonesCut: 0,
      leftOutPhones: [],
      people: [],
      title: '',
    })),
    'case.capture': vi.fn(async () => ({
      id: '00000000-0000-4000-8000-000000000000',
      suppressed: 1,
    })),
    'cases.list': vi.fn(async () => ({ cases: [], waiting: [] })),
    'cases.queue': vi.fn(async () => ({ cases: [] })),
    'account.me': vi.fn(async () => ({ name: 'agent-ann', role: 'agent' as const })),
    'case.get': vi.fn(async () => {
      throw new Error('not used in these tests');
    }),
    'case.patch': vi.fn(async () => {
      throw new Error('not used in these tests');
    }),
    'sync.now': vi.fn(async () => syncStatus),
    'sync.status': vi.fn(async () => syncStatus),
    'sites.list': vi.fn(async () => ({ sites: [] })),
    'sites.add': vi.fn(async () => ({ sites: [], injectedTabs: 0, failedTabs: 0 })),
    'sites.remove': vi.fn(async () => ({ sites: [] })),
  };
}

const pageSender: MessageSender = {
  id: EXTENSION_ID,
  url: 'https://crm.example/record/1',
  tab: { id: 4 } as MessageSender['tab'],
};
const optionsSender: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}options.html` };

function router(onError = vi.fn()) {
  const map = handlers();
  return { route: createMessageRouter(map, EXTENSION_ID, ORIGIN, onError), map, onError };
}

describe('message router', () => {
  it('runs the handler of a valid message', async () => {
    const { route, map } = router();

    const reply = await route(
      { type: 'numbers.check', payload: { numbers: ['+1 212 555 0187'] } },
      pageSender,
    );

    expect(reply).toMatchObject({ ok: true });
    expect(map['numbers.check']).toHaveBeenCalledOnce();
  });

  it('ignores messages from other extensions', () => {
    const { route } = router();

    expect(route({ type: 'list.info', payload: {} }, { id: 'other-extension' })).toBeUndefined();
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['no type', { payload: {} }],
    ['a numeric type', { type: 7, payload: {} }],
  ])('rejects a garbled envelope: %s', async (_name, message) => {
    const { route } = router();

    expect(await route(message, pageSender)).toEqual({
      ok: false,
      error: 'Invalid message: expected { type, payload }.',
    });
  });

  it('rejects an unknown message type by name', async () => {
    const { route } = router();

    expect(await route({ type: 'list.drop', payload: {} }, pageSender)).toEqual({
      ok: false,
      error: 'Unknown message type "list.drop".',
    });
  });

  it.each([
    ['an empty batch', { numbers: [] }],
    ['a batch over the limit', { numbers: Array.from({ length: 1001 }, () => '+12125550187') }],
    ['a number that is not text', { numbers: [12125550187] }],
    ['an oversized number', { numbers: ['1'.repeat(65)] }],
  ])('rejects a payload with %s', async (_name, payload) => {
    const { route, map } = router();

    const reply = await route({ type: 'numbers.check', payload }, pageSender);

    expect(reply).toMatchObject({ ok: false });
    expect(map['numbers.check']).not.toHaveBeenCalled();
  });

  it('keeps list import away from content scripts', async () => {
    const { route, map } = router();

    const reply = await route({ type: 'list.import', payload: EMPTY_IMPORT }, pageSender);

    expect(reply).toEqual({
      ok: false,
      error: 'Message "list.import" is only accepted from the extension\'s pages.',
    });
    expect(map['list.import']).not.toHaveBeenCalled();
  });

  it('keeps case capture away from content scripts', async () => {
    const { route, map } = router();

    const reply = await route({ type: 'case.capture', payload: {} }, pageSender);

    expect(reply).toMatchObject({ ok: false });
    expect(map['case.capture']).not.toHaveBeenCalled();
  });

  it('keeps Sync now away from content scripts', async () => {
    const { route } = router();

    expect(await route({ type: 'sync.now', payload: {} }, pageSender)).toMatchObject({ ok: false });
  });

  it('accepts list import from the options page', async () => {
    const { route } = router();

    const reply = await route({ type: 'list.import', payload: EMPTY_IMPORT }, optionsSender);

    expect(reply).toMatchObject({ ok: true });
  });

  it('turns a failing handler into an error reply', async () => {
    const { route, map, onError } = router();
    vi.mocked(map['list.info']).mockRejectedValueOnce(new Error('store closed'));

    expect(await route({ type: 'list.info', payload: {} }, pageSender)).toEqual({
      ok: false,
      error: 'store closed',
    });
    expect(onError).toHaveBeenCalledOnce();
  });

  it('sends the facts of an API failure', async () => {
    const { route, map } = router();
    const failure = new SyncError('rejected', 'Changing the case failed: HTTP 409', {
      status: 409,
      apiCode: 'case_final',
      detail: 'Case is confirmed',
    });
    vi.mocked(map['case.get']).mockRejectedValueOnce(failure);

    const reply = await route(
      { type: 'case.get', payload: { id: '00000000-0000-4000-8000-000000000000' } },
      optionsSender,
    );

    expect(reply).toEqual({
      ok: false,
      error: 'Changing the case failed: HTTP 409',
      problem: {
        code: 'rejected',
        status: 409,
        apiCode: 'case_final',
        detail: 'Case is confirmed',
      },
    });
  });
});

describe('sendToBackground', () => {
  it('rebuilds a SyncError from its facts', async () => {
    const problem = { code: 'offline' as const, host: 'dnc.example.com' };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce({
      ok: false,
      error: 'Reading the case failed: could not reach the API at dnc.example.com.',
      problem,
    });

    const error = await sendToBackground('sync.status', {}).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toContain('could not reach the API');
    expect((error as SyncError).problem()).toEqual(problem);
  });

  it('rejects with a plain Error otherwise', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce({
      ok: false,
      error: 'store closed',
    });

    const error = await sendToBackground('sync.status', {}).catch((reason: unknown) => reason);

    expect(error).not.toBeInstanceOf(SyncError);
    expect((error as Error).message).toBe('store closed');
  });
});
