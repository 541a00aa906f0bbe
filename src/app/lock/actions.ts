/**
 * What Settings does to the app lock: the storage steps (storage/locking.ts), then the session
 * moved to the new keys. In a decoy session every change is refused before it reaches storage.
 */
import { openStorage } from '../../storage';
import { readLock } from '../../storage/lock-record';
import {
  changeSecret,
  type LockChange,
  setDecoy,
  setLockOptions,
  turnLockOff,
  turnLockOn,
} from '../../storage/locking';
import { DB_NAME } from '../../storage/schema';
import { progressStore, replaceProgressStore, setUnlockedKeys } from '../progress';
import { announceLock } from './boot';
import { relockInBackground, stopRelocking } from './relock';
import { lockSession } from './session';

/** The fewest characters of a PIN (digits) or passphrase. */
export const MIN_SECRET = 6;

/** How long the app may stay in the background before it locks: at once, 1 minute, 5 minutes. */
export const LOCK_AFTER = [0, 60_000, 300_000] as const;
/** Wrong tries after which everything is erased; 0 for never. */
export const ERASE_AFTER = [0, 5, 10, 20] as const;

/** The options shown in Settings, or null when the lock is off. */
export async function lockOptions(): Promise<{ lockAfter: number; eraseAfter: number } | null> {
  const record = lockSession.get() ? await readLock(DB_NAME) : null;
  return record && { lockAfter: record.lockAfter, eraseAfter: record.eraseAfter };
}

/** Whether this session may change the lock: the decoy's never may. */
const refused = () => lockSession.get()?.decoy === true;

/** Turns the lock on with `secret`: every record moves to new keys, which the session uses from now. */
export async function lockWith(secret: string, lockAfter: number, locale: string): Promise<LockChange> {
  const snapshot = await (await progressStore()).snapshot();
  const keys = await turnLockOn(DB_NAME, snapshot, secret, { lockAfter, locale });
  setUnlockedKeys(keys);
  await replaceProgressStore(await openStorage({ keys }));
  lockSession.set({ decoy: false });
  relockInBackground(lockAfter);
  announceLock();
  return 'done';
}

/** Turns the lock off, after the current `secret`. */
export async function unlockForGood(secret: string): Promise<LockChange> {
  if (refused()) return 'refused';
  const outcome = await turnLockOff(DB_NAME, secret);
  if (typeof outcome === 'string') return outcome;
  setUnlockedKeys(undefined);
  await replaceProgressStore(await openStorage());
  lockSession.set(null);
  stopRelocking();
  return 'done';
}

/** Changes the PIN or passphrase from `secret` to `next`. */
export function changeLockSecret(secret: string, next: string): Promise<LockChange> {
  return refused() ? Promise.resolve('refused') : changeSecret(DB_NAME, secret, next);
}

/** Sets the decoy PIN, or with null removes it. */
export function changeDecoy(secret: string, decoy: string | null): Promise<LockChange> {
  return refused() ? Promise.resolve('refused') : setDecoy(DB_NAME, secret, decoy);
}

/** Changes when the app locks in the background, or after how many wrong tries it erases. */
export async function changeLockOptions(options: {
  lockAfter?: number;
  eraseAfter?: number;
}): Promise<LockChange> {
  if (refused()) return 'refused';
  await setLockOptions(DB_NAME, options);
  if (options.lockAfter !== undefined) relockInBackground(options.lockAfter);
  return 'done';
}

/** Keeps the interface language beside the lock, for the lock screen. */
export async function rememberLockLocale(locale: string): Promise<void> {
  await setLockOptions(DB_NAME, { locale });
}
