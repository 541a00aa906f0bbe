import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openProgressDb, type StorageEvent } from '../../src/storage/lifecycle';
import { MIGRATIONS, type Migration } from '../../src/storage/migrations';
import { createIdbStore } from '../../src/storage/progress';
import { DB_NAME, DB_VERSION } from '../../src/storage/schema';
import { answer, freshIndexedDB } from './helpers';

/** The migrations of a newer release of the app, one version ahead. */
function nextRelease(migrate: Migration['migrate'] = () => {}): Migration[] {
  return [...MIGRATIONS, { version: DB_VERSION + 1, migrate }];
}

describe('openProgressDb', () => {
  beforeEach(freshIndexedDB);

  it('opens a fresh database at the current version', async () => {
    const db = await openProgressDb();

    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
  });

  it('opens an existing database at the current version, unchanged, when given no migrations to run', async () => {
    const db = await openProgressDb();
    await createIdbStore(db).saveAnswer(answer('passwords', 'q1', true), ['q1']);
    db.close();

    const reopened = await openProgressDb({ migrations: [] });

    expect(reopened.version).toBe(DB_VERSION);
    expect(await createIdbStore(reopened).getAnswers('passwords')).toMatchObject([{ questionId: 'q1' }]);
  });

  it('keeps answers once saveAnswer resolves, for the next connection to read', async () => {
    const db = await openProgressDb();
    await createIdbStore(db, { now: () => 42 }).saveAnswer(answer('passwords', 'q1', true), ['q1']);
    db.close();

    const reopened = createIdbStore(await openProgressDb());
    expect(await reopened.getAnswers('passwords')).toEqual([
      { lessonId: 'passwords', questionId: 'q1', selected: ['right'], correct: true, answeredAt: 42 },
    ]);
    expect(await reopened.getLessonRecords()).toMatchObject([{ lessonId: 'passwords', bestPercent: 100 }]);
  });

  it('closes itself and says so when another tab opens a newer version, which then succeeds', async () => {
    const oldEvents: StorageEvent[] = [];
    const newEvents: StorageEvent[] = [];
    const old = await openProgressDb({ onEvent: (event) => oldEvents.push(event) });
    const migrate = vi.fn();

    const newer = await openProgressDb({
      migrations: nextRelease(migrate),
      onEvent: (e) => newEvents.push(e),
    });

    expect(oldEvents).toEqual([{ type: 'blocking' }]);
    expect(() => old.transaction('answers')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(migrate).toHaveBeenCalledOnce();
    expect(newEvents).toEqual([]);
  });

  it('reports blocked while an older connection stays open, and opens once it closes', async () => {
    (await openProgressDb()).close();
    const stubborn = await openDB(DB_NAME);
    let opened = false;
    let reportBlocked = () => {};
    const blocked = new Promise<void>((resolve) => {
      reportBlocked = resolve;
    });
    const opening = openProgressDb({
      migrations: nextRelease(),
      onEvent: (event) => {
        if (event.type === 'blocked') reportBlocked();
      },
    }).then((db) => {
      opened = true;
      return db;
    });

    await blocked;
    expect(opened).toBe(false);

    stubborn.close();
    expect((await opening).version).toBe(DB_VERSION + 1);
  });

  it('reports terminated when the browser closes the connection', async () => {
    const onEvent = vi.fn();
    const db = await openProgressDb({ onEvent });

    // fake-indexeddb types its parameter as the IDBDatabase constructor; it takes a connection.
    forceCloseDatabase(unwrap(db) as unknown as Parameters<typeof forceCloseDatabase>[0]);

    await vi.waitFor(() => expect(onEvent).toHaveBeenCalledWith({ type: 'terminated' }));
  });
});
