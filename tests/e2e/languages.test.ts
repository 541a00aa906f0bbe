/**
 * Reading in Urdu, Hindi or Malay: choosing a language, right-to-left layout, fonts that work
 * offline, progress shared across languages, and honest notices about translations.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWith } from './build-with.ts';
import {
  browserAndServer,
  overflowsHorizontally,
  phone,
  type Server,
  serve,
  waitForServiceWorker,
} from './harness.ts';

const shared = browserAndServer();

const dir = (page: Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const fontFiles = (page: Page) =>
  page.evaluate(
    () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.woff2')).length,
  );
const urduFontReady = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Noto Nastaliq Urdu"', 'اردو');
  });

describe('choosing a language', () => {
  it('asks on first launch, preselected from the browser, then opens in that language', async () => {
    const context = await shared
      .browser()
      .newContext({ viewport: { width: 360, height: 740 }, locale: 'ur-PK' });
    const page = await context.newPage();
    try {
      await page.goto(shared.server().url);
      const urdu = page.getByRole('radio', { name: 'اردو' });
      await urdu.waitFor();
      expect(await urdu.isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'Bahasa Melayu' }).check();
      await page.locator('form.choose-language button[type="submit"]').click();
      await page.waitForURL(/#\/ms\/$/);
      await expect.poll(() => dir(page)).toEqual(['ms', 'ltr']);
      await page.locator('.home h1').waitFor();
      expect(await page.locator('.home h1').textContent()).not.toBe('Learn to stay safe online');

      // The choice is remembered: opening the app again goes straight to Malay.
      await page.goto(shared.server().url);
      await page.waitForURL(/#\/ms\/$/);
      // A shared link that names a language opens in it, without asking.
      await page.goto(`${shared.server().url}#/hi/`);
      await expect.poll(() => dir(page)).toEqual(['hi', 'ltr']);
      await page.locator('.home h1').waitFor();
      expect(await page.locator('form.choose-language').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the language chooser', () => {
  /** Every font the page fetched, with its size on the wire. */
  async function fontsFetched(page: Page): Promise<{ name: string; bytes: number }[]> {
    await page.evaluate(() => document.fonts.ready);
    return page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.name.endsWith('.woff2'))
        .map((entry) => ({ name: entry.name.split('/').pop() ?? '', bytes: entry.transferSize })),
    );
  }

  it.each([
    ['en-US', 'English', []],
    // The page's own words are in Urdu there, so the Urdu font comes; the Hindi one still does not.
    ['ur-PK', 'اردو', ['noto-nastaliq-urdu']],
  ])(
    'draws every language name in its own script without the full fonts (browser in %s)',
    async (locale, preselected, pageFonts) => {
      const context = await shared.browser().newContext({ viewport: { width: 360, height: 740 }, locale });
      const page = await context.newPage();
      try {
        await page.goto(shared.server().url);
        await page.getByRole('radio', { name: preselected }).waitFor();
        for (const name of ['हिन्दी', 'اردو']) {
          const option = page.locator('.language-option > span', { hasText: name });
          expect(await option.evaluate((span) => getComputedStyle(span).fontFamily)).toMatch(
            /^"Language names"/,
          );
        }
        expect(await page.evaluate(() => document.fonts.check('16px "Language names"', 'हिन्दी اردو'))).toBe(
          true,
        );
        const fetched = await fontsFetched(page);
        const full = fetched.filter(({ name }) => name.startsWith('noto-')).map(({ name }) => name);
        expect(full.map((name) => name.replace(/-(arabic|devanagari)-.*/, ''))).toEqual(pageFonts);
        const names = fetched.filter(({ name }) => !name.startsWith('noto-'));
        expect(names).toHaveLength(2);
        expect(names.reduce((sum, { bytes }) => sum + bytes, 0)).toBeLessThan(15_000);
      } finally {
        await context.close();
      }
    },
  );
});

