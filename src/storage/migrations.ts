/** Schema migrations of the progress database, applied in order during an upgrade. */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import {
  ANSWERS,
  BY_DUE,
  BY_LESSON,
  CHECKLIST,
  LESSONS,
  type ProgressSchema,
  REVIEWS,
  SEALED,
  SETTINGS,
} from './schema';

/** The versionchange transaction an upgrade runs in. */
export type UpgradeTransaction = IDBPTransaction<
  ProgressSchema,
  StoreNames<ProgressSchema>[],
  'versionchange'
>;

/** One schema step: `migrate` turns a database at the previous version into one at `version`. */
export interface Migration {
  version: number;
  /** Runs inside the upgrade transaction: it must be synchronous or only issue requests on `tx`. */
  migrate(db: IDBPDatabase<ProgressSchema>, tx: UpgradeTransaction): void;
}

// Key paths are written out rather than shared with the rest of the code: a migration describes
// a schema that once shipped, so it must never change when the current schema does.
/** Every migration, oldest first; the last version is `DB_VERSION`. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    migrate(db) {
      db.createObjectStore(ANSWERS, { keyPath: ['lessonId', 'questionId'] });
    },
  },
  {
    version: 2,
    migrate(db, tx) {
      tx.objectStore(ANSWERS).createIndex(BY_LESSON, 'lessonId');
      db.createObjectStore(LESSONS, { keyPath: 'lessonId' });
      db.createObjectStore(CHECKLIST, { keyPath: ['lessonId', 'itemId'] }).createIndex(BY_LESSON, 'lessonId');
      db.createObjectStore(SETTINGS);
    },
  },
  {
    version: 3,
    migrate(db) {
      db.createObjectStore(REVIEWS, { keyPath: ['lessonId', 'questionId'] }).createIndex(BY_DUE, 'due');
    },
  },
  {
    // Encrypted records; what the older stores hold is moved here, encrypted, once the database is
    // open (encryption cannot run inside the upgrade), and they are emptied in the same step.
    version: 4,
    migrate(db) {
      db.createObjectStore(SEALED);
    },
  },
];

/** Runs, in order, every migration with `oldVersion < version <= newVersion`. */
export function applyMigrations(
  migrations: readonly Migration[],
  db: IDBPDatabase<ProgressSchema>,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
): void {
  migrations.forEach((migration, i) => {
    const previous = migrations[i - 1];
    if (previous && previous.version >= migration.version) {
      // Stryker disable next-line StringLiteral: the open rejects with an AbortError; this message only reaches the console
      throw new Error(`Migrations out of order: ${previous.version} before ${migration.version}`);
    }
  });
  for (const migration of migrations) {
    if (migration.version > oldVersion && migration.version <= newVersion) migration.migrate(db, tx);
  }
}
