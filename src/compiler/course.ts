/** Reads a lessons folder: the course file, every lesson in every language, and all their errors. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { isLocale, SOURCE_LOCALE } from '../shared/locales.ts';
import type { CourseText, Lesson, LessonEntry, ModuleEntry } from '../shared/types.ts';
import type { ContentError } from './errors.ts';
import { yamlMessage } from './front-matter.ts';
import { type CompiledLesson, compileLesson, type EnglishSource } from './lesson.ts';
import { ID } from './questions.ts';

export const COURSE_FILE = 'course.yaml';

export interface CompiledCourse {
  modules: ModuleEntry[];
  entries: LessonEntry[];
  /** Compiled lessons by id, then by locale. */
  lessons: Map<string, Map<string, Lesson>>;
  /** Titles and summaries per locale. */
  texts: Map<string, CourseText>;
  errors: ContentError[];
  /** Every file read, so a dev server can watch them. */
  files: string[];
  /** Each lesson file's own compile result, by lesson id then locale (for `lessons status`). */
  compiled: Map<string, Map<string, CompiledLesson>>;
}

interface CourseModule {
  id: string;
  titles: Map<string, string>;
  lessons: { id: string; line: number; col: number }[];
}

/** Shows paths relative to the working folder, as an author would type them. */
function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** Compiles the course in `dir`. Never throws for content problems: they are in `errors`. */
export function compileCourse(dir: string): CompiledCourse {
  const errors: ContentError[] = [];
  const files: string[] = [];
  const courseFile = path.join(dir, COURSE_FILE);
  const folders = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
    : [];
  if (!existsSync(dir))
    errors.push({ file: display(dir), line: 1, col: 1, message: 'the lessons folder does not exist' });

  let modules: CourseModule[] = [];
  if (existsSync(courseFile)) {
    files.push(courseFile);
    modules = readCourseFile(readFileSync(courseFile, 'utf8'), display(courseFile), errors);
  } else if (existsSync(dir)) {
    errors.push({ file: display(courseFile), line: 1, col: 1, message: 'the course file is missing' });
  }

  const listed = new Map<string, string>();
  for (const module of modules) {
    for (const lesson of module.lessons) {
      const where = { file: display(courseFile), line: lesson.line, col: lesson.col };
      if (listed.has(lesson.id)) errors.push({ ...where, message: `lesson "${lesson.id}" is listed twice` });
      else if (!folders.includes(lesson.id)) {
        errors.push({
          ...where,
          message: `lesson "${lesson.id}" is listed but there is no folder ${lesson.id}/`,
        });
      } else listed.set(lesson.id, module.id);
    }
  }

  const lessonIds = new Set(folders);
  const lessons = new Map<string, Map<string, Lesson>>();
  const entries = new Map<string, LessonEntry>();
  const compiled = new Map<string, Map<string, CompiledLesson>>();
  for (const folder of folders) {
    const sourceFile = path.join(dir, folder, `${SOURCE_LOCALE}.md`);
    if (!existsSync(sourceFile)) {
      errors.push({
        file: display(path.join(dir, folder)),
        line: 1,
        col: 1,
        message: `no ${SOURCE_LOCALE}.md in this lesson folder`,
      });
      continue;
    }
    const locales = readdirSync(path.join(dir, folder))
      .filter((name) => name.endsWith('.md') && isLocale(name.slice(0, -3)))
      .map((name) => name.slice(0, -3))
      .sort((a, b) => (a === SOURCE_LOCALE ? -1 : b === SOURCE_LOCALE ? 1 : a.localeCompare(b)));
    const byLocale = new Map<string, Lesson>();
    const results = new Map<string, CompiledLesson>();
    const compile = (locale: string, english?: EnglishSource | null): CompiledLesson => {
      const file = path.join(dir, folder, `${locale}.md`);
      files.push(file);
      const result = compileLesson({
        source: readFileSync(file, 'utf8'),
        file: display(file),
        folderId: folder,
        locale,
        lessonIds,
        english,
      });
      errors.push(...result.errors);
      if (result.lesson) byLocale.set(locale, result.lesson);
      results.set(locale, result);
      return result;
    };
    const english = compile(SOURCE_LOCALE);
    const source = english.lesson && english.hash ? { lesson: english.lesson, hash: english.hash } : null;
    for (const locale of locales) if (locale !== SOURCE_LOCALE) compile(locale, source);
    compiled.set(folder, results);

    const module = listed.get(folder);
    if (!module) {
      errors.push({
        file: display(sourceFile),
        line: 1,
        col: 1,
        message: `lesson "${folder}" is not listed in ${COURSE_FILE}`,
      });
    } else if (english.lesson) {
      const { level, minutes } = english.lesson;
      entries.set(folder, {
        id: folder,
        module,
        level,
        minutes,
        questions: english.questions,
        checklist: english.checklist,
        locales: [...byLocale.keys()],
      });
    }
    lessons.set(folder, byLocale);
  }

  const moduleEntries = modules.map((module) => ({
    id: module.id,
    // A lesson listed twice (already an error) stays where it was listed first.
    lessons: [...new Set(module.lessons.map((lesson) => lesson.id))].filter(
      (id) => entries.has(id) && listed.get(id) === module.id,
    ),
  }));
  const ordered = moduleEntries.flatMap((module) =>
    module.lessons.map((id) => entries.get(id) as LessonEntry),
  );
  return {
    modules: moduleEntries,
    entries: ordered,
    lessons,
    texts: courseTexts(modules, lessons),
    errors,
    files,
    compiled,
  };
}

