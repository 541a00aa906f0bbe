/**
 * Get help: services for the learner's country, then international ones. The country is asked
 * once and kept as a setting; the list can be searched and printed as a one-page card.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { entriesFor, type HelpEntry } from '../../shared/help';
import { usePageHeading } from '../hooks';
import { setTitle } from '../title';
import { HelpEntryCard, localText } from './HelpEntry';
import { COUNTRY_CHOICES, type CountryChoice, saveCountry, savedCountry } from './help-country';
import { useLoaded } from './use-loaded';

/** Everything a search can match: the name, what it helps with (in this language) and the description. */
function searchText(entry: HelpEntry, locale: string): string {
  return [entry.name, localText(entry.about, locale).text, ...entry.helps.map((c) => t(`help.category.${c}`))]
    .join(' ')
    .toLocaleLowerCase(locale);
}

/** Asks once which country the learner is in (the Help now page asks with it too). */
export function CountryChooser({ onChoose }: { onChoose: (country: CountryChoice) => void }) {
  return (
    <fieldset class="choices help-country-choice">
      <legend>{t('help.whereAreYou')}</legend>
      {COUNTRY_CHOICES.map((country) => (
        <button key={country} type="button" class="button button-quiet" onClick={() => onChoose(country)}>
          {t(`help.country.${country}`)}
        </button>
      ))}
    </fieldset>
  );
}

export default function HelpPage({ locale }: { locale: string }) {
  const directory = useLoaded(() => import('virtual:help').then((module) => module.default), []);
  const [country, setCountry] = useState<CountryChoice | null | 'loading'>('loading');
  const [query, setQuery] = useState('');
  const heading = usePageHeading<HTMLHeadingElement>(directory !== null && country !== 'loading');
  useEffect(() => {
    setTitle(t('help.title'));
    let live = true;
    void savedCountry().then((saved) => live && setCountry(saved));
    return () => {
      live = false;
    };
  }, []);
  const choose = (next: CountryChoice) => {
    setCountry(next);
    void saveCountry(next);
  };
  const shown = useMemo(() => {
    if (!directory || directory === 'failed' || !country || country === 'loading') return [];
    const words = query.trim().toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
    return entriesFor(directory, country).filter((entry) => {
      const text = searchText(entry, locale);
      return words.every((word) => text.includes(word));
    });
  }, [directory, country, query, locale]);

  if (directory === null || country === 'loading') return <p class="loading">{t('app.loading')}</p>;
  if (directory === 'failed') return <p class="notice notice-error">{t('help.unavailable')}</p>;
  const now = new Date();
  const status = locale === 'en' ? undefined : directory.translations?.[locale];
  return (
    <div class="page help">
      <h1 ref={heading} tabIndex={-1}>
        {t('help.title')}
      </h1>
      {status && status !== 'reviewed' && <p class="badge">{t(`lesson.unreviewed.${status}`)}</p>}
      <p class="lede">{t('help.lede')}</p>
      {country === null ? (
        <CountryChooser onChoose={choose} />
      ) : (
        <>
          <div class="help-tools">
            <label class="field">
              <span>{t('help.country.label')}</span>
              <select
                value={country}
                onChange={(event) => choose(event.currentTarget.value as CountryChoice)}
              >
                {COUNTRY_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`help.country.${choice}`)}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{t('help.search')}</span>
              <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
            </label>
          </div>
          <p class="help-print-title">{t('help.cardTitle', { country: t(`help.country.${country}`) })}</p>
          {shown.length === 0 ? (
            <p role="status">{t('help.noMatch')}</p>
          ) : (
            <ul class="help-list">
              {shown.map((entry) => (
                <HelpEntryCard key={entry.id} entry={entry} locale={locale} now={now} />
              ))}
            </ul>
          )}
          <p class="help-print">
            <button type="button" class="button button-quiet" onClick={() => print()}>
              {t('help.print')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}
