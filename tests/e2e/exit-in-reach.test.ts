/**
 * The way out is always in reach: Quick exit and Erase stay on screen, and tappable, wherever a
 * learner has scrolled, at the largest text size, without covering what is being read; and a new
 * page opens at its top.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, phone } from './harness.ts';

const shared = browserAndServer();
const NAMES = {
  en: { exit: 'Quick exit', erase: 'Erase' },
  ur: { exit: 'فوراً نکلیں', erase: 'مٹائیں' },
};
/** A fifth of a 360 × 740 screen: the most the header may keep of it once scrolled. */
const MOST_HEADER = 740 / 5;

/** Chooses the largest text size in Settings, as a learner does. */
async function largestText(page: Page, locale: string): Promise<void> {
  await page.goto(`${shared.server().url}#/${locale}/settings`);
  await page.locator('input[name="text-size"][value="150"]').check();
  await page.locator('html[data-text-size="150"]').waitFor({ state: 'attached' });
}

/** Where a control is, whether it is all on screen, and whether a tap at its centre reaches it. */
function reach(control: Locator) {
  return control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {
      onScreen: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      bigEnough: box.width >= 44 && box.height >= 44,
      tappable: hit !== null && element.contains(hit),
    };
  });
}

const scrollTo = (page: Page, where: 'top' | 'middle' | 'end') =>
  page.evaluate((where) => {
    const height = document.documentElement.scrollHeight;
    const top = where === 'top' ? 0 : where === 'middle' ? height / 2 : height;
    window.scrollTo({ top, behavior: 'instant' });
  }, where);

describe.each(['en', 'ur'] as const)('at the largest text size in %s, on a small phone', (locale) => {
  it('keeps Quick exit and Erase on screen and tappable at the top, middle and end of a long lesson', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await largestText(page, locale);
      await page.goto(`${shared.server().url}#/${locale}/lessons/documenting-violations`);
      await page.locator('fieldset.question').first().waitFor();
      const exit = page.getByRole('button', { name: NAMES[locale].exit });
      const erase = page.getByRole('link', { name: NAMES[locale].erase, exact: true });
      const lessonHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      // Twelve screens or more: half way through, the page's top is thousands of pixels away.
      expect(lessonHeight).toBeGreaterThan(12 * 740);
      for (const where of ['top', 'middle', 'end'] as const) {
        await scrollTo(page, where);
        await expect
          .poll(() => reach(exit), { message: `Quick exit at the ${where}` })
          .toEqual({
            onScreen: true,
            bigEnough: true,
            tappable: true,
          });
        expect(await reach(erase), `Erase at the ${where}`).toMatchObject({ onScreen: true, tappable: true });
      }
      // Scrolled, what stays of the header is slim, and the lesson has the rest of the screen.
      await scrollTo(page, 'middle');
      const kept = await page
        .locator('.app-bar')
        .evaluate((bar) => Math.min(bar.getBoundingClientRect().bottom, innerHeight));
      expect(kept).toBeGreaterThan(44);
      expect(kept).toBeLessThanOrEqual(MOST_HEADER);
    } finally {
      await context.close();
    }
  });

  it('never has Quick exit over an answer or a link of the lesson a learner moves to', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      // Each move then lands at once; a smooth scroll ends at the same place.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await largestText(page, locale);
      await page.goto(`${shared.server().url}#/${locale}/lessons/passwords`);
      await page.locator('fieldset.question').first().waitFor();
      const exit = page.getByRole('button', { name: NAMES[locale].exit });
      // From the end of the lesson up, as with Shift+Tab: each answer and link comes to the top edge.
      const overlaps = await exit.evaluate((button) => {
        const found: string[] = [];
        const controls = [...document.querySelectorAll<HTMLElement>('.lesson :is(input, a, button)')];
        for (const control of controls.reverse()) {
          control.focus();
          // A button that cannot be pressed yet takes no focus.
          if (document.activeElement !== control) continue;
          const target = (control.closest('label') ?? control).getBoundingClientRect();
          const exitBox = button.getBoundingClientRect();
          const apart =
            target.bottom <= exitBox.top ||
            target.top >= exitBox.bottom ||
            target.right <= exitBox.left ||
            target.left >= exitBox.right;
          const exitInView = exitBox.top >= 0 && exitBox.bottom <= innerHeight;
          if (!apart || !exitInView) found.push(control.closest('label')?.textContent ?? control.outerHTML);
        }
        return { checked: controls.length, found };
      });
      expect(overlaps.checked).toBeGreaterThan(20);
      expect(overlaps.found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a new page', () => {
  /** The page is at its very top, its heading in view below the header. */
  const atTop = (page: Page) =>
    page.locator('main h1').evaluate((heading) => {
      const box = heading.getBoundingClientRect();
      return { scrolled: scrollY, headingInView: box.top >= 0 && box.bottom <= innerHeight };
    });

  it('opens at its top, from the end of a lesson: Next lesson, and a link at the foot of the page', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await page.locator('fieldset.question').first().waitFor();
      await scrollTo(page, 'end');
      await page.getByRole('link', { name: /^Next lesson/ }).click();
      await page.locator('main h1', { hasText: 'Two-step verification' }).waitFor();
      await page.locator('fieldset.question').first().waitFor();
      await expect.poll(() => atTop(page)).toEqual({ scrolled: 0, headingInView: true });

      await scrollTo(page, 'end');
      await page.locator('.app-footer').getByRole('link', { name: 'Glossary' }).click();
      await page.locator('.terms dt').first().waitFor();
      await expect.poll(() => atTop(page)).toEqual({ scrolled: 0, headingInView: true });
    } finally {
      await context.close();
    }
  });
});