describe('a learner reading in Urdu', () => {
  it('sees a mirrored layout in Nastaliq, saves answers, and keeps them in English', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/ur/lessons/passwords`);
      await page.locator('.lesson h1').waitFor();
      expect(await dir(page)).toEqual(['ur', 'rtl']);
      expect(await page.locator('.lesson h1').getAttribute('lang')).toBe('ur');
      expect(await urduFontReady(page)).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      // The header mirrors: the app name is at the right edge.
      const brand = await page.locator('.brand').boundingBox();
      expect(brand && brand.x > 180).toBe(true);

      const question = page.locator('fieldset.question').first();
      await question.locator('label').first().click();
      await question.locator('button').click();
      await expect.poll(() => question.locator('.result').textContent()).not.toBe('');
      expect(await overflowsHorizontally(page)).toBe(false);

      await page.locator('.language-switcher select').selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'Strong passwords and password managers' }).waitFor();
      await expect.poll(() => dir(page)).toEqual(['en', 'ltr']);
      const english = page.locator('fieldset.question').first();
      await expect.poll(() => english.locator('.result').textContent()).toMatch(/Correct\.|Not quite\./);
      expect(await english.locator('li:first-child input').isChecked()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('keeps lessons and fonts when offline after the first visit', async () => {
    const own = await serve();
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${own.url}#/ur/`);
      await page.locator('.home h1').waitFor();
      await waitForServiceWorker(page);
      await own.close();
      await page.reload();
      await page.locator('.home h1').waitFor();
      await page.locator('.card a').nth(2).click();
      await page.locator('.lesson h1').waitFor();
      expect(await page.locator('.lesson h1').getAttribute('lang')).toBe('ur');
      expect(await urduFontReady(page)).toBe(true);
    } finally {
      await context.close();
      await own.close().catch(() => {});
    }
  });
});

describe('an English reader', () => {
  it('downloads no font file', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/lessons/secure-messaging`);
      await page.locator('.lesson h1').waitFor();
      await page.evaluate(() => document.fonts.ready);
      expect(await fontFiles(page)).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('translations that are missing, out of date or not reviewed', () => {
  const out = path.resolve('dist-e2e-translations');
  let lessons: string;
  let fixture: Server;

  beforeAll(async () => {
    lessons = mkdtempSync(path.join(tmpdir(), 'safe-online-translations-'));
    cpSync('lessons', lessons, { recursive: true });
    rmSync(path.join(lessons, 'secure-messaging', 'ur.md'));
    const english = path.join(lessons, 'passwords', 'en.md');
    writeFileSync(
      english,
      readFileSync(english, 'utf8').replace('Length matters most.', 'Length matters more than anything.'),
    );
    await buildWith(out, { LESSONS_DIR: lessons });
    fixture = await serve(out);
  });

  afterAll(async () => {
    await fixture?.close();
    rmSync(lessons, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('shows an untranslated lesson in English, marked as English, with a notice', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${fixture.url}#/ur/lessons/secure-messaging`);
      await page.getByRole('heading', { level: 1, name: 'Secure messaging' }).waitFor();
      expect(await dir(page)).toEqual(['ur', 'rtl']);
      const title = page.locator('.lesson h1');
      expect([await title.getAttribute('lang'), await title.getAttribute('dir')]).toEqual(['en', 'ltr']);
      expect(await page.locator('.prose').first().getAttribute('dir')).toBe('ltr');
      expect(await page.locator('.page > .notice').count()).toBe(1);
      expect(await overflowsHorizontally(page)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('warns that a translation is older than the English, links to it, and marks it unreviewed', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${fixture.url}#/ur/lessons/passwords`);
      await page.locator('.lesson h1').waitFor();
      const stale = page.locator('.notice-warning', {
        has: page.locator('a[href="#/en/lessons/passwords"]'),
      });
      expect(await stale.count()).toBe(1);
      expect(await page.locator('.badge').count()).toBe(1);
      await stale.locator('a').click();
      await page.getByText('Length matters more than anything.').waitFor();
    } finally {
      await context.close();
    }
  });
});
