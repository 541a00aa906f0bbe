/** Offline search: the MiniSearch options shared by the build (which makes the index) and the app. */
import type { Options, SearchOptions } from 'minisearch';
import type { Lesson } from './types.ts';

/** One searchable thing: a section of a lesson, or a glossary term. */
export interface SearchDocument {
  id: string;
  kind: 'lesson' | 'term';
  /** Lesson id, or term id. */
  target: string;
  /** Section number within the lesson (0: before the first heading). */
  section: number;
  /** Lesson title, or the term. */
  title: string;
  heading: string;
  text: string;
}

/** The fields stored with each result, to show and link it without loading the lesson. */
export type SearchHit = Pick<SearchDocument, 'id' | 'kind' | 'target' | 'section' | 'title' | 'heading'>;

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'heading', 'text'],
  storeFields: ['kind', 'target', 'section', 'title', 'heading'],
};

/** Prefix search (results while typing), all words required, titles and headings count most. */
export const QUERY_OPTIONS: SearchOptions = {
  prefix: true,
  fuzzy: (term) => (term.length > 4 ? 0.2 : false),
  combineWith: 'AND',
  boost: { title: 3, heading: 2 },
};

/** The text of a piece of lesson HTML, as searched and as shown in a result's snippet. */
export function plainText(html: string): string {
  return (
    html
      .replace(/<[^>]+>/g, ' ')
      // The isolates the compiler writes around Latin expressions in right-to-left text.
      .replace(/[\u2066-\u2069]/g, '')
      .replace(
        /&(amp|lt|gt|quot|#39);/g,
        // Stryker disable next-line StringLiteral: the pattern matches only these five names, so the default is never used
        (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? ' ',
      )
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * A lesson's text by section: the part before the first `##` heading, then each heading's part.
 * The build indexes these; search results show a line of them (the app reads the lesson then).
 */
export function sectionTexts(lesson: Pick<Lesson, 'blocks'>): { heading: string; text: string }[] {
  const parts = [{ heading: '', text: '' }];
  for (const block of lesson.blocks) {
    if (block.kind !== 'html' && block.kind !== 'callout') continue;
    // Split at level-two headings; the compiler numbers them section-1, section-2, … in order.
    const pieces = block.html.split(/<h2[^>]*>([\s\S]*?)<\/h2>/);
    // Split gives a piece before each captured heading and one after it: none is missing.
    (parts.at(-1) as { text: string }).text += ` ${plainText(pieces[0] as string)}`;
    for (let i = 1; i < pieces.length; i += 2)
      parts.push({ heading: plainText(pieces[i] as string), text: plainText(pieces[i + 1] as string) });
  }
  return parts;
}
