/**
 * The page side of the service worker: register it, and when a new version is waiting let the
 * app ask the learner before reloading (never on its own).
 */
import { registerSW } from 'virtual:pwa-register';

export interface ServiceWorkerHandlers {
  /** A new version is installed and waits for the learner's consent. */
  onUpdateReady: () => void;
  /** The app is cached and works offline from now on. */
  onOfflineReady: () => void;
}

/** Registers the service worker; returns the function that activates a waiting update and reloads. */
export function startServiceWorker(handlers: ServiceWorkerHandlers): () => Promise<void> {
  if (!('serviceWorker' in navigator)) return async () => {};
  const update = registerSW({
    immediate: true,
    onNeedRefresh: handlers.onUpdateReady,
    onOfflineReady: handlers.onOfflineReady,
    // Registration fails on plain http away from localhost; the app then works online only.
    onRegisterError: () => {},
  });
  return async () => {
    // Reload once the new version controls the page. Listening here, rather than relying on
    // workbox-window's `controlling` event, also covers a version found in the same visit as
    // the first install, which workbox-window counts as "external" and does not reload for.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    await update(true);
  };
}
