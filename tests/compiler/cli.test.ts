/** The `npm run lessons -- check` command, called through its exported `main`. */
import { describe, expect, it } from 'vitest';
import { BROKEN_DIR, runCli as run, VALID_DIR } from './helpers.ts';

const POSITION = /^\S+:\d+:\d+: \S/;

describe('lessons check', () => {
  it('exits 0 on a valid folder and prints one summary line with the counts', () => {
    const { code, out, err } = run('check', '--dir', VALID_DIR);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^OK: /);
    expect(out[0]).toContain('2 lessons');
    expect(out[0]).toContain('2 modules');
    expect(out[0]).toContain('4 questions');
    expect(out[0]).toContain('3 checklist items');
  });

  it('exits 1 on a broken folder and prints every error as path:line:col: message', () => {
    const { code, out, err } = run('check', '--dir', BROKEN_DIR);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    const errorLines = err.filter((line) => POSITION.test(line));
    expect(errorLines).toEqual([
      `${BROKEN_DIR}/basics-one/en.md:11:34: link to a lesson that does not exist: "ghost"`,
      `${BROKEN_DIR}/course.yaml:7:9: lesson "ghost" is listed but there is no folder ghost/`,
      `${BROKEN_DIR}/course.yaml:8:9: lesson "basics-one" is listed twice`,
      `${BROKEN_DIR}/course.yaml:9:5: a module needs a title in English ("title: { en: ... }")`,
      `${BROKEN_DIR}/no-english:1:1: no en.md in this lesson folder`,
      `${BROKEN_DIR}/unlisted/en.md:1:1: lesson "unlisted" is not listed in course.yaml`,
    ]);
    expect(err.filter((line) => line.trim() !== '' && !POSITION.test(line))).toEqual(['6 problems found.']);
  });

  it('prints no stack trace for content errors', () => {
    const { err } = run('check', '--dir', BROKEN_DIR);
    expect(err.length).toBeGreaterThan(0);
    expect(err.filter((line) => line.includes('    at '))).toEqual([]);
    expect(err.join('\n')).not.toMatch(/Error:|\.ts:\d+:\d+\)/);
  });

  it('exits 1 with one clear error when the folder does not exist', () => {
    const { code, err } = run('check', '--dir', `${BROKEN_DIR}/no-such-folder`);
    expect(code).toBe(1);
    expect(err.filter((line) => POSITION.test(line))).toEqual([
      `${BROKEN_DIR}/no-such-folder:1:1: the lessons folder does not exist`,
    ]);
  });

  it('checks the real lessons folder clean', () => {
    const { code, out, err } = run('check', '--dir', 'lessons');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^OK: \d+ lessons? in \d+ modules?, /)]);
    // The whole course in four languages: a slow or busy machine needs more than the default.
  }, 60_000);
});

describe('lessons usage', () => {
  it('exits 2 with the usage for an unknown command', () => {
    const { code, out, err } = run('frobnicate');
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toBe('Unknown command "frobnicate".');
    expect(err.join('\n')).toContain('check [--dir DIR]');
    expect(err.join('\n')).toContain('status [--json] [--dir DIR]');
  });

  it('exits 2 with the usage when no command is given', () => {
    const { code, err } = run();
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('Usage:');
  });

  it('exits 2 for an unknown option, or --dir without a folder', () => {
    expect(run('check', '--verbose')).toMatchObject({
      code: 2,
      err: expect.arrayContaining(['Unknown option "--verbose".']),
    });
    expect(run('check', '--dir').code).toBe(2);
  });
});
