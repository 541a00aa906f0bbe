/**
 * The encrypted store beside other tabs: what another tab saved, dropped or damaged is taken as it
 * is on the disk, an import still replaces everything, a tab writing without pause cannot keep a
 * save from the disk, saves cost one transaction when no other tab wrote, and the marks the
 * end-to-end tests wait on say when every change has settled.
 */
import { IDBDatabase, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { openStorage, type ProgressSnapshot } from '../../src/storage';
import { recordId, type SealedRecord } from '../../src/storage/cipher';
import { loadKeys } from '../../src/storage/keys';
import { openProgressDb } from '../../src/storage/lifecycle';
import { DB_NAME } from '../../src/storage/schema';
import { abortAfterWrite, answer, freshStorageEachTest, onDisk } from './helpers';

const T = 1_764_000_000_000;
const EMPTY: ProgressSnapshot = { answers: [], lessons: [], checklist: [], settings: [], reviews: [] };

describe('what another tab did', () => {
  const statuses = freshStorageEachTest();

  it('a setting it saved is kept when this tab saves an answer and a setting at once', async () => {
    const first = await openStorage();
    const second = await openStorage();
    await second.store.setSetting('theme', 'dark');

    await Promise.all([
      first.store.saveAnswer(answer('passwords', 'q1', true), ['q1', 'q2']),
      first.store.setSetting('text-size', '150'),
    ]);
    first.close();
    second.close();

    const saved = await (await onDisk()).snapshot();
    expect(saved.settings).toEqual([
      ['text-size', '150'],
      ['theme', 'dark'],
    ]);
    expect(saved.answers.map((one) => one.questionId)).toEqual(['q1']);
  });

  it('a quiz result it saved is kept when this tab ticks an action of the same lesson', async () => {
    const first = await openStorage();
    const second = await openStorage();
    await second.store.saveAnswer(answer('passwords', 'q1', true), ['q1']);

    await first.store.setChecklistItem('passwords', 'manager', true);
    first.close();
    second.close();

    const saved = await (await onDisk()).snapshot();
    expect(saved.lessons).toMatchObject([{ lessonId: 'passwords', bestPercent: 100, attempts: 1 }]);
    expect(saved.checklist.map((one) => one.itemId)).toEqual(['manager']);
  });

  it('a lesson its import dropped shows only what this tab saves after', async () => {
    const first = await openStorage();
    await first.store.saveAnswer(answer('passwords', 'q1', false), ['q1']);
    await first.store.setChecklistItem('passwords', 'manager', true);
    const second = await openStorage();
    await second.store.replaceAll(EMPTY);

    await first.store.setChecklistItem('passwords', 'phrase', true);

    const shown = {
      answers: await first.store.getAllAnswers(),
      lessons: await first.store.getLessonRecords(),
      ticks: (await first.store.getAllChecklist()).map((one) => one.itemId),
      reviews: await first.store.getReviewCards(),
    };
    expect(shown).toEqual({ answers: [], lessons: [], ticks: ['phrase'], reviews: [] });
    first.close();
    second.close();
    const saved = await (await onDisk()).snapshot();
    expect(saved).toMatchObject({ answers: [], lessons: [], reviews: [] });
    expect(saved.checklist.map((one) => one.itemId)).toEqual(['phrase']);
  });

  it('a settings record these keys cannot open does not stop a setting being saved', async () => {
    const { store, close } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), ['q1']);
    await store.setSetting('theme', 'dark');
    // The record of a lesson, put in the settings' place: it is bound to its own id, so it does not open.
    const keys = await loadKeys(DB_NAME);
    const db = await openProgressDb();
    const lesson = await db.get('sealed', await recordId(keys, 'lesson passwords'));
    await db.put('sealed', lesson as SealedRecord, await recordId(keys, 'settings'));
    db.close();

    await store.setSetting('text-size', '150');
    close();

    expect((await (await onDisk()).snapshot()).settings).toEqual([['text-size', '150']]);
    expect(statuses).toEqual([]);
  });

  it('an import in this tab still replaces everything after it saved a setting', async () => {
    const first = await openStorage();
    const second = await openStorage();
    await second.store.setSetting('theme', 'dark');
    const imported: ProgressSnapshot = {
      ...EMPTY,
      checklist: [{ lessonId: 'backups', itemId: 'offsite', done: true, updatedAt: T }],
      settings: [['text-size', '150']],
    };

    await first.store.replaceAll(imported);
    first.close();
    second.close();

    expect(await (await onDisk()).snapshot()).toEqual(imported);
  });

  it('writing the same record without pause does not keep this tab’s save from the disk', async () => {
    const { store, close } = await openStorage();
    // Before each check of this tab's write, "another tab" writes the record again.
    const put = IDBObjectStore.prototype.put;
    const get = IDBObjectStore.prototype.get;
    let checks = 0;
    vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key) {
      if (this.name === 'sealed' && this.transaction.mode === 'readwrite' && checks < 20) {
        checks++;
        const other = { iv: crypto.getRandomValues(new Uint8Array(12)), data: new ArrayBuffer(32) };
        put.call(this, other, key as IDBValidKey);
      }
      return get.call(this, key);
    });

    await store.saveAnswer(answer('passwords', 'q1', true), ['q1', 'q2']);
    vi.restoreAllMocks();
    close();

    // It stopped checking on its own, long before the other tab paused.
    expect(checks).toBeLessThan(20);
    expect((await (await onDisk()).getAllAnswers()).map((one) => one.questionId)).toEqual(['q1']);
  });
});

