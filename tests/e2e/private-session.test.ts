/** "Don't keep my progress on this phone": progress lives in memory and is gone when the app closes. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerQuestion, browserAndServer, phone } from './harness.ts';

const shared = browserAndServer();
const NOTICE = 'Private session: your progress is kept only until you close the app.';

async function answerFirstQuestion(page: Page): Promise<void> {
  await page.goto(`${shared.server().url}#/en/lessons/passwords`);
  await answerQuestion(page);
}

const answered = (page: Page) => page.locator('fieldset.question').first().locator('.result').textContent();
const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).length);

describe('a private session', () => {
  it('erases saved progress, keeps new answers only until the app closes, and can be turned off', async () => {
    const { context, page } = await phone(shared.browser());
    const toggle = page.getByLabel("Don't keep my progress on this phone");
    try {
      await answerFirstQuestion(page);
      await expect.poll(() => databases(page)).toBe(1);
      await page.goto(`${shared.server().url}#/en/settings`);
      await toggle.check();
      await page.getByText('Private session on. The progress saved on this phone has been erased.').waitFor();
      await page.getByText(NOTICE).waitFor();
      // What was saved is gone from the phone.
      expect(await databases(page)).toBe(0);

      await answerFirstQuestion(page);
      expect(await databases(page)).toBe(0);
      // The app closes and opens again: the answer is gone, and the session is still private.
      await page.reload();
      await page.locator('fieldset.question').first().waitFor();
      await page.getByText(NOTICE).waitFor();
      expect(await answered(page)).toBe('');
      expect(await databases(page)).toBe(0);

      // Turned off, this session's answer is saved from then on, and survives a reload.
      await answerFirstQuestion(page);
      await page.goto(`${shared.server().url}#/en/settings`);
      await toggle.uncheck();
      await page
        .getByText(
          "Private session off. Your progress is saved on this phone again, including this session's.",
        )
        .waitFor();
      expect(await toggle.isChecked()).toBe(false);
      await page.reload();
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await expect.poll(() => answered(page)).not.toBe('');
      expect(await page.getByText(NOTICE).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('erases what a switch cut short left behind, the next time the app opens', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await answerFirstQuestion(page);
      // As if the app was closed while the session was being made private: the choice is kept,
      // the database not yet erased.
      await page.evaluate(() => localStorage.setItem('private-session', '1'));
      await page.reload();
      await page.getByText(NOTICE).waitFor();
      await expect.poll(() => databases(page)).toBe(0);
      await page.locator('fieldset.question').first().waitFor();
      expect(await answered(page)).toBe('');
    } finally {
      await context.close();
    }
  });
});
