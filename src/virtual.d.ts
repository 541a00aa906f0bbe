/** Modules made by the lessons plugin (src/compiler/plugin.ts) at build time. */
declare module 'virtual:course' {
  /** The course index in each language, each in its own chunk. */
  export const courses: Record<string, () => Promise<import('./shared/types').CourseIndexModule>>;
}

declare module 'virtual:help' {
  /** The help directory (lessons/help/directory.yaml), in a chunk of its own. */
  const directory: import('./shared/help').HelpDirectory;
  export default directory;
}

declare module 'virtual:help-flows' {
  /** Help-now flows in each language (English where one is not translated), each in its own chunk. */
  export const flows: Record<string, () => Promise<{ default: import('./shared/help-flows').HelpFlow[] }>>;
}

declare module 'virtual:strings' {
  type Strings = Record<string, unknown>;
  /** English strings of the app shell (home, lessons, notices); built into the first chunk. */
  export const englishShell: Strings;
  /** Loaders of each language's shell strings, and of the strings of lazily loaded pages. */
  export const loaders: Record<
    string,
    { shell?: () => Promise<{ default: Strings }>; pages: () => Promise<{ default: Strings }> }
  >;
}

declare module 'virtual:site' {
  /** The site profile the app was built with: its name, page titles and optional cover screen. */
  const site: import('./shared/site').SiteInfo;
  export default site;
}

/** The site profile's brand colour as CSS (empty for a profile without one). */
declare module 'virtual:site.css';
