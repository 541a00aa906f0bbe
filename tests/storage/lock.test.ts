/**
 * The app lock: progress keys wrapped under a PIN, a growing wait after wrong tries, a decoy PIN
 * that opens an empty app, and turning the lock on without losing anything at any step.
 */
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../src/storage';
import { readLock } from '../../src/storage/lock-record';
import { changeSecret, setDecoy, turnLockOff, turnLockOn, unlock } from '../../src/storage/locking';
import { DB_NAME, SEALED } from '../../src/storage/schema';
import {
  deriveWrappingKey,
  importKeys,
  newKeyBytes,
  newSalt,
  openSlot,
  randomSlot,
  wrapSlot,
} from '../../src/storage/wrap';
import { abortAfterWrite, answer, freshStorageEachTest, manualClock } from './helpers';
import {
  ALL,
  abortWritesTo,
  DECOY,
  databases,
  erase,
  FAST,
  lockOn,
  PIN,
  recordIds,
  refuseToDelete,
  seen,
  someProgress,
  start,
} from './lock-helpers';

describe('the wrapped keys', () => {
  it('open with the secret they were wrapped under, and with nothing else', async () => {
    const salt = newSalt();
    const bytes = newKeyBytes();
    const slot = await wrapSlot(await deriveWrappingKey(PIN, salt, 1_000), 'real', bytes);

    const opened = await openSlot(await deriveWrappingKey(PIN, salt, 1_000), slot);
    expect(opened?.role).toBe('real');
    expect(opened?.keyBytes).toEqual(bytes);
    expect(await openSlot(await deriveWrappingKey('246811', salt, 1_000), slot)).toBeNull();
    expect(await openSlot(await deriveWrappingKey(PIN, salt, 1_000), randomSlot())).toBeNull();
    // A decoy's place without a decoy looks like a wrapped slot.
    expect(randomSlot().data.length).toBe(slot.data.length);
    const keys = await importKeys(bytes);
    expect(keys.data.extractable).toBe(false);
    expect(keys.names.extractable).toBe(false);
  });
});

describe('turning the lock on', () => {
  freshStorageEachTest();

  it('moves every record to new keys and leaves no unwrapped key and no old record', async () => {
    await someProgress();
    const before = await recordIds();

    await lockOn();

    const after = await recordIds();
    expect(after).toHaveLength(before.length);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    expect(await databases()).toEqual([DB_NAME, `${DB_NAME}-lock`]);
    expect((await readLock(DB_NAME))?.locale).toBe('ur');
    expect(await seen(await start(PIN))).toEqual(ALL);
  });

  it('refuses a wrong PIN, and the app then shows nothing', async () => {
    await someProgress();
    await lockOn();

    expect(await unlock(DB_NAME, '000000', erase)).toMatchObject({ ok: false, problem: 'wrong' });
    // Opened without the keys the PIN unwraps, the app finds no progress.
    expect((await seen(await openStorage())).answers).toEqual([]);
  });

  it.each([
    ['the records written again', () => abortAfterWrite('sealed')],
    ['the lock written', () => abortWritesTo(`${DB_NAME}-lock`, 'put')],
    ['the unwrapped keys destroyed', () => refuseToDelete(`${DB_NAME}-key`)],
    ['the old records deleted', () => abortWritesTo(DB_NAME, 'delete')],
  ])('loses nothing when cut short at %s', async (_step, cut) => {
    await someProgress();
    const before = await recordIds();
    cut();
    await lockOn().catch(() => {});
    vi.restoreAllMocks();
    vi.unstubAllGlobals();

    const locked = (await readLock(DB_NAME)) !== null;
    expect(await seen(await start(PIN))).toEqual(ALL);
    if (locked) {
      // The next unlock finished the job: no unwrapped key, no record under the old keys.
      expect(await databases()).toEqual([DB_NAME, `${DB_NAME}-lock`]);
      expect((await recordIds()).filter((id) => before.includes(id))).toEqual([]);
    }
  });
});

describe('export and import with the lock on', () => {
  freshStorageEachTest();

  it('export everything, and an import is kept under the wrapped keys', async () => {
    await someProgress();
    await lockOn();
    const { store, close } = await start(PIN);
    const exported = await store.snapshot();
    expect(exported.answers.map((one) => one.lessonId)).toEqual(['passwords', 'phishing']);
    await store.replaceAll({
      ...exported,
      checklist: [
        ...exported.checklist,
        { lessonId: 'phishing', itemId: 'report', done: true, updatedAt: 1 },
      ],
    });
    close();

    expect((await seen(await start(PIN))).ticks).toEqual(['manager', 'report']);
    expect(await databases()).toEqual([DB_NAME, `${DB_NAME}-lock`]);
  });
});

