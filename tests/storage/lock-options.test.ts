/**
 * The app lock's record beside the progress: looking for a lock or changing its options never
 * makes one, the options a learner chose are kept, a lock cut short stays openable, and what the
 * lock keeps says nothing about the progress it once moved.
 */
import { describe, expect, it, vi } from 'vitest';
import { deleteProgressDatabase, openStorage } from '../../src/storage';
import { readLock } from '../../src/storage/lock-record';
import {
  changeSecret,
  setDecoy,
  setLockOptions,
  turnLockOff,
  turnLockOn,
  unlock,
} from '../../src/storage/locking';
import { DB_NAME } from '../../src/storage/schema';
import { LOCK_ITERATIONS } from '../../src/storage/wrap';
import { freshStorageEachTest } from './helpers';
import {
  ALL,
  abortWritesTo,
  DECOY,
  databases,
  erase,
  FAST,
  lockOn,
  PIN,
  refuseToDelete,
  seen,
  someProgress,
  start,
} from './lock-helpers';

describe('without a lock', () => {
  freshStorageEachTest();

  it('looking for one, or changing its options, leaves no trace of a lock on the disk', async () => {
    await someProgress();

    expect(await readLock(DB_NAME)).toBeNull();
    expect(await setLockOptions(DB_NAME, { locale: 'hi' })).toBeNull();

    expect(await databases()).toEqual([DB_NAME, `${DB_NAME}-key`]);
    expect(await seen(await start())).toEqual(ALL);
  });

  it('turning it off, changing the PIN or the decoy says there is none', async () => {
    await someProgress();

    expect(await turnLockOff(DB_NAME, PIN)).toBe('none');
    expect(await changeSecret(DB_NAME, PIN, '777777')).toBe('none');
    expect(await setDecoy(DB_NAME, PIN, DECOY)).toBe('none');
    expect(await databases()).toEqual([DB_NAME, `${DB_NAME}-key`]);
  });
});

describe('the lock’s options', () => {
  freshStorageEachTest();

  it('are kept as the learner chose them, and changed without touching the keys', async () => {
    await someProgress();
    const { store, close } = await openStorage();
    const snapshot = await store.snapshot();
    close();
    await turnLockOn(DB_NAME, snapshot, PIN, { ...FAST, lockAfter: 60_000, eraseAfter: 10 });
    expect(await readLock(DB_NAME)).toMatchObject({ lockAfter: 60_000, eraseAfter: 10, locale: null });

    await setLockOptions(DB_NAME, { lockAfter: 300_000, locale: 'ms' });

    expect(await readLock(DB_NAME)).toMatchObject({ lockAfter: 300_000, eraseAfter: 10, locale: 'ms' });
    expect(await seen(await start(PIN))).toEqual(ALL);
  });

  it('use the full work of 600,000 rounds unless told otherwise', async () => {
    await turnLockOn(DB_NAME, { answers: [], lessons: [], checklist: [], settings: [], reviews: [] }, PIN);

    expect((await readLock(DB_NAME))?.iterations).toBe(LOCK_ITERATIONS);
    expect(LOCK_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('changed after a turn-on was cut short before the lock was written, leave the app opening as before', async () => {
    await someProgress();
    abortWritesTo(`${DB_NAME}-lock`, 'put');
    await lockOn().catch(() => {});
    vi.restoreAllMocks();

    // The interface language is kept beside the lock whenever it changes.
    await setLockOptions(DB_NAME, { locale: 'ur' });

    expect(await readLock(DB_NAME)).toBeNull();
    expect(await seen(await start())).toEqual(ALL);
  });
});

describe('what the lock keeps', () => {
  freshStorageEachTest();

  it('names no record of the progress it moved, once an unlock finished the move', async () => {
    await someProgress();
    refuseToDelete(`${DB_NAME}-key`);
    await lockOn().catch(() => {});
    vi.restoreAllMocks();
    // How many records were retired would say how many lessons the learner had begun.
    expect((await readLock(DB_NAME))?.retire.length).toBeGreaterThan(0);

    expect(await seen(await start(PIN))).toEqual(ALL);

    expect((await readLock(DB_NAME))?.retire).toEqual([]);
  });

  it('tells the learner to wait, without opening, when the right PIN comes too soon', async () => {
    await someProgress();
    await lockOn();
    for (let i = 0; i < 4; i++) await unlock(DB_NAME, '111111', erase, () => 1_000);
    const waitUntil = (await readLock(DB_NAME))?.waitUntil;

    expect(await unlock(DB_NAME, PIN, erase, () => 1_000)).toEqual({ ok: false, problem: 'wait', waitUntil });
  });
});

describe('turning the lock off', () => {
  freshStorageEachTest();

  it('cut short before the unwrapped keys are stored, still opens with the PIN, the decoy dropped', async () => {
    await someProgress();
    await lockOn();
    expect(await setDecoy(DB_NAME, PIN, DECOY)).toBe('done');
    abortWritesTo(`${DB_NAME}-key`, 'put');
    await expect(turnLockOff(DB_NAME, PIN)).rejects.toThrow();
    vi.restoreAllMocks();

    expect(await unlock(DB_NAME, DECOY, erase)).toMatchObject({ ok: false, problem: 'wrong' });
    expect(await seen(await start(PIN))).toEqual(ALL);
  });
});

describe('erasing with the lock on', () => {
  freshStorageEachTest();

  it('says it failed when the lock’s keys could not be deleted', async () => {
    await someProgress();
    await lockOn();
    refuseToDelete(`${DB_NAME}-lock`);

    expect(await deleteProgressDatabase(DB_NAME)).toBe(false);
  });
});
