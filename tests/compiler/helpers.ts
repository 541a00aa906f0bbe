/** Shared helpers for the lesson compiler tests: lesson sources with known line numbers, error lookups. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/compiler/cli.ts';
import type { ContentError } from '../../src/compiler/errors.ts';
import { type CompiledLesson, compileLesson } from '../../src/compiler/lesson.ts';

/** Fixture folders, relative to the working folder (the repository root when Vitest runs). */
export const FIXTURES = 'tests/fixtures';
export const VALID_DIR = `${FIXTURES}/course-valid`;
export const BROKEN_DIR = `${FIXTURES}/course-broken`;

/** Reads a fixture file (path relative to tests/fixtures/). */
export function fixture(file: string): string {
  return readFileSync(path.join(FIXTURES, file), 'utf8');
}

/** Front matter fields of the inline test lessons, in the order they are written. */
export const FIELDS = {
  id: 'demo', // line 2
  title: 'Demo lesson', // line 3
  summary: 'A lesson written by a test.', // line 4
  level: 'beginner', // line 5
  minutes: '5', // line 6
  reviewed: '2026-11-20', // line 7
  tags: '[testing, demo]', // line 8
};
export type Field = keyof typeof FIELDS;

/** The first line of the body: line 1 is '---', lines 2–8 the fields, line 9 '---'. */
export const BODY_LINE = 10;

/**
 * A lesson source: front matter (FIELDS with `fields` applied) then the body lines.
 * A field set to null is left out, replaced by a YAML comment so that every other line keeps its number.
 * The body's first line is line BODY_LINE (10); the source ends with a newline.
 */
export function lesson(fields: Partial<Record<Field, string | null>>, body: string[]): string {
  const merged = { ...FIELDS, ...fields };
  const lines = (Object.keys(FIELDS) as Field[]).map((name) => {
    const value = merged[name];
    return value === null ? `# (no ${name})` : `${name}: ${value}`;
  });
  return ['---', ...lines, '---', ...body].join('\n').concat('\n');
}

export interface CompileOptions {
  folderId?: string;
  locale?: string;
  lessonIds?: string[];
}

/** Compiles `source` as lessons/<folderId>/<locale>.md of a course with `lessonIds`. */
export function compile(source: string, options: CompileOptions = {}): CompiledLesson {
  const { folderId = 'demo', locale = 'en', lessonIds = ['demo', 'other-lesson'] } = options;
  return compileLesson({
    source,
    file: `lessons/${folderId}/${locale}.md`,
    folderId,
    locale,
    lessonIds: new Set(lessonIds),
  });
}

/** Errors as an author reads them: `line:col: message`. */
export function positions(errors: readonly ContentError[]): string[] {
  return errors.map((error) => `${error.line}:${error.col}: ${error.message}`);
}

/** The one error of `result`; fails, listing what was reported, when there is not exactly one. */
export function onlyError(result: CompiledLesson): ContentError {
  expect(result.errors, positions(result.errors).join('\n')).toHaveLength(1);
  return result.errors[0] as ContentError;
}

/** The error whose message contains `text`; fails, listing what was reported, when there is none. */
export function errorWith(errors: readonly ContentError[], text: string): ContentError {
  const found = errors.find((error) => error.message.includes(text));
  expect(
    found,
    `no error containing ${JSON.stringify(text)} in:\n${positions(errors).join('\n')}`,
  ).toBeDefined();
  return found as ContentError;
}

/** A question block with options; `options` are the option lines (with their explanations). */
export function question(head: string, options: string[], prompt = 'Which one is right?'): string[] {
  return [`::: question ${head}`, prompt, '', ...options, ':::'];
}

/** Two options, `a` correct and `b` wrong, each with an explanation (4 lines). */
export const TWO_OPTIONS = ['- [x] a: Right', '  > Yes.', '- [ ] b: Wrong', '  > No.'];

/** Runs the lessons CLI with `args`, collecting what it prints to stdout and stderr, line by line. */
export function runCli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    args,
    (text: string) => out.push(...String(text).split('\n')),
    (text: string) => err.push(...String(text).split('\n')),
  );
  return { code, out, err };
}
