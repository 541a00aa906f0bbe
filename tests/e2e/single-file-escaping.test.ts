/**
 * The single file inlines the whole app in one <script>. A lesson title, a module title or a site
 * name holding `<!--<script>` or `</script>` must not end that script early (which leaves a blank
 * page) nor start another: the app still opens from file:// and shows those words as text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SINGLE_FILE } from '../../src/compiler/single-file.ts';
import { launch } from './harness.ts';

const HOSTILE = `<!--<script> </script><script>__canary.push('title')</script>`;
const PROFILE = `e2e-hostile-${process.pid}`;
const SITE = path.resolve('site', PROFILE);
const root = mkdtempSync(path.join(tmpdir(), 'single-hostile-'));
const lessons = path.join(root, 'lessons');
const out = path.join(root, 'out');

beforeAll(async () => {
  cpSync('tests/fixtures/course-valid', lessons, { recursive: true });
  const lesson = path.join(lessons, 'first-steps', 'en.md');
  writeFileSync(
    lesson,
    readFileSync(lesson, 'utf8').replace('title: First steps', `title: "First steps ${HOSTILE}"`),
  );
  const course = path.join(lessons, 'course.yaml');
  writeFileSync(
    course,
    readFileSync(course, 'utf8').replace('en: The basics', `en: "The basics <!--<script>"`),
  );
  cpSync('site/default/public', path.join(SITE, 'public'), { recursive: true });
  writeFileSync(
    path.join(SITE, 'site.yaml'),
    [
      'name: "Notes <!--<script>"',
      'short_name: Notes',
      'description: Notes',
      'theme_color: "#5f6368"',
      'background_color: "#ffffff"',
    ].join('\n'),
  );
  const previous = { LESSONS_DIR: process.env.LESSONS_DIR, SITE_PROFILE: process.env.SITE_PROFILE };
  Object.assign(process.env, { LESSONS_DIR: lessons, SITE_PROFILE: PROFILE });
  try {
    await build({ mode: 'single', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(SITE, { recursive: true, force: true });
});

describe('the single file with hostile titles and name', () => {
  it('still opens the app, shows the titles as text and runs none of them', async () => {
    const browser = await launch(inject('chromePath'));
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.addInitScript(() => {
        (window as unknown as { __canary: string[] }).__canary = [];
      });
      await page.goto(`${pathToFileURL(path.join(out, SINGLE_FILE)).href}#/en/lessons/first-steps`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor({ timeout: 15_000 });
      expect(await heading.textContent()).toBe(`First steps ${HOSTILE}`);
      expect(await page.locator('.app-bar .brand').textContent()).toContain('Notes <!--<script>');
      expect(await page.evaluate(() => (window as unknown as { __canary: string[] }).__canary)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
