import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openProgressDb } from '../../src/storage/lifecycle';
import { MIGRATIONS, type Migration } from '../../src/storage/migrations';
import { createIdbStore } from '../../src/storage/progress';
import { DB_NAME, DB_VERSION } from '../../src/storage/schema';
import { answer, describeSchema, freshIndexedDB } from './helpers';

const LESSONS = ['security-plan', 'passwords', 'secure-messaging', 'phishing'];
const QUESTIONS = Array.from({ length: 15 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);

/** Creates the database exactly as the first release of the app did, with answers in it. */
async function createVersion1Database(name = DB_NAME) {
  const db = await openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore('answers', { keyPath: ['lessonId', 'questionId'] });
    },
  });
  const tx = db.transaction('answers', 'readwrite');
  const records = LESSONS.flatMap((lessonId, l) =>
    QUESTIONS.map((questionId, q) => ({
      ...answer(lessonId, questionId, (l + q) % 3 !== 0),
      answeredAt: 500 + q,
    })),
  );
  await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
  db.close();
  return records;
}

describe('migrations', () => {
  beforeEach(freshIndexedDB);

  it('end at DB_VERSION', () => {
    expect(MIGRATIONS.at(-1)?.version).toBe(DB_VERSION);
  });

  it('keep every answer of a version-1 database, readable by lesson', async () => {
    const records = await createVersion1Database();

    const db = await openProgressDb();
    const store = createIdbStore(db);

    expect(db.version).toBe(DB_VERSION);
    expect(await store.getAllAnswers()).toHaveLength(LESSONS.length * QUESTIONS.length);
    for (const lessonId of LESSONS) {
      expect(await store.getAnswers(lessonId)).toEqual(records.filter((r) => r.lessonId === lessonId));
    }
    expect([...db.objectStoreNames]).toEqual([
      'answers',
      'checklist',
      'lessons',
      'reviews',
      'sealed',
      'settings',
    ]);
  });

  it('find the answers the first release saved, under the database name it used', async () => {
    const records = await createVersion1Database('safe-online');

    expect(await createIdbStore(await openProgressDb()).getAllAnswers()).toHaveLength(records.length);
  });

  it('let a migrated database be used at once: a retry completes and is recorded', async () => {
    await createVersion1Database();
    const store = createIdbStore(await openProgressDb(), { now: () => 9_000 });

    await store.resetQuiz('passwords');
    for (const questionId of QUESTIONS)
      await store.saveAnswer(answer('passwords', questionId, true), QUESTIONS);
    await store.setChecklistItem('passwords', 'manager', true);

    expect(await store.getLessonRecords()).toMatchObject([
      { lessonId: 'passwords', bestPercent: 100, attempts: 1 },
    ]);
    expect(await store.getAnswers('phishing')).toHaveLength(QUESTIONS.length);
    expect(await store.getChecklist('passwords')).toMatchObject([{ itemId: 'manager', done: true }]);
  });

  it('give a fresh and a migrated database the same stores and indexes', async () => {
    const fresh = await openProgressDb({ name: 'fresh' });
    await createVersion1Database();
    const migrated = await openProgressDb();

    expect(describeSchema(migrated)).toEqual(describeSchema(fresh));
    expect(describeSchema(fresh)).toContainEqual({
      name: 'answers',
      keyPath: ['lessonId', 'questionId'],
      autoIncrement: false,
      indexes: [{ name: 'by-lesson', keyPath: 'lessonId', unique: false, multiEntry: false }],
    });
  });

  it('give a fresh database the stores, keys and indexes that shipped, under the names they shipped with', async () => {
    const db = await openProgressDb();
    const index = (name: string, keyPath: string) => ({ name, keyPath, unique: false, multiEntry: false });
    const store = (name: string, keyPath: string | string[] | null, indexes: unknown[]) => ({
      name,
      keyPath,
      autoIncrement: false,
      indexes,
    });

    expect(describeSchema(db)).toEqual([
      store('answers', ['lessonId', 'questionId'], [index('by-lesson', 'lessonId')]),
      store('checklist', ['lessonId', 'itemId'], [index('by-lesson', 'lessonId')]),
      store('lessons', 'lessonId', []),
      store('reviews', ['lessonId', 'questionId'], [index('by-due', 'due')]),
      store('sealed', null, []),
      store('settings', null, []),
    ]);
  });

  it('build an older version when asked for one, leaving out the later steps', async () => {
    const db = await openProgressDb({ version: 2 });

    expect(db.version).toBe(2);
    expect([...db.objectStoreNames]).toEqual(['answers', 'checklist', 'lessons', 'settings']);
  });

  it('run only the steps between the stored version and the requested one, in order', async () => {
    const ran: number[] = [];
    const steps: Migration[] = [1, 2, 3].map((version) => ({ version, migrate: () => ran.push(version) }));

    (await openProgressDb({ migrations: steps.slice(0, 2) })).close();
    expect(ran).toEqual([1, 2]);

    const db = await openProgressDb({ migrations: steps });
    expect(ran).toEqual([1, 2, 3]);
    expect(db.version).toBe(3);
  });

  it('refuse a list that is out of order, leaving the database as it was', async () => {
    (await openProgressDb()).close();
    const migrate = vi.fn();
    const steps: Migration[] = [
      ...MIGRATIONS,
      { version: DB_VERSION + 2, migrate },
      { version: DB_VERSION + 1, migrate },
    ];

    await expect(openProgressDb({ migrations: steps })).rejects.toThrow();
    expect(migrate).not.toHaveBeenCalled();
    expect((await openProgressDb()).version).toBe(DB_VERSION);
  });

  it('refuse a list that names a version twice, leaving the database as it was', async () => {
    (await openProgressDb()).close();
    const migrate = vi.fn();
    const steps: Migration[] = [
      ...MIGRATIONS,
      { version: DB_VERSION + 1, migrate },
      { version: DB_VERSION + 1, migrate },
    ];

    await expect(openProgressDb({ migrations: steps })).rejects.toThrow();
    expect(migrate).not.toHaveBeenCalled();
    expect((await openProgressDb()).version).toBe(DB_VERSION);
  });

  it('keep everything of a version-2 database when the review queue is added', async () => {
    const v2 = await openProgressDb({ migrations: MIGRATIONS.slice(0, 2) });
    const answers = QUESTIONS.slice(0, 3).map((questionId) => ({
      ...answer('passwords', questionId, true),
      answeredAt: 7,
    }));
    const lesson = { lessonId: 'passwords', bestPercent: 100, completedAt: 7, attempts: 1, updatedAt: 7 };
    const item = { lessonId: 'passwords', itemId: 'manager', done: true, updatedAt: 7 };
    for (const record of answers) await v2.put('answers', record);
    await v2.put('lessons', lesson);
    await v2.put('checklist', item);
    await v2.put('settings', 'ur', 'locale');
    v2.close();

    const store = createIdbStore(await openProgressDb(), { now: () => 9 });
    expect(await store.snapshot()).toEqual({
      answers,
      lessons: [lesson],
      checklist: [item],
      settings: [['locale', 'ur']],
      reviews: [],
    });
  });
});
