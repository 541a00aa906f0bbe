/** Printing a lesson gives a handout: no app chrome, a blank quiz, and the answer key on its own page. */
import { describe, expect, it } from 'vitest';
import { browserAndServer, phone } from './harness.ts';
import { pdfText } from './pdf.ts';

const shared = browserAndServer();

describe('a printed lesson', () => {
  it('is a handout with a blank quiz and the answer key on a page of its own', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      const question = page.locator('fieldset.question').first();
      await question.locator('label').first().click();
      await question.locator('button').click();
      await expect.poll(() => question.locator('.result').textContent()).not.toBe('');

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-bar').isVisible()).toBe(false);
      expect(await page.locator('.lesson-nav').isVisible()).toBe(false);
      expect(await page.locator('.feedback').first().isVisible()).toBe(false);
      expect(await page.locator('fieldset.question input').first().isVisible()).toBe(false);
      expect(
        await page.getByRole('heading', { name: 'Strong passwords and password managers' }).isVisible(),
      ).toBe(true);
      const key = page.locator('.answer-key');
      expect(await key.isVisible()).toBe(true);
      expect(await key.locator(':scope > ol > li').count()).toBe(
        await page.locator('fieldset.question').count(),
      );
      expect(await key.evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');

      const pages = await pdfText(await page.pdf({ format: 'A4' }));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages[0]).toContain('Strong passwords and password managers');
      expect(pages.at(-1)).toContain('Answer key');
      expect(pages.join(' ')).not.toContain('Check answer');
    } finally {
      await context.close();
    }
  });

  it('gives a workshop pack: the agenda, then each lesson of the plan as a handout', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/workshops/intro-two-hours`);
      await page.locator('.agenda').waitFor();
      await expect.poll(() => page.locator('.handout').count()).toBe(3);
      await page.emulateMedia({ media: 'print' });
      const pages = await pdfText(await page.pdf({ format: 'A4' }));
      const text = pages.join(' ');
      expect(pages[0]).toContain('A two-hour introduction');
      for (const title of [
        'Make your security plan',
        'Strong passwords and password managers',
        'Secure messaging',
      ]) {
        expect(text).toContain(title);
      }
      expect(pages.filter((content) => content.includes('Answer key')).length).toBe(3);
    } finally {
      await context.close();
    }
  });
});
