/** Studying over days: where to start, where to continue, and questions coming back for review. */
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { browserAndServer, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

/** The questions of a lesson as the learner sees them, with which option is right. */
function questionsOf(lessonId: string) {
  return (course.lessons.get(lessonId)?.get('en')?.blocks ?? []).flatMap((block) =>
    block.kind === 'quiz' ? block.questions : [],
  );
}

describe('a learner coming back', () => {
  it('is shown where to start, then where to continue, and the questions to review', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      const first = course.entries[0];
      const firstTitle = course.lessons.get(first?.id ?? '')?.get('en')?.title ?? '';
      await page.goto(`${shared.server().url}#/en/`);
      await page.locator('.resume').getByText('Start here').waitFor();
      expect(await page.locator('.resume a.button').first().textContent()).toBe(firstTitle);
      expect(
        await page
          .locator('.resume')
          .getByText(/to review today/)
          .count(),
      ).toBe(0);

      // Two questions answered wrong in the second lesson.
      const lesson = course.entries[1];
      const questions = questionsOf(lesson?.id ?? '').slice(0, 2);
      await page.goto(`${shared.server().url}#/en/lessons/${lesson?.id}`);
      for (const question of questions) {
        const wrong = question.options.findIndex((option) => !option.correct);
        const fieldset = page
          .locator('fieldset.question')
          .nth(questionsOf(lesson?.id ?? '').indexOf(question));
        await fieldset.locator('label').nth(wrong).click();
        await fieldset.getByRole('button', { name: 'Check answer' }).click();
        await expect.poll(() => fieldset.locator('.result').textContent()).toBe('Not quite.');
      }

      await page.getByRole('link', { name: 'Lessons', exact: true }).click();
      await page.locator('.resume').getByText('Continue where you left off').waitFor();
      const title = course.lessons.get(lesson?.id ?? '')?.get('en')?.title;
      expect(await page.locator('.resume a.button').first().textContent()).toBe(title);
      const due = page.locator('.resume').getByRole('link', { name: '2 questions to review today' });
      await due.waitFor();

      await due.click();
      await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
      for (const [index, question] of questions.entries()) {
        const fieldset = page.locator('fieldset.question');
        await expect
          .poll(() => fieldset.locator('legend .question-prompt').textContent())
          .toBe(question.prompt.replace(/<[^>]+>/g, ''));
        // Where the learner is, said once.
        expect(
          await page
            .locator('main')
            .getByText(new RegExp(`\\b${index + 1} of 2\\b`))
            .count(),
        ).toBe(1);
        expect(await fieldset.locator('li').count()).toBe(question.options.length);
        // Answer right this time: find the right options by their text, wherever the shuffle put them.
        const right = question.options
          .filter((option) => option.correct)
          .map((option) => option.html.replace(/<[^>]+>/g, ''));
        const labels = fieldset.locator('label');
        const texts = await labels.allTextContents();
        for (const [i, text] of texts.entries()) if (right.includes(text.trim())) await labels.nth(i).click();
        await fieldset.getByRole('button', { name: 'Check answer' }).click();
        await expect.poll(() => fieldset.locator('.result').textContent()).toBe('Correct.');
        await page.getByRole('button', { name: 'Next question' }).click();
      }
      await page.getByText('That is all for today.').waitFor();

      // Rescheduled for later: nothing left for today, even after a reload.
      await page.reload();
      await page.getByText('Nothing to review today.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('goes back from a lesson to the same place in the list of lessons', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/`);
      const last = page.locator('main a[href*="/lessons/"]').last();
      await last.waitFor();
      await last.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, -200);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
      await page.waitForTimeout(300);
      const href = await last.getAttribute('href');
      const before = (await last.boundingBox())?.y;
      await last.click();
      await page.waitForFunction(() => location.hash.includes('/lessons/'));
      await page.locator('.lesson h1').waitFor();
      // The lesson opens at its top.
      expect(await page.evaluate(() => scrollY)).toBe(0);

      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Learn to stay safe online' }).waitFor();
      // The lesson just left is where it was on the screen, although the list now marks it as started.
      await expect
        .poll(async () => (await page.locator(`main a[href="${href}"]`).boundingBox())?.y)
        .toBeCloseTo(before ?? 0, -1);
    } finally {
      await context.close();
    }
  });
});
