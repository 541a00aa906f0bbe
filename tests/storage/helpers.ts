/** Shared setup for storage tests: a fresh fake IndexedDB per test, a manual clock, sample answers. */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, beforeEach, vi } from 'vitest';
import {
  type AnswerInput,
  onStorageStatus,
  type ProgressDb,
  type ProgressStore,
  type StorageStatus,
} from '../../src/storage';
import { loadKeys } from '../../src/storage/keys';
import { openProgressDb } from '../../src/storage/lifecycle';
import { openSealedStore } from '../../src/storage/sealed';

/** Installs an empty IndexedDB, so no test sees another's databases. */
export function freshIndexedDB(): void {
  Object.defineProperty(globalThis, 'indexedDB', {
    value: new IDBFactory(),
    configurable: true,
    writable: true,
  });
}

/**
 * For the tests of a `describe`: an empty IndexedDB before each, and mocks and stubbed globals
 * undone after. Returns the storage statuses the learner was told during the current test.
 */
export function freshStorageEachTest(): StorageStatus[] {
  const statuses: StorageStatus[] = [];
  let unsubscribe = () => {};
  beforeEach(() => {
    freshIndexedDB();
    statuses.length = 0;
    unsubscribe = onStorageStatus((status) => statuses.push(status));
  });
  afterEach(() => {
    unsubscribe();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
  return statuses;
}

/** A clock that only moves when told to. */
export function manualClock(start = 1_000) {
  let time = start;
  return {
    now: () => time,
    advance(ms = 1_000): number {
      time += ms;
      return time;
    },
  };
}

/** An answer to `questionId` of `lessonId`, right or wrong. */
export function answer(lessonId: string, questionId: string, correct: boolean): AnswerInput {
  return { lessonId, questionId, selected: [correct ? 'right' : 'wrong'], correct };
}

/** Store names, and per store its key path and indexes: what a schema looks like from outside. */
export function describeSchema(db: ProgressDb) {
  const raw = unwrap(db);
  const names = [...raw.objectStoreNames];
  const tx = raw.transaction(names);
  return names.map((name) => {
    const store = tx.objectStore(name);
    return {
      name,
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].map((indexName) => {
        const index = store.index(indexName);
        return {
          name: indexName,
          keyPath: index.keyPath,
          unique: index.unique,
          multiEntry: index.multiEntry,
        };
      }),
    };
  });
}

/** What a fresh start of the app would read back from this browser's IndexedDB. */
export async function onDisk(): Promise<ProgressStore> {
  const db = await openProgressDb();
  return openSealedStore(db, await loadKeys(db.name));
}

/**
 * Makes the browser abort a transaction once it wrote to `storeName` (the review cards, or the
 * encrypted records), as it may at commit (e.g. when the disk fills): every request succeeded, yet
 * nothing is stored. Undo with restoreAllMocks.
 */
export function abortAfterWrite(storeName: 'reviews' | 'sealed') {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    value,
    key,
  ) {
    const request = put.call(this, value, key);
    if (this.name === storeName) request.addEventListener('success', () => this.transaction.abort());
    return request;
  });
}
