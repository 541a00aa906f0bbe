/** Presenting a lesson in a workshop: slides by keys, clicker, buttons and swipe; polls revealed on a click. */
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { lessonSlides } from '../../src/shared/slides.ts';
import { browserAndServer } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

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
      const position = page.locator('.slide-position');
      const start = await position.textContent();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => position.textContent()).not.toBe(start);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => position.textContent()).toBe(start);
    } finally {
      await page.close();
    }
  });
});
