/** Modules made by the lessons plugin (src/compiler/plugin.ts) at build time. */
declare module 'virtual:course' {
  /** Modules in course order. */
  export const modules: import('./shared/types').ModuleEntry[];
  /** Lessons in course order. */
  export const lessons: import('./shared/types').LessonEntry[];
  /** Loads one lesson in one language, from its own chunk. */
  export const lessonLoaders: Record<
    string,
    Record<string, () => Promise<{ default: import('./shared/types').Lesson }>>
  >;
  /** Loads titles and summaries in one language. */
  export const textLoaders: Record<string, () => Promise<{ default: import('./shared/types').CourseText }>>;
}
