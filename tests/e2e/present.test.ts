/** Presenting a lesson in a workshop: slides by keys, clicker, buttons and swipe; polls revealed on a click. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { lessonSlides } from '../../src/shared/slides.ts';
import { browserAndServer, waitForServiceWorker } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

/** Whether the revealed right answer's verdict stands on a line of its own, below the option's text. */
function verdictApart(page: Page): Promise<boolean> {
  return page
    .locator('.poll-options .is-right')
    .first()
    .evaluate((option) => {
      const text = option.firstElementChild?.getBoundingClientRect();
      const verdict = option.querySelector('.verdict');
      const box = verdict?.getBoundingClientRect();
      // biome-ignore lint/performance/useDomNodeTextContent: the lines as drawn are what a reader sees
      const lines = (option as HTMLElement).innerText.split('\n').map((line) => line.trim());
      return Boolean(
        text && box && box.top >= text.bottom - 1 && lines.includes(verdict?.textContent?.trim() ?? '-'),
      );
    });
}

describe('presentation mode', () => {
  it('moves through the slides with arrow keys and a clicker, and reveals a poll answer', async () => {
    const lesson = course.lessons.get('passwords')?.get('en');
    if (!lesson) throw new Error('no passwords lesson');
    const slides = lessonSlides(lesson);
    const page = await shared.browser().newPage({ viewport: { width: 1024, height: 700 } });
    try {
      await page.goto(`${shared.server().url}#/en/present/passwords`);
      const position = page.locator('.slide-position');
      await expect.poll(() => position.textContent()).toBe(`Slide 1 of ${slides.length}`);
      expect(await page.locator('.slide h1').textContent()).toBe(lesson.title);
      // The title, kept in the browser's history, names the slides and not the lesson.
      await expect.poll(() => page.title()).toBe('Slides · Safe Online');

      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('PageDown');
      await expect.poll(() => position.textContent()).toBe(`Slide 3 of ${slides.length}`);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => position.textContent()).toBe(`Slide 2 of ${slides.length}`);
      await page.keyboard.press('PageUp');
      await expect.poll(() => position.textContent()).toBe(`Slide 1 of ${slides.length}`);

      // Straight to the first poll with the on-screen button.
      const poll = slides.findIndex((slide) => slide.kind === 'poll');
      for (let i = 0; i < poll; i++) await page.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => position.textContent()).toBe(`Slide ${poll + 1} of ${slides.length}`);
      expect(await page.locator('.poll-options .is-right').count()).toBe(0);
      expect(await page.locator('.explanation').count()).toBe(0);
      await page.getByRole('button', { name: 'Show the answer' }).click();
      const pollSlide = slides[poll];
      const right =
        pollSlide?.kind === 'poll' ? pollSlide.question.options.filter((option) => option.correct).length : 0;
      expect(await page.locator('.poll-options .is-right').count()).toBe(right);
      expect(await page.locator('.explanation').count()).toBeGreaterThan(0);
      expect(await verdictApart(page)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('runs right to left in Urdu: the left arrow goes forward', async () => {
    const page = await shared.browser().newPage({ viewport: { width: 1024, height: 700 } });
    try {
      await page.goto(`${shared.server().url}#/ur/present/passwords`);
      const slide = page.locator('.slide');
      await slide.waitFor();
      expect(await slide.getAttribute('dir')).toBe('rtl');
      await expect.poll(() => page.title()).toBe('سلائیڈز · Safe Online');
      const position = page.locator('.slide-position');
      const start = await position.textContent();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => position.textContent()).not.toBe(start);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => position.textContent()).toBe(start);

      // A revealed poll keeps the option's words and the verdict apart.
      const lesson = course.lessons.get('passwords')?.get('ur');
      const poll = lesson ? lessonSlides(lesson).findIndex((one) => one.kind === 'poll') : -1;
      for (let i = 0; i < poll; i++) await page.keyboard.press('ArrowLeft');
      const reveal = JSON.parse(readFileSync('locales/ur.json', 'utf8')).present.reveal as string;
      await page.getByRole('button', { name: reveal }).click();
      expect(await verdictApart(page)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('fits each section slide of a lesson on a projector screen, in English and Urdu', async () => {
    const page = await shared.browser().newPage({ viewport: { width: 1280, height: 720 } });
    try {
      for (const locale of ['en', 'ur'] as const) {
        // The Next button, by its name in the language: it works as soon as it is drawn.
        const next = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')).present.next as string;
        const lesson = course.lessons.get('passwords')?.get(locale);
        if (!lesson) throw new Error(`no passwords lesson in ${locale}`);
        const slides = lessonSlides(lesson);
        await page.goto(`${shared.server().url}#/${locale}/present/passwords`);
        // Once the app is saved for offline use, its one-time notice no longer takes room.
        await waitForServiceWorker(page);
        await page.reload();
        await page.locator('.slide').waitFor();
        const tooTall: string[] = [];
        for (const [number, slide] of slides.entries()) {
          if (slide.kind === 'content') {
            // The lowest line of the slide's text stays above the controls, with nothing to scroll,
            // once the slide has settled (fonts loaded, laid out).
            const overflow = () =>
              page.evaluate(async () => {
                await document.fonts.ready;
                const controls = document.querySelector('.slide-nav')?.getBoundingClientRect();
                const lines = [...document.querySelectorAll('.slide *')].map(
                  (node) => node.getBoundingClientRect().bottom,
                );
                return controls ? Math.max(0, ...lines) - controls.top : Number.POSITIVE_INFINITY;
              });
            const settled = await expect
              .poll(overflow, { timeout: 2_000 })
              .toBeLessThanOrEqual(1)
              .then(
                () => true,
                () => false,
              );
            if (!settled) tooTall.push(`slide ${number + 1}, ${Math.round(await overflow())} px too tall`);
          }
          if (number < slides.length - 1) {
            const shown = await page.locator('.slide-position').textContent();
            await page.getByRole('button', { name: next, exact: true }).click();
            await expect.poll(() => page.locator('.slide-position').textContent()).not.toBe(shown);
          }
        }
        expect({ locale, tooTall }).toEqual({ locale, tooTall: [] });
      }
    } finally {
      await page.close();
    }
  });
});
