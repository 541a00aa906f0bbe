/** The benchmark's generated course: the real lessons copied to any size, and a course that compiles. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { formatError } from '../../src/compiler/errors.ts';
import { LOCALES } from '../../src/shared/locales.ts';
import { generateCourse } from '../../src/tools/bench/course.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'safe-online-bench-course-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a generated course', () => {
  it('has exactly the lessons asked for, and compiles without a problem', () => {
    expect(generateCourse(path.resolve('lessons'), dir, 30, LOCALES)).toBe(30);
    const course = compileCourse(dir);
    expect(course.errors.map(formatError)).toEqual([]);
    expect(course.entries).toHaveLength(30);
  }, 60_000);
});
