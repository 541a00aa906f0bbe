/** The course as the app sees it: the index of one language, loaded on demand, and its lessons. */
import { courses } from 'virtual:course';
import { sameId } from '../shared/addresses';
import { SOURCE_LOCALE } from '../shared/locales';
import type { Glossary, Lesson, LessonInfo, ModuleInfo, Workshop } from '../shared/types';

/** The course in one language. */
export interface Course {
  modules: ModuleInfo[];
  /** Workshop plans, each in this language or English. */
  workshops: Workshop[];
  /** Every lesson, in course order. */
  lessons: LessonInfo[];
  /** The lesson of an id, or of its code in an opaque address. */
  lesson(id: string): LessonInfo | undefined;
  /** The lesson after `id` in course order. */
  next(id: string): LessonInfo | undefined;
  /** A lesson's text, in this language or in English where it is not translated yet (then `isFallback`). */
  load(id: string): Promise<{ lesson: Lesson; isFallback: boolean }>;
  /** The glossary in this language, or English; null when the course has none. */
  glossary(): Promise<Glossary | null>;
  /** The serialised search index of this language. */
  searchIndex(): Promise<string>;
}

const loaded = new Map<string, Promise<Course>>();

/** The course index in `locale`, loaded once. */
export function loadCourse(locale: string): Promise<Course> {
  let course = loaded.get(locale);
  if (!course) {
    const load = courses[locale] ?? courses[SOURCE_LOCALE];
    if (!load) return Promise.reject(new Error('The app was built without a course.'));
    course = load().then(({ modules, lessons, loaders, glossary, search, workshops }) => {
      let terms: Promise<Glossary | null> | undefined;
      const byId = new Map(lessons.map((lesson, index) => [lesson.id, index]));
      return {
        modules,
        workshops,
        lessons,
        lesson: (id) => lessons[byId.get(id) ?? -1] ?? lessons.find((lesson) => sameId(lesson.id, id)),
        next: (id) => lessons[(byId.get(id) ?? lessons.length) + 1],
        async load(id) {
          const loader = loaders[id];
          if (!loader) throw new Error(`Unknown lesson ${id}`);
          const { default: lesson } = await loader();
          return { lesson, isFallback: lesson.locale !== locale };
        },
        searchIndex: () => search().then((module) => module.default),
        glossary() {
          terms ??= glossary ? glossary().then((module) => module.default) : Promise.resolve(null);
          return terms;
        },
      };
    });
    // A failed load (offline, not yet cached) may succeed later: do not keep the failure.
    course.catch(() => loaded.delete(locale));
    loaded.set(locale, course);
  }
  return course;
}
