/**
 * Where the keys live: in a Storage Bucket of their own where the browser has them (deleting a
 * bucket removes its files), else in a small database of their own; erasing destroys them first.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteProgressDatabase, openStorage } from '../../src/storage';
import { readLock } from '../../src/storage/lock-record';
import { DB_NAME } from '../../src/storage/schema';
import { answer, freshIndexedDB, onDisk } from './helpers';
import { ALL, lockOn, PIN, seen, someProgress, start } from './lock-helpers';

// Longer than any test may take: a result before it came from the browser, not from the timer.
const HOUR = 60 * 60 * 1000;

/** A browser's Storage Buckets: each bucket its own IndexedDB, gone when the bucket is deleted. */
function fakeBuckets() {
  const buckets = new Map<string, IDBFactory>();
  const opened: { name: string; options: unknown }[] = [];
  const api = {
    async open(name: string, options: unknown) {
      opened.push({ name, options });
      let factory = buckets.get(name);
      if (!factory) {
        factory = new IDBFactory();
        buckets.set(name, factory);
      }
      return { indexedDB: factory };
    },
    async delete(name: string) {
      buckets.delete(name);
    },
    async keys() {
      return [...buckets.keys()];
    },
  };
  vi.stubGlobal('navigator', { storageBuckets: api });
  return { buckets, opened };
}

beforeEach(() => freshIndexedDB());
afterEach(() => vi.unstubAllGlobals());

describe('with Storage Buckets', () => {
  it('keeps the keys alone in a bucket of their own, kept strictly and asked to persist', async () => {
    const { buckets, opened } = fakeBuckets();
    const { store, close } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), ['q1']);
    close();

    expect([...buckets.keys()]).toEqual([`${DB_NAME}-key`]);
    expect(opened[0]?.options).toEqual({ durability: 'strict', persisted: true });
    expect((await indexedDB.databases()).map((db) => db.name)).toEqual([DB_NAME]);
    expect(await (await onDisk()).getAnswers('passwords')).toHaveLength(1);
  });

  it('deletes the bucket on erasing, so what was saved cannot be opened again', async () => {
    const { buckets } = fakeBuckets();
    const { store, close } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), ['q1']);
    close();

    expect(await deleteProgressDatabase(DB_NAME, HOUR)).toBe(true);
    expect(buckets.size).toBe(0);
  });

  it('keeps progress in memory, and says so, when the keys cannot be reached', async () => {
    vi.stubGlobal('navigator', {
      storageBuckets: {
        open: () => Promise.reject(new DOMException('Bucket quota reached.', 'QuotaExceededError')),
        delete: async () => {},
      },
    });

    const { store, mode, reason } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), ['q1']);

    expect({ mode, reason }).toEqual({ mode: 'memory', reason: 'failed' });
    expect(await store.getAnswers('passwords')).toHaveLength(1);
  });

  it('finds the app lock in its own bucket on the next start, and opens only with the PIN', async () => {
    const { buckets } = fakeBuckets();
    await someProgress();
    await lockOn();

    expect([...buckets.keys()]).toEqual([`${DB_NAME}-lock`]);
    expect(await readLock(DB_NAME)).not.toBeNull();
    expect(await seen(await start(PIN))).toEqual(ALL);
  });

  it('says so when erasing could not delete the bucket', async () => {
    fakeBuckets();
    (await openStorage()).close();
    const refuse = () => Promise.reject(new DOMException('The bucket is in use.', 'InvalidStateError'));
    vi.stubGlobal('navigator', { storageBuckets: { open: refuse, delete: refuse } });

    expect(await deleteProgressDatabase(DB_NAME, HOUR)).toBe(false);
  });
});

describe('without Storage Buckets', () => {
  it('keeps the keys in a database of their own, and deletes it on erasing', async () => {
    const { store, close } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), ['q1']);
    close();
    expect((await indexedDB.databases()).map((db) => db.name).sort()).toEqual([DB_NAME, `${DB_NAME}-key`]);

    expect(await deleteProgressDatabase(DB_NAME, HOUR)).toBe(true);
    expect(await indexedDB.databases()).toEqual([]);
  });
});
