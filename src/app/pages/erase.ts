/** "Erase all my data": progress, settings, saved lessons and the service worker, from this phone. */
import { deleteProgressDatabase } from '../../storage';
import { closeProgressStore, erased } from '../progress';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function unregisterWorkers(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
}

/** Deletes every cache; a worker still finishing its install may write one again, so look twice. */
async function deleteCaches(): Promise<boolean> {
  if (!('caches' in window)) return true;
  for (let attempt = 0; attempt < 10; attempt++) {
    const keys = await caches.keys();
    if (keys.length === 0 && attempt > 0) return true;
    await Promise.all(keys.map((key) => caches.delete(key)));
    await pause(200);
  }
  return (await caches.keys()).length === 0;
}

/** Removes everything the app keeps in this browser; resolves to false if something could not be removed. */
export async function eraseEverything(): Promise<boolean> {
  await closeProgressStore();
  // The worker goes first, so it cannot put the saved lessons back while they are deleted.
  await unregisterWorkers().catch(() => {});
  const [database, cachesGone] = await Promise.all([
    deleteProgressDatabase(),
    deleteCaches().catch(() => false),
  ]);
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage may be disabled; there is then nothing in it either.
  }
  erased.set(true);
  return database && cachesGone;
}