describe('a review', () => {
  freshStorageEachTest();

  it('is kept when the app is opened again', async () => {
    const { store, close } = await openStorage({ now: () => T });
    await store.saveAnswer(answer('passwords', 'q1', false), ['q1']);
    const reviewed = await store.recordReview('passwords', 'q1', true);
    close();

    expect(reviewed).toMatchObject({ box: 2 });
    expect(await (await onDisk()).getReviewCards()).toEqual([reviewed]);
  });
});

describe('a save when no other tab wrote', () => {
  freshStorageEachTest();

  it('checks and writes in one transaction: a lesson’s first, the first after reopening, and after an import', async () => {
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const counted = async (save: () => Promise<unknown>) => {
      transactions.mockClear();
      await save();
      return transactions.mock.calls.length;
    };
    const first = await openStorage();
    expect(await counted(() => first.store.saveAnswer(answer('passwords', 'q1', true), ['q1', 'q2']))).toBe(
      1,
    );
    first.close();

    const again = await openStorage();
    expect(await counted(() => again.store.setChecklistItem('passwords', 'manager', true))).toBe(1);
    await again.store.replaceAll(EMPTY);
    expect(await counted(() => again.store.setChecklistItem('passwords', 'phrase', true))).toBe(1);
    again.close();
  });
});

describe('the marks of changes', () => {
  freshStorageEachTest();
  const named = (name: string) => performance.getEntriesByName(name, 'mark').length;

  it('say a change is under way until it is written, and are gone once all are', async () => {
    const { store, close } = await openStorage();
    const marks = vi.spyOn(performance, 'mark');

    const saving = [store.setSetting('theme', 'dark'), store.setSetting('text-size', '150')];
    expect([named('progress-change'), named('progress-settled')]).toEqual([2, 0]);
    await Promise.all(saving);
    close();

    expect(marks.mock.calls.map(([name]) => name)).toEqual([
      'progress-change',
      'progress-change',
      'progress-settled',
      'progress-settled',
    ]);
    expect([named('progress-change'), named('progress-settled')]).toEqual([0, 0]);
  });

  it('say a change settled when its write failed too', async () => {
    const { store, close } = await openStorage();
    const marks = vi.spyOn(performance, 'mark');
    abortAfterWrite('sealed');

    await store.setSetting('theme', 'dark');
    close();

    expect(marks.mock.calls.map(([name]) => name)).toEqual(['progress-change', 'progress-settled']);
    expect([named('progress-change'), named('progress-settled')]).toEqual([0, 0]);
  });
});
