/** The learner's language: remembered on this device, and part of every address. */
import { isLocale, type Locale } from '../shared/locales';
import { lockSession } from './lock/session';
import { progressStore } from './progress';
import { type Route, withLocale } from './router';

const LOCALE_SETTING = 'locale';

/** The language chosen earlier on this device, if any. */
export async function savedLocale(): Promise<Locale | null> {
  const store = await progressStore();
  const value = await store.getSetting(LOCALE_SETTING).catch(() => undefined);
  return typeof value === 'string' && isLocale(value) ? value : null;
}

/** Remembers `locale` for the next visit. */
export async function saveLocale(locale: Locale): Promise<void> {
  const store = await progressStore();
  await store.setSetting(LOCALE_SETTING, locale).catch(() => {});
  // The lock screen speaks the learner's language: it is kept beside the lock, readable before it opens.
  if (lockSession.get())
    await import('./lock/actions').then((lock) => lock.rememberLockLocale(locale)).catch(() => {});
}

/** Switches to `locale` on the same page, and remembers it. */
export function chooseLocale(locale: Locale, route: Route | null): void {
  void saveLocale(locale);
  location.hash = withLocale(route, locale);
}
