/** Offline search: the MiniSearch options shared by the build (which makes the index) and the app. */
import type { Options, SearchOptions } from 'minisearch';

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
