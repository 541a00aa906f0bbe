/**
 * Country notes on the law in a lesson: every country's note until the learner chooses a country
 * on the Get help page, then only that country's, in English and in Urdu (right to left).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, overflowsHorizontally, phone } from './harness.ts';

const shared = browserAndServer();
const LESSON = 'lessons/checking-information';

/** The law notes a learner sees: each landmark's heading, once the notes have loaded. */
async function notes(page: Page): Promise<string[]> {
  await page.locator('.callout-law').first().waitFor();
  return page.locator('aside.callout-law :is(h2, h3, h4)').allTextContents();
}

describe('law notes in a lesson', () => {
  it('show every country until one is chosen, then only the learner’s, in English and Urdu', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/${LESSON}`);
      expect(await notes(page)).toEqual(['The law in India', 'The law in Malaysia', 'The law in Pakistan']);
      // Three landmarks, each told apart by its country and law.
      const pakistan = page.getByRole('complementary', {
        name: /^The law in Pakistan: Prevention of Electronic Crimes Act 2016, section 26A$/,
      });
      expect(await pakistan.count()).toBe(1);
      expect(await pakistan.textContent()).toContain(
        'Checked December 7, 2026. This is not legal advice, and laws change.',
      );
      expect(await pakistan.textContent()).not.toContain('check before relying on it');
      expect(await overflowsHorizontally(page)).toBe(false);

      // A learner may first meet the country question here.
      await pakistan.getByRole('link', { name: 'Choose your country to see only its law' }).click();
      await page.getByRole('button', { name: 'Pakistan' }).click();
      await page.locator('.help-entry').first().waitFor();
      await page.goBack();
      expect(await notes(page)).toEqual(['The law in Pakistan']);
      expect(await page.getByText('Prevention of Electronic Crimes Act 2016, section 26A').count()).toBe(1);
      expect(await page.getByText('Bharatiya Nyaya Sanhita, 2023, section 353').count()).toBe(0);
      expect(
        await page.getByRole('link', { name: 'Not in Pakistan? Change your country' }).getAttribute('href'),
      ).toBe('#/en/help');

      await page.goto(`${shared.server().url}#/ur/${LESSON}`);
      expect(await notes(page)).toEqual(['پاکستان میں قانون']);
      const box = page.locator('aside.callout-law');
      expect(await box.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
      // The edge that marks the box stands on the right, where Urdu lines start.
      const edges = await box.evaluate((element) => {
        const style = getComputedStyle(element);
        return { right: style.borderRightWidth, left: style.borderLeftWidth };
      });
      expect(edges).toEqual({ right: '6px', left: '0px' });
      expect(await box.textContent()).toContain('یہ قانونی مشورہ نہیں ہے');
      expect(await overflowsHorizontally(page)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('say "check before relying on it" once six months have passed since they were checked', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.clock.install({ time: new Date('2027-06-08T09:00:00Z') });
      await page.goto(`${shared.server().url}#/en/${LESSON}`);
      await notes(page);
      const stale = page.locator('aside.callout-law').filter({ hasText: 'check before relying on it' });
      expect(await stale.count()).toBe(3);
    } finally {
      await context.close();
    }
  });

  it('are printed for the learner’s country without the link to change it', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/${LESSON}`);
      await notes(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('aside.callout-law').first().isVisible()).toBe(true);
      expect(await page.locator('.law-country').first().isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
