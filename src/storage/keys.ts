/**
 * Where the keys live. Progress is only ever written encrypted, so destroying these keys makes
 * every record left on the disk unreadable, whatever the storage engine keeps of them.
 *
 * Where the browser has Storage Buckets (Chromium), the keys sit alone in a bucket of their own:
 * deleting a bucket removes its files, whereas a deleted IndexedDB database leaves its records on
 * the disk until the engine compacts them. Elsewhere they sit in a small database of their own.
 */
import { type IDBPDatabase, wrap } from 'idb';
import { newKeys, type ProgressKeys } from './cipher';
import { deleteDatabase } from './lifecycle';

// Stryker disable next-line StringLiteral: the names only need to be the same for writing and reading
const STORE = 'key';
// Stryker disable next-line StringLiteral: as above
const ENTRY = 'data';

/** The part of the Storage Buckets API used here (not yet in TypeScript's DOM types). */
interface StorageBuckets {
  open(
    name: string,
    options?: { durability?: 'strict' | 'relaxed'; persisted?: boolean },
  ): Promise<{
    indexedDB: IDBFactory;
  }>;
  delete(name: string): Promise<void>;
  keys(): Promise<string[]>;
}

function buckets(): StorageBuckets | undefined {
  return (globalThis as { navigator?: { storageBuckets?: StorageBuckets } }).navigator?.storageBuckets;
}

/** The bucket's name, or the database's where there are no buckets, for the progress database `name`. */
export function keyStoreName(name: string): string {
  return `${name}-key`;
}

async function keyFactory(storeName: string): Promise<IDBFactory> {
  const api = buckets();
  if (!api) return indexedDB;
  const bucket = await api.open(storeName, { durability: 'strict', persisted: true });
  return bucket.indexedDB;
}

function openKeyDb(factory: IDBFactory, storeName: string): Promise<IDBPDatabase> {
  const request = factory.open(storeName, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE);
  return wrap(request) as Promise<IDBPDatabase>;
}

/**
 * Runs `work` on the one-entry store `storeName` (a bucket of its own, or a database where there
 * are no buckets), created if missing; the app lock keeps its wrapped keys in one too.
 */
export async function withKeyStore<T>(
  storeName: string,
  work: (db: IDBPDatabase, store: string, entry: string) => Promise<T>,
): Promise<T> {
  const db = await openKeyDb(await keyFactory(storeName), storeName);
  try {
    return await work(db, STORE, ENTRY);
  } finally {
    db.close();
  }
}

/** Whether the store `storeName` exists, found without creating it. */
export async function keyStoreExists(storeName: string): Promise<boolean> {
  const api = buckets();
  if (api) return (await api.keys()).includes(storeName);
  return (await indexedDB.databases()).some((db) => db.name === storeName);
}

/** The keys of the progress database `name`; new ones the first time. */
export function loadKeys(name: string): Promise<ProgressKeys> {
  return withKeyStore(keyStoreName(name), async (db) => {
    const stored = (await db.get(STORE, ENTRY)) as ProgressKeys | undefined;
    if (stored) return stored;
    const keys = await newKeys();
    await db.put(STORE, keys, ENTRY);
    return keys;
  });
}

/** Keeps `keys` as the unwrapped keys of the progress database `name` (the lock turned off). */
export function storeKeys(name: string, keys: ProgressKeys): Promise<void> {
  return withKeyStore(keyStoreName(name), async (db) => {
    await db.put(STORE, keys, ENTRY);
  });
}

/** Destroys the store `storeName` with its files where buckets allow; false when it could not. */
export async function destroyKeyStore(storeName: string): Promise<boolean> {
  try {
    const api = buckets();
    if (api) {
      await api.delete(storeName);
      return true;
    }
    return await deleteDatabase(storeName, 3_000);
  } catch {
    return false;
  }
}

/** Destroys the keys of the progress database `name`; resolves to false when it could not. */
export function destroyKeys(name: string): Promise<boolean> {
  return destroyKeyStore(keyStoreName(name));
}
