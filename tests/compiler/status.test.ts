/** `lessons status` and `lessons stamp`, on tests/fixtures/translations (copied to a temporary folder to write). */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitLesson } from '../../src/compiler/front-matter.ts';
import { sourceHash } from '../../src/compiler/source-hash.ts';
import { FIXTURES, runCli as run } from './helpers.ts';

const FIXTURE = path.join(FIXTURES, 'translations');
const temporary: string[] = [];

/** A fresh copy of the fixture folder, removed after the tests. */
function copy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'safe-online-status-'));
  cpSync(FIXTURE, dir, { recursive: true });
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** The source hash of <dir>/<id>/en.md, computed as a translator's tool would. */
function englishHash(dir: string, id: string): string {
  const { meta, body } = splitLesson(read(dir, `${id}/en.md`), id, () => {});
  if (!meta || body === null) throw new Error(`${id}/en.md does not compile`);
  return sourceHash(meta.title, meta.summary, body);
}

interface StatusJson {
  lessons: { id: string; locales: Record<string, { state: string; status?: string; problems: string[] }> }[];
}

/** `status --json` as lesson → locale → state. */
function states(dir: string) {
  const { code, out } = run('status', '--json', '--dir', dir);
  const json = JSON.parse(out.join('\n')) as StatusJson;
  const table = Object.fromEntries(
    json.lessons.map((lesson) => [
      lesson.id,
      Object.fromEntries(Object.entries(lesson.locales).map(([locale, entry]) => [locale, entry.state])),
    ]),
  );
  return { code, json, table };
}

const ALL_STATES = {
  alpha: { hi: 'current', ms: 'stale', ur: 'missing' },
  beta: { hi: 'mismatched', ms: 'mismatched', ur: 'missing' },
};

describe('lessons status', () => {
  let dir = '';
  beforeAll(() => {
    dir = copy();
    const hi = read(dir, 'alpha/hi.md');
    const stamped = hi.replace('\n---\n', `\nsource_hash: ${englishHash(dir, 'alpha')}\n---\n`);
    expect(stamped).not.toBe(hi);
    writeFileSync(path.join(dir, 'alpha/hi.md'), stamped);
  });

  it('prints the lesson × language matrix with current, stale, missing and mismatched', () => {
    const { out } = run('status', '--dir', dir);
    expect(out[0]).toMatch(/^Lesson\s+hi\s+ms\s+ur\s*$/);
    expect(out).toContainEqual(
      expect.stringMatching(/^alpha\s+current \(reviewed\)\s+stale \(machine\)\s+missing\s*$/),
    );
    expect(out).toContainEqual(
      expect.stringMatching(/^beta\s+mismatched \(draft\)\s+mismatched \(draft\)\s+missing\s*$/),
    );
  });

  it('says what differs in each mismatched translation', () => {
    const { out } = run('status', '--dir', dir);
    expect(out).toContain('  beta/hi.md: headings differ');
    expect(out).toContain('  beta/ms.md: 1 error(s) (run "lessons check"); links differ');
  });

  it('exits 1 because a translation does not match its English lesson', () => {
    const { code, out } = run('status', '--dir', dir);
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('do not match the structure');
  });

  it('gives the same states as parseable JSON with --json, and exits 1', () => {
    const { code, json, table } = states(dir);
    expect(table).toEqual(ALL_STATES);
    expect(code).toBe(1);
    const alpha = json.lessons.find((lesson) => lesson.id === 'alpha');
    expect(alpha?.locales.hi).toMatchObject({ status: 'reviewed', problems: [] });
    expect(alpha?.locales.ms).toMatchObject({ status: 'machine', problems: [] });
    const beta = json.lessons.find((lesson) => lesson.id === 'beta');
    expect(beta?.locales.hi?.problems).toEqual(['headings differ']);
    // The check refuses a translation that sends a link elsewhere, hence its error.
    expect(beta?.locales.ms?.problems).toEqual(['1 error(s) (run "lessons check")', 'links differ']);
  });

  it('exits 0 when translations are only missing or stale', () => {
    const only = copy();
    rmSync(path.join(only, 'beta/hi.md'));
    rmSync(path.join(only, 'beta/ms.md'));
    const { code, out } = run('status', '--dir', only);
    expect(code).toBe(0);
    expect(out).toContainEqual(
      expect.stringMatching(/^alpha\s+stale \(reviewed\)\s+stale \(machine\)\s+missing/),
    );
    expect(out).toContainEqual(expect.stringMatching(/^beta\s+missing\s+missing\s+missing/));
    expect(out.join('\n')).not.toContain('mismatched');
    expect(states(only).code).toBe(0);
  });
});

