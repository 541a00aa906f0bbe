/**
 * Progress encrypted at rest: what someone who copies the browser's IndexedDB finds, before and
 * after erasing, and that nothing is lost on the way (moving an earlier version's plain progress
 * in, many quick saves, a reopened app).
 */
import { unwrap } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteProgressDatabase, openStorage } from '../../src/storage';
import { decryptRecord, type SealedRecord } from '../../src/storage/cipher';
import { loadKeys } from '../../src/storage/keys';
import { openProgressDb } from '../../src/storage/lifecycle';
import { MIGRATIONS } from '../../src/storage/migrations';
import { createIdbStore } from '../../src/storage/progress';
import { DB_NAME } from '../../src/storage/schema';
import { answer, freshIndexedDB, onDisk } from './helpers';

const QUESTIONS = ['reused-leak', 'good-master'];
/** Ids a learner's progress names: none may be readable in storage. */
const SECRETS = ['passwords', 'reused-leak', 'good-master', 'pick-manager', 'every-reuse', 'dark', '130'];

/** Every key and value of every store of every database, as text an inspector could search. */
async function everythingStored(): Promise<string> {
  const parts: string[] = [];
  const text = (value: unknown): string => {
    if (value instanceof ArrayBuffer) return new TextDecoder('latin1').decode(value);
    if (ArrayBuffer.isView(value)) return new TextDecoder('latin1').decode(value);
    if (value instanceof CryptoKey) return '[key]';
    if (Array.isArray(value)) return value.map(text).join(' ');
    if (value && typeof value === 'object')
      return Object.entries(value)
        .map(([k, v]) => `${k}=${text(v)}`)
        .join(' ');
    return String(value);
  };
  for (const { name, version } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, version);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of db.objectStoreNames) {
      const store = db.transaction(storeName).objectStore(storeName);
      const [keys, values] = await Promise.all([
        new Promise<IDBValidKey[]>((resolve) => {
          const request = store.getAllKeys();
          request.onsuccess = () => resolve(request.result);
        }),
        new Promise<unknown[]>((resolve) => {
          const request = store.getAll();
          request.onsuccess = () => resolve(request.result);
        }),
      ]);
      parts.push(`${name}/${storeName}: ${text(keys)} ${text(values)}`);
      for (const indexName of store.indexNames) parts.push(`${name}/${storeName}/${indexName}`);
    }
    db.close();
  }
  return parts.join('\n');
}

async function studyALittle() {
  const { store, close } = await openStorage();
  await store.saveAnswer(
    { lessonId: 'passwords', questionId: 'reused-leak', selected: ['every-reuse'], correct: true },
    QUESTIONS,
  );
  await store.saveAnswer(answer('passwords', 'good-master', false), QUESTIONS);
  await store.setChecklistItem('passwords', 'pick-manager', true);
  await store.setSetting('theme', 'dark');
  await store.setSetting('text-size', '130');
  return { store, close };
}

