/**
 * Search results grouped by lesson: its title once, then each matching section as a link, with a
 * line of the section's text around the match and the matched words marked.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { SearchHit } from '../../shared/search';
import { textLang } from '../components/text-lang';
import { href } from '../router';
import { markWords, type SnippetPiece, snippet } from './search-snippet';
import { type ResultTexts, resultTexts, textOf, textsKey } from './search-texts';

/** A result as the search page has it: the index's language, and the words it matched. */
export interface Result extends SearchHit {
  locale: string;
  /** The index's (lower-case) words the query matched in this result. */
  terms: string[];
}

interface Group {
  key: string;
  locale: string;
  kind: SearchHit['kind'];
  title: string;
  hits: Result[];
}

/** Results in their order, gathered under their lesson (terms under the glossary), best first. */
function grouped(results: Result[]): Group[] {
  const groups = new Map<string, Group>();
  for (const hit of results) {
    const key = hit.kind === 'term' ? `${hit.locale}/term` : `${hit.locale}/${hit.target}`;
    const group = groups.get(key) ?? { key, locale: hit.locale, kind: hit.kind, title: hit.title, hits: [] };
    group.hits.push(hit);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Pieces drawn as text, the matched words in `<mark>`: no HTML from the lesson is ever parsed. */
function Marked({ pieces }: { pieces: SnippetPiece[] }) {
  return <>{pieces.map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}

/** The texts of the shown results' lessons, loaded as they are needed; re-renders as they come. */
function useTexts(results: Result[]): Map<string, ResultTexts> {
  const [texts, setTexts] = useState(() => new Map<string, ResultTexts>());
  useEffect(() => {
    let live = true;
    for (const hit of results) {
      const key = textsKey(hit.locale, hit);
      if (texts.has(key)) continue;
      resultTexts(hit.locale, hit).then(
        (loaded) => live && setTexts((before) => new Map(before).set(key, loaded)),
        // No line of text then: the result still links to its section.
        () => {},
      );
    }
    return () => {
      live = false;
    };
  }, [results, texts]);
  return texts;
}

export function SearchResults({ locale, results }: { locale: string; results: Result[] }) {
  const texts = useTexts(results);
  return (
    <ul class="results">
      {grouped(results).map((group) => {
        const title = group.kind === 'term' ? t('search.term') : group.title;
        const titleLang = group.kind === 'term' ? {} : textLang(group.locale);
        return (
          <li key={group.key} class="result-group">
            <h2 class="result-title">
              <span {...titleLang}>{title}</span>
              {group.locale !== locale && <span class="meta">{t('search.inEnglish')}</span>}
            </h2>
            <ul class="result-sections">
              {group.hits.map((hit) => {
                const name = hit.kind === 'term' ? hit.title : hit.heading;
                const text = textOf(texts.get(textsKey(hit.locale, hit)), hit);
                const snippetId = `snippet-${hit.locale}-${hit.id}`.replace(/[^\w-]/g, '_');
                return (
                  <li key={hit.id}>
                    <a
                      href={
                        hit.kind === 'term'
                          ? href(locale, { page: 'glossary', termId: hit.target })
                          : href(locale, {
                              page: 'lesson',
                              lessonId: hit.target,
                              section: hit.section || undefined,
                            })
                      }
                      aria-label={t('search.inLesson', {
                        section: name || t('search.beginning'),
                        lesson: title,
                      })}
                      aria-describedby={text ? snippetId : undefined}
                      {...textLang(hit.locale)}
                    >
                      {name ? (
                        <span class="result-heading">
                          <Marked pieces={markWords(name, hit.terms)} />
                        </span>
                      ) : (
                        <span class="result-heading" {...textLang(locale)}>
                          {t('search.beginning')}
                        </span>
                      )}
                    </a>
                    {/* Beside the link, not in it: a link's name holds the words it shows, and the
                        line is its description. The link still covers the whole row (styles.css). */}
                    {text && (
                      <span class="result-snippet" id={snippetId} {...textLang(hit.locale)}>
                        <Marked pieces={snippet(text, hit.terms)} />
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
