/** First launch: the learner picks a language, preselected from the browser's languages. */
import { useState } from 'preact/hooks';
import { setLanguage, t } from '../../i18n';
import { availableLocales, direction, LOCALE_NAMES, type Locale, matchLocale } from '../../shared/locales';
import { usePageHeading } from '../hooks';
import { chooseLocale } from '../language';

export function ChooseLanguagePage() {
  const [selected, setSelected] = useState<Locale>(() => matchLocale(navigator.languages ?? []));
  const heading = usePageHeading<HTMLHeadingElement>(true);
  const pick = (locale: Locale) => {
    setSelected(locale);
    // Show the page's own words in the language being picked.
    void setLanguage(locale);
  };
  return (
    <form
      class="page choose-language"
      onSubmit={(event) => {
        event.preventDefault();
        chooseLocale(selected, null);
      }}
    >
      <h1 ref={heading} tabIndex={-1}>
        {t('language.chooseTitle')}
      </h1>
      <fieldset class="language-options">
        <legend class="visually-hidden">{t('nav.language')}</legend>
        {availableLocales().map((locale) => (
          <label key={locale} class="language-option" lang={locale} dir={direction(locale)}>
            <input
              type="radio"
              name="locale"
              value={locale}
              checked={selected === locale}
              onChange={() => pick(locale)}
            />
            <span>{LOCALE_NAMES[locale]}</span>
          </label>
        ))}
      </fieldset>
      <p class="hint">{t('language.chooseIntro')}</p>
      <button type="submit" class="button">
        {t('language.continue')}
      </button>
    </form>
  );
}
