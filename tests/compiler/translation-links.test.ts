/**
 * A translation cannot change where a link goes: `lessons check` and `lessons stamp` refuse it,
 * at the link's place, unless course.yaml lists the address as the same page in that language.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli as run } from './helpers.ts';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of tests/fixtures/translations, with `edits` made to its files. */
function course(edits: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'safe-online-links-'));
  cpSync(path.join(FIXTURES, 'translations'), dir, { recursive: true });
  temporary.push(dir);
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(dir, file);
    writeFileSync(full, edit(readFileSync(full, 'utf8')));
  }
  return dir;
}

/** The problems `check` reports in one file, as `line:col: message`. */
function problemsIn(dir: string, file: string): string[] {
  const prefix = `${path.join(dir, file)}:`;
  return run('check', '--dir', dir)
    .err.filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length));
}

const MALICIOUS = 'https://example.org/backup';

describe('a translation that changes where a link goes', () => {
  it('is refused by check, at the link, in plain words', () => {
    // beta/ms.md links to example.org where en.md links to ssd.eff.org.
    const [problem, ...rest] = problemsIn(course(), 'beta/ms.md');
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^12:\d+: this link goes to "https:\/\/example\.org\/backup" where the English lesson links to "https:\/\/ssd\.eff\.org\/": a translation must keep the links of en\.md/,
    );
    const col = Number(problem?.split(':')[1]);
    const line = readFileSync(path.join(FIXTURES, 'translations/beta/ms.md'), 'utf8').split('\n')[11] ?? '';
    expect(line.slice(col - 1)).toMatch(/^https:\/\/example\.org/);
  });

  it('is refused when it sends a lesson link to another lesson, or drops a link', () => {
    const dir = course({
      'alpha/hi.md': (text) => text.replace('(lesson:beta)', '(lesson:alpha)'),
      'beta/hi.md': (text) => text.replace('[बैकअप गाइड](https://ssd.eff.org/)', 'बैकअप गाइड'),
    });
    expect(problemsIn(dir, 'alpha/hi.md')).toEqual([
      expect.stringMatching(
        /^13:\d+: this link goes to "lesson:alpha" where the English lesson links to "lesson:beta"/,
      ),
    ]);
    expect(problemsIn(dir, 'beta/hi.md')).toEqual([
      expect.stringMatching(
        /: the English lesson links to "https:\/\/ssd\.eff\.org\/", but this translation does not/,
      ),
    ]);
  });

  it('is not stamped as up to date', () => {
    const dir = course();
    const before = readFileSync(path.join(dir, 'beta/ms.md'), 'utf8');
    const { code, err } = run('stamp', 'beta', 'ms', '--dir', dir);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('this link goes to "https://example.org/backup"');
    expect(readFileSync(path.join(dir, 'beta/ms.md'), 'utf8')).toBe(before);
  });

  it('is allowed when course.yaml lists the address as the same page in that language', () => {
    const localized = 'https://ssd.eff.org/ms/';
    const dir = course({
      'course.yaml': (text) =>
        `${text}links:\n  localized:\n    - en: https://ssd.eff.org/\n      ms: ${localized}\n`,
      'beta/ms.md': (text) => text.replace(MALICIOUS, localized),
    });
    expect(problemsIn(dir, 'beta/ms.md')).toEqual([]);
    expect(run('stamp', 'beta', 'ms', '--dir', dir).code).toBe(0);
  });

  it('cannot be allowed by listing an address on another site', () => {
    const dir = course({
      'course.yaml': (text) =>
        `${text}links:\n  localized:\n    - en: https://ssd.eff.org/\n      ms: ${MALICIOUS}\n`,
    });
    expect(problemsIn(dir, 'course.yaml')).toEqual([
      expect.stringMatching(
        /^15:11: ".*" must be an https:\/\/ address on the same site as the English one \(ssd\.eff\.org\)$/,
      ),
    ]);
    expect(problemsIn(dir, 'beta/ms.md')).toHaveLength(1);
  });
});

describe('links:allow_http in course.yaml', () => {
  it('lets a listed site be linked over http, and no other', () => {
    const edit = (text: string) => text.replace('https://ssd.eff.org/', 'http://ssd.eff.org/');
    const refused = course({ 'beta/en.md': edit });
    expect(problemsIn(refused, 'beta/en.md')).toEqual([
      expect.stringMatching(/^15:\d+: the address "http:\/\/ssd\.eff\.org\/" starts with http:\/\//),
    ]);
    const allowed = course({
      'beta/en.md': edit,
      'beta/hi.md': edit,
      'course.yaml': (text) => `${text}links:\n  allow_http: [ssd.eff.org]\n`,
    });
    expect(problemsIn(allowed, 'beta/en.md')).toEqual([]);
  });
});
