/** The course as the app sees it: the built-in index, plus text and lessons loaded on demand. */
import { lessonLoaders, lessons, modules, textLoaders } from 'virtual:course';
import { SOURCE_LOCALE } from '../shared/locales';
import type { CourseText, Lesson, LessonEntry } from '../shared/types';

export { lessons, modules };

const byId = new Map(lessons.map((entry) => [entry.id, entry]));

/** The index entry of a lesson, or undefined for an unknown id. */
export function lessonEntry(id: string): LessonEntry | undefined {
  return byId.get(id);
}

/** The lesson after `id` in course order. */
export function nextLesson(id: string): LessonEntry | undefined {
  const index = lessons.findIndex((entry) => entry.id === id);
  return index === -1 ? undefined : lessons[index + 1];
}

/** A lesson in `locale`, or in English when it is not translated yet (then `isFallback`). */
export async function loadLesson(
  id: string,
  locale: string,
): Promise<{ lesson: Lesson; isFallback: boolean }> {
  const loaders = lessonLoaders[id];
  const load = loaders?.[locale] ?? loaders?.[SOURCE_LOCALE];
  if (!load) throw new Error(`Unknown lesson ${id}`);
  const { default: lesson } = await load();
  return { lesson, isFallback: lesson.locale !== locale };
}

const texts = new Map<string, Promise<CourseText>>();

/** Titles and summaries in `locale`, loaded once. */
export function loadCourseText(locale: string): Promise<CourseText> {
  let text = texts.get(locale);
  if (!text) {
    const load = textLoaders[locale] ?? textLoaders[SOURCE_LOCALE];
    if (!load) throw new Error('The course has no text');
    text = load().then((module) => module.default);
    texts.set(locale, text);
  }
  return text;
}
