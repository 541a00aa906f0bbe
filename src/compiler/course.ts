/** Reads a lessons folder: the course file, every lesson in every language, and all their errors. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HelpDirectory } from '../shared/help.ts';
import { isLocale, SOURCE_LOCALE } from '../shared/locales.ts';
import type { CourseText, Glossary, Lesson, LessonEntry, ModuleEntry, Workshop } from '../shared/types.ts';
import { type CourseModule, type CourseRules, readCourseFile } from './course-file.ts';
import type { ContentError } from './errors.ts';
import { type CompiledGlossary, compileGlossary, GLOSSARY_FOLDER } from './glossary.ts';
import { HELP_FOLDER, readHelpDirectory } from './help-directory.ts';
import { type CompiledFlow, compileFlows } from './help-flows.ts';
import { type CompiledLesson, compileLesson, type EnglishSource } from './lesson.ts';
import { type LinkPolicy, STRICT_POLICY } from './link-trust.ts';
import { checkRules } from './rules.ts';
import { compileWorkshops, WORKSHOPS_FOLDER } from './workshops.ts';

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
  /** The glossary in each language it exists in. */
  glossaries: Map<string, CompiledGlossary>;
  /** Workshop plans, by language. */
  workshops: Map<string, Workshop[]>;
  /** The help directory (help/directory.yaml), or null when the folder has none. */
  help: HelpDirectory | null;
  /** Help-now flows (help/flows/), by flow id then locale. */
  flows: Map<string, Map<string, CompiledFlow>>;
  /** Problems that do not stop the build: help entries and law notes not checked in six months. */
  warnings: ContentError[];
}

/** Compiles glossary/en.md, then its translations against it. */
function compileGlossaries(
  dir: string,
  lessonIds: ReadonlySet<string>,
  errors: ContentError[],
  files: string[],
): Map<string, CompiledGlossary> {
  const results = new Map<string, CompiledGlossary>();
  const folder = path.join(dir, GLOSSARY_FOLDER);
  if (!existsSync(folder)) return results;
  const locales = readdirSync(folder)
    .filter((name) => name.endsWith('.md') && isLocale(name.slice(0, -3)))
    .map((name) => name.slice(0, -3));
  const compile = (
    locale: string,
    english?: { glossary: Glossary; hash: string; links: readonly string[] } | null,
  ) => {
    const file = path.join(folder, `${locale}.md`);
    files.push(file);
    const result = compileGlossary({
      source: readFileSync(file, 'utf8'),
      file: display(file),
      locale,
      lessonIds,
      english,
    });
    errors.push(...result.errors);
    results.set(locale, result);
    return result;
  };
  if (!locales.includes(SOURCE_LOCALE)) {
    errors.push({
      file: display(folder),
      line: 1,
      col: 1,
      message: `the glossary needs ${SOURCE_LOCALE}.md`,
    });
    return results;
  }
  const english = compile(SOURCE_LOCALE);
  const source =
    english.glossary && english.hash
      ? { glossary: english.glossary, hash: english.hash, links: english.links }
      : null;
  for (const locale of locales) if (locale !== SOURCE_LOCALE) compile(locale, source);
  return results;
}

/** Shows paths relative to the working folder, as an author would type them. */
function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** Compiles the course in `dir`. Never throws for content problems: they are in `errors`. */
export function compileCourse(dir: string, options: { now?: Date } = {}): CompiledCourse {
  const now = options.now ?? new Date();
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const files: string[] = [];
  const courseFile = path.join(dir, COURSE_FILE);
  const folders = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter(
          (entry) =>
            entry.isDirectory() &&
            !entry.name.startsWith('.') &&
            entry.name !== GLOSSARY_FOLDER &&
            entry.name !== WORKSHOPS_FOLDER &&
            entry.name !== HELP_FOLDER,
        )
        .map((entry) => entry.name)
        .sort()
    : [];
  if (!existsSync(dir))
    errors.push({ file: display(dir), line: 1, col: 1, message: 'the lessons folder does not exist' });

  let modules: CourseModule[] = [];
  let rules: CourseRules = {};
  let links: LinkPolicy = STRICT_POLICY;
  if (existsSync(courseFile)) {
    files.push(courseFile);
    ({ modules, rules, links } = readCourseFile(
      readFileSync(courseFile, 'utf8'),
      display(courseFile),
      errors,
    ));
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
  const glossaries = compileGlossaries(dir, lessonIds, errors, files);
  const termIds = new Set(glossaries.get(SOURCE_LOCALE)?.glossary?.terms.map((term) => term.id) ?? []);
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
        termIds,
        english,
        policy: links,
        now,
      });
      errors.push(...result.errors);
      warnings.push(...result.warnings);
      if (result.lesson) byLocale.set(locale, result.lesson);
      results.set(locale, result);
      return result;
    };
    const english = compile(SOURCE_LOCALE);
    errors.push(...checkRules(english, rules, display(sourceFile), now));
    const source =
      english.lesson && english.hash
        ? { lesson: english.lesson, hash: english.hash, links: english.links }
        : null;
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
  const help = readHelpDirectory(dir, display, errors, files, now);
  const flows = compileFlows(
    dir,
    { lessonIds, directory: help.directory, policy: links, display },
    errors,
    files,
  );
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
    glossaries,
    workshops: compileWorkshops(dir, lessonIds, display, errors, files),
    help: help.directory,
    flows,
    warnings: [...warnings, ...help.warnings],
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
