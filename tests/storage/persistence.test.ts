import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openProgressDb } from '../../src/storage/lifecycle';
import { createMemoryStore } from '../../src/storage/memory';
import { requestPersistence } from '../../src/storage/persistence';
import { createIdbStore } from '../../src/storage/progress';
import { PERSIST_SETTING } from '../../src/storage/schema';
import { freshIndexedDB } from './helpers';

describe('requestPersistence', () => {
  beforeEach(freshIndexedDB);
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks the browser once, and remembers the answer across sessions', async () => {
    const persist = vi.fn(async () => true);
    const db = await openProgressDb();

    expect(await requestPersistence(createIdbStore(db), { persist })).toBe(true);
    expect(await requestPersistence(createIdbStore(db), { persist })).toBe(true);
    db.close();
    const nextSession = createIdbStore(await openProgressDb());

    expect(await requestPersistence(nextSession, { persist })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(await nextSession.getSetting(PERSIST_SETTING)).toBe(true);
  });

  it('does not ask twice when called twice at once', async () => {
    const persist = vi.fn(async () => false);
    const store = createMemoryStore();

    expect(
      await Promise.all([requestPersistence(store, { persist }), requestPersistence(store, { persist })]),
    ).toEqual([false, false]);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('resolves false where the browser cannot persist storage', async () => {
    const store = createMemoryStore();

    expect(await requestPersistence(store, undefined)).toBe(false);
    expect(await requestPersistence(createMemoryStore(), {})).toBe(false);
    expect(await store.getSetting(PERSIST_SETTING)).toBeUndefined();
  });

  it('never rejects, whether the browser or the store fails', async () => {
    const failing = vi.fn(async () => {
      throw new Error('persist failed');
    });
    const broken = { ...createMemoryStore(), getSetting: () => Promise.reject(new Error('closed')) };

    expect(await requestPersistence(createMemoryStore(), { persist: failing })).toBe(false);
    expect(await requestPersistence(broken, { persist: async () => true })).toBe(false);
  });

  it("asks the browser's own storage manager when none is given", async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist } });

    expect(await requestPersistence(createMemoryStore())).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('does not ask again in a profile where an earlier release already asked', async () => {
    const persist = vi.fn(async () => true);
    const store = createMemoryStore({ seed: { settings: [['storage.persist-requested', false]] } });

    expect(await requestPersistence(store, { persist })).toBe(false);
    expect(persist).not.toHaveBeenCalled();
  });
});
