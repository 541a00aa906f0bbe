/** Quick exit: someone looks over the learner's shoulder, and the lesson is gone at once, even from Back. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { answerQuestion, browserAndServer, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

/** What is on screen now, and the address. */
async function screen(page: Page): Promise<{ url: string; text: string; title: string }> {
  return {
    url: page.url(),
    text: (await page.evaluate(() => document.body?.textContent ?? '')).trim(),
    title: await page.title(),
  };
}

describe('quick exit', () => {
  it('replaces the lesson with a blank page, and Back does not bring it back', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/ur/`);
      await page.locator('.home h1').waitFor();
      await page.goto(`${shared.server().url}#/ur/lessons/documenting-violations`);
      await page.locator('.lesson h1').waitFor();
      await page.getByRole('button', { name: 'فوراً نکلیں' }).click();
      await page.waitForURL('about:blank');
      expect(await screen(page)).toEqual({ url: 'about:blank', text: '', title: '' });

      // Back, twice: through the lesson's place in history and the home page's.
      for (const _ of [1, 2]) {
        await page.goBack().catch(() => undefined);
        await page.waitForURL('about:blank');
        await page.waitForTimeout(300);
        expect(await screen(page)).toEqual({ url: 'about:blank', text: '', title: '' });
      }

      // Opened afresh, the app works as before.
      await page.goto(`${shared.server().url}#/ur/lessons/documenting-violations`);
      await page.locator('.lesson h1').waitFor();
    } finally {
      await context.close();
    }
  });

  it('leaves no lesson in the tab’s history, by title or by address', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/`);
      // A learner starts the course from the list, and reads on through two more lessons.
      const [first, second, third] = course.entries.map((entry) => course.lessons.get(entry.id)?.get('en'));
      await page.locator('.card').getByRole('link', { name: first?.title, exact: true }).click();
      for (const next of [second, third]) {
        await page.locator('.lesson h1').waitFor();
        await page.getByRole('link', { name: `Next lesson: ${next?.title}` }).click();
      }
      // Back and Forward still move between the lessons.
      await page.goBack();
      await page.locator('.lesson h1', { hasText: second?.title }).waitFor();
      await page.goForward();
      await page.locator('.lesson h1', { hasText: third?.title }).waitFor();

      await page.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL('about:blank');
      // The tab's back and forward lists, as the browser keeps them.
      const cdp = await context.newCDPSession(page);
      const { entries } = await cdp.send('Page.getNavigationHistory');
      const names = course.entries.flatMap((entry) => [
        `/lessons/${entry.id}`,
        ...[...(course.lessons.get(entry.id)?.values() ?? [])].map((lesson) => lesson.title),
      ]);
      const naming = entries.filter(({ url, title }) =>
        names.some((name) => url.includes(name) || title.includes(name)),
      );
      expect(naming).toEqual([]);
      expect(entries.at(-1)?.url).toBe('about:blank');
    } finally {
      await context.close();
    }
  });

  it('also happens on pressing Escape three times, on any page', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/present/passwords`);
      await page.locator('h1').first().waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      expect(page.url()).toContain('present/passwords');
      await page.keyboard.press('Escape');
      await page.waitForURL('about:blank');
      expect((await screen(page)).text).toBe('');
    } finally {
      await context.close();
    }
  });

  it('is on every page, in the header', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      for (const route of ['', 'lessons/passwords', 'progress', 'settings', 'glossary', 'workshops']) {
        await page.goto(`${shared.server().url}#/en/${route}`);
        await page.locator('header').getByRole('button', { name: 'Quick exit' }).waitFor();
      }
    } finally {
      await context.close();
    }
  });
});

describe('fast erase', () => {
  it('takes two taps from any page, leaves a blank page, and nothing of the app behind', async () => {
    const { context, page } = await phone(shared.browser());
    const origin = shared.server().url;
    try {
      await page.goto(`${origin}#/hi/lessons/passwords`);
      await answerQuestion(page, 0, 0, 'उत्तर जाँचें');
      await page.evaluate(() => navigator.serviceWorker.ready);
      const before = await page.evaluate(async () => ({
        databases: (await indexedDB.databases()).length,
        workers: (await navigator.serviceWorker.getRegistrations()).length,
      }));
      expect(before).toEqual({ databases: 1, workers: 1 });

      await page.locator('header').getByRole('link', { name: 'मिटाएँ' }).click();
      await page.getByRole('button', { name: 'हाँ, सब कुछ मिटाएँ' }).click();
      await page.waitForURL('about:blank');
      expect((await screen(page)).text).toBe('');

      // Looked at from a plain file of the same site, so the app does not start again.
      await page.goto(`${origin}favicon.svg`);
      const left = await page.evaluate(async () => ({
        databases: (await indexedDB.databases()).map((db) => db.name),
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        local: localStorage.length,
      }));
      expect(left).toEqual({ databases: [], caches: [], workers: 0, local: 0 });
    } finally {
      await context.close();
    }
  });
});
