/**
 * The Vite plugin that turns the lessons folder into modules:
 * `virtual:course` (the small index the shell needs), one lazily loaded chunk per lesson
 * and language, and `virtual:help` (the help directory). markdown-it runs here, at build time, and never reaches the browser.
 */
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { opaqueLink } from '../shared/addresses.ts';
import { LOCALES, SOURCE_LOCALE } from '../shared/locales.ts';
import type { LessonInfo, ModuleInfo, Workshop } from '../shared/types.ts';
import { type CompiledCourse, compileCourse } from './course.ts';
import { ContentErrors } from './errors.ts';
import { flowsIn } from './help-flows.ts';
import { buildSearchIndex } from './search-index.ts';

const COURSE = 'virtual:course';
const LESSON = 'virtual:lesson/';
const GLOSSARY = 'virtual:glossary/';
const SEARCH = 'virtual:search/';
const HELP = 'virtual:help';
const FLOWS = 'virtual:help-flows';

/** A module whose default export is `data`; JSON.parse is faster to start than an object literal. */
function jsonModule(data: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
}

/** The shell's only view of the course: one loader per language, so it stays small however many lessons. */
function courseModule(): string {
  const loaders = LOCALES.map(
    (locale) => `${JSON.stringify(locale)}: () => import(${JSON.stringify(`${COURSE}/${locale}`)})`,
  );
  return `export const courses = {${loaders.join(', ')}};`;
}

/** Workshop plans in `locale`, each in English where it is not translated. */
function workshopsIn(course: CompiledCourse, locale: string): Workshop[] {
  const translated = new Map((course.workshops.get(locale) ?? []).map((plan) => [plan.id, plan]));
  return (course.workshops.get(SOURCE_LOCALE) ?? []).map((plan) => translated.get(plan.id) ?? plan);
}

/** The course in one language: modules and lessons with their titles, and a loader per lesson. */
function courseIndexModule(course: CompiledCourse, locale: string): string {
  const text = course.texts.get(locale) ?? course.texts.get(SOURCE_LOCALE);
  const modules: ModuleInfo[] = course.modules.map((module) => {
    const title = text?.modules[module.id];
    return {
      id: module.id,
      title: title?.title ?? module.id,
      textLocale: title?.locale ?? SOURCE_LOCALE,
      lessons: module.lessons,
    };
  });
  const lessons: LessonInfo[] = course.entries.map((entry) => {
    const lesson = text?.lessons[entry.id];
    return {
      ...entry,
      title: lesson?.title ?? entry.id,
      summary: lesson?.summary ?? '',
      textLocale: lesson?.locale ?? SOURCE_LOCALE,
    };
  });
  const loaders = course.entries.map((entry) => {
    const available = entry.locales.includes(locale) ? locale : SOURCE_LOCALE;
    return `${JSON.stringify(entry.id)}: () => import(${JSON.stringify(`${LESSON}${entry.id}/${available}`)})`;
  });
  const glossaryLocale = course.glossaries.get(locale)?.glossary ? locale : SOURCE_LOCALE;
  const glossary = course.glossaries.get(glossaryLocale)?.glossary
    ? `() => import(${JSON.stringify(`${GLOSSARY}${glossaryLocale}`)})`
    : 'null';
  return [
    `export const glossary = ${glossary};`,
    `export const search = () => import(${JSON.stringify(`${SEARCH}${locale}`)});`,
    `export const modules = JSON.parse(${JSON.stringify(JSON.stringify(modules))});`,
    `export const workshops = JSON.parse(${JSON.stringify(JSON.stringify(workshopsIn(course, locale)))});`,
    `export const lessons = JSON.parse(${JSON.stringify(JSON.stringify(lessons))});`,
    `export const loaders = {${loaders.join(',\n')}};`,
  ].join('\n');
}

/** How the lessons plugin builds for a site profile. */
export interface LessonsPluginOptions {
  /**
   * A disguise: lesson links are opaque addresses (shared/addresses.ts), and no built file is
   * named after a lesson, a page or the app.
   */
  opaque?: boolean;
}

