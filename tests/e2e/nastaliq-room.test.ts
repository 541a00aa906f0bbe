/**
 * Nastaliq reaches far above and below its line. On every page, at every text size, no Urdu
 * letter is drawn across the edge of its own box (a button, an option, a card) or into another
 * box (the one above or below). Where the letters are drawn is measured, not guessed: the ink's
 * height comes from the font itself (canvas measureText), placed on each line the browser laid out.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, phone, waitForServiceWorker } from './harness.ts';

const shared = browserAndServer();
const SIZES = ['100', '115', '130', '150'];
const PAGES = [
  '',
  '#/ur/',
  '#/ur/lessons/passwords',
  '#/ur/settings',
  '#/ur/progress',
  '#/ur/review',
  '#/ur/search',
  '#/ur/glossary',
  '#/ur/erase',
  '#/ur/workshops',
];

/** In the page: every place where Urdu ink crosses the edge of a box, as "text: what it crosses". */
function crossings(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const urdu = /[\u0600-\u06FF]/;
    /** A box a reader sees: a border or a background of its own. */
    const isBox = (element: Element) => {
      const style = getComputedStyle(element);
      const border = ['Top', 'Bottom'].some(
        (side) =>
          Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
          style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none',
      );
      const background =
        style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent';
      return (border || background) && style.visibility !== 'hidden' && style.display !== 'none';
    };
    // A notice floating over the page covers text by design; what it covers is not its own.
    const floats = (element: Element): boolean =>
      ['fixed', 'sticky'].includes(getComputedStyle(element).position) ||
      (element.parentElement !== null && floats(element.parentElement));
    const boxes = [...document.querySelectorAll('body *')]
      .filter((element) => isBox(element) && !['HTML', 'BODY', 'MAIN'].includes(element.tagName))
      .filter((element) => !floats(element))
      .map((element) => ({ element, edge: element.getBoundingClientRect() }))
      .filter(({ edge }) => edge.width > 0 && edge.height > 0);
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`;
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || !urdu.test(node.data)) continue;
      const style = getComputedStyle(parent);
      if (!style.fontFamily.includes('Nastaliq') || style.visibility === 'hidden') continue;
      // Text kept for screen readers only is never drawn; a floating notice lies over the page.
      if (parent.closest('.visually-hidden') || parent.getBoundingClientRect().width <= 1 || floats(parent))
        continue;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The node's lines: its words, grouped by the line they were laid out on.
      const lines = new Map<number, { text: string[]; rect: DOMRect }>();
      for (const word of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index ?? 0);
        range.setEnd(node, (word.index ?? 0) + word[0].length);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        const key = Math.round(rect.top);
        const line = lines.get(key);
        if (!line) lines.set(key, { text: [word[0]], rect });
        else {
          line.text.push(word[0]);
          const left = Math.min(line.rect.left, rect.left);
          const right = Math.max(line.rect.right, rect.right);
          line.rect = new DOMRect(left, line.rect.top, right - left, line.rect.height);
        }
      }
      for (const { text, rect: line } of lines.values()) {
        const ink = context.measureText(text.join(' '));
        const baseline = line.top + ink.fontBoundingBoxAscent;
        const top = baseline - ink.actualBoundingBoxAscent;
        const bottom = baseline + ink.actualBoundingBoxDescent;
        for (const { element: box, edge } of boxes) {
          if (line.right <= edge.left || line.left >= edge.right) continue;
          if (line.bottom + line.height < edge.top || line.top - line.height > edge.bottom) continue;
          // A legend is drawn on its fieldset's border, which makes way for it.
          if (box.tagName === 'FIELDSET' && parent.closest('legend')?.parentElement === box) continue;
          const own = box.contains(parent);
          const crosses = own
            ? top < edge.top - 1 || bottom > edge.bottom + 1
            : top < edge.bottom - 1 && bottom > edge.top + 1 && !parent.contains(box);
          if (crosses)
            problems.push(
              `"${text.join(' ').slice(0, 30)}" in ${name(parent)} ${own ? 'leaves' : 'enters'} ${name(box)}`,
            );
        }
      }
    }
    return [...new Set(problems)];
  });
}

async function check(page: Page, address: string): Promise<string[]> {
  const found: string[] = [];
  await page.goto(`${shared.server().url}${address}`);
  await page.locator('main h1').first().waitFor();
  // Sections off screen are otherwise skipped by layout (content-visibility), with no real place.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('main *'))
      if (getComputedStyle(element).contentVisibility !== 'visible')
        element.style.contentVisibility = 'visible';
  });
  for (const size of SIZES) {
    await page.evaluate((size) => {
      document.documentElement.dataset.textSize = size;
    }, size);
    for (const problem of await crossings(page)) found.push(`${address || '/'} at ${size}%: ${problem}`);
  }
  return found;
}

describe('Urdu in Nastaliq', () => {
  it('stays inside its boxes and out of the others, on every page at every text size', {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.addInitScript(() => {
        // The first visit's language chooser, in Urdu.
        Object.defineProperty(navigator, 'languages', { get: () => ['ur-PK', 'ur'] });
      });
      const found: string[] = [];
      for (const address of PAGES) {
        found.push(...(await check(page, address)));
        // Once saved for offline use, the app's one-time notice no longer comes and goes mid-measure.
        if (address === '#/ur/') await waitForServiceWorker(page);
      }
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
