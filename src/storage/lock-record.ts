/**
 * What the app lock keeps beside the progress: the wrapped keys (wrap.ts), the interface language
 * (needed before unlocking; a language reveals little), the lock's options, the count of wrong
 * tries (so a reload does not reset the delay), and the ids of records a turn-on has still to
 * delete. It sits alone in a store of its own (a Storage Bucket where the browser has them), apart
 * from the unwrapped keys' store, which is destroyed, files and all, while the lock is on.
 */
import { keyStoreExists, withKeyStore } from './keys';
import type { Slot } from './wrap';

/** The app lock as stored. */
export interface LockRecord {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  /** The real keys and the decoy's (or random bytes), in random order. */
  slots: [Slot, Slot];
  /** The interface language, for the lock screen. */
  locale: string | null;
  /** How long the app may stay in the background before it locks, in milliseconds. */
  lockAfter: number;
  /** Wrong tries that erase everything; 0 for never. */
  eraseAfter: number;
  /** Wrong tries since the last right one. */
  failures: number;
  /** No try is taken before this time (milliseconds since the epoch). */
  waitUntil: number;
  /** Ids of records under the keys a turn-on replaced, still to delete. */
  retire: string[];
}

/** The lock's store, for the progress database `name`. */
export function lockStoreName(name: string): string {
  return `${name}-lock`;
}

/** The lock of the progress database `name`, or null when it has none (without creating its store). */
export async function readLock(name: string): Promise<LockRecord | null> {
  if (!(await keyStoreExists(lockStoreName(name)))) return null;
  return withKeyStore(
    lockStoreName(name),
    async (db, store, entry) => ((await db.get(store, entry)) as LockRecord | undefined) ?? null,
  );
}

/** Stores `record` as the lock of `name`; resolves once it is on the disk. */
export function writeLock(name: string, record: LockRecord): Promise<void> {
  return withKeyStore(lockStoreName(name), async (db, store, entry) => {
    await db.put(store, record, entry);
  });
}

/** Changes the lock of `name` in one transaction; resolves to the record written, or null if none. */
export async function updateLock(
  name: string,
  change: (record: LockRecord) => LockRecord,
): Promise<LockRecord | null> {
  // Never creates the store: a lock erased meanwhile stays erased.
  if (!(await keyStoreExists(lockStoreName(name)))) return null;
  return withKeyStore(lockStoreName(name), async (db, store, entry) => {
    const tx = db.transaction(store, 'readwrite');
    const record = (await tx.store.get(entry)) as LockRecord | undefined;
    if (!record) return null;
    const next = change(record);
    await Promise.all([tx.store.put(next, entry), tx.done]);
    return next;
  });
}

/** The wait after `failures` wrong tries: none for 3, then 30 s, doubling, at most 15 minutes. */
export function retryDelay(failures: number): number {
  if (failures <= 3) return 0;
  return Math.min(30_000 * 2 ** (failures - 4), 15 * 60_000);
}
