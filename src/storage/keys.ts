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
}

function buckets(): StorageBuckets | undefined {
  return (globalThis as { navigator?: { storageBuckets?: StorageBuckets } }).navigator?.storageBuckets;
}

/** The bucket's name, or the database's where there are no buckets, for the progress database `name`. */
export function keyStoreName(name: string): string {
  return `${name}-key`;
}

async function keyFactory(name: string): Promise<IDBFactory> {
  const api = buckets();
  if (!api) return indexedDB;
  const bucket = await api.open(keyStoreName(name), { durability: 'strict', persisted: true });
  return bucket.indexedDB;
}

function openKeyDb(factory: IDBFactory, name: string): Promise<IDBPDatabase> {
  const request = factory.open(keyStoreName(name), 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE);
  return wrap(request) as Promise<IDBPDatabase>;
}

/** The keys of the progress database `name`; new ones the first time. */
export async function loadKeys(name: string): Promise<ProgressKeys> {
  const db = await openKeyDb(await keyFactory(name), name);
  try {
    const stored = (await db.get(STORE, ENTRY)) as ProgressKeys | undefined;
    if (stored) return stored;
    const keys = await newKeys();
    await db.put(STORE, keys, ENTRY);
    return keys;
  } finally {
    db.close();
  }
}

/** Destroys the keys of the progress database `name`; resolves to false when it could not. */
export async function destroyKeys(name: string): Promise<boolean> {
  try {
    const api = buckets();
    if (api) {
      await api.delete(keyStoreName(name));
      return true;
    }
    return await deleteDatabase(keyStoreName(name), 3_000);
  } catch {
    return false;
  }
}
