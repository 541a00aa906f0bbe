import { forceCloseDatabase, IDBObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { onStorageStatus, openStorage, type StorageStatus } from '../../src/storage';
import { openProgressDb } from '../../src/storage/lifecycle';
import { MIGRATIONS } from '../../src/storage/migrations';
import { DB_NAME, DB_VERSION } from '../../src/storage/schema';
import { abortAfterWrite, answer, freshStorageEachTest, manualClock, onDisk } from './helpers';

const QUESTIONS = ['q1', 'q2', 'q3'];
const nextRelease = [...MIGRATIONS, { version: DB_VERSION + 1, migrate: () => {} }];

describe('openStorage', () => {
  const statuses = freshStorageEachTest();

  it('uses IndexedDB when it works, and stays quiet', async () => {
    const { store, mode, reason } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS);

    expect({ mode, reason }).toEqual({ mode: 'idb', reason: undefined });
    expect(await (await onDisk()).getAnswers('passwords')).toHaveLength(1);
    expect(statuses).toEqual([]);
  });

  it('writes nothing to IndexedDB in a private session, and says why progress is in memory', async () => {
    const { store, mode, reason } = await openStorage({ private: true });
    await store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS);

    expect({ mode, reason }).toEqual({ mode: 'memory', reason: 'private' });
    expect(await store.getAnswers('passwords')).toHaveLength(1);
    expect(await indexedDB.databases()).toEqual([]);
    expect(statuses).toEqual([{ kind: 'memory', reason: 'private' }]);
  });

  it('keeps progress in memory when the browser has no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);

    const { store, mode, reason } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS);

    expect({ mode, reason }).toEqual({ mode: 'memory', reason: 'unavailable' });
    expect(await store.getAnswers('passwords')).toMatchObject([{ questionId: 'q1', correct: true }]);
    expect(statuses).toEqual([{ kind: 'memory', reason: 'unavailable' }]);
  });

  it('keeps progress in memory when the browser turned IndexedDB off', async () => {
    vi.stubGlobal('indexedDB', null);

    expect(await openStorage()).toMatchObject({ mode: 'memory', reason: 'unavailable' });
    expect(statuses).toEqual([{ kind: 'memory', reason: 'unavailable' }]);
  });

  it('stamps answers with the clock it is given in a private session too', async () => {
    const { store } = await openStorage({ private: true, now: () => 1_234 });
    await store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS);

    expect(await store.getAnswers('passwords')).toMatchObject([{ answeredAt: 1_234 }]);
  });

  it('treats an IndexedDB that cannot even be looked at as missing', async () => {
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });

    expect(await openStorage()).toMatchObject({ mode: 'memory', reason: 'unavailable' });
  });

  it('keeps progress in memory when opening throws, as in some private modes', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });

    const { store, mode, reason } = await openStorage();
    await store.setChecklistItem('passwords', 'manager', true);

    expect({ mode, reason }).toEqual({ mode: 'memory', reason: 'failed' });
    expect(await store.getChecklist('passwords')).toMatchObject([{ itemId: 'manager', done: true }]);
    expect(statuses).toEqual([{ kind: 'memory', reason: 'failed' }]);
  });

  it('keeps progress in memory when a newer app already upgraded the database', async () => {
    (await openDB(DB_NAME, DB_VERSION + 5)).close();

    expect(await openStorage()).toMatchObject({ mode: 'memory', reason: 'failed' });
  });

  describe('when a write fails later, e.g. the disk is full', () => {
    it('keeps the answer and everything saved before, in memory, and says so once', async () => {
      const clock = manualClock();
      const { store } = await openStorage({ now: clock.now });
      await store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS);
      await store.setChecklistItem('passwords', 'manager', true);
      await store.setSetting('locale', 'ms');
      await store.saveAnswer(answer('phishing', 'q1', false), QUESTIONS);

      const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      clock.advance();
      const result = await store.saveAnswer(answer('passwords', 'q2', true), QUESTIONS);

      expect(result.score).toEqual({ answered: 2, correct: 2, total: 3, complete: false });
      expect(await store.getAnswers('passwords')).toMatchObject([{ questionId: 'q1' }, { questionId: 'q2' }]);
      expect(await store.getAnswers('phishing')).toMatchObject([{ questionId: 'q1', correct: false }]);
      expect(await store.getChecklist('passwords')).toMatchObject([{ itemId: 'manager', done: true }]);
      expect(await store.getSetting('locale')).toBe('ms');

      const completed = await store.saveAnswer(answer('passwords', 'q3', false), QUESTIONS);
      expect(completed.record).toMatchObject({ bestPercent: 67, attempts: 1 });
      expect(statuses).toEqual([{ kind: 'memory', reason: 'failed' }]);
      expect(put).toHaveBeenCalledOnce();
    });

    it('keeps a save the browser aborted after its writes went through, in memory, and says so', async () => {
      const { store } = await openStorage();
      abortAfterWrite('sealed');

      const result = await store.saveAnswer(answer('passwords', 'q1', false), QUESTIONS);
      vi.restoreAllMocks();

      expect(result.score).toEqual({ answered: 1, correct: 0, total: 3, complete: false });
      expect(statuses).toEqual([{ kind: 'memory', reason: 'failed' }]);
      expect(await store.getAnswers('passwords')).toMatchObject([{ questionId: 'q1', correct: false }]);
      expect(await store.getReviewCards()).toMatchObject([{ questionId: 'q1', box: 1 }]);
    });

    it('keeps both of two changes that fail at once, and says so once', async () => {
      const { store } = await openStorage();
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });

      await Promise.all([
        store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS),
        store.setChecklistItem('passwords', 'manager', true),
      ]);
      vi.restoreAllMocks();

      expect(statuses).toEqual([{ kind: 'memory', reason: 'failed' }]);
      expect(await store.getAnswers('passwords')).toMatchObject([{ questionId: 'q1' }]);
      expect(await store.getChecklist('passwords')).toMatchObject([{ itemId: 'manager', done: true }]);
    });

    it('does not commit half of a failed save', async () => {
      const { store } = await openStorage();
      await store.saveAnswer(answer('passwords', 'q1', true), ['q1', 'q2']);
      const original = IDBObjectStore.prototype.put;
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
        this: IDBObjectStore,
        value,
        key,
      ) {
        if (this.name === 'sealed')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.call(this, value, key);
      });

      const result = await store.saveAnswer(answer('passwords', 'q2', true), ['q1', 'q2']);
      vi.restoreAllMocks();

      expect(result.record).toMatchObject({ bestPercent: 100, attempts: 1 });
      const saved = await onDisk();
      expect(await saved.getAnswers('passwords')).toMatchObject([{ questionId: 'q1' }]);
      expect(await saved.getLessonRecords()).toEqual([]);
    });
  });

  it('does not give up on IndexedDB over a value that cannot be stored anywhere', async () => {
    const { store } = await openStorage();

    await expect(store.setSetting('callback', () => {})).rejects.toMatchObject({ name: 'DataCloneError' });
    await store.setSetting('locale', 'hi');

    expect(statuses).toEqual([]);
    expect(await (await onDisk()).getSetting('locale')).toBe('hi');
  });

  it('refuses an answer without a question id, without giving up on IndexedDB', async () => {
    const { store } = await openStorage();
    const broken = { ...answer('passwords', 'q1', true), questionId: undefined as unknown as string };

    await expect(store.saveAnswer(broken, QUESTIONS)).rejects.toMatchObject({ name: 'DataError' });
    await store.saveAnswer(answer('passwords', 'q2', true), QUESTIONS);

    expect(statuses).toEqual([]);
    expect(await (await onDisk()).getAnswers('passwords')).toMatchObject([{ questionId: 'q2' }]);
  });

  it('keeps working in memory when the browser closes the database, and says so', async () => {
    const open = vi.spyOn(indexedDB, 'open');
    const { store } = await openStorage();
    const connection = open.mock.results[0]?.value.result;

    forceCloseDatabase(connection);
    await vi.waitFor(() => expect(statuses).toEqual([{ kind: 'memory', reason: 'failed' }]));
    await store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS);

    expect(await store.getAnswers('passwords')).toMatchObject([{ questionId: 'q1' }]);
  });

  it('keeps a change the app makes as soon as it hears another tab opened a newer version', async () => {
    const { store } = await openStorage();
    let ticked: Promise<unknown> = Promise.resolve();
    const stop = onStorageStatus((status) => {
      if (status.kind === 'blocking') ticked = store.setChecklistItem('passwords', 'manager', true);
    });

    await openProgressDb({ migrations: nextRelease });
    await ticked;
    stop();

    expect(await store.getChecklist('passwords')).toMatchObject([{ itemId: 'manager', done: true }]);
  });

  it('tells the learner to reload when another tab opens a newer version, keeping what was saved', async () => {
    const { store } = await openStorage();
    await store.saveAnswer(answer('passwords', 'q1', true), QUESTIONS);
    await store.setChecklistItem('passwords', 'manager', true);

    const newer = await openProgressDb({ migrations: nextRelease });

    expect(newer.version).toBe(DB_VERSION + 1);
    expect(statuses).toEqual([{ kind: 'blocking' }]);
    expect(await store.getAnswers('passwords')).toMatchObject([{ questionId: 'q1' }]);
    expect(await store.getChecklist('passwords')).toMatchObject([{ itemId: 'manager' }]);
    await store.saveAnswer(answer('passwords', 'q2', true), QUESTIONS);
    expect(await store.getAnswers('passwords')).toHaveLength(2);
  });

  it('says when it waits for an older tab, then opens once that tab closes', async () => {
    (await openProgressDb()).close();
    const olderTab = await openDB(DB_NAME);

    const opening = openStorage({ migrations: nextRelease });
    await vi.waitFor(() => expect(statuses).toEqual([{ kind: 'blocked' }]));
    olderTab.close();

    expect(await opening).toMatchObject({ mode: 'idb' });
  });

  it('still tells every listener, and still opens, when one listener throws; its error is reported', async () => {
    const reported: unknown[] = [];
    process.setUncaughtExceptionCaptureCallback((error) => reported.push(error));
    const failure = new Error('listener failed');
    const stop = onStorageStatus(() => {
      throw failure;
    });
    const after: StorageStatus[] = [];
    const stopAfter = onStorageStatus((status) => after.push(status));

    try {
      const { mode } = await openStorage({ private: true });
      await vi.waitFor(() => expect(reported).toEqual([failure]));

      expect(mode).toBe('memory');
      expect(statuses).toEqual([{ kind: 'memory', reason: 'private' }]);
      expect(after).toEqual([{ kind: 'memory', reason: 'private' }]);
    } finally {
      stop();
      stopAfter();
      process.setUncaughtExceptionCaptureCallback(null);
    }
  });
});
