/** "Don't keep my progress on this phone": progress lives in memory and is gone when the app closes. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, phone } from './harness.ts';

const shared = browserAndServer();

async function answerFirstQuestion(page: Page): Promise<void> {
  await page.goto(`${shared.server().url}#/en/lessons/passwords`);
  const question = page.locator('fieldset.question').first();
  await question.locator('label').first().click();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect.poll(() => question.locator('.result').textContent()).not.toBe('');
}

const answered = (page: Page) => page.locator('fieldset.question').first().locator('.result').textContent();

describe('a private session', () => {
  it('erases saved progress, keeps new answers only until the app closes, and can be turned off', async () => {
    const { context, page } = await phone(shared.browser());
    const toggle = page.getByLabel("Don't keep my progress on this phone");
    try {
      await answerFirstQuestion(page);
      await page.goto(`${shared.server().url}#/en/settings`);
      await toggle.check();
      await page.getByText('Private session: your progress is kept only until you close the app.').waitFor();
      // What was saved is gone from the phone.
      await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);

      await answerFirstQuestion(page);
      expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
      // The app closes and opens again: the answer is gone, and the session is still private.
      await page.reload();
      await page.locator('fieldset.question').first().waitFor();
      expect(await answered(page)).toBe('');
      await page.getByText('Private session: your progress is kept only until you close the app.').waitFor();

      // Turned off, this session's answer is saved from then on, and survives a reload.
      await answerFirstQuestion(page);
      await page.goto(`${shared.server().url}#/en/settings`);
      await toggle.uncheck();
      await page.reload();
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await expect.poll(() => answered(page)).not.toBe('');
      expect(await page.getByText('Private session').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
