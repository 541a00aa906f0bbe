/** The content rules a course sets in course.yaml, applied to English lessons. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { VALID_DIR } from './helpers.ts';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the valid fixture course with `rules` added to its course.yaml. */
function withRules(rules: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
  temporary.push(dir);
  cpSync(VALID_DIR, dir, { recursive: true });
  const file = path.join(dir, 'course.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nrules:\n${rules}\n`);
  return dir;
}

const messages = (dir: string, now = new Date('2026-12-01T00:00:00Z')) =>
  compileCourse(dir, { now }).errors.map(
    (error) => `${error.file.split(path.sep).slice(-2).join('/')}: ${error.message}`,
  );

describe('course rules', () => {
  it('are not applied unless course.yaml sets them', () => {
    expect(compileCourse(VALID_DIR).errors).toEqual([]);
  });

  it('report a quiz or checklist of the wrong size, naming the counts and the rule', () => {
    const dir = withRules('  quiz: [5, 8]\n  checklist: [3, 8]');
    const errors = messages(dir);
    expect(errors).toContain(
      'first-steps/en.md: questions in the quiz: 1, but this course asks for 5 to 8 (rules in course.yaml)',
    );
    expect(errors.some((error) => error.startsWith('first-steps/en.md: checklist items: '))).toBe(true);
  });

  it('report a lesson without further reading, and advice not reviewed within the period', () => {
    const dir = withRules('  further_reading: true\n  review_within_months: 12');
    expect(messages(dir, new Date('2026-12-01T00:00:00Z')).filter((m) => m.includes('reviewed'))).toEqual([]);
    const later = messages(dir, new Date('2028-01-01T00:00:00Z'));
    expect(later.some((m) => m.includes('"reviewed" is') && m.includes('every 12 months'))).toBe(true);
    expect(later.some((m) => m.includes('"## Further reading" section'))).toBe(true);
  });

  it('refuse unknown rules and bad ranges at their place in course.yaml', () => {
    const dir = withRules('  quiz: [8, 5]\n  colour: blue');
    const errors = compileCourse(dir).errors.filter((error) => error.file.endsWith('course.yaml'));
    expect(errors.map((error) => error.message)).toEqual([
      '"quiz" must be a range such as [5, 8]',
      '"colour" is not a rule (quiz, checklist, words, further_reading, review_within_months)',
    ]);
  });

  it('refuse a hidden direction override in course.yaml, such as in a module title', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    temporary.push(dir);
    cpSync(VALID_DIR, dir, { recursive: true });
    const file = path.join(dir, 'course.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('en: The basics', 'en: The basics\u202E'));
    const errors = compileCourse(dir).errors.map((error) => `${error.line}: ${error.message}`);
    expect(errors).toEqual(['5: invisible direction control U+202E is not allowed: delete it']);
  });
});
