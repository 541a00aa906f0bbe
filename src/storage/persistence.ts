/** Asking the browser not to evict progress when the device runs low on space. */
import type { ProgressStore } from './progress';
import { PERSIST_SETTING } from './schema';

/** The part of `navigator.storage` used here; missing in old browsers and insecure contexts. */
export interface PersistManager {
  persist?: () => Promise<boolean>;
}

const requests = new WeakMap<ProgressStore, Promise<boolean>>();

function defaultManager(): PersistManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

async function ask(store: ProgressStore, manager: PersistManager | undefined): Promise<boolean> {
  try {
    const previous = await store.getSetting(PERSIST_SETTING);
    if (typeof previous === 'boolean') return previous;
    // Stryker disable next-line ConditionalExpression,OptionalChaining: without persist() the call below throws, and the catch returns the same false
    if (typeof manager?.persist !== 'function') return false;
    const granted = await manager.persist().catch(() => false);
    await store.setSetting(PERSIST_SETTING, granted);
    return granted;
  } catch {
    return false;
  }
}

/**
 * Calls `navigator.storage.persist()` at most once per store (remembered in its settings, so once
 * per browser profile with IndexedDB). Resolves to whether persistence was granted; never rejects.
 */
export function requestPersistence(
  store: ProgressStore,
  manager: PersistManager | undefined = defaultManager(),
): Promise<boolean> {
  const pending = requests.get(store) ?? ask(store, manager);
  requests.set(store, pending);
  return pending;
}
