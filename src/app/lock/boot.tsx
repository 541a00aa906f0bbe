/**
 * The app lock at start: when it is on, the lock screen comes first, and nothing of the progress
 * is read until the PIN or passphrase opened its keys. Kept apart from the rest of the app so a
 * disguised build can show it as the lock of its cover.
 */
import { render } from 'preact';
import { initI18n, loadPageStrings } from '../../i18n';
import { isLocale, type Locale, matchLocale } from '../../shared/locales';
import { readLock } from '../../storage/lock-record';
import { DB_NAME } from '../../storage/schema';
import { setUnlockedKeys } from '../progress';
import { relockInBackground } from './relock';
import { lockSession } from './session';

// The same channel sends and listens: a channel does not hear its own messages.
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${DB_NAME}-lock`);

// Another tab turned the lock on: this one still holds the old keys, so it locks, by reloading.
if (channel) channel.onmessage = () => location.reload();

/** Tells the app's other tabs that the lock was turned on, so that they lock too. */
export function announceLock(): void {
  channel?.postMessage('locked');
}

/** What an unlock opened: the real progress, or the decoy's. */
export interface Unlocked {
  decoy: boolean;
}

/**
 * When the app lock is on, shows the lock screen in `root` (in `locale`, else the language kept
 * beside the lock) and resolves once it opened; resolves to null at once when there is no lock.
 */
export async function unlockIfLocked(
  root: HTMLElement,
  locale: Locale | undefined,
): Promise<Unlocked | null> {
  const record = await readLock(DB_NAME);
  if (!record) return null;
  const kept = record.locale && isLocale(record.locale) ? record.locale : undefined;
  await initI18n(locale ?? kept ?? matchLocale(navigator.languages ?? []));
  const [{ LockScreen }] = await Promise.all([import('./LockScreen'), loadPageStrings()]);
  const opened = await new Promise<Unlocked>((resolve) => {
    render(
      <LockScreen
        onOpen={(keys, decoy) => {
          setUnlockedKeys(keys);
          resolve({ decoy });
        }}
      />,
      root,
    );
  });
  render(null, root);
  lockSession.set({ decoy: opened.decoy });
  relockInBackground(record.lockAfter);
  return opened;
}