/** Titles and summaries per locale; a lesson or module not yet translated keeps its English text. */
function courseTexts(
  modules: CourseModule[],
  lessons: Map<string, Map<string, Lesson>>,
): Map<string, CourseText> {
  const locales = new Set<string>([SOURCE_LOCALE]);
  for (const byLocale of lessons.values()) for (const locale of byLocale.keys()) locales.add(locale);
  for (const module of modules) for (const locale of module.titles.keys()) locales.add(locale);
  const texts = new Map<string, CourseText>();
  for (const locale of locales) {
    const text: CourseText = { modules: {}, lessons: {} };
    for (const module of modules) {
      const own = module.titles.get(locale);
      text.modules[module.id] = own
        ? { title: own, locale }
        : { title: module.titles.get(SOURCE_LOCALE) ?? module.id, locale: SOURCE_LOCALE };
    }
    for (const [id, byLocale] of lessons) {
      const lesson = byLocale.get(locale) ?? byLocale.get(SOURCE_LOCALE);
      if (lesson) text.lessons[id] = { title: lesson.title, summary: lesson.summary, locale: lesson.locale };
    }
    texts.set(locale, text);
  }
  return texts;
}

/** Reads course.yaml: modules in order, each with an id, titles per locale and lesson ids. */
function readCourseFile(source: string, file: string, errors: ContentError[]): CourseModule[] {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const at = (node: Node | null | undefined, message: string) => {
    const pos = counter.linePos(node?.range?.[0] ?? 0);
    errors.push({ file, line: pos.line, col: pos.col, message });
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = counter.linePos(error.pos[0]);
      errors.push({
        file,
        line: pos.line,
        col: pos.col,
        message: yamlMessage(error.message),
      });
    }
    return [];
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('modules', true) : undefined;
  if (!isSeq(list)) {
    at(root as Node | null, 'the course file needs a "modules:" list');
    return [];
  }
  const modules: CourseModule[] = [];
  const moduleIds = new Set<string>();
  for (const item of list.items) {
    if (!isMap(item)) {
      at(item as Node, 'each module needs "id", "title" and "lessons"');
      continue;
    }
    const idNode = item.get('id', true) as Node | undefined;
    const id = isScalar(idNode) ? String(idNode.value) : '';
    if (!ID.test(id)) at(idNode ?? item, 'a module needs an "id" using a-z, 0-9 and "-"');
    else if (moduleIds.has(id)) at(idNode, `module "${id}" is listed twice`);
    moduleIds.add(id);
    modules.push({ id, titles: readTitles(item, at), lessons: readLessonList(item, counter, at) });
  }
  return modules;
}

type At = (node: Node | null | undefined, message: string) => void;

function readTitles(module: YAMLMap, at: At): Map<string, string> {
  const node = module.get('title', true) as Node | undefined;
  const titles = new Map<string, string>();
  if (isScalar(node) && typeof node.value === 'string') titles.set(SOURCE_LOCALE, node.value);
  else if (isMap(node)) {
    for (const pair of node.items) {
      const locale = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!isLocale(locale)) at(pair.key as Node, `"${locale}" is not a language of this app`);
      else if (isScalar(pair.value)) titles.set(locale, String(pair.value.value));
    }
  }
  if (!titles.has(SOURCE_LOCALE))
    at(node ?? module, `a module needs a title in English ("title: { ${SOURCE_LOCALE}: ... }")`);
  return titles;
}

function readLessonList(module: YAMLMap, counter: LineCounter, at: At): CourseModule['lessons'] {
  const node = module.get('lessons', true) as Node | undefined;
  if (!isSeq(node)) {
    at(node ?? module, 'a module needs a "lessons:" list of lesson ids');
    return [];
  }
  return node.items.flatMap((item) => {
    const id = isScalar(item) ? String(item.value) : '';
    const pos = counter.linePos((item as Node).range?.[0] ?? 0);
    return id ? [{ id, line: pos.line, col: pos.col }] : [];
  });
}
