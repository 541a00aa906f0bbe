/** Learner progress storage: IndexedDB when it works, memory for the session when it does not. */

import type { ProgressKeys } from './cipher';
import type { FallbackStore } from './fallback';
import type { OpenProgressDbOptions, ProgressDb, StorageEvent } from './lifecycle';
import type { ProgressStore, StoreOptions } from './progress';
import { DB_NAME } from './schema';
import { emitStorageStatus, type MemoryReason } from './status';

export type { ProgressKeys } from './cipher';
export type { ProgressDb, StorageEvent } from './lifecycle';
export type { ProgressSnapshot, ProgressStore, ProgressSummary } from './progress';
export type { AnswerInput } from './records';
export type { AnswerRecord, ChecklistRecord, LessonRecord } from './schema';
export type { MemoryReason, StorageStatus, StorageStatusListener } from './status';
export { onStorageStatus } from './status';

/** Options of `openStorage`: the clock, and the database name, version and migrations for tests. */
export type OpenStorageOptions = Omit<OpenProgressDbOptions, 'onEvent'> &
  StoreOptions & {
    /** A private session: progress in memory only, nothing written to the phone. */
    private?: boolean;
    /** The keys an unlock opened, while the app lock is on; else the stored unwrapped keys. */
    keys?: ProgressKeys;
  };

/** The store to use for the session and where it keeps progress. */
export interface OpenedStorage {
  store: ProgressStore;
  mode: 'idb' | 'memory';
  reason?: MemoryReason;
  /** Closes the database connection, e.g. before deleting it. */
  close(): void;
}

// Reading `indexedDB` itself throws a SecurityError in some sandboxed frames.
function hasIndexedDB(): boolean {
  try {
    return typeof indexedDB !== 'undefined' && indexedDB !== null;
  } catch {
    // As good as missing.
  }
  return false;
}

async function inMemory(reason: MemoryReason, now: (() => number) | undefined): Promise<OpenedStorage> {
  emitStorageStatus({ kind: 'memory', reason });
  // Loaded only when needed: most phones never fall back.
  const { createMemoryStore } = await import('./memory');
  return { store: createMemoryStore({ now }), mode: 'memory', reason, close: () => {} };
}

/** Opens progress storage; never rejects, falling back to memory and telling `onStorageStatus` listeners. */
export async function openStorage(options: OpenStorageOptions = {}): Promise<OpenedStorage> {
  const { now, private: privately, keys, ...open } = options;
  if (privately) return inMemory('private', now);
  if (!hasIndexedDB()) return inMemory('unavailable', now);

  let fallback: FallbackStore | undefined;
  const onEvent = (event: StorageEvent) => {
    if (event.type === 'blocked') emitStorageStatus({ kind: 'blocked' });
    // Stryker disable next-line OptionalChaining: fallback is set in the task the connection opens in, before another tab can reach it
    if (event.type === 'blocking') void fallback?.switchToMemory({ kind: 'blocking' });
    // Stryker disable next-line OptionalChaining,ConditionalExpression: as above; and 'blocked' comes only before fallback exists, 'blocking' already switched
    if (event.type === 'terminated') void fallback?.switchToMemory({ kind: 'memory', reason: 'failed' });
  };

  let db: ProgressDb;
  let sealed: ProgressStore;
  let withFallback: typeof import('./fallback').withFallback;
  try {
    // Loaded with the first page, not before it: the database, its keys and its encryption.
    const [{ openProgressDb }, fallbackModule, { openSealedStore }, { loadKeys }] = await Promise.all([
      import('./lifecycle'),
      import('./fallback'),
      import('./sealed'),
      import('./keys'),
    ]);
    withFallback = fallbackModule.withFallback;
    db = await openProgressDb({ ...open, onEvent });
    try {
      sealed = await openSealedStore(db, keys ?? (await loadKeys(db.name)), { now });
      // Stryker disable next-line BlockStatement: left open, the connection closes itself when erasing or a newer tab asks
    } catch (error) {
      db.close();
      throw error;
    }
  } catch {
    return inMemory('failed', now);
  }
  fallback = withFallback(sealed, {
    now,
    onSwitch: emitStorageStatus,
    // Stryker disable next-line ArrowFunction: unseen if left open: nothing reads it after the switch, and it closes itself when a newer tab asks
    release: () => db.close(),
  });
  return { store: fallback.store, mode: 'idb', close: () => db.close() };
}

/**
 * Deletes the progress of this browser profile (after the app closed its own connection): the
 * wrapped keys of the app lock and the keys first, which leaves whatever the disk still holds of
 * the database unreadable, then the database. Resolves to false when either could not be deleted, when the browser refused, or when
 * another open tab kept the database from being deleted within `timeoutMs`; never rejects.
 */
export async function deleteProgressDatabase(name = DB_NAME, timeoutMs = 3_000): Promise<boolean> {
  if (!hasIndexedDB()) return true;
  const [{ destroyKeys, destroyKeyStore }, { lockStoreName }, { deleteDatabase }] = await Promise.all([
    import('./keys'),
    import('./lock-record'),
    import('./lifecycle'),
  ]);
  const lock = await destroyKeyStore(lockStoreName(name));
  const key = (await destroyKeys(name)) && lock;
  const database = await deleteDatabase(name, timeoutMs);
  return key && database;
}
