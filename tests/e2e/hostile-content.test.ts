/**
 * Hostile lessons in a real browser. The lessons of tests/fixtures/hostile/inert, and one built here
 * with a 1 MB line and quotes nested as deep as they may go, are built into a folder of their own
 * and opened in Chromium: every lesson, its slides, the glossary, the home page and search. A canary
 * records any script the lessons would run: every payload calls `__canary.push('…')` or `alert('…')`.
 * Nothing may run, no dialog may open, and the page must not even trip the Content-Security-Policy:
 * the markup itself is inert, not merely blocked (and in a browser told to ignore the policy, the
 * canary stays empty too). The payloads must be on the page, as text.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWith } from './build-with.ts';
import {
  answerQuestion,
  foreignRequests,
  launch,
  phone,
  type Server,
  type Session,
  serve,
} from './harness.ts';

const OUT = path.resolve('dist-e2e-hostile');
const FIXTURE = path.resolve('tests/fixtures/hostile/inert');
const PAYLOAD = /__canary\.push\('[^']*'\)/g;
/** The lesson built here: a 1 MB line, and 19 levels of quotes (the most a lesson may have). */
const LONG_LINE = "<script>__canary.push('long line')</script>";
const LONG = [
  '---',
  'id: long-line',
  'title: A very long line',
  'summary: One line of a megabyte, and quotes nested as deep as a lesson may have them.',
  'level: beginner',
  'minutes: 5',
  'reviewed: 2026-11-20',
  'tags: [long]',
  '---',
  '',
  LONG_LINE.repeat((1 << 20) / LONG_LINE.length),
  '',
  `${'> '.repeat(19)}<img src=x onerror="__canary.push('deepest quote')">`,
  '',
].join('\n');

let lessons: string;
let browser: Browser;
let server: Server;

beforeAll(async () => {
  lessons = mkdtempSync(path.join(tmpdir(), 'safe-online-hostile-'));
  cpSync(FIXTURE, lessons, { recursive: true });
  mkdirSync(path.join(lessons, 'long-line'));
  writeFileSync(path.join(lessons, 'long-line', 'en.md'), LONG);
  // course.yaml ends with the last module's lesson list.
  appendFileSync(path.join(lessons, 'course.yaml'), '      - long-line\n');
  await buildWith(OUT, { LESSONS_DIR: lessons });
  browser = await launch(inject('chromePath'));
  server = await serve(OUT);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (lessons) rmSync(lessons, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

/** Every lesson course.yaml lists, in its order. */
function lessonIds(): string[] {
  const course = readFileSync(path.join(lessons, 'course.yaml'), 'utf8');
  const ids = [...course.matchAll(/^ {6}- ([a-z0-9-]+)$/gm)].map((match) => match[1] ?? '');
  expect(ids).toHaveLength(9);
  return ids;
}

/** The `__canary.push('…')` payloads written in a lesson file, which must show as text. */
function payloadsOf(file: string): string[] {
  return readFileSync(path.join(lessons, file), 'utf8').match(PAYLOAD) ?? [];
}

/** What ran or was blocked on the page so far: each list must stay empty. */
async function traces(page: Page, dialogs: string[], errors: string[]) {
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __canary: unknown[]; cspViolations?: string[] };
    return { canary: w.__canary.map(String), cspViolations: w.cspViolations ?? [] };
  });
  return { ...seen, dialogs, errors };
}

const NOTHING = { canary: [], cspViolations: [], dialogs: [], errors: [] };

/**
 * A phone-sized page with the canary in place before any of the app's code runs. With `bypassCSP`
 * the browser ignores the Content-Security-Policy, so any payload that were markup would run and
 * be caught by the canary itself.
 */
async function hostilePage(bypassCSP = false) {
  const session = bypassCSP ? await withoutPolicy() : await phone(browser);
  await session.context.addInitScript(() => {
    (window as unknown as { __canary: unknown[] }).__canary = [];
  });
  const dialogs: string[] = [];
  const errors: string[] = [];
  session.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  session.page.on('pageerror', (error) => errors.push(error.message));
  return { ...session, dialogs, errors };
}

/** Like `phone`, but in a browser that ignores the Content-Security-Policy. */
async function withoutPolicy(): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, page: await context.newPage(), requests };
}

/** Every word in the page, hidden ones too (trainer notes, the printed answer key). */
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

/** Whether a lesson file has law notes, which are drawn once their own code has loaded. */
const hasLawNotes = (file: string) => readFileSync(path.join(lessons, file), 'utf8').includes('::: law');

/** Opens a lesson, answers its questions and opens its glossary words, so every part is shown. */
async function readLesson(page: Page, url: string, lawNotes = false): Promise<string> {
  await page.goto(url);
  await page.locator('.lesson h1').waitFor();
  if (lawNotes) await page.locator('.callout-law').first().waitFor();
  const questions = await page.locator('fieldset.question').count();
  for (let index = 0; index < questions; index++) await answerQuestion(page, index);
  const terms = page.locator('button.term');
  for (let index = 0; index < (await terms.count()); index++) {
    await terms.nth(index).click();
    await page.locator('.term-definition').nth(index).waitFor();
  }
  return pageText(page);
}

