/** Builds the offline search index of one language at build time (MiniSearch, serialised as JSON). */
import MiniSearch from 'minisearch';
import { SOURCE_LOCALE } from '../shared/locales.ts';
import { INDEX_OPTIONS, type SearchDocument } from '../shared/search.ts';
import type { Lesson } from '../shared/types.ts';
import type { CompiledCourse } from './course.ts';

function plain(html: string): string {
  return (
    html
      .replace(/<[^>]+>/g, ' ')
      // The isolates the compiler writes around Latin expressions in right-to-left text.
      .replace(/[\u2066-\u2069]/g, '')
      .replace(
        /&(amp|lt|gt|quot|#39);/g,
        (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? ' ',
      )
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A lesson's text by section: the part before the first `##` heading, then each heading's part. */
function sections(lesson: Lesson): { heading: string; text: string }[] {
  const parts = [{ heading: '', text: '' }];
  for (const block of lesson.blocks) {
    if (block.kind !== 'html' && block.kind !== 'callout') continue;
    // Split at level-two headings; the compiler numbers them section-1, section-2, … in order.
    const pieces = block.html.split(/<h2[^>]*>([\s\S]*?)<\/h2>/);
    (parts.at(-1) as { text: string }).text += ` ${plain(pieces[0] ?? '')}`;
    for (let i = 1; i < pieces.length; i += 2)
      parts.push({ heading: plain(pieces[i] ?? ''), text: plain(pieces[i + 1] ?? '') });
  }
  return parts;
}

/** Every lesson section and glossary term in `locale` (English where not translated). */
export function searchDocuments(course: CompiledCourse, locale: string): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const entry of course.entries) {
    const lesson =
      course.lessons.get(entry.id)?.get(locale) ?? course.lessons.get(entry.id)?.get(SOURCE_LOCALE);
    if (!lesson || lesson.locale !== locale) continue;
    sections(lesson).forEach((part, section) => {
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
      text: plain(term.html),
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
