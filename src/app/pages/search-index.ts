/** Loads a language's search index (built at build time) into MiniSearch, once per language. */
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS } from '../../shared/search';
import type { Course } from '../course';

const loaded = new WeakMap<Course, Promise<MiniSearch>>();

/** The search index of a course's language. */
export function loadIndex(course: Course): Promise<MiniSearch> {
  let index = loaded.get(course);
  if (!index) {
    index = course.searchIndex().then((json) => MiniSearch.loadJSON(json, INDEX_OPTIONS));
    loaded.set(course, index);
  }
  return index;
}
