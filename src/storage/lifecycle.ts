/** Opening and deleting the progress database, and reacting to other tabs and to the browser closing it. */
import { deleteDB, type IDBPDatabase, openDB } from 'idb';
import { applyMigrations, MIGRATIONS, type Migration } from './migrations';
import { DB_NAME, DB_VERSION, type ProgressSchema } from './schema';

/** An open connection to the progress database. */
export type ProgressDb = IDBPDatabase<ProgressSchema>;

/** Something that happened to the connection that the page may want to tell the learner about. */
export type StorageEvent =
  /** Another tab holds an older version open; this open waits until that tab closes. */
  | { type: 'blocked' }
  /** Another tab wants a newer version: this connection has closed itself, the page should reload. */
  | { type: 'blocking' }
  /** The browser closed the connection (storage cleared, disk error, …). */
  | { type: 'terminated' };

/** Options of `openProgressDb`; name, version and migrations exist so tests can inject their own. */
export interface OpenProgressDbOptions {
  name?: string;
  /** Defaults to the version of the last migration. */
  version?: number;
  migrations?: readonly Migration[];
  onEvent?: (event: StorageEvent) => void;
}

/** Opens (creating or upgrading as needed) the progress database. */
export async function openProgressDb(options: OpenProgressDbOptions = {}): Promise<ProgressDb> {
  const { name = DB_NAME, migrations = MIGRATIONS, onEvent = () => {} } = options;
  const version = options.version ?? migrations.at(-1)?.version ?? DB_VERSION;
  const db: ProgressDb = await openDB<ProgressSchema>(name, version, {
    // An open's upgrade always goes to the version asked for (`newVersion` is null only when deleting).
    upgrade(database, oldVersion, _newVersion, tx) {
      // A failed upgrade already rejects the open; this keeps its `done` from rejecting unhandled too.
      tx.done.catch(() => {});
      applyMigrations(migrations, database, tx, oldVersion, version);
    },
    blocked() {
      onEvent({ type: 'blocked' });
    },
    blocking() {
      // The event goes out before closing so a listener can still start a last read transaction;
      // close() lets running transactions finish before the newer version proceeds.
      try {
        onEvent({ type: 'blocking' });
      } finally {
        db.close();
      }
    },
    terminated() {
      onEvent({ type: 'terminated' });
    },
  });
  return db;
}

/**
 * Deletes the database `name`. Resolves to false when the browser refused, or when another open tab
 * kept it from being deleted within `timeoutMs`; never rejects.
 */
export function deleteDatabase(name: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const settle = (deleted: boolean) => {
      clearTimeout(timer);
      resolve(deleted);
    };
    try {
      // While another tab keeps the database open the request just waits: the timer decides then.
      deleteDB(name).then(
        () => settle(true),
        () => settle(false),
      );
    } catch {
      // Where opening throws (some sandboxed frames, some private modes), deleting throws too.
      settle(false);
    }
  });
}
