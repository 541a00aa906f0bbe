/** Settings that stay, and progress that moves to another phone in a file (or is erased). */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerQuestion, browserAndServer, phone, progressSaved } from './harness.ts';

const shared = browserAndServer();

async function answerFirstQuestions(page: Page, lessonId: string, count: number): Promise<void> {
  await page.goto(`${shared.server().url}#/en/lessons/${lessonId}`);
  for (let index = 0; index < count; index++) await answerQuestion(page, index);
  await page.locator('.checklist label').first().click();
  await expect.poll(() => page.locator('.checklist-count').textContent()).toMatch(/^1 of/);
}

/** Clicks "Save progress to a file" and returns the file's parsed contents and where it was saved. */
async function exportFile(page: Page): Promise<{ data: Record<string, unknown>; file: string }> {
  await page.goto(`${shared.server().url}#/en/settings`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save progress to a file' }).click();
  const file = path.join(tmpdir(), `progress-${Date.now()}.json`);
  await (await download).saveAs(file);
  // The name in the phone's downloads does not say which app made the file.
  expect((await download).suggestedFilename()).toMatch(/^progress-\d{4}-\d{2}-\d{2}(-protected)?\.json$/);
  return { data: JSON.parse(readFileSync(file, 'utf8')), file };
}

describe('settings', () => {
  it('keep text size and colours across a reload', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/settings`);
      await page.getByRole('radio', { name: 'Larger' }).check();
      await page.getByRole('radio', { name: 'Dark' }).check();
      const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      await expect.poll(size).toBe('20.8px');
      await progressSaved(page);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await page.getByRole('radio', { name: 'Larger' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
      expect(await size()).toBe('20.8px');
      expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');
    } finally {
      await context.close();
    }
  });
});

describe('trainer mode', () => {
  it('shows the trainer notes in lessons, set apart, and hides them again', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      const notes = page.locator('.trainer-notes');
      await page.goto(`${shared.server().url}#/en/lessons/security-plan`);
      await page.locator('.lesson h1').waitFor();
      expect(await notes.count()).toBeGreaterThan(0);
      expect(await notes.first().isVisible()).toBe(false);

      await page.goto(`${shared.server().url}#/en/settings`);
      await page.getByRole('checkbox', { name: /Trainer mode/ }).check();
      await page.goto(`${shared.server().url}#/en/lessons/security-plan`);
      await notes.first().waitFor({ state: 'visible' });
      expect(await notes.first().getAttribute('aria-label')).toBe('Notes for trainers');
      expect(await notes.first().textContent()).toContain('Activity');

      await page.goto(`${shared.server().url}#/en/settings`);
      await page.getByRole('checkbox', { name: /Trainer mode/ }).uncheck();
      await page.goto(`${shared.server().url}#/en/lessons/security-plan`);
      await page.locator('.lesson h1').waitFor();
      expect(await notes.first().isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('your data', () => {
  it('moves to a file, is erased from the phone, and comes back identical from the file', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await answerFirstQuestions(page, 'passwords', 3);
      const before = await exportFile(page);
      expect(before.data).toMatchObject({ app: 'safe-online', kind: 'progress', version: 1 });
      expect((before.data.answers as unknown[]).length).toBe(3);

      await page.getByRole('button', { name: 'Erase all my data' }).click();
      await page.getByRole('button', { name: 'Yes, erase everything' }).click();
      await page
        .getByRole('heading', { name: 'Everything Safe Online kept on this phone was erased.' })
        .waitFor();
      expect(await page.locator('.lesson, fieldset.question').count()).toBe(0);
      const left = await page.evaluate(async () => ({
        databases: (await indexedDB.databases()).map((db) => db.name),
        caches: await caches.keys(),
        workers: (await navigator.serviceWorker.getRegistrations()).length,
      }));
      expect(left).toEqual({ databases: [], caches: [], workers: 0 });

      // "Start again" opens the app afresh, as on a new phone.
      await page.getByRole('button', { name: 'Start again' }).click();
      await page.locator('form.choose-language').waitFor();
      await page.goto(`${shared.server().url}#/en/settings`);
      await page.locator('input[type="file"]').setInputFiles(before.file);
      await page.getByText('The progress in the file was added.').waitFor();
      const after = await exportFile(page);
      for (const key of ['answers', 'lessons', 'checklist', 'reviews'])
        expect(after.data[key]).toEqual(before.data[key]);

      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await expect
        .poll(() => page.locator('fieldset.question .result').allTextContents())
        .toEqual(expect.arrayContaining([expect.stringMatching(/Correct\.|Not quite\./)]));
    } finally {
      await context.close();
    }
  });

  it('refuses a damaged file with a clear message and changes nothing', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await answerFirstQuestions(page, 'security-plan', 1);
      const before = await exportFile(page);
      const damaged = path.join(tmpdir(), `damaged-${Date.now()}.json`);
      writeFileSync(damaged, JSON.stringify({ ...before.data, answers: [{ lessonId: 'x' }] }));
      await page.locator('input[type="file"]').setInputFiles(damaged);
      await page.getByText('That file is damaged or was changed by hand. Nothing was changed.').waitFor();
      const after = await exportFile(page);
      expect(after.data.answers).toEqual(before.data.answers);
    } finally {
      await context.close();
    }
  });

  it('protects a file with a passphrase that another phone must know to open it', async () => {
    const { context, page } = await phone(shared.browser());
    let file = '';
    try {
      await answerFirstQuestions(page, 'passwords', 2);
      await page.goto(`${shared.server().url}#/en/settings`);
      const passphrase = page.getByLabel('Passphrase to protect the file (optional)');
      await passphrase.fill('short');
      await page.getByRole('button', { name: 'Save progress to a file' }).click();
      await page.getByText('A passphrase needs at least 8 characters. No file was saved.').waitFor();

      await passphrase.fill('river mango lantern');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Save progress to a file' }).click();
      file = path.join(tmpdir(), `protected-${Date.now()}.json`);
      await (await download).saveAs(file);
      expect((await download).suggestedFilename()).toMatch(/^progress-\d{4}-\d{2}-\d{2}-protected\.json$/);
    } finally {
      await context.close();
    }
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ kind: 'progress-sealed', kdf: { iterations: 600_000 } });
    // Nothing of the learner's progress can be read in the file.
    expect(text).not.toContain('passwords');

    const other = await phone(shared.browser());
    try {
      await other.page.goto(`${shared.server().url}#/en/settings`);
      await other.page.locator('input[type="file"]').setInputFiles(file);
      await other.page.getByText('This file is protected with a passphrase.').waitFor();
      const unlock = other.page.getByLabel('Passphrase of the file');
      await unlock.fill('river mango lanterns');
      await other.page.getByRole('button', { name: 'Open the file' }).click();
      await other.page
        .getByText('The passphrase is wrong, or the file was changed. Nothing was changed.')
        .waitFor();
      expect((await exportFile(other.page)).data.answers).toEqual([]);

      await other.page.locator('input[type="file"]').setInputFiles(file);
      await other.page.getByLabel('Passphrase of the file').fill('river mango lantern');
      await other.page.getByRole('button', { name: 'Open the file' }).click();
      await other.page.getByText('The progress in the file was added.').waitFor();
      expect((await exportFile(other.page)).data.answers).toHaveLength(2);
    } finally {
      await other.context.close();
    }
  });
});
