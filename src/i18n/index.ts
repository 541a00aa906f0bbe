/** i18next for interface strings: English is built in, other languages load when chosen. */
import i18next, { type i18n as I18n } from 'i18next';
import en from '../../locales/en.json';
import { isLocale, type Locale, PSEUDO_LOCALE, SOURCE_LOCALE } from '../shared/locales';

export const i18n: I18n = i18next.createInstance();

/** Other languages are separate files, fetched (and precached) only when needed. */
const loaders = import.meta.glob<Record<string, unknown>>(
  ['../../locales/*.json', '!../../locales/en.json'],
  {
    import: 'default',
  },
);

/** Starts i18next in `locale` (falling back to English for anything missing). */
export async function initI18n(locale: Locale): Promise<void> {
  await i18n.init({
    lng: SOURCE_LOCALE,
    fallbackLng: SOURCE_LOCALE,
    // Any language may be added later (setLanguage); i18next falls back to English for a missing key.
    supportedLngs: false,
    resources: { en: { translation: en } },
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });
  await setLanguage(locale);
}

/** Switches the interface language, loading its strings first; `<html lang dir>` follow. */
export async function setLanguage(locale: string): Promise<Locale> {
  const target: Locale = isLocale(locale) ? locale : SOURCE_LOCALE;
  if (!i18n.hasResourceBundle(target, 'translation')) {
    if (import.meta.env.DEV && target === PSEUDO_LOCALE) {
      const { pseudoResources } = await import('./pseudo');
      i18n.addResourceBundle(target, 'translation', pseudoResources(en));
    }
    const load = loaders[`../../locales/${target}.json`];
    if (load) i18n.addResourceBundle(target, 'translation', await load());
  }
  await i18n.changeLanguage(target);
  document.documentElement.lang = target;
  document.documentElement.dir = i18n.dir(target);
  return target;
}

/** Translates a key of locales/en.json. */
export const t = i18n.t.bind(i18n);
