/**
 * The encrypted records behind the store: every kind of progress a lesson can hold survives a
 * reopening, an import replaces what was there and leaves no record of a lesson it drops, and
 * tabs changing the same lesson at the same moment all keep their changes, and changes made at
 * once are written together.
 */
import { IDBDatabase, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStorage, type ProgressSnapshot } from '../../src/storage';
import { openProgressDb } from '../../src/storage/lifecycle';
import { answer, freshIndexedDB, onDisk } from './helpers';

const T = 1_764_000_000_000;
const EMPTY: ProgressSnapshot = { answers: [], lessons: [], checklist: [], settings: [], reviews: [] };

/** How many encrypted records the database holds. */
async function recordCount(): Promise<number> {
  const db = await openProgressDb();
  try {
    return await db.count('sealed');
  } finally {
    db.close();
  }
}

beforeEach(() => freshIndexedDB());
afterEach(() => vi.unstubAllGlobals());

describe('encrypted records', () => {
  it('are not written when the app only opens and reads', async () => {
    const { store, close } = await openStorage();
    await store.snapshot();
    close();
    (await openStorage()).close();

    expect(await recordCount()).toBe(0);
  });

  it('keep a lesson whose only progress is an answer, a tick, a review card or a result', async () => {
    const snapshot: ProgressSnapshot = {
      answers: [{ lessonId: 'a', questionId: 'q', selected: ['x'], correct: true, answeredAt: T }],
      checklist: [{ lessonId: 'b', itemId: 'i', done: true, updatedAt: T }],
      reviews: [{ lessonId: 'c', questionId: 'q', box: 2, due: T, updatedAt: T }],
      lessons: [{ lessonId: 'd', bestPercent: 50, completedAt: T, attempts: 1, updatedAt: T }],
      settings: [],
    };
    const { store, close } = await openStorage();
    await store.replaceAll(snapshot);
    close();

    expect(await (await onDisk()).snapshot()).toEqual(snapshot);
  });

  it('are replaced by an import, lessons it no longer holds included', async () => {
    const { store, close } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), ['q1']);
    await store.saveAnswer(answer('phishing', 'q1', false), ['q1']);
    const imported: ProgressSnapshot = {
      ...EMPTY,
      answers: [{ lessonId: 'backups', questionId: 'q1', selected: ['x'], correct: true, answeredAt: T }],
    };
    await store.replaceAll(imported);
    close();

    expect(await (await onDisk()).snapshot()).toEqual(imported);
    // The imported lesson's and the settings': the dropped lessons left nothing, not even empty records.
    expect(await recordCount()).toBe(2);
  });

  it('keep every change three tabs make to one lesson at the same moment, with no lock between them', async () => {
    // Nothing but IndexedDB's own transactions keeps the tabs apart.
    vi.stubGlobal('navigator', {});
    const tabs = [await openStorage(), await openStorage(), await openStorage()];
    const questions = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
    // Each tab answers four questions and ticks two items, all at once, interleaved with the others.
    await Promise.all(
      questions.map((id, i) =>
        (tabs[i % 3] as (typeof tabs)[number]).store.saveAnswer(
          answer('passwords', id, i % 2 === 0),
          questions,
        ),
      ),
    );
    await Promise.all(
      ['manager', 'phrase', 'backup', 'recovery', 'shared', 'old'].map((item, i) =>
        (tabs[i % 3] as (typeof tabs)[number]).store.setChecklistItem('passwords', item, true),
      ),
    );
    for (const tab of tabs) tab.close();

    const saved = await (await onDisk()).snapshot();
    expect(saved.answers.map((a) => a.questionId).sort()).toEqual([...questions].sort());
    expect(saved.checklist.map((c) => c.itemId).sort()).toEqual([
      'backup',
      'manager',
      'old',
      'phrase',
      'recovery',
      'shared',
    ]);
  });
});

describe('a save', () => {
  it('does not wait for a lock that a frozen tab holds', async () => {
    // Another tab took the browser's lock and was frozen in the background: it never lets go.
    const request = vi.fn(() => new Promise(() => {}));
    vi.stubGlobal('navigator', { locks: { request } });
    const { store, close } = await openStorage();
    const saved = store.saveAnswer(answer('passwords', 'q1', true), ['q1', 'q2']);
    const within = new Promise((_, reject) => setTimeout(() => reject(new Error('still waiting')), 1000));
    await Promise.race([saved, within]);
    close();
    expect((await (await onDisk()).snapshot()).answers.map((a) => a.questionId)).toEqual(['q1']);
  });

  it('checks and writes in one transaction when no other tab wrote the record, and two otherwise', async () => {
    const first = await openStorage();
    const second = await openStorage();
    await first.store.saveAnswer(answer('passwords', 'q1', true), ['q1', 'q2']);
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await first.store.saveAnswer(answer('passwords', 'q2', false), ['q1', 'q2']);
    expect(transactions).toHaveBeenCalledTimes(1);

    // The other tab has not seen the first tab's saves: it reads the record again, then writes.
    transactions.mockClear();
    await second.store.setChecklistItem('passwords', 'manager', true);
    expect(transactions).toHaveBeenCalledTimes(3);
    first.close();
    second.close();

    const saved = await (await onDisk()).snapshot();
    expect(saved.answers.map((a) => a.questionId)).toEqual(['q1', 'q2']);
    expect(saved.checklist.map((c) => c.itemId)).toEqual(['manager']);
  });
});

describe('changes made at once', () => {
  it('reach the disk together in one write, each call told only of its own failure', async () => {
    const { store, close } = await openStorage();
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    const saved = [
      store.setSetting('text-size', '150'),
      store.setSetting('theme', 'dark'),
      store.setSetting('trainer-mode', true),
      store.setChecklistItem('passwords', 'manager', true),
      store.setChecklistItem('passwords', 'phrase', true),
    ];
    // A value that cannot be stored fails its own call, not the others.
    const refused = store.setSetting('bad', () => {});
    await Promise.all(saved);
    await expect(refused).rejects.toThrow();
    close();

    // One record for the settings and one for the lesson, each written once.
    expect(puts).toHaveBeenCalledTimes(2);
    const onDiskNow = await (await onDisk()).snapshot();
    expect(onDiskNow.settings).toEqual([
      ['text-size', '150'],
      ['theme', 'dark'],
      ['trainer-mode', true],
    ]);
    expect(onDiskNow.checklist.map((c) => c.itemId)).toEqual(['manager', 'phrase']);
  });
});
