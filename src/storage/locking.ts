/**
 * Turning the app lock on and off, unlocking, and changing the PIN or the decoy. The order of the
 * writes is chosen so that a crash or a closed tab at any moment loses no progress:
 *
 * On: (1) every record is written again under new keys, beside the old ones; (2) the lock is
 * stored, naming the old records; (3) the unwrapped keys' store is destroyed; (4) the old records
 * are deleted. Before (2) the old keys still open everything; from (2) on the PIN does, and the
 * next unlock finishes (3) and (4). Off: the decoy is dropped, then the unwrapped keys are stored,
 * then the lock destroyed; a lock found beside unwrapped keys wins, and unlocking destroys them.
 */
import type { ProgressKeys, SealedRecord } from './cipher';
import { decryptRecord } from './cipher';
import { destroyKeyStore, destroyKeys, storeKeys } from './keys';
import { openProgressDb } from './lifecycle';
import { type LockRecord, lockStoreName, readLock, retryDelay, updateLock, writeLock } from './lock-record';
import type { ProgressSnapshot } from './progress';
import { SEALED } from './schema';
import { openSealedStore } from './sealed';
import {
  deriveWrappingKey,
  importKeys,
  LOCK_ITERATIONS,
  newKeyBytes,
  newSalt,
  openSlot,
  type Role,
  randomSlot,
  wrapSlot,
} from './wrap';

/** Options of turning the lock on. */
export interface LockOptions {
  locale?: string | null;
  lockAfter?: number;
  eraseAfter?: number;
  /** PBKDF2 work; only tests lower it. */
  iterations?: number;
  now?: () => number;
}

/** What an unlock attempt came to. */
export type UnlockOutcome =
  | { ok: true; keys: ProgressKeys; role: Role }
  | { ok: false; problem: 'wrong' | 'wait'; waitUntil: number }
  | { ok: false; problem: 'erased' | 'none' };

/** What a change to the lock came to; `refused` when the PIN given opens only the decoy. */
export type LockChange = 'done' | 'wrong' | 'refused' | 'same' | 'none';

/** Ids of every encrypted record in the database `name`. */
async function storedIds(name: string): Promise<string[]> {
  // Stryker disable next-line ObjectLiteral: the app has one progress database, of the default name; other names are for tests
  const db = await openProgressDb({ name });
  try {
    return (await db.getAllKeys(SEALED)) as string[];
    // Stryker disable next-line BlockStatement: left open, the connection closes itself when erasing or a newer tab asks (lifecycle.ts)
  } finally {
    db.close();
  }
}

