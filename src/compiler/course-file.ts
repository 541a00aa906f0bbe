/**
 * Content rules a course can set for its English lessons (course.yaml `rules:`), so that a lesson
 * missing a quiz, a checklist or further reading fails the check with a clear message.
 */
export interface CourseRules {
  quiz?: [number, number];
  checklist?: [number, number];
  words?: [number, number];
  furtherReading?: boolean;
  reviewWithinMonths?: number;
}

export interface CourseFile {
  modules: CourseModule[];
  rules: CourseRules;
  /** Sites allowed over http, and localized addresses a translation may use (`links:`). */
  links: LinkPolicy;
}

/** Reads course.yaml: modules in order (id, titles per language, lessons) and optional content rules. */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { isLocale, SOURCE_LOCALE } from '../shared/locales.ts';
import { findDirectionControls } from './bidi.ts';
import { readLinkPolicy } from './course-links.ts';
import type { ContentError } from './errors.ts';
import { type LinkPolicy, STRICT_POLICY } from './link-trust.ts';
import { ID } from './questions.ts';
import { parseYaml, type YamlSource } from './yaml.ts';

export interface CourseModule {
  id: string;
  titles: Map<string, string>;
  lessons: { id: string; line: number; col: number }[];
}

/** Reads course.yaml: modules in order, each with an id, titles per locale and lesson ids. */
export function readCourseFile(source: string, file: string, errors: ContentError[]): CourseFile {
  // Module titles are shown as plain text, but an override could still reorder what a reader sees.
  findDirectionControls(source, (line, col, message) => errors.push({ file, line, col, message }), true);
  const report = (line: number, col: number, message: string) => errors.push({ file, line, col, message });
  const { doc, position, failed } = parseYaml(source, report);
  const at = (node: Node | null | undefined, message: string) => {
    const { line, col } = position(node?.range?.[0]);
    report(line, col, message);
  };
  if (failed) {
    return { modules: [], rules: {}, links: STRICT_POLICY };
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('modules', true) : undefined;
  if (!isSeq(list)) {
    at(root as Node | null, 'the course file needs a "modules:" list');
    return { modules: [], rules: {}, links: STRICT_POLICY };
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
    modules.push({ id, titles: readTitles(item, at), lessons: readLessonList(item, position, at) });
  }
  const rules = isMap(root) ? readRules(root.get('rules', true) as Node | undefined, at) : {};
  const links = readLinkPolicy(isMap(root) ? (root.get('links', true) as Node | undefined) : undefined, at);
  return { modules, rules, links };
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

function readLessonList(module: YAMLMap, position: YamlSource['position'], at: At): CourseModule['lessons'] {
  const node = module.get('lessons', true) as Node | undefined;
  if (!isSeq(node)) {
    at(node ?? module, 'a module needs a "lessons:" list of lesson ids');
    return [];
  }
  return node.items.flatMap((item) => {
    const id = isScalar(item) ? String(item.value) : '';
    return id ? [{ id, ...position((item as Node).range?.[0]) }] : [];
  });
}

const RANGES = { quiz: 'quiz', checklist: 'checklist', words: 'words' } as const;

function readRules(node: Node | undefined, at: At): CourseRules {
  const rules: CourseRules = {};
  if (node === undefined) return rules;
  if (!isMap(node)) {
    at(node, '"rules" must be a list of fields such as "quiz: [5, 8]"');
    return rules;
  }
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node;
    if (name in RANGES) {
      const range = isSeq(value)
        ? value.items.map((item) => (isScalar(item) ? Number(item.value) : Number.NaN))
        : [];
      const [low, high] = range;
      if (
        range.length !== 2 ||
        !Number.isInteger(low) ||
        !Number.isInteger(high) ||
        (low ?? 0) > (high ?? 0)
      ) {
        at(value, `"${name}" must be a range such as [5, 8]`);
      } else rules[name as keyof typeof RANGES] = [low as number, high as number];
    } else if (name === 'further_reading') {
      if (!isScalar(value) || typeof value.value !== 'boolean')
        at(value, '"further_reading" must be true or false');
      else rules.furtherReading = value.value;
    } else if (name === 'review_within_months') {
      const months = isScalar(value) ? Number(value.value) : Number.NaN;
      if (!Number.isInteger(months) || months < 1)
        at(value, '"review_within_months" must be a whole number of months');
      else rules.reviewWithinMonths = months;
    } else {
      at(
        pair.key as Node,
        `"${name}" is not a rule (quiz, checklist, words, further_reading, review_within_months)`,
      );
    }
  }
  return rules;
}