describe('progress on the disk', () => {
  beforeEach(() => freshIndexedDB());

  it('names no lesson, question, option, item or setting, in keys or values', async () => {
    const { close } = await studyALittle();
    close();
    const stored = await everythingStored();

    expect(stored).toContain('sealed');
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
  });

  it('is read back whole when the app is opened again', async () => {
    const { store, close } = await studyALittle();
    const before = await store.snapshot();
    close();

    expect(await (await onDisk()).snapshot()).toEqual(before);
  });

  it('keeps every one of many quick saves, in the order they were made', async () => {
    const { store, close } = await openStorage();
    const saves = [];
    for (let i = 0; i < 20; i++) {
      saves.push(store.saveAnswer(answer(`lesson-${i % 3}`, `q${i % 5}`, i % 2 === 0), ['q0']));
      saves.push(store.setChecklistItem(`lesson-${i % 3}`, 'item', i % 2 === 0));
    }
    await Promise.all(saves);
    const expected = await store.snapshot();
    close();

    expect(await (await onDisk()).snapshot()).toEqual(expected);
    // The last tick of each lesson: 18, 19 and 17.
    expect(expected.checklist.map((item) => item.done)).toEqual([true, false, false]);
  });

  it('keeps what two tabs save to the same lesson, one after the other', async () => {
    const first = await openStorage();
    const second = await openStorage();
    await first.store.saveAnswer(answer('passwords', 'reused-leak', true), QUESTIONS);
    await second.store.saveAnswer(answer('passwords', 'good-master', false), QUESTIONS);
    await first.store.setChecklistItem('passwords', 'pick-manager', true);
    await second.store.setSetting('theme', 'dark');
    await first.store.setSetting('text-size', '130');

    const saved = await (await onDisk()).snapshot();
    expect(saved.answers.map((a) => a.questionId)).toEqual(['good-master', 'reused-leak']);
    expect(saved.checklist).toMatchObject([{ itemId: 'pick-manager', done: true }]);
    expect(saved.settings).toEqual([
      ['text-size', '130'],
      ['theme', 'dark'],
    ]);

    // A retry started in one tab clears the answers the other tab gave too, and keeps the tick.
    await second.store.resetQuiz('passwords');
    first.close();
    second.close();
    const retried = await (await onDisk()).snapshot();
    expect(retried.answers).toEqual([]);
    expect(retried.checklist).toMatchObject([{ itemId: 'pick-manager', done: true }]);
  });

  it('cannot be read once erased, even from a copy taken before', async () => {
    const { close } = await studyALittle();
    close();
    const db = await openProgressDb();
    const copy = await db.getAll('sealed');
    const ids = await db.getAllKeys('sealed');
    db.close();
    expect(copy.length).toBeGreaterThan(0);

    expect(await deleteProgressDatabase()).toBe(true);

    // The keys now made for a new start are other ones: the copied records stay closed.
    const key = await loadKeys(DB_NAME);
    for (const [i, record] of copy.entries()) {
      await expect(decryptRecord(key, ids[i] as string, record as SealedRecord)).rejects.toThrow();
    }
    expect(await (await onDisk()).snapshot()).toMatchObject({ answers: [], checklist: [], settings: [] });
  });

  it('refuses a record moved under another record’s id', async () => {
    const { close } = await studyALittle();
    close();
    const db = await openProgressDb();
    const [first, second] = await db.getAllKeys('sealed');
    const [a, b] = [await db.get('sealed', first as string), await db.get('sealed', second as string)];
    await db.put('sealed', b as SealedRecord, first as string);
    await db.put('sealed', a as SealedRecord, second as string);
    db.close();

    const reopened = await (await onDisk()).snapshot();
    expect(reopened.answers).toEqual([]);
    expect(reopened.settings).toEqual([]);
  });
});

describe('progress saved by an earlier version, in plain text', () => {
  beforeEach(() => freshIndexedDB());

  it('is moved in when it is only a ticked action', async () => {
    const old = await openProgressDb({ migrations: MIGRATIONS.slice(0, 3) });
    await createIdbStore(old).setChecklistItem('passwords', 'pick-manager', true);
    unwrap(old).close();

    const { store, close } = await openStorage();
    close();
    expect(await store.getChecklist('passwords')).toMatchObject([{ itemId: 'pick-manager', done: true }]);
    expect(await (await onDisk()).getChecklist('passwords')).toMatchObject([{ itemId: 'pick-manager' }]);
  });

  it('is moved in, encrypted, and no plain copy is left in the database', async () => {
    const old = await openProgressDb({ migrations: MIGRATIONS.slice(0, 3) });
    const plain = createIdbStore(old, { now: () => 5_000 });
    await plain.saveAnswer(
      { lessonId: 'passwords', questionId: 'reused-leak', selected: ['every-reuse'], correct: true },
      QUESTIONS,
    );
    await plain.saveAnswer(answer('passwords', 'good-master', true), QUESTIONS);
    await plain.setChecklistItem('passwords', 'pick-manager', true);
    await plain.setSetting('theme', 'dark');
    await plain.setSetting('text-size', '130');
    const before = await plain.snapshot();
    unwrap(old).close();

    const { store, close } = await openStorage();
    expect(await store.snapshot()).toEqual(before);
    expect(before.lessons).toMatchObject([{ lessonId: 'passwords', bestPercent: 100 }]);
    close();

    const stored = await everythingStored();
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    expect(await (await onDisk()).snapshot()).toEqual(before);
  });
});