/** Deletes the records `ids` (or, with `keep`, every record those keys cannot open). */
async function deleteRecords(name: string, ids: string[] | { keep: ProgressKeys }): Promise<void> {
  // Stryker disable next-line ObjectLiteral: the app has one progress database, of the default name; other names are for tests
  const db = await openProgressDb({ name });
  try {
    let doomed: string[];
    if (Array.isArray(ids)) doomed = ids;
    else {
      const tx = db.transaction(SEALED);
      const [keys, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
      const opens = await Promise.all(
        keys.map((id, i) =>
          decryptRecord(ids.keep, id, records[i] as SealedRecord).then(
            () => true,
            // Stryker disable next-line ArrowFunction: undefined is as false as false to the filter below
            () => false,
          ),
        ),
      );
      doomed = keys.filter((_, i) => !opens[i]);
    }
    // Stryker disable next-line ConditionalExpression: a transaction with nothing to delete deletes nothing; the check only spares it
    if (doomed.length === 0) return;
    const tx = db.transaction(SEALED, 'readwrite');
    await Promise.all([...doomed.map((id) => tx.store.delete(id)), tx.done]);
    // Stryker disable next-line BlockStatement: left open, the connection closes itself when erasing or a newer tab asks (lifecycle.ts)
  } finally {
    db.close();
  }
}

/**
 * Turns the lock on for the progress database `name`, which holds `snapshot`: new keys, wrapped
 * under `secret`, and every record moved to them. Resolves to the new keys, for the open session.
 */
export async function turnLockOn(
  name: string,
  snapshot: ProgressSnapshot,
  secret: string,
  options: LockOptions = {},
): Promise<ProgressKeys> {
  const iterations = options.iterations ?? LOCK_ITERATIONS;
  const salt = newSalt();
  const keyBytes = newKeyBytes();
  const [keys, wrapping] = await Promise.all([
    importKeys(keyBytes),
    deriveWrappingKey(secret, salt, iterations),
  ]);
  const real = await wrapSlot(wrapping, 'real', keyBytes);
  keyBytes.fill(0);
  const retire = await storedIds(name);
  // (1) Every record again, under the new keys and their new ids.
  // Stryker disable next-line ObjectLiteral: the app has one progress database, of the default name; other names are for tests
  const db = await openProgressDb({ name });
  try {
    // Stryker disable next-line ObjectLiteral: replaceAll writes the snapshot's own times, so the clock is never read here
    await (await openSealedStore(db, keys, { now: options.now })).replaceAll(snapshot);
    // Stryker disable next-line BlockStatement: left open, the connection closes itself when erasing or a newer tab asks (lifecycle.ts)
  } finally {
    db.close();
  }
  // (2) The lock, with the slots in random order.
  // Stryker disable next-line EqualityOperator: either comparison splits the byte's values into two halves of 128 or 129: the order stays random
  const realFirst = (crypto.getRandomValues(new Uint8Array(1))[0] ?? 0) < 128;
  const decoy = randomSlot();
  await writeLock(name, {
    salt,
    iterations,
    slots: realFirst ? [real, decoy] : [decoy, real],
    locale: options.locale ?? null,
    lockAfter: options.lockAfter ?? 0,
    eraseAfter: options.eraseAfter ?? 0,
    failures: 0,
    waitUntil: 0,
    retire,
  });
  // (3) and (4): what an unlock would finish.
  await finishPending(name, retire);
  return keys;
}

/** Destroys unwrapped keys left beside the lock, then deletes the records a turn-on retired. */
async function finishPending(name: string, retire: string[]): Promise<void> {
  if (!(await destroyKeys(name))) return;
  // Stryker disable next-line ConditionalExpression: with nothing retired, deleting none and writing the empty list again change nothing
  if (retire.length === 0) return;
  await deleteRecords(name, retire);
  await updateLock(name, (record) => ({ ...record, retire: [] }));
}

/** The slot `secret` opens in `record`, with its index. */
async function openWith(record: LockRecord, secret: string) {
  const wrapping = await deriveWrappingKey(secret, record.salt, record.iterations);
  for (const [index, slot] of record.slots.entries()) {
    const opened = await openSlot(wrapping, slot);
    if (opened) return { ...opened, index, wrapping };
  }
  return null;
}

/**
 * Tries `secret` on the lock of `name`. A wrong one is counted, on the disk, and makes the next
 * try wait (see retryDelay); at the learner's chosen count it erases everything, via `erase`.
 */
export async function unlock(
  name: string,
  secret: string,
  erase: () => Promise<unknown>,
  now: () => number = Date.now,
): Promise<UnlockOutcome> {
  const record = await readLock(name);
  if (!record) return { ok: false, problem: 'none' };
  if (now() < record.waitUntil) return { ok: false, problem: 'wait', waitUntil: record.waitUntil };
  const opened = await openWith(record, secret);
  if (!opened) {
    const failures = record.failures + 1;
    const waitUntil = now() + retryDelay(failures);
    if (record.eraseAfter > 0 && failures >= record.eraseAfter) {
      await erase();
      return { ok: false, problem: 'erased' };
    }
    await updateLock(name, (current) => ({ ...current, failures, waitUntil }));
    return { ok: false, problem: 'wrong', waitUntil };
  }
  const keys = await importKeys(opened.keyBytes);
  opened.keyBytes.fill(0);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no wrong try counted, the count and the wait are 0 already: writing 0 again changes nothing
  if (record.failures > 0) await updateLock(name, (current) => ({ ...current, failures: 0, waitUntil: 0 }));
  // Safe from either slot: the retired ids are the old keys' records, never the real or decoy ones.
  await finishPending(name, record.retire);
  return { ok: true, keys, role: opened.role };
}

/** Opens the real slot with `secret`, or says why not; the decoy's PIN is refused here. */
async function realSlot(
  name: string,
  secret: string,
): Promise<
  { problem: LockChange } | { record: LockRecord; opened: NonNullable<Awaited<ReturnType<typeof openWith>>> }
> {
  const record = await readLock(name);
  if (!record) return { problem: 'none' };
  const opened = await openWith(record, secret);
  if (!opened) return { problem: 'wrong' };
  if (opened.role !== 'real') return { problem: 'refused' };
  return { record, opened };
}

/** Turns the lock off: the progress goes back under unwrapped (still non-extractable) keys. */
export async function turnLockOff(name: string, secret: string): Promise<LockChange | ProgressKeys> {
  const found = await realSlot(name, secret);
  if ('problem' in found) return found.problem;
  const { opened } = found;
  const keys = await importKeys(opened.keyBytes);
  opened.keyBytes.fill(0);
  // The decoy's records go first: with the lock off, nothing could open them.
  await updateLock(name, (record) => ({
    ...record,
    slots: record.slots.map((slot, i) => (i === opened.index ? slot : randomSlot())) as LockRecord['slots'],
  }));
  await deleteRecords(name, { keep: keys });
  await storeKeys(name, keys);
  await destroyKeyStore(lockStoreName(name));
  return keys;
}

/** Wraps the real keys under `next` instead, keeping the salt so that a decoy stays usable. */
export async function changeSecret(name: string, secret: string, next: string): Promise<LockChange> {
  const found = await realSlot(name, secret);
  if ('problem' in found) return found.problem;
  const { record, opened } = found;
  const wrapping = await deriveWrappingKey(next, record.salt, record.iterations);
  const other = record.slots[1 - opened.index];
  if (other && (await openSlot(wrapping, other))) return 'same';
  const slot = await wrapSlot(wrapping, 'real', opened.keyBytes);
  opened.keyBytes.fill(0);
  await updateLock(name, (current) => ({
    ...current,
    slots: current.slots.map((old, i) => (i === opened.index ? slot : old)) as LockRecord['slots'],
  }));
  return 'done';
}

/**
 * Sets (or, with `decoy` null, removes) the decoy PIN: new, empty keys in the second slot. The
 * records of a decoy it replaces are deleted; the real ones are never touched.
 */
export async function setDecoy(name: string, secret: string, decoy: string | null): Promise<LockChange> {
  const found = await realSlot(name, secret);
  if ('problem' in found) return found.problem;
  const { record, opened } = found;
  let slot = randomSlot();
  if (decoy !== null) {
    const wrapping = await deriveWrappingKey(decoy, record.salt, record.iterations);
    if (await openSlot(wrapping, record.slots[opened.index] as LockRecord['slots'][0])) return 'same';
    slot = await wrapSlot(wrapping, 'decoy', newKeyBytes());
  }
  const realKeys = await importKeys(opened.keyBytes);
  opened.keyBytes.fill(0);
  await updateLock(name, (current) => ({
    ...current,
    slots: current.slots.map((old, i) => (i === opened.index ? old : slot)) as LockRecord['slots'],
  }));
  await deleteRecords(name, { keep: realKeys });
  return 'done';
}

/** Changes the lock's options (not its keys): language, background time, erase after. */
export function setLockOptions(
  name: string,
  options: Partial<Pick<LockRecord, 'locale' | 'lockAfter' | 'eraseAfter'>>,
): Promise<unknown> {
  return updateLock(name, (record) => ({ ...record, ...options }));
}
