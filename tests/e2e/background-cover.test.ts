/**
 * The phone's list of open apps shows a picture of each app as it was left: when the app goes to
 * the background, its screen is covered by its name alone, and uncovered when it comes back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, phone, setVisibility } from './harness.ts';

const shared = browserAndServer();

/** What the phone would show of the app in its list of open apps. */
const seen = (page: Page) =>
  page.evaluate(() => {
    const atCentre = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    return {
      cover: getComputedStyle(document.body, '::after').content,
      lessonInView: Boolean(atCentre?.closest('#app')),
      pageInert: document.getElementById('app')?.inert,
    };
  });

describe('in the background', () => {
  it('covers the lesson with the app’s name, out of reach, and shows it again with its focus', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/lessons/documenting-violations`);
      const option = page.locator('fieldset.question input').first();
      await option.focus();
      expect(await seen(page)).toEqual({ cover: 'none', lessonInView: true, pageInert: false });

      await setVisibility(page, 'hidden');
      expect(await seen(page)).toEqual({ cover: '"Safe Online"', lessonInView: false, pageInert: true });
      expect(await page.locator('.lesson h1').isVisible()).toBe(false);
      // Nothing of the lesson can be reached by keyboard or read out.
      await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true);
      expect(await page.locator('body').ariaSnapshot()).not.toContain('heading');

      await setVisibility(page, 'visible');
      expect(await seen(page)).toEqual({ cover: 'none', lessonInView: true, pageInert: false });
      expect(await option.evaluate((input) => document.activeElement === input)).toBe(true);

      // Leaving the page (for another site, or closing it) covers it too, for the browser's own list of tabs.
      await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
      expect((await seen(page)).cover).toBe('"Safe Online"');
    } finally {
      await context.close();
    }
  });
});
