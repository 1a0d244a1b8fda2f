import { openSuppressionStore, type SuppressionStore } from '../suppression/store';
import type { ListStore } from './list-service';

let storePromise: Promise<SuppressionStore> | null = null;

function store(): Promise<SuppressionStore> {
  storePromise ??= openSuppressionStore();
  return storePromise;
}

/** The list service's storage: the suppression database in IndexedDB. */
export const indexedDbListStore: ListStore = {
  async load() {
    return (await store()).loadIndex();
  },
  async save(index, state) {
    await (
      await store()
    ).saveIndex(index, { cursor: state.cursor, listUpdatedAt: state.listUpdatedAt });
  },
  async applyDelta(index, changes, state) {
    await (
      await store()
    ).applyAndPersist(index, changes, {
      cursor: state.cursor,
      listUpdatedAt: state.listUpdatedAt,
    });
  },
};
