/** WCAG 2.2 AA, checked with axe-core on every kind of page, in English and in Urdu (right to left). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from './harness.ts';
import { installSpeech } from './speech-stand-in.ts';

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

/** What a learner does on a page before it is checked: answers, a search, a way through a flow. */
type Setup = (page: Page, locale: string) => Promise<void>;

/** Answers the first two questions, so that their feedback and numbering are checked too. */
const answerTwo: Setup = async (page) => {
  for (const index of [0, 1]) {
    const question = page.locator('fieldset.question').nth(index);
    await question.locator('label').first().click();
    await question.locator('button').click();
    await expect.poll(() => question.locator('.result').textContent()).not.toBe('');
  }
};

/** Opens the first situation of Help now, and answers its first answers to an ending, or `steps` of them. */
const helpNow =
  (steps: number): Setup =>
  async (page) => {
    await page.locator('.help-now-choice').first().click();
    for (let step = 0; step < steps; step++) {
      const answer = page.locator('.help-now-answer').first();
      if (!(await answer.isVisible())) break;
      await answer.click();
    }
  };

/** Starts reading the lesson aloud, with a stand-in for the phone's voices, and pauses it. */
const listen: Setup = async (page) => {
  const voices = ['en-GB', 'ur-PK'].map((lang) => ({ name: lang, lang, localService: true }));
  await installSpeech(page, { voices, speakMs: 60_000 });
  await page.reload();
  await page.locator('.listen button').click();
  await page.locator('.listen-bar button').first().click();
  await page.locator('.listen-bar button').nth(1).waitFor();
};

const PAGES: [string, string, string, Setup?][] = [
  ['home', '', '.home h1'],
  ['lesson with answered questions', 'lessons/passwords', '.lesson h1', answerTwo],
  ['lesson read aloud', 'lessons/passwords', '.lesson h1', listen],
  // Two country notes on the law, each an aside and a landmark with its own name.
  ['lesson with law notes', 'lessons/online-harassment', '.callout-law >> nth=0'],
  ['lesson with two warnings', 'lessons/phone-taken', '.lesson h1'],
  ['lesson checking information', 'lessons/checking-information', '.lesson h1', answerTwo],
  ['progress', 'progress', '.progress h1'],
  ['review', 'review', '.review h1'],
  [
    'search with results',
    'search',
    '.search h1',
    async (page, locale) => {
      await page.getByRole('searchbox').fill(locale === 'ur' ? 'پاس' : 'password');
      await page.locator('.search li a').first().waitFor();
    },
  ],
  ['glossary', 'glossary', '.glossary h1'],
  ['settings', 'settings', '.settings h1'],
  ['erase', 'erase', '.erase h1'],
  ['get help', 'help', '.help h1'],
  ['help now list', 'help-now', '.help-now h1'],
  ['help now question', 'help-now', '.help-now-choice', helpNow(0)],
  ['help now ending', 'help-now', '.help-now-choice', helpNow(10)],
  ['workshops', 'workshops', '.page h1'],
  ['workshop plan', 'workshops/full-day', '.agenda'],
  [
    'handout (a workshop plan printed)',
    'workshops/full-day',
    '.agenda',
    async (page) => {
      await page.emulateMedia({ media: 'print' });
      await expect.poll(() => page.locator('.handout').count()).toBeGreaterThan(0);
    },
  ],
  ['presentation', 'present/passwords', '.presentation'],
];

/** Scrolls to the very end a screen at a time, as a reader does, letting each part be laid out. */
async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let top = 0; top < document.documentElement.scrollHeight; top += innerHeight / 2) {
      window.scrollTo({ top, behavior: 'instant' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
  });
}

describe.each(['en', 'ur'])('in %s', (locale) => {
  it.each(PAGES)('the %s page has no accessibility violations', async (_name, path, ready, setup) => {
    // axe is injected as a script, which the app's strict CSP would (rightly) block.
    const context = await shared
      .browser()
      .newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${shared.server().url}#/${locale}/${path}`);
      await page.locator(ready).first().waitFor();
      expect(await audit(page), 'as the page loads').toEqual([]);
      await setup?.(page, locale);
      await scrollToEnd(page);
      // At the end of a long page some links sit under the sticky header, which axe then counts
      // as too small a target; a reader scrolls them out from under it, so the header is taken
      // out of the way for this check (the check as the page loads keeps it).
      await page.addStyleTag({ content: '.app-bar { position: static !important; }' });
      expect(await audit(page), 'scrolled to the end').toEqual([]);
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
