/** WCAG 2.2 AA, checked with axe-core on every kind of page, in English and in Urdu (right to left). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const shared = browserAndServer();

interface Violation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the page as it is now; returns each violation as "rule: element, element". */
async function audit(page: Page): Promise<string[]> {
  // Lesson parts below the screen are laid out only as they come near (content-visibility), and
  // axe cannot see the colours or sizes of parts not laid out; it checks them all laid out.
  await page.addStyleTag({ content: '.lesson > * { content-visibility: visible !important; }' });
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe
      .run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
      })
      .then((result) => result.violations),
  )) as Violation[];
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

const PAGES: [string, string, string][] = [
  ['home', '', '.home h1'],
  ['lesson', 'lessons/passwords', '.lesson h1'],
  // Two country notes on the law, each an aside and a landmark with its own name.
  ['lesson with law notes', 'lessons/online-harassment', '.callout-law >> nth=0'],
  ['progress', 'progress', '.progress h1'],
  ['review', 'review', '.review h1'],
  ['search', 'search', '.search h1'],
  ['glossary', 'glossary', '.glossary h1'],
  ['settings', 'settings', '.settings h1'],
  ['erase', 'erase', '.erase h1'],
  ['get help', 'help', '.help h1'],
  ['help now', 'help-now', '.help-now h1'],
];

describe.each(['en', 'ur'])('in %s', (locale) => {
  it.each(PAGES)('the %s page has no accessibility violations', async (_name, path, ready) => {
    // axe is injected as a script, which the app's strict CSP would (rightly) block.
    const context = await shared
      .browser()
      .newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${shared.server().url}#/${locale}/${path}`);
      await page.locator(ready).waitFor();
      if (path.startsWith('lessons/')) {
        // Include the feedback a learner sees after answering.
        const question = page.locator('fieldset.question').first();
        await question.locator('label').first().click();
        await question.locator('button').click();
        await expect.poll(() => question.locator('.result').textContent()).not.toBe('');
      }
      if (path === 'search') await page.getByRole('searchbox').fill(locale === 'ur' ? 'پاس' : 'password');
      expect(await audit(page)).toEqual([]);
      // No text or label is an interface-string key left untranslated, such as "nav.language".
      // Only a key's own groups count, so an address in a lesson ("cybercrime.gov.in") is not one.
      const groups = Object.keys(JSON.parse(readFileSync('locales/en.json', 'utf8')));
      const keys = await page.evaluate((groups) => {
        const key = new RegExp(`^(${groups.join('|')})\\.[a-zA-Z.]+$`);
        const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap(
          (node) => ['aria-label', 'title', 'placeholder'].map((name) => node.getAttribute(name) ?? ''),
        );
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const texts: string[] = [];
        while (walker.nextNode()) texts.push(walker.currentNode.textContent?.trim() ?? '');
        return [...labels, ...texts].filter((text) => key.test(text));
      }, groups);
      expect(keys).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.each(['en', 'ur'])('the app lock in %s', (locale) => {
  it('its settings and its lock screen have no accessibility violations', async () => {
    const context = await shared
      .browser()
      .newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${shared.server().url}#/${locale}/settings`);
      await page.locator('.app-lock .button').first().click();
      const fields = page.locator('.app-lock input[type="password"]');
      await fields.nth(0).fill('482916');
      await fields.nth(1).fill('482916');
      await page.locator('.app-lock button[type="submit"]').click();
      await page.locator('.app-lock select').waitFor();
      expect(await audit(page)).toEqual([]);

      await page.reload();
      await page.locator('.lock-screen input').fill('000000');
      await page.locator('.lock-screen button[type="submit"]').click();
      await page.locator('#lock-message:not(:empty)').waitFor();
      await page.locator('.lock-screen .button-quiet').click();
      expect(await audit(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('on a small phone', () => {
  it.each(['en', 'hi', 'ms', 'ur'])(
    'the header leaves most of the screen to the page in %s',
    async (locale) => {
      const context = await shared.browser().newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      try {
        await page.goto(`${shared.server().url}#/${locale}/`);
        await page.locator('.home h1').waitFor();
        // Name, language, the four pages in one row, and quick exit: three rows at most.
        const height = await page.locator('.app-bar').evaluate((bar) => bar.getBoundingClientRect().height);
        expect(height).toBeLessThanOrEqual(150);
        const rows = await page
          .locator('.app-bar nav a')
          .evaluateAll(
            (links) => new Set(links.map((link) => Math.round(link.getBoundingClientRect().top))).size,
          );
        expect(rows).toBe(1);
      } finally {
        await context.close();
      }
    },
  );
});
