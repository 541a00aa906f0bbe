/**
 * The text of a search result's section, for its snippet: read from the lesson (or the glossary)
 * the result points into, not stored in the search index, which stays as small as it was.
 */
import { plainText, type SearchHit, sectionTexts } from '../../shared/search';
import { loadCourse } from '../course';

/** Texts by result: a lesson's sections by number, or the glossary's terms by id. */
export type ResultTexts = Map<string, string>;

const loaded = new Map<string, Promise<ResultTexts>>();

/** Which texts a result's text is among: its lesson's, or (for a term) the glossary's. */
export function textsKey(locale: string, hit: Pick<SearchHit, 'kind' | 'target'>): string {
  return hit.kind === 'term' ? `${locale}/glossary` : `${locale}/${hit.target}`;
}

/** The texts a result's text is among, in `locale`, loaded once. */
export function resultTexts(locale: string, hit: Pick<SearchHit, 'kind' | 'target'>): Promise<ResultTexts> {
  const key = textsKey(locale, hit);
  let texts = loaded.get(key);
  if (!texts) {
    texts = loadCourse(locale).then(async (course): Promise<ResultTexts> => {
      if (hit.kind === 'term') {
        const terms = (await course.glossary())?.terms ?? [];
        return new Map(terms.map((term) => [term.id, plainText(term.html)]));
      }
      const parts = sectionTexts((await course.load(hit.target)).lesson);
      return new Map(parts.map((part, section) => [String(section), part.text]));
    });
    // A lesson that cannot be read now (offline, not yet saved) is tried again next time.
    texts.catch(() => loaded.delete(key));
    loaded.set(key, texts);
  }
  return texts;
}

/** One result's text among its loaded texts. */
export function textOf(texts: ResultTexts | undefined, hit: Pick<SearchHit, 'kind' | 'target' | 'section'>) {
  return texts?.get(hit.kind === 'term' ? hit.target : String(hit.section));
}
