/**
 * A new version of the app reaches a learner who is in the middle of a quiz: it is offered,
 * it waits until the quiz is finished, and after "Update now" the new text shows with every
 * earlier answer kept.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { buildWith } from './build-with.ts';
import { BUILD_DIR, launch, phone, serve, waitForServiceWorker } from './harness.ts';

const NEXT_DIR = path.resolve('dist-e2e-next');
const CHANGED = 'This sentence is new in the next version of the lesson.';
let browser: Browser;
let lessons: string;

beforeAll(async () => {
  browser = await launch(inject('chromePath'));
  // Build "the next version": the same app with one lesson changed.
  lessons = mkdtempSync(path.join(tmpdir(), 'safe-online-lessons-'));
  cpSync('lessons', lessons, { recursive: true });
  const file = path.join(lessons, 'security-plan', 'en.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      '## What do you want to protect?',
      `${CHANGED}\n\n## What do you want to protect?`,
    ),
  );
  await buildWith(NEXT_DIR, { LESSONS_DIR: lessons });
});

afterAll(async () => {
  await browser?.close();
  rmSync(lessons, { recursive: true, force: true });
  rmSync(NEXT_DIR, { recursive: true, force: true });
});

it('offers the update, waits for a half-answered quiz, then shows the new lesson with answers kept', async () => {
  const first = await serve(BUILD_DIR);
  const port = Number(new URL(first.url).port);
  const { context, page } = await phone(browser);
  try {
    await page.goto(`${first.url}#/en/lessons/security-plan`);
    await page.getByRole('heading', { level: 1, name: 'Make your security plan' }).waitFor();
    await waitForServiceWorker(page);
    const questions = page.locator('fieldset.question');
    const total = await questions.count();
    await questions.first().locator('label').first().click();
    await questions.first().getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => questions.first().locator('.result').textContent()).not.toBe('');
    await first.close();

    // The next version is deployed at the same address.
    const second = await serve(NEXT_DIR, port);
    try {
      await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((registration) => registration?.update()),
      );
      const notice = page.locator('.notice', { hasText: 'A new version of Safe Online is ready.' });
      await notice.waitFor({ timeout: 30_000 });
      // Half-answered quiz: no reload on offer, only the promise to wait.
      expect(await notice.textContent()).toContain('Finish the quiz you started first');
      expect(await notice.getByRole('button').count()).toBe(0);
      expect(await page.getByText(CHANGED).count()).toBe(0);

      for (let index = 1; index < total; index++) {
        const question = questions.nth(index);
        await question.locator('label').first().click();
        await question.getByRole('button', { name: 'Check answer' }).click();
        await expect.poll(() => question.locator('.result').textContent()).not.toBe('');
      }
      const verdicts = await questions.locator('.result').allTextContents();
      const score = await page.locator('.score').textContent();

      await notice.getByRole('button', { name: 'Update now' }).click();
      await page.getByText(CHANGED).waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('fieldset.question .result').allTextContents()).toEqual(verdicts);
      expect(await page.locator('.score').textContent()).toBe(score);
    } finally {
      await second.close();
    }
  } finally {
    await context.close();
    await first.close().catch(() => {});
  }
});
