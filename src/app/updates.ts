/** App state of the service worker: whether an update waits, and whether the app works offline. */
import { observable } from './state';

export const updateReady = observable(false);
export const offlineReady = observable(false);

let activate: () => Promise<void> = async () => {};

/** Registers the service worker and feeds the observables above. */
export async function startUpdates(): Promise<void> {
  // Loaded after the first page is shown: registering the worker is not urgent.
  const { startServiceWorker } = await import('../pwa/register');
  activate = startServiceWorker({
    onUpdateReady: () => updateReady.set(true),
    onOfflineReady: () => offlineReady.set(true),
  });
}

/** Activates the waiting version and reloads; called only when the learner chose "Update now". */
export function applyUpdate(): Promise<void> {
  return activate();
}
