/**
 * Whether the app lock is on in this session, and whether the decoy PIN opened it. Set once at
 * start (lock/boot.ts) and when the lock is turned on or off; tiny, so the first page can ask.
 */
import { observable } from '../state';

/** The lock in this session: null when it is off. */
export interface LockSession {
  decoy: boolean;
}

/** The lock's state in this session. */
export const lockSession = observable<LockSession | null>(null);