/** Compiles lessons from `dir` (see options.ts for the default). */
export function lessonsPlugin(dir: string, options: LessonsPluginOptions = {}): Plugin {
  const { opaque = false } = options;
  let course: CompiledCourse | undefined;
  const compile = (): CompiledCourse => {
    course = compileCourse(dir);
    return course;
  };
  const current = (): CompiledCourse => {
    const result = course ?? compile();
    if (result.errors.length > 0) throw new ContentErrors(result.errors);
    return result;
  };

  return {
    name: 'safe-online-lessons',
    config() {
      return {
        build: {
          rollupOptions: {
            output: {
              // Name lesson chunks after the lesson, so a build is easy to read.
              chunkFileNames(chunk) {
                if (opaque) return 'assets/[hash].js';
                const id = chunk.facadeModuleId ?? '';
                const lesson = id.startsWith(`\0${LESSON}`)
                  ? id.slice(LESSON.length + 1).replace('/', '.')
                  : null;
                const text = id.startsWith(`\0${COURSE}/`) ? `course.${id.slice(COURSE.length + 2)}` : null;
                const glossary = id.startsWith(`\0${GLOSSARY}`)
                  ? `glossary.${id.slice(GLOSSARY.length + 1)}`
                  : null;
                const search = id.startsWith(`\0${SEARCH}`) ? `search.${id.slice(SEARCH.length + 1)}` : null;
                const help = id === `\0${HELP}` ? 'help-directory' : null;
                const flows = id.startsWith(`\0${FLOWS}/`) ? `help-now.${id.slice(FLOWS.length + 2)}` : null;
                return `assets/${lesson ?? text ?? glossary ?? search ?? help ?? flows ?? '[name]'}-[hash].js`;
              },
            },
          },
        },
      };
    },
    buildStart() {
      compile();
    },
    resolveId(id) {
      const exact = id === COURSE || id === HELP || id === FLOWS;
      if (
        [`${COURSE}/`, LESSON, GLOSSARY, SEARCH, `${FLOWS}/`].some((prefix) => id.startsWith(prefix)) ||
        exact
      ) {
        return `\0${id}`;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      const name = id.slice(1);
      if (name === COURSE) {
        current();
        return courseModule();
      }
      if (name.startsWith(LESSON)) {
        const [lessonId = '', locale = ''] = name.slice(LESSON.length).split('/');
        const lesson = current().lessons.get(lessonId)?.get(locale);
        if (!lesson) throw new Error(`No lesson "${lessonId}" in "${locale}".`);
        return opaque ? opaqueLink(jsonModule(lesson)) : jsonModule(lesson);
      }
      if (name.startsWith(`${COURSE}/`)) return courseIndexModule(current(), name.slice(COURSE.length + 1));
      // The help directory is its own chunk, loaded by the Get help page only.
      if (name === HELP) return jsonModule(current().help ?? { entries: [] });
      // Help-now flows: a loader per language, then each language's flows in a chunk of its own.
      if (name === FLOWS) {
        const loaders = LOCALES.map(
          (locale) => `${JSON.stringify(locale)}: () => import(${JSON.stringify(`${FLOWS}/${locale}`)})`,
        );
        return `export const flows = {${loaders.join(', ')}};`;
      }
      if (name.startsWith(`${FLOWS}/`)) {
        const flows = jsonModule(flowsIn(current().flows, name.slice(FLOWS.length + 1)));
        return opaque ? opaqueLink(flows) : flows;
      }
      if (name.startsWith(SEARCH)) {
        return `export default ${JSON.stringify(buildSearchIndex(current(), name.slice(SEARCH.length)))};`;
      }
      if (name.startsWith(GLOSSARY)) {
        const glossary = current().glossaries.get(name.slice(GLOSSARY.length))?.glossary;
        if (!glossary) throw new Error(`No glossary in "${name.slice(GLOSSARY.length)}".`);
        return opaque ? opaqueLink(jsonModule(glossary)) : jsonModule(glossary);
      }
      return null;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('all', (_event, file) => {
        if (!path.resolve(file).startsWith(path.resolve(dir) + path.sep)) return;
        reload(server, compile());
      });
    },
  };
}

/** After a lesson changes in `npm run dev`: reload the page, or show every error in the overlay. */
function reload(server: ViteDevServer, course: CompiledCourse): void {
  const graph = server.environments.client.moduleGraph;
  for (const module of graph.idToModuleMap.values()) {
    if (module.id?.startsWith('\0virtual:')) graph.invalidateModule(module);
  }
  if (course.errors.length > 0) {
    const error = new ContentErrors(course.errors);
    server.ws.send({
      type: 'error',
      err: { message: error.message, stack: '', plugin: 'safe-online-lessons' },
    });
  } else {
    server.ws.send({ type: 'full-reload' });
  }
}
