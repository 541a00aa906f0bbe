/** Front matter errors: each at the line (and column) of the field an author has to fix. */
import { describe, expect, it } from 'vitest';
import { compile, errorWith, FIELDS, type Field, lesson, onlyError, positions } from './helpers.ts';

const BODY = ['Some text.'];

describe('front matter errors', () => {
  it('reports a lesson without front matter at line 1', () => {
    const error = onlyError(compile('Some text.\n\nMore text.\n'));
    expect(error).toMatchObject({ line: 1, col: 1 });
    expect(error.message).toContain('must start with front matter');
  });

  const unclosed = [
    '---', // 1
    'id: demo', // 2
    'title: Demo lesson', // 3
    '', // 4
    'The body, after front matter that was never closed.', // 5
  ].join('\n');

  it('reports front matter that is not closed at its opening line', () => {
    const error = errorWith(compile(unclosed).errors, 'front matter is not closed');
    expect(error).toMatchObject({ line: 1, col: 1 });
  });

  it('reports unclosed front matter as the only problem (the lesson has text, it is not empty)', () => {
    expect(positions(compile(unclosed).errors)).toEqual([
      "1:1: the front matter is not closed: add a line '---' after the fields",
    ]);
  });

  const badYaml = [
    '---', // 1
    'id: demo', // 2
    'title: Passwords: the basics', // 3  (a second ': ' in an unquoted value)
    'summary: A summary.', // 4
    '---', // 5
    'Some text.', // 6
  ].join('\n');

  it('reports invalid YAML at the line of the mistake, at the start of the bad value', () => {
    const error = onlyError(compile(badYaml));
    expect(error).toMatchObject({ line: 3, col: 8 });
    expect(error.message).toMatch(/^front matter: /);
  });

  it('does not contradict the error position with a YAML-relative "at line N" in the message', () => {
    const error = onlyError(compile(badYaml));
    expect(error.message).not.toMatch(/at line \d+/);
  });

  it.each(Object.keys(FIELDS) as Field[])('reports a missing "%s" field', (field) => {
    const error = onlyError(compile(lesson({ [field]: null }, BODY)));
    expect(error).toMatchObject({ line: 1, col: 1, message: `front matter is missing "${field}"` });
  });

  it('reports an unknown level at the value (line 5)', () => {
    const error = onlyError(compile(lesson({ level: 'expert' }, BODY)));
    expect(error).toMatchObject({ line: 5, col: 8 });
    expect(error.message).toContain('"level" must be one of beginner, intermediate, advanced');
  });

  it.each(['0', '-5', '2.5', 'ten', "''"])(
    'reports minutes: %s (not a positive whole number) at line 6',
    (value) => {
      const error = onlyError(compile(lesson({ minutes: value }, BODY)));
      expect(error).toMatchObject({ line: 6, col: 10 });
      expect(error.message).toContain('"minutes" must be a whole number');
    },
  );

  it.each(['20-11-2026', '2026/11/20', '2026-13-45', '2026-11-20T10:00:00', 'last week'])(
    'reports reviewed: %s (not YYYY-MM-DD) at line 7',
    (value) => {
      const error = onlyError(compile(lesson({ reviewed: value }, BODY)));
      expect(error).toMatchObject({ line: 7, col: 11 });
      expect(error.message).toContain('"reviewed" must be a date written YYYY-MM-DD');
    },
  );

  it('reports a reviewed date that does not exist (2026-02-30) at line 7', () => {
    const error = onlyError(compile(lesson({ reviewed: '2026-02-30' }, BODY)));
    expect(error).toMatchObject({ line: 7, col: 11 });
    expect(error.message).toContain('"reviewed" must be a date');
  });

  it('accepts a valid reviewed date, quoted or not', () => {
    expect(positions(compile(lesson({ reviewed: '2024-02-29' }, BODY)).errors)).toEqual([]);
    expect(positions(compile(lesson({ reviewed: "'2026-11-20'" }, BODY)).errors)).toEqual([]);
  });

  it('reports tags that are not a list at line 8', () => {
    const error = onlyError(compile(lesson({ tags: 'passwords, accounts' }, BODY)));
    expect(error).toMatchObject({ line: 8, col: 7 });
    expect(error.message).toContain('"tags" must be a list');
  });

  it('reports an id that does not match the folder at line 2', () => {
    const error = onlyError(compile(lesson({ id: 'passwords' }, BODY), { folderId: 'demo' }));
    expect(error).toMatchObject({ line: 2, col: 5 });
    expect(error.message).toBe('"id" is "passwords" but the folder is "demo"');
  });

  it('leaves no lesson to show when the front matter is wrong, but still checks the body', () => {
    const result = compile(lesson({ level: 'expert' }, ['[x](javascript:alert(1))']));
    expect(result.lesson).toBeNull();
    expect(positions(result.errors)).toEqual([
      expect.stringMatching(/^5:8: "level"/),
      expect.stringMatching(/^10:5: links starting with "javascript:"/),
    ]);
  });
});
