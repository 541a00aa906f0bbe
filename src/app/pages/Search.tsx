/** Offline search across lesson sections and the glossary, in the current language and in English. */
import type MiniSearch from 'minisearch';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { SOURCE_LOCALE } from '../../shared/locales';
import { QUERY_OPTIONS, type SearchHit } from '../../shared/search';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { loadCourse } from '../course';
import { useCourse, usePageHeading } from '../hooks';
import { setTitle } from '../title';
import { type Result, SearchResults } from './SearchResults';
import { loadIndex } from './search-index';

export default function SearchPage({ locale }: { locale: string }) {
  const course = useCourse(locale);
  const [indexes, setIndexes] = useState<{ locale: string; index: MiniSearch }[] | null>(null);
  const [query, setQuery] = useState('');
  const heading = usePageHeading<HTMLHeadingElement>(indexes !== null);

  useEffect(() => {
    setTitle(t('search.title'));
    if (!course || course === 'failed') return;
    let live = true;
    // The index loads only when the learner opens search; English too, for lessons not yet translated.
    const locales = locale === SOURCE_LOCALE ? [locale] : [locale, SOURCE_LOCALE];
    Promise.all(
      locales.map(async (each) => ({ locale: each, index: await loadIndex(await loadCourse(each)) })),
    ).then((loaded) => live && setIndexes(loaded));
    return () => {
      live = false;
    };
  }, [course, locale]);

  if (course === 'failed') return <CourseUnavailable />;
  const trimmed = query.trim();
  const results: Result[] = [];
  if (indexes && trimmed) {
    const started = performance.now();
    const seen = new Set<string>();
    for (const { locale: each, index } of indexes) {
      for (const hit of index.search(trimmed, QUERY_OPTIONS) as unknown as (SearchHit & {
        terms: string[];
      })[]) {
        if (seen.has(hit.id)) continue;
        seen.add(hit.id);
        results.push({ ...hit, locale: each });
      }
    }
    // A User Timing entry, read by `npm run bench`.
    performance.measure('search-query', { start: started });
  }
  const shown = results.slice(0, 30);
  return (
    <div class="page search">
      <h1 ref={heading} tabIndex={-1}>
        {t('search.title')}
      </h1>
      <label class="field">
        <span>{t('search.label')}</span>
        <input
          type="search"
          autocomplete="off"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      <p class="hint">{t('search.hint')}</p>
      {!indexes && <p class="loading">{t('app.loading')}</p>}
      <div role="status" class="search-count">
        {trimmed &&
          indexes &&
          (shown.length === 0
            ? t('search.none', { query: trimmed })
            : t('search.results', { count: results.length }))}
      </div>
      {shown.length > 0 && <SearchResults locale={locale} results={shown} />}
    </div>
  );
}
