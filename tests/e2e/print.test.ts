/** Printing a lesson gives a handout: no app chrome, a blank quiz, and the answer key on its own page. */
import { describe, expect, it } from 'vitest';
import { browserAndServer, phone } from './harness.ts';

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

      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }
  });
});
