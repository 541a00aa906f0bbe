/** The app's single way to the progress store: opened once, shared by every page. */
import { endOfDay } from '../shared/review';
import {
  deleteProgressDatabase,
  type OpenedStorage,
  onStorageStatus,
  openStorage,
  type ProgressKeys,
  type ProgressSummary,
  type StorageStatus,
} from '../storage';
import { lockSession } from './lock/session';
import { privateSession } from './private-session';
import { observable } from './state';

/** The latest storage problem to tell the learner about, if any. */
export const storageStatus = observable<StorageStatus | null>(null);
onStorageStatus((status) => storageStatus.set(status));

let opened: Promise<OpenedStorage> | undefined;
/** The keys the app lock opened, while it is on; without them the store uses the unwrapped keys. */
let unlockedKeys: ProgressKeys | undefined;

/** Opens progress from now on with the keys the app lock gave (or, undefined, the unwrapped ones). */
export function setUnlockedKeys(keys: ProgressKeys | undefined): void {
  unlockedKeys = keys;
}

/** The progress store, opened on first use. Never rejects: it falls back to memory. */
export async function progressStore() {
  if (!opened) {
    // A private session keeps nothing on the phone: it erases the database first, even what a
    // switch cut short may have left.
    const privately = privateSession();
    // A private session erases the lock with everything else: its keys no longer apply.
    if (privately) {
      unlockedKeys = undefined;
      lockSession.set(null);
    }
    const ready = privately ? deleteProgressDatabase() : Promise.resolve(true);
    opened = ready
      .then(() => openStorage({ private: privately, keys: unlockedKeys }))
      .then((result) => {
        // Storage opened after all: the tab that held an older version was closed.
        if (storageStatus.get()?.kind === 'blocked') storageStatus.set(null);
        return result;
      });
  }
  return (await opened).store;
}

/** Set once everything was erased: the app then shows only a short note, and opens no storage. */
export const erased = observable(false);

/** Closes the database connection (before erasing it); the next use opens it again. */
export async function closeProgressStore(): Promise<void> {
  const current = opened;
  opened = undefined;
  if (current) (await current).close();
}

/** Makes `storage` the store every page uses from now on, closing the one before. */
export async function replaceProgressStore(storage: OpenedStorage): Promise<void> {
  await closeProgressStore();
  opened = Promise.resolve(storage);
}

/** Bumped after every save, so pages that show progress reload it. */
export const progressVersion = observable(0);

let cached: { version: number; summary: Promise<ProgressSummary> } | undefined;

/**
 * An overview of what was saved, read once per change: pages that list lessons share one read
 * until something is saved again.
 */
export function savedProgress(): Promise<ProgressSummary> {
  const version = progressVersion.get();
  if (cached?.version !== version) {
    cached = { version, summary: progressStore().then((store) => store.summary(endOfDay(Date.now()))) };
  }
  return cached.summary;
}

/** Marks progress as changed. */
export function progressChanged(): void {
  progressVersion.set(progressVersion.get() + 1);
}

/** Settings key of the lesson the learner opened last, for "Continue where you left off". */
export const LAST_LESSON_SETTING = 'last-lesson';

/** True while the learner has answered some but not all questions of the open lesson. */
export const quizInProgress = observable(false);
