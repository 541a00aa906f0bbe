/** Builds the offline search index of one language at build time (MiniSearch, serialised as JSON). */
import MiniSearch from 'minisearch';
import { SOURCE_LOCALE } from '../shared/locales.ts';
import { INDEX_OPTIONS, plainText, type SearchDocument, sectionTexts } from '../shared/search.ts';
import type { CompiledCourse } from './course.ts';

/** Every lesson section and glossary term in `locale` (English where not translated). */
export function searchDocuments(course: CompiledCourse, locale: string): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const entry of course.entries) {
    const lesson =
      course.lessons.get(entry.id)?.get(locale) ?? course.lessons.get(entry.id)?.get(SOURCE_LOCALE);
    if (!lesson || lesson.locale !== locale) continue;
    sectionTexts(lesson).forEach((part, section) => {
      documents.push({
        id: `${entry.id}#${section}`,
        kind: 'lesson',
        target: entry.id,
        section,
        title: lesson.title,
        ...part,
      });
    });
  }
  const glossary = course.glossaries.get(locale)?.glossary;
  for (const term of glossary?.terms ?? []) {
    documents.push({
      id: `term:${term.id}`,
      kind: 'term',
      target: term.id,
      section: 0,
      title: term.term,
      heading: '',
      text: plainText(term.html),
    });
  }
  return documents;
}

/** The serialised index of `locale`, for `MiniSearch.loadJSON` in the app. */
export function buildSearchIndex(course: CompiledCourse, locale: string): string {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(searchDocuments(course, locale));
  return JSON.stringify(index);
}
