/**
 * i18next for interface strings. English shell strings are built in; other languages, and the
 * strings of pages that load lazily, arrive with them (see src/compiler/strings-plugin.ts).
 */

import { englishShell, loaders } from 'virtual:strings';
import i18next, { type i18n as I18n } from 'i18next';
import { isLocale, type Locale, PSEUDO_LOCALE, SOURCE_LOCALE } from '../shared/locales';

export const i18n: I18n = i18next.createInstance();

const loaded = new Set<string>();
let pagesWanted = false;

/** Adds one part of a language's strings, once. */
async function add(locale: string, part: 'shell' | 'pages'): Promise<void> {
  const key = `${locale}/${part}`;
  if (loaded.has(key)) return;
  let strings: Record<string, unknown> | undefined;
  if (import.meta.env.DEV && locale === PSEUDO_LOCALE) {
    const [{ pseudoResources }, english] = await Promise.all([
      import('./pseudo'),
      part === 'shell' ? { default: englishShell } : loaders[SOURCE_LOCALE]?.pages(),
    ]);
    strings = pseudoResources((english?.default ?? {}) as Parameters<typeof pseudoResources>[0]);
  } else {
    strings = (await loaders[locale]?.[part]?.())?.default;
  }
  if (strings) i18n.addResourceBundle(locale, 'translation', strings, true, false);
  loaded.add(key);
}

/** Starts i18next in `locale` (falling back to English for anything missing). */
export async function initI18n(locale: Locale): Promise<void> {
  // Started already (for the lock screen): a second init would drop the strings loaded since.
  if (i18n.isInitialized) {
    await setLanguage(locale);
    return;
  }
  await i18n.init({
    lng: SOURCE_LOCALE,
    fallbackLng: SOURCE_LOCALE,
    // Any language may be added later (setLanguage); i18next falls back to English for a missing key.
    supportedLngs: false,
    resources: { en: { translation: englishShell } },
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });
  loaded.add(`${SOURCE_LOCALE}/shell`);
  await setLanguage(locale);
}

/** Loads the strings of the lazily loaded pages, in English and the current language. */
export async function loadPageStrings(): Promise<void> {
  pagesWanted = true;
  await Promise.all([add(SOURCE_LOCALE, 'pages'), add(i18n.language, 'pages')]);
}

/** Switches the interface language, loading its strings first; `<html lang dir>` follow. */
export async function setLanguage(locale: string): Promise<Locale> {
  const target: Locale = isLocale(locale) ? locale : SOURCE_LOCALE;
  await Promise.all([add(target, 'shell'), pagesWanted ? add(target, 'pages') : undefined]);
  await i18n.changeLanguage(target);
  document.documentElement.lang = target;
  document.documentElement.dir = i18n.dir(target);
  return target;
}

/** Translates a key of locales/en.json. */
export const t = i18n.t.bind(i18n);
