/** Helpers for the translation tests: an English lesson, and translations of it with known line numbers. */
import { expect } from 'vitest';
import { type CompiledLesson, compileLesson, type EnglishSource } from '../../src/compiler/lesson.ts';
import { compile, lesson, positions } from './helpers.ts';

/** Front matter fields of an inline translation, in the order they are written. */
export const TRANSLATION_FIELDS = {
  id: 'demo', // line 2
  title: 'Pelajaran demo', // line 3
  summary: 'Pelajaran yang ditulis oleh ujian.', // line 4
  tags: '[ujian]', // line 5
  status: 'draft', // line 6
  source_hash: null as string | null, // line 7
};
export type TranslationField = keyof typeof TRANSLATION_FIELDS;

/** The first line of a translation's body: line 1 is '---', lines 2–7 the fields, line 8 '---'. */
export const TRANSLATION_BODY_LINE = 9;

/** A translation source; a field set to null is a YAML comment, so every other line keeps its number. */
export function translation(
  fields: Partial<Record<TranslationField, string | null>>,
  body: string[],
): string {
  const merged = { ...TRANSLATION_FIELDS, ...fields };
  const lines = (Object.keys(TRANSLATION_FIELDS) as TranslationField[]).map((name) => {
    const value = merged[name];
    return value === null ? `# (no ${name})` : `${name}: ${value}`;
  });
  return ['---', ...lines, '---', ...body].join('\n').concat('\n');
}

/** Compiles an English lesson (helpers' front matter) and returns what its translations are checked against. */
export function englishOf(body: string[], fields: Parameters<typeof lesson>[0] = {}): EnglishSource {
  const result = compile(lesson(fields, body));
  expect(positions(result.errors), 'the English lesson of the test must be valid').toEqual([]);
  if (!result.lesson || !result.hash) throw new Error('the English lesson did not compile');
  return { lesson: result.lesson, hash: result.hash };
}

/** Compiles `source` as lessons/demo/<locale>.md, a translation of `english`. */
export function compileTranslation(
  source: string,
  english: EnglishSource | null,
  locale = 'ms',
): CompiledLesson {
  return compileLesson({
    source,
    file: `lessons/demo/${locale}.md`,
    folderId: 'demo',
    locale,
    lessonIds: new Set(['demo', 'other-lesson']),
    english,
  });
}

/** The 1-based line of `source` that contains `text`; fails when no line does. */
export function lineOf(source: string, text: string): number {
  const index = source.split('\n').findIndex((line) => line.includes(text));
  expect(index, `no line contains ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}
