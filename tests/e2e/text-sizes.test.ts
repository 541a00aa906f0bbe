/**
 * Every text size works in every language on a small phone: the header keeps at most a fifth of the
 * screen with the way out in it, no word is broken mid-letter, and Erase's confirm is on screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, overflowsHorizontally } from './harness.ts';

const shared = browserAndServer();
const LOCALES = ['en', 'hi', 'ms', 'ur'] as const;
const SIZES = ['100', '115', '130', '150'] as const;
/** A fifth of a 360 × 740 screen. */
const MOST_HEADER = 740 / 5;

/** Chooses a text size in Settings, as a learner does. */
async function textSize(page: Page, locale: string, size: string): Promise<void> {
  await page.goto(`${shared.server().url}#/${locale}/settings`);
  await page.locator(`input[name="text-size"][value="${size}"]`).check();
  await page.locator(`html[data-text-size="${size}"]`).waitFor({ state: 'attached' });
}

/** Opens a page and waits for it and its fonts, so that lines are where a reader sees them. */
async function open(page: Page, locale: string, path: string, ready: string): Promise<void> {
  await page.goto(`${shared.server().url}#/${locale}/${path}`);
  await page.locator(ready).first().waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * The words on the page split across two lines. A word is a run of letters, marks and digits; its
 * range has one box per line it is on, so boxes one above the other mean a break inside it. Only
 * addresses and code (with "/", "@", "." or "_" in them, or in code) may break where they must.
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const parent = node.parentElement;
      if (!parent || parent.closest('.visually-hidden, option, code, pre, .address')) continue;
      for (const chunk of node.data.matchAll(/\S+/g)) {
        if (/[/@._]/.test(chunk[0])) continue;
        for (const word of chunk[0].matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
          const range = document.createRange();
          const start = (chunk.index ?? 0) + (word.index ?? 0);
          range.setStart(node, start);
          range.setEnd(node, start + word[0].length);
          const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
          if (boxes.some((box) => boxes.some((other) => box.top >= other.bottom - 2))) {
            found.push(`"${word[0]}" in ${parent.tagName.toLowerCase()}.${parent.className}`);
          }
        }
      }
    }
    return found;
  });
}

/** The header's height, and whether Quick exit and Help now are whole on screen and tappable. */
function header(page: Page) {
  return page.evaluate(() => {
    const reachable = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) return false;
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const onScreen = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
      return onScreen && box.height >= 44 && !!hit && element.contains(hit);
    };
    return {
      height: document.querySelector('.app-bar')?.getBoundingClientRect().height ?? 0,
      quickExit: reachable('.quick-exit'),
      helpNow: reachable('.help-now-link'),
    };
  });
}

describe.each(LOCALES)('in %s on a 360 × 740 phone', (locale) => {
  it.each(SIZES)(
    'at text size %s the header keeps a fifth of the screen, with the way out in it',
    async (size) => {
      const context = await shared.browser().newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      try {
        await textSize(page, locale, size);
        await open(page, locale, '', '.home h1');
        const bar = await header(page);
        expect(bar.height).toBeLessThanOrEqual(MOST_HEADER);
        expect(bar).toMatchObject({ quickExit: true, helpNow: true });
        expect(await overflowsHorizontally(page)).toBe(false);
        // Every page link is one tap away, in the header or in its menu.
        const menu = page.locator('.menu-button');
        if (await menu.isVisible()) {
          await menu.click();
          expect(await menu.getAttribute('aria-expanded')).not.toBe('false');
        }
        const links = page.locator('.app-bar nav a');
        expect(await links.count()).toBe(4);
        for (const link of await links.all()) {
          const box = await link.boundingBox();
          expect(box?.height).toBeGreaterThanOrEqual(44);
          expect(box && box.y >= 0 && box.y + box.height <= 740).toBe(true);
        }
        await links.nth(1).click();
        await page.locator('.search h1').waitFor();
        // The new page opens with the menu closed, and the header slim again.
        expect((await header(page)).height).toBeLessThanOrEqual(MOST_HEADER);
      } finally {
        await context.close();
      }
    },
  );

  it('at the largest text size no word breaks mid-letter, and Erase can be confirmed without scrolling', async () => {
    const context = await shared.browser().newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      await textSize(page, locale, '150');
      const pages: [string, string][] = [
        ['', '.home h1'],
        ['lessons/documenting-violations', 'fieldset.question'],
        ['lessons/checking-information', 'fieldset.question'],
        ['help-now', '.help-now h1'],
        ['erase', '.erase h1'],
      ];
      for (const [path, ready] of pages) {
        await open(page, locale, path, ready);
        expect(await brokenWords(page), path || 'home').toEqual([]);
      }
      const confirm = await page.locator('.erase .button-danger').boundingBox();
      expect(confirm && confirm.y + confirm.height).toBeLessThanOrEqual(740);
    } finally {
      await context.close();
    }
  });

  it('on a laptop, the workshop agenda breaks no word', async () => {
    const context = await shared.browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    try {
      await open(page, locale, 'workshops/full-day', '.agenda');
      expect(await brokenWords(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
