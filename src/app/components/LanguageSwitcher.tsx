/** The language control shown at the top of every page. */
import { t } from '../../i18n';
import { availableLocales, isLocale, LOCALE_NAMES } from '../../shared/locales';
import { chooseLocale } from '../language';
import type { Route } from '../router';

export function LanguageSwitcher({ route }: { route: Route }) {
  return (
    <label class="language-switcher">
      {/* A globe: the same in every script, so a reader can find it in any language. */}
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
        <path
          d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        />
      </svg>
      <span class="visually-hidden">{t('nav.language')}</span>
      <LocaleSelect route={route} />
    </label>
  );
}

/** The list of languages; choosing one switches the app to it on the same page. */
export function LocaleSelect({ route }: { route: Route }) {
  return (
    <select
      value={route.locale}
      onChange={(event) => {
        const locale = event.currentTarget.value;
        if (isLocale(locale)) chooseLocale(locale, route);
      }}
    >
      {availableLocales().map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </select>
  );
}