/** Goes through a lesson's slides, showing each poll's answer; returns the text of every slide. */
async function readSlides(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.locator('.slide').waitFor();
  const next = page.getByRole('button', { name: 'Next', exact: true });
  const texts: string[] = [];
  for (;;) {
    const reveal = page.getByRole('button', { name: 'Show the answer', exact: true });
    if (await reveal.count()) await reveal.click();
    texts.push((await page.locator('.slide').textContent()) ?? '');
    if (await next.isDisabled()) return texts.join('\n');
    await next.click();
  }
}

describe('hostile lessons in Chromium', () => {
  it('run nothing on any page, and show every payload as text', async () => {
    const { context, page, requests, dialogs, errors } = await hostilePage();
    try {
      for (const id of lessonIds()) {
        const text = await readLesson(page, `${server.url}#/en/lessons/${id}`, hasLawNotes(`${id}/en.md`));
        expect(await traces(page, dialogs, errors), id).toEqual(NOTHING);
        for (const payload of payloadsOf(`${id}/en.md`)) expect(text, `${id}: ${payload}`).toContain(payload);
        const slides = await readSlides(page, `${server.url}#/en/present/${id}`);
        expect(await traces(page, dialogs, errors), `${id}, slides`).toEqual(NOTHING);
        expect(slides).toContain('__canary.push(');
      }

      // The Urdu translation: right-to-left text goes through its own renderer.
      const urdu = await readLesson(page, `${server.url}#/ur/lessons/right-to-left`);
      for (const payload of payloadsOf('right-to-left/ur.md')) expect(urdu).toContain(payload);

      await page.goto(`${server.url}#/en/glossary`);
      await page.locator('.terms').waitFor();
      const glossary = await pageText(page);
      for (const payload of payloadsOf('glossary/en.md')) expect(glossary).toContain(payload);

      await page.goto(`${server.url}#/en/`);
      await page.getByText("<script>__canary.push('module title')</script>").first().waitFor();
      const home = await pageText(page);
      for (const payload of payloadsOf('course.yaml')) expect(home).toContain(payload);

      await page.goto(`${server.url}#/en/search`);
      await page.getByRole('searchbox').fill('canary');
      await page.locator('.results li').first().waitFor();
      expect(await page.locator('.results').textContent()).toContain(
        "<script>__canary.push('heading')</script>",
      );

      expect(await traces(page, dialogs, errors)).toEqual(NOTHING);
      // Not one image, frame or stylesheet of the payloads was fetched.
      expect(foreignRequests(requests, server.url)).toEqual([]);
      expect(requests.filter((url) => /\/x$|javascript:|a\.example/.test(url))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('run nothing even in a browser that ignores the Content-Security-Policy', async () => {
    // Every compiled string of a lesson is in its page once its questions are answered and its
    // glossary words opened; the slides, the glossary and search show the same strings.
    const { context, page, dialogs, errors } = await hostilePage(true);
    try {
      for (const id of lessonIds()) {
        await readLesson(page, `${server.url}#/en/lessons/${id}`, hasLawNotes(`${id}/en.md`));
        expect(await traces(page, dialogs, errors), id).toEqual(NOTHING);
      }
      await readLesson(page, `${server.url}#/ur/lessons/right-to-left`);
      expect(await traces(page, dialogs, errors)).toEqual(NOTHING);
    } finally {
      await context.close();
    }
  });

  it('shows the markup itself, angle brackets and all, where a learner reads', async () => {
    const { context, page, dialogs, errors } = await hostilePage();
    /** Whether the learner sees an element whose words are exactly `text`. */
    const shown = async (text: string) =>
      (await page.getByText(text, { exact: true }).filter({ visible: true }).count()) > 0;
    try {
      await page.goto(`${server.url}#/en/lessons/script-tags`);
      await page.locator('.lesson h1').waitFor();
      expect(await traces(page, dialogs, errors)).toEqual(NOTHING);
      expect(await shown("<script>__canary.push('title')</script>")).toBe(true);
      expect(await shown("<script>__canary.push('script block')</script>")).toBe(true);
      // A law note's law, in bold, and its landmark's name keep the markup as text too.
      await page.locator('.callout-law').waitFor();
      expect(await shown("<script>__canary.push('law title')</script> Act, section 1")).toBe(true);
      expect(await page.getByRole('complementary', { name: /__canary\.push\('law title'\)/ }).count()).toBe(
        1,
      );
      // The page's title names no lesson, so none of the lesson's markup reaches it.
      await expect.poll(() => page.title()).toBe('Lesson · Safe Online');
      // The only elements in the lesson are those the app and the compiler write.
      expect(await page.locator('.lesson :is(script, style, iframe, object, embed, img, math)').count()).toBe(
        0,
      );
      expect(await page.locator('.lesson svg:not(.icon-forward)').count()).toBe(0);

      await page.goto(`${server.url}#/en/lessons/quiz-and-checklist`);
      await page.locator('fieldset.question').first().waitFor();
      expect(await shown("Which one is <script>__canary.push('question prompt')</script> safe?")).toBe(true);
      expect(await shown("<script>__canary.push('checklist item')</script>")).toBe(true);
      expect(await traces(page, dialogs, errors)).toEqual(NOTHING);
    } finally {
      await context.close();
    }
  });
});
