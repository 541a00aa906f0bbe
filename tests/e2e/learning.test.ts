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
      for (const question of questions) {
        const fieldset = page.locator('fieldset.question');
        await expect
          .poll(() => fieldset.locator('legend .question-prompt').textContent())
          .toBe(question.prompt.replace(/<[^>]+>/g, ''));
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
});
