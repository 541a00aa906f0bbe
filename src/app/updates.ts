/** App state of the service worker: whether an update waits, and whether the app works offline. */
import { type InstallPromptEvent, watchInstallPrompt } from '../pwa/install';
import { observable } from './state';

export const updateReady = observable(false);
/** The browser's install offer, when it made one and the app is not installed yet. */
export const installPrompt = observable<InstallPromptEvent | null>(null);
export const offlineReady = observable(false);

let activate: () => Promise<void> = async () => {};

/** Registers the service worker and feeds the observables above. */
export async function startUpdates(): Promise<void> {
  watchInstallPrompt((prompt) => installPrompt.set(prompt));
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
