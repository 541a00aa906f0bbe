/** Shared setup of the app lock's tests: a learner's progress, a fresh start, and a cut-short browser. */
import { IDBObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { vi } from 'vitest';
import { deleteProgressDatabase, type OpenedStorage, openStorage } from '../../src/storage';
import { readLock } from '../../src/storage/lock-record';
import { turnLockOn, unlock } from '../../src/storage/locking';
import { DB_NAME, SEALED } from '../../src/storage/schema';
import { answer } from './helpers';

export const PIN = '246810';
export const DECOY = '135790';
// Far less work than the app's, so that the tests run fast; the app's is checked in the bench.
export const FAST = { iterations: 1_000 };
export const erase = () => deleteProgressDatabase(DB_NAME);

/** A learner's progress: two lessons answered, a tick and a setting. */
export async function someProgress(): Promise<void> {
  const { store, close } = await openStorage();
  await store.saveAnswer(answer('passwords', 'q1', true), ['q1']);
  await store.saveAnswer(answer('phishing', 'q1', false), ['q1', 'q2']);
  await store.setChecklistItem('passwords', 'manager', true);
  await store.setSetting('text-size', '150');
  close();
}

/** Opens the app as a fresh start would: with the PIN when a lock is on. */
export async function start(pin?: string): Promise<OpenedStorage> {
  if (await readLock(DB_NAME)) {
    const outcome = await unlock(DB_NAME, pin ?? '', erase);
    if (!outcome.ok) throw new Error(`locked: ${outcome.problem}`);
    return openStorage({ keys: outcome.keys });
  }
  return openStorage();
}

/** Turns the lock on over what the app holds now. */
export async function lockOn(pin = PIN): Promise<void> {
  const { store, close } = await openStorage();
  const snapshot = await store.snapshot();
  close();
  await turnLockOn(DB_NAME, snapshot, pin, { ...FAST, locale: 'ur' });
}

/** What the learner would see of their progress. */
export async function seen(opened: OpenedStorage) {
  const { store, close } = opened;
  const found = {
    answers: (await store.getAllAnswers()).map((one) => `${one.lessonId}/${one.questionId}`),
    ticks: (await store.getAllChecklist()).map((one) => one.itemId),
    textSize: await store.getSetting('text-size'),
  };
  close();
  return found;
}

/** What `someProgress` saved, as the learner sees it. */
export const ALL = { answers: ['passwords/q1', 'phishing/q1'], ticks: ['manager'], textSize: '150' };

/** Ids of the encrypted records in the database, as a copy of the disk would show them. */
export async function recordIds(): Promise<string[]> {
  const db = await openDB(DB_NAME);
  const ids = (await db.getAllKeys(SEALED)) as string[];
  db.close();
  return ids.sort();
}

/** The names of the databases on the disk. */
export const databases = async () => (await indexedDB.databases()).map((db) => db.name).sort();

/** Aborts every transaction that runs `method` on a store of the database `dbName`. */
export function abortWritesTo(dbName: string, method: 'put' | 'delete') {
  const original = IDBObjectStore.prototype[method] as (
    this: IDBObjectStore,
    ...args: unknown[]
  ) => IDBRequest;
  vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
    this: IDBObjectStore,
    ...args: unknown[]
  ) {
    const request = original.apply(this, args);
    if (this.transaction.db.name === dbName)
      request.addEventListener('success', () => this.transaction.abort());
    return request;
  } as never);
}

/** Makes the browser refuse to delete the database `name`, as when another tab holds it. */
export function refuseToDelete(name: string) {
  const deleteDatabase = indexedDB.deleteDatabase.bind(indexedDB);
  vi.spyOn(indexedDB, 'deleteDatabase').mockImplementation((target) => {
    if (target === name) throw new DOMException('The operation is insecure.', 'SecurityError');
    return deleteDatabase(target);
  });
}
