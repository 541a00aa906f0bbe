/** Installing the app: the browser's own prompt where it offers one, and whether the app is installed. */

/** The `beforeinstallprompt` event (Chromium browsers), not yet in TypeScript's DOM types. */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** True when the app runs installed (from the home screen), where no install offer makes sense. */
export function isInstalled(): boolean {
  return (
    matchMedia('(display-mode: standalone)').matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true
  );
}

/** Safari on iPhone and iPad has no install prompt: the learner adds the app from the Share menu. */
export function needsManualInstall(): boolean {
  return /iPhone|iPad|iPod/.test(navigator.userAgent) && !isInstalled();
}

/**
 * Keeps the browser's install offer for later (it comes once, early); `onChange` hears when it
 * arrives and when the app was installed.
 */
export function watchInstallPrompt(onChange: (prompt: InstallPromptEvent | null) => void): void {
  addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    onChange(event as InstallPromptEvent);
  });
  addEventListener('appinstalled', () => onChange(null));
}
