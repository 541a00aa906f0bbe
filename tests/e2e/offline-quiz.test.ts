/**
 * The core promise, as a learner on a phone meets it: read a lesson, answer its quiz,
 * come back to find every answer kept, lose the connection, and carry on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerQuestion,
  foreignRequests,
  launch,
  overflowsHorizontally,
  phone,
  type Server,
  serve,
  waitForServiceWorker,
} from './harness.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch(inject('chromePath'));
});

afterAll(async () => {
  await browser?.close();
});

/** Answers every unanswered question on the page with its first option; returns the verdicts shown. */
async function answerAll(page: Page): Promise<string[]> {
  const questions = page.locator('fieldset.question');
  const count = await questions.count();
  for (let index = 0; index < count; index++)
    expect(await answerQuestion(page, index)).toMatch(/Correct\.|Not quite\./);
  return questions.locator('.result').allTextContents();
}

async function openLesson(page: Page, title: string): Promise<void> {
  await page.locator('.card').getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('a learner on a phone', () => {
  let server: Server;

  beforeAll(async () => {
    server = await serve();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('keeps answers, score and ticked actions across a reload', async () => {
    const { context, page, requests } = await phone(browser);
    await page.goto(`${server.url}#/en/`);
    await page.getByRole('heading', { level: 1, name: 'Learn to stay safe online' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);

    await openLesson(page, 'Make your security plan');
    expect(await overflowsHorizontally(page)).toBe(false);
    const verdicts = await answerAll(page);
    expect(verdicts.length).toBeGreaterThanOrEqual(4);
    const score = await page.locator('.score').textContent();
    expect(score).toMatch(/^Your score: \d+ of \d+ right/);
    await page.locator('.checklist label').first().click();
    await expect.poll(() => page.locator('.checklist-count').textContent()).toMatch(/^1 of \d+ done$/);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Make your security plan' }).waitFor();
    expect(await page.locator('fieldset.question .result').allTextContents()).toEqual(verdicts);
    expect(await page.locator('.score').textContent()).toBe(score);
    // The options chosen before the reload are still selected, one per question.
    const firstOptions = page.locator('fieldset.question li:first-child input');
    expect(
      await firstOptions.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).checked)),
    ).toEqual(verdicts.map(() => true));
    expect(await page.locator('.checklist input').first().isChecked()).toBe(true);
    await expect.poll(() => page.locator('.lesson-header .meta').textContent()).toMatch(/Best score/);

    // The home page shows the lesson as done, with its best score.
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    const card = page.locator('.card', { hasText: 'Make your security plan' });
    await expect.poll(() => card.locator('.state').textContent()).toBe('Done');
    expect(await card.locator('.meta').textContent()).toMatch(/Best score \d+%/);

    // Retrying clears the answers on screen but keeps the best score.
    await openLesson(page, 'Make your security plan');
    await page.getByRole('button', { name: 'Try the quiz again' }).click();
    await expect.poll(() => page.locator('fieldset.question input:checked').count()).toBe(0);
    expect(await page.locator('.lesson-header .meta').textContent()).toMatch(/Best score/);

    expect(foreignRequests(requests, server.url.slice(0, -1))).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    await context.close();
  });
});

describe('a learner who loses the connection', () => {
  it('opens another lesson and saves answers offline once the app was loaded', async () => {
    const server = await serve();
    const origin = server.url.slice(0, -1);
    const { context, page, requests } = await phone(browser);
    try {
      await page.goto(`${server.url}#/en/`);
      await page.getByRole('heading', { level: 1, name: 'Learn to stay safe online' }).waitFor();
      await waitForServiceWorker(page);
      await server.close();
      // The server is gone: nothing can come from the network any more.
      expect(
        await page.evaluate(
          (url) =>
            fetch(url, { cache: 'no-store' }).then(
              () => 'up',
              () => 'down',
            ),
          `${server.url}?probe`,
        ),
      ).toBe('down');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Learn to stay safe online' }).waitFor();
      await openLesson(page, 'Strong passwords and password managers');
      const verdict = await answerQuestion(page, 0, 1);
      expect(verdict).toMatch(/Correct\.|Not quite\./);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Strong passwords and password managers' }).waitFor();
      expect(await page.locator('fieldset.question').first().locator('.result').textContent()).toBe(verdict);
      expect(
        await page.locator('fieldset.question').first().locator('li:nth-child(2) input').isChecked(),
      ).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);

      expect(foreignRequests(requests, origin)).toEqual([]);
    } finally {
      await context.close();
      await server.close().catch(() => {});
    }
  });
});
