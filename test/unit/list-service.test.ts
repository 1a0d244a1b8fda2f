import { describe, expect, it } from 'vitest';
import { ListService, type ListState, type ListStore } from '../../lib/background/list-service';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { SuppressionIndex } from '../../lib/suppression/index';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 4, 12);
const CHOICES = { defaultReason: 'Imported', replaceReasons: false };

function memoryStore(
  entries: string[],
  listUpdatedAt: number | null,
): ListStore & { saved: number } {
  const index = SuppressionIndex.build(
    entries.map((e164) => ({ e164, reason: 'Asked', source: 'test', addedAt: 1 })),
  );
  const state: ListState = { cursor: null, listUpdatedAt, entryCount: index.size };
  const store = {
    saved: 0,
    load: async () => ({ index, state }),
    save: async () => {
      store.saved++;
    },
    applyDelta: async (
      target: SuppressionIndex,
      changes: Parameters<SuppressionIndex['apply']>[0],
    ) => {
      target.apply(changes);
    },
  };
  return store;
}

function service(store: ListStore, settings: Partial<Settings> = {}) {
  return new ListService(
    store,
    async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    () => NOW,
  );
}

describe('ListService', () => {
  it('reports suppressed numbers with their reason', async () => {
    const list = service(memoryStore(['+14155550123'], NOW - HOUR));

    const [result] = (await list.check(['(415) 555-0123'])).results;

    expect(result).toMatchObject({
      e164: '+14155550123',
      status: 'suppressed',
      reason: 'Asked',
      source: 'test',
    });
  });

  it('reports other valid numbers as allowed while the list is current', async () => {
    const list = service(memoryStore(['+14155550123'], NOW - HOUR));

    const [result] = (await list.check(['+1 212 555 0187'])).results;

    expect(result?.status).toBe('allowed');
  });

  it('reports unknown once the list is older than the limit', async () => {
    const list = service(memoryStore(['+14155550123'], NOW - 25 * HOUR));

    const { results, list: info } = await list.check(['+1 212 555 0187', '+1 415 555 0123']);

    expect(results.map((result) => result.status)).toEqual(['unknown', 'suppressed']);
    expect(info.stale).toBe(true);
  });

  it('reports unknown when no list was ever loaded', async () => {
    const list = service(memoryStore([], null));

    const { results, list: info } = await list.check(['+1 212 555 0187']);

    expect(results[0]?.status).toBe('unknown');
    expect(info.loaded).toBe(false);
  });

  it('reads national numbers in the default country', async () => {
    const list = service(memoryStore(['+442079460018'], NOW), { defaultCountry: 'GB' });

    const [result] = (await list.check(['020 7946 0018'])).results;

    expect(result?.status).toBe('suppressed');
  });

  it('shows home numbers as written at home, others with their country code', async () => {
    const list = service(memoryStore(['+442079460018'], NOW), { defaultCountry: 'GB' });

    const results = (await list.check(['+44 20 7946 0018', '+1 202 555 0101'])).results;

    expect(results.map((result) => result.display)).toEqual(['020 7946 0018', '+1 202 555 0101']);
  });

  it('marks results read from every digit', async () => {
    const list = service(memoryStore([], NOW));

    const { results } = await list.check(['+1 212 555 0187', '(646) 555-0199 2']);

    expect(results[0]?.whole).toBe(true);
    expect(results[1]?.whole).toBeUndefined();
  });

  it('marks text that is no valid number as invalid', async () => {
    const list = service(memoryStore([], NOW));

    const [result] = (await list.check(['555-0187'])).results;

    expect(result).toEqual({ raw: '555-0187', e164: null, status: 'invalid' });
  });

  it('reports pending numbers until the server confirms them', async () => {
    const list = service(memoryStore([], NOW));
    list.setPending('+12125550187', { reason: 'Deletion request', addedAt: NOW });

    expect((await list.check(['+1 212 555 0187'])).results[0]?.status).toBe('pending');

    await list.applyDelta(
      {
        added: [
          { e164: '+12125550187', reason: 'Deletion request', source: 'server', addedAt: NOW },
        ],
        removed: [],
      },
      '5',
    );
    expect((await list.check(['+1 212 555 0187'])).results[0]?.status).toBe('suppressed');
    expect(list.cursor).toBe('5');
  });

  it('counts an import as a refresh', async () => {
    const store = memoryStore([], null);
    const list = service(store);

    const size = await list.importEntries(
      [{ e164: '+12125550187', reason: 'CSV', source: 'csv', addedAt: NOW }],
      CHOICES,
    );

    expect(size).toBe(1);
    expect(store.saved).toBe(1);
    expect(await list.info()).toMatchObject({ loaded: true, stale: false, updatedAt: NOW });
  });

  it('keeps date and reason on re-import', async () => {
    const list = service(memoryStore(['+12125550187'], NOW - HOUR));

    const size = await list.importEntries(
      [
        { e164: '+12125550187', reason: 'Reason C', source: 'csv:b.csv', addedAt: NOW },
        { e164: '+12125550188', reason: '', source: 'csv:b.csv', addedAt: NOW },
      ],
      CHOICES,
    );

    expect(size).toBe(2);
    expect(await list.lookup('+1 212 555 0187')).toMatchObject({
      reason: 'Asked',
      source: 'test',
      addedAt: 1,
    });
    expect(await list.lookup('+1 212 555 0188')).toMatchObject({
      reason: 'Imported',
      addedAt: NOW,
    });
  });

  it('replaces reasons only when chosen', async () => {
    const list = service(memoryStore(['+12125550187'], NOW - HOUR));

    await list.importEntries(
      [{ e164: '+12125550187', reason: 'Reason C', source: 'csv:b.csv', addedAt: NOW }],
      { ...CHOICES, replaceReasons: true },
    );

    expect(await list.lookup('+1 212 555 0187')).toMatchObject({
      reason: 'Reason C',
      source: 'csv:b.csv',
      addedAt: 1,
    });
  });

  it('treats an unreadable store as no list', async () => {
    const broken: ListStore = {
      load: async () => {
        throw new Error('disk full');
      },
      save: async () => undefined,
      applyDelta: async () => undefined,
    };
    const list = service(broken);

    const { results, list: info } = await list.check(['+1 212 555 0187']);

    expect(results[0]?.status).toBe('unknown');
    expect(info.loaded).toBe(false);
  });
});
