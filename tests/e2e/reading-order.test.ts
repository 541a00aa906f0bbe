/**
 * Latin words and numbers inside Urdu read on screen as they were typed: every lesson, the
 * glossary and the workshop plans are drawn in Chromium, and for each Latin expression the
 * positions of its characters on screen are compared with their order in the text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { browserAndServer, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

/**
 * In the page: every place in `selector` where characters of one Latin expression (Latin letters
 * and digits with what lies between them up to a right-to-left letter, and the marks written
 * against its ends) appear out of their typed order on one line, as "typed → shown".
 */
function misordered(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const rtl = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
    const latin = /[\p{Script=Latin}0-9]/u;
    const blocks = document.querySelectorAll(
      `${selector} :is(p, li, h1, h2, h3, h4, td, th, dt, dd, legend, label, summary, figcaption, a.button)`,
    );
    const problems: string[] = [];
    for (const block of blocks) {
      // The block's characters in typed order, each with its text node and offset.
      const chars: { char: string; node: Text; offset: number }[] = [];
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        // Text of a nested block is checked with that block.
        if (node.parentElement?.closest('p, li, td, th, dt, dd, legend, label, summary') !== block) continue;
        for (let offset = 0; offset < node.data.length; offset++)
          chars.push({ char: node.data[offset] as string, node, offset });
      }
      let i = 0;
      while (i < chars.length) {
        if (!latin.test(chars[i]?.char ?? '')) {
          i++;
          continue;
        }
        let last = i;
        for (let j = i + 1; j < chars.length && !rtl.test(chars[j]?.char ?? ''); j++)
          if (latin.test(chars[j]?.char ?? '')) last = j;
        let start = i;
        while (start > 0 && /[#@+$]/.test(chars[start - 1]?.char ?? '')) start--;
        let end = last + 1;
        // After words, the marks typed against them are theirs; after a number alone, only "%":
        // "2." before Urdu is a list number, its dot read after it from right to left.
        const words = chars.slice(i, last + 1).some((c) => /\p{L}/u.test(c.char));
        while (end < chars.length && (words ? /[!?./%]/ : /%/).test(chars[end]?.char ?? '')) end++;
        // Where each visible character is drawn.
        const boxes = chars.slice(start, end).flatMap(({ char, node, offset }) => {
          if (/\s|[\u2066-\u2069]/.test(char)) return [];
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const box = range.getClientRects()[0];
          return box && box.width > 0 ? [{ char, box }] : [];
        });
        for (let k = 1; k < boxes.length; k++) {
          const [a, b] = [boxes[k - 1], boxes[k]];
          if (!a || !b) continue;
          const sameLine = Math.abs(a.box.top - b.box.top) < a.box.height / 2;
          if (sameLine && b.box.left < a.box.left) {
            const typed = chars
              .slice(start, end)
              .map((c) => c.char)
              .join('');
            const shown = [...boxes]
              .filter((x) => Math.abs(x.box.top - a.box.top) < a.box.height / 2)
              .sort((x, y) => x.box.left - y.box.left)
              .map((x) => x.char)
              .join('');
            problems.push(`${typed} → ${shown} (in “${(block.textContent ?? '').trim().slice(0, 60)}”)`);
            break;
          }
        }
        i = end;
      }
    }
    return problems;
  }, selector);
}

/** Opens `hash` in Urdu with every section laid out, and returns what reads out of order. */
async function readingErrors(page: Page, hash: string, selector: string): Promise<string[]> {
  await page.goto(`${shared.server().url}${hash}`);
  await page.locator(`${selector} h1`).first().waitFor();
  // Sections off screen are otherwise skipped by layout (content-visibility).
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('main *'))
      if (getComputedStyle(element).contentVisibility !== 'visible')
        element.style.contentVisibility = 'visible';
  });
  return misordered(page, selector);
}

describe('Urdu text with Latin words and numbers', () => {
  it('reads as typed in every lesson', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      const found: string[] = [];
      for (const entry of course.entries) {
        if (!course.lessons.get(entry.id)?.has('ur')) continue;
        for (const problem of await readingErrors(page, `#/ur/lessons/${entry.id}`, '.lesson'))
          found.push(`${entry.id}: ${problem}`);
      }
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads as typed in the glossary and the workshop plans', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      const found = (await readingErrors(page, '#/ur/glossary', 'main')).map((p) => `glossary: ${p}`);
      await page.goto(`${shared.server().url}#/ur/workshops`);
      await page.locator('main a[href*="workshops/"]').first().waitFor();
      const plans = await page
        .locator('main a[href*="workshops/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans)
        found.push(...(await readingErrors(page, plan, 'main')).map((p) => `${plan}: ${p}`));
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