describe('wrong tries', () => {
  freshStorageEachTest();

  it('make the next try wait, longer each time, even after the app is opened again', async () => {
    await someProgress();
    await lockOn();
    const clock = manualClock(1_000_000);
    const wrong = () => unlock(DB_NAME, '111111', erase, clock.now);

    for (let i = 0; i < 3; i++)
      expect(await wrong()).toMatchObject({ problem: 'wrong', waitUntil: clock.now() });
    expect(await wrong()).toMatchObject({ problem: 'wrong', waitUntil: clock.now() + 30_000 });
    // Even the right PIN waits: the count is on the disk, not in the page.
    expect(await unlock(DB_NAME, PIN, erase, clock.now)).toMatchObject({ problem: 'wait' });
    expect((await readLock(DB_NAME))?.failures).toBe(4);
    clock.advance(30_000);
    expect(await wrong()).toMatchObject({ problem: 'wrong', waitUntil: clock.now() + 60_000 });
    clock.advance(60_000);

    expect(await unlock(DB_NAME, PIN, erase, clock.now)).toMatchObject({ ok: true, role: 'real' });
    expect((await readLock(DB_NAME))?.failures).toBe(0);
  });

  it('erase everything at the count the learner chose', async () => {
    await someProgress();
    const { store, close } = await openStorage();
    const snapshot = await store.snapshot();
    close();
    await turnLockOn(DB_NAME, snapshot, PIN, { ...FAST, eraseAfter: 5 });
    const clock = manualClock(1_000_000);

    for (let i = 0; i < 4; i++) {
      expect(await unlock(DB_NAME, '111111', erase, clock.now)).toMatchObject({ problem: 'wrong' });
      clock.advance(15 * 60_000);
    }
    expect(await unlock(DB_NAME, '111111', erase, clock.now)).toEqual({ ok: false, problem: 'erased' });
    expect(await databases()).toEqual([]);
  });
});

describe('the decoy PIN', () => {
  freshStorageEachTest();

  it('opens an empty app that can neither see nor harm the real progress', async () => {
    await someProgress();
    await lockOn();
    expect(await setDecoy(DB_NAME, PIN, DECOY)).toBe('done');

    const decoy = await unlock(DB_NAME, DECOY, erase);
    if (!decoy.ok) throw new Error('the decoy PIN did not open');
    expect(decoy.role).toBe('decoy');
    const opened = await openStorage({ keys: decoy.keys });
    expect(await opened.store.snapshot()).toMatchObject({ answers: [], checklist: [], settings: [] });
    await opened.store.saveAnswer(answer('passwords', 'q1', false), ['q1']);
    await opened.store.setSetting('text-size', '100');
    // An import replaces everything the decoy holds: only its own records.
    await opened.store.replaceAll({ answers: [], lessons: [], checklist: [], settings: [], reviews: [] });
    await opened.store.saveAnswer(answer('phishing', 'q2', true), ['q2']);
    opened.close();
    // The decoy cannot turn the lock off, change it or rewrap the real keys.
    expect(await turnLockOff(DB_NAME, DECOY)).toBe('refused');
    expect(await changeSecret(DB_NAME, DECOY, '999999')).toBe('refused');
    expect(await setDecoy(DB_NAME, DECOY, '999999')).toBe('refused');

    expect(await seen(await start(PIN))).toEqual(ALL);
    const again = await unlock(DB_NAME, DECOY, erase);
    expect(again.ok && (await seen(await openStorage({ keys: again.keys })))).toEqual({
      answers: ['phishing/q2'],
      ticks: [],
      textSize: undefined,
    });
  });

  it('must differ from the real PIN, and the real PIN can change without losing it', async () => {
    await someProgress();
    await lockOn();
    expect(await setDecoy(DB_NAME, PIN, PIN)).toBe('same');
    expect(await setDecoy(DB_NAME, PIN, DECOY)).toBe('done');
    expect(await changeSecret(DB_NAME, PIN, DECOY)).toBe('same');

    expect(await changeSecret(DB_NAME, PIN, '777777')).toBe('done');

    expect(await unlock(DB_NAME, PIN, erase)).toMatchObject({ problem: 'wrong' });
    expect(await seen(await start('777777'))).toEqual(ALL);
    expect(await unlock(DB_NAME, DECOY, erase)).toMatchObject({ ok: true, role: 'decoy' });
  });
});

describe('turning the lock off, and erasing', () => {
  freshStorageEachTest();

  it('turning off goes back to unwrapped keys and drops the decoy', async () => {
    await someProgress();
    await lockOn();
    await setDecoy(DB_NAME, PIN, DECOY);
    const decoy = await unlock(DB_NAME, DECOY, erase);
    const opened = decoy.ok ? await openStorage({ keys: decoy.keys }) : null;
    await opened?.store.saveAnswer(answer('passwords', 'q9', true), ['q9']);
    opened?.close();

    expect(await turnLockOff(DB_NAME, '000000')).toBe('wrong');
    expect(await turnLockOff(DB_NAME, PIN)).not.toBeTypeOf('string');

    expect(await databases()).toEqual([DB_NAME, `${DB_NAME}-key`]);
    expect(await recordIds()).toHaveLength(3);
    expect(await seen(await start())).toEqual(ALL);
  });

  it('destroys the wrapped keys first, so records left on the disk never open again', async () => {
    await someProgress();
    await lockOn();
    const db = await openDB(DB_NAME);
    const copy = await Promise.all(
      (await db.getAllKeys(SEALED)).map(async (id) => [id, await db.get(SEALED, id)]),
    );
    db.close();
    const deleted: string[] = [];
    const deleteDatabase = indexedDB.deleteDatabase.bind(indexedDB);
    vi.spyOn(indexedDB, 'deleteDatabase').mockImplementation((name) => {
      deleted.push(name);
      return deleteDatabase(name);
    });

    expect(await erase()).toBe(true);

    expect(deleted[0]).toBe(`${DB_NAME}-lock`);
    // What the disk may still hold of the records, put back: the right PIN opens none of it.
    const back = await openStorage();
    back.close();
    const restored = await openDB(DB_NAME);
    for (const [id, record] of copy) await restored.put(SEALED, record, id as string);
    restored.close();
    expect(await unlock(DB_NAME, PIN, erase)).toEqual({ ok: false, problem: 'none' });
    expect((await seen(await start())).answers).toEqual([]);
  });
});
