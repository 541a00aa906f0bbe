/** Modules made by the lessons plugin (src/compiler/plugin.ts) at build time. */
declare module 'virtual:course' {
  /** The course index in each language, each in its own chunk. */
  export const courses: Record<string, () => Promise<import('./shared/types').CourseIndexModule>>;
}