describe('lessons stamp', () => {
  it('writes source_hash so that status then says current, changing nothing else', () => {
    const dir = copy();
    for (const locale of ['hi', 'ms']) {
      const before = read(dir, `alpha/${locale}.md`);
      const { code, out, err } = run('stamp', 'alpha', locale, '--dir', dir);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out.join('\n')).toMatch(new RegExp(`Stamped .*alpha.${locale}\\.md`));
      const after = read(dir, `alpha/${locale}.md`);
      expect(after.match(/^source_hash: .*$/gm)).toEqual([`source_hash: "${englishHash(dir, 'alpha')}"`]);
      const rest = (text: string) => text.split('\n').filter((line) => !line.startsWith('source_hash:'));
      expect(rest(after)).toEqual(rest(before));
    }
    expect(states(dir).table.alpha).toEqual({ hi: 'current', ms: 'current', ur: 'missing' });
  });

  it('leaves a stamped translation current after a re-wrap of en.md, and stale after a word changes', () => {
    const dir = copy();
    expect(run('stamp', 'alpha', 'hi', '--dir', dir).code).toBe(0);
    const en = read(dir, 'alpha/en.md');
    const sentence = 'A phone without a lock gives everything on it to whoever holds it.';
    writeFileSync(
      path.join(dir, 'alpha/en.md'),
      en.replace(sentence, `${sentence.replace(' to ', '\nto ')}  \n`),
    );
    expect(states(dir).table.alpha?.hi).toBe('current');
    writeFileSync(path.join(dir, 'alpha/en.md'), en.replace('whoever holds it', 'whoever finds it'));
    expect(states(dir).table.alpha?.hi).toBe('stale');
  });

  it('is refused for the English lesson, with a clear message', () => {
    const dir = copy();
    const before = read(dir, 'alpha/en.md');
    const { code, out, err } = run('stamp', 'alpha', 'en', '--dir', dir);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('not the English lesson');
    expect(read(dir, 'alpha/en.md')).toBe(before);
  });

  it('is refused for a translation that does not exist, without creating it', () => {
    const dir = copy();
    const { code, err } = run('stamp', 'alpha', 'ur', '--dir', dir);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/no translation alpha.ur\.md/);
    expect(existsSync(path.join(dir, 'alpha/ur.md'))).toBe(false);
    expect(run('stamp', 'ghost', 'hi', '--dir', dir).code).toBe(1);
  });

  it('writes a hash that reads back as written, even one YAML would take for a number', () => {
    const dir = copy();
    const en = read(dir, 'alpha/en.md');
    const { meta, body } = splitLesson(en, 'alpha', () => {});
    if (!meta || body === null) throw new Error('alpha/en.md does not compile');
    let summary = '';
    for (let i = 0; i < 200_000 && !summary; i++) {
      const candidate = `${meta.summary} (${i})`;
      if (/^\d+e\d+$/.test(sourceHash(meta.title, candidate, body))) summary = candidate;
    }
    expect(summary).not.toBe('');
    writeFileSync(path.join(dir, 'alpha/en.md'), en.replace(meta.summary, summary));
    expect(englishHash(dir, 'alpha')).toMatch(/^\d+e\d+$/);
    expect(run('stamp', 'alpha', 'hi', '--dir', dir).code).toBe(0);
    expect(states(dir).table.alpha?.hi).toBe('current');
    // beta/ms.md links elsewhere than its English lesson (see translation-links.test.ts).
    const ms = path.join(dir, 'beta/ms.md');
    writeFileSync(ms, read(dir, 'beta/ms.md').replace('https://example.org/backup', 'https://ssd.eff.org/'));
    expect(run('check', '--dir', dir).err).toEqual([]);
  });
});
