/** Tells the app, through listeners, when progress storage needs the learner's attention. */

/** Why progress is kept in memory only. */
export type MemoryReason = 'unavailable' | 'failed' | 'private';

/** A change of storage the app may show a calm notice about. */
export type StorageStatus =
  /** Progress is kept for this session only: IndexedDB is missing or stopped working, or the learner asked. */
  | { kind: 'memory'; reason: MemoryReason }
  /** Another tab runs an older version of the app; storage opens once it is closed. */
  | { kind: 'blocked' }
  /** Another tab runs a newer version; this page keeps progress in memory and should be reloaded. */
  | { kind: 'blocking' };

/** A function told about each status change. */
export type StorageStatusListener = (status: StorageStatus) => void;

const listeners = new Set<StorageStatusListener>();

/** Subscribes to status changes; returns the unsubscribe function. */
export function onStorageStatus(listener: StorageStatusListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every listener; a throwing listener neither stops the others nor the storage call. */
export function emitStorageStatus(status: StorageStatus): void {
  for (const listener of [...listeners]) {
    try {
      listener(status);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
