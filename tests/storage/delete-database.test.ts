import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { deleteProgressDatabase, openStorage } from '../../src/storage';
import { DB_NAME } from '../../src/storage/schema';
import { answer, freshStorageEachTest } from './helpers';

// Longer than any test may take: a result before it came from the browser, not from the timer.
const HOUR = 60 * 60 * 1000;

describe('deleteProgressDatabase', () => {
  const statuses = freshStorageEachTest();

  it('erases the progress once the app closed its storage, without telling the learner to reload', async () => {
    const opened = await openStorage();
    await opened.store.saveAnswer(answer('passwords', 'q1', true), ['q1']);
    opened.close();

    expect(await deleteProgressDatabase()).toBe(true);

    expect(await indexedDB.databases()).toEqual([]);
    expect(statuses).toEqual([]);
  });

  it('resolves false when another tab keeps the database open past the time allowed', async () => {
    const otherTab = await openDB(DB_NAME, 1);

    expect(await deleteProgressDatabase(DB_NAME, 20)).toBe(false);

    otherTab.close();
  });

  it('resolves true where there is no IndexedDB, so nothing was kept', async () => {
    vi.stubGlobal('indexedDB', undefined);

    expect(await deleteProgressDatabase()).toBe(true);
  });

  it('resolves false at once, never rejects, when the browser refuses to delete', async () => {
    vi.stubGlobal('indexedDB', {
      deleteDatabase() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });

    expect(await deleteProgressDatabase(DB_NAME, HOUR)).toBe(false);
  });

  it('resolves false as soon as the delete request fails', async () => {
    vi.stubGlobal('indexedDB', { deleteDatabase: () => failingRequest() });

    expect(await deleteProgressDatabase(DB_NAME, HOUR)).toBe(false);
  });
});

/** A request the browser fails a moment later, as a delete on a damaged profile may be. */
function failingRequest(): IDBOpenDBRequest {
  let fail = () => {};
  setTimeout(() => fail());
  return Object.create(IDBRequest.prototype, {
    error: { value: new DOMException('Deletion failed.', 'UnknownError') },
    addEventListener: {
      value: (type: string, listener: () => void) => {
        if (type === 'error') fail = listener;
      },
    },
    removeEventListener: { value: () => {} },
  });
}
