/** The single HTML file: opened from the phone's files (file://), it shows lessons and keeps answers. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SINGLE_FILE } from '../../src/compiler/single-file.ts';
import { answerQuestion, launch } from './harness.ts';

const out = mkdtempSync(path.join(tmpdir(), 'safe-online-single-'));
const file = pathToFileURL(path.join(out, SINGLE_FILE)).href;

beforeAll(async () => {
  await build({ mode: 'single', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('the single-file app', () => {
  it('is one HTML file and nothing else', () => {
    expect(statSync(path.join(out, SINGLE_FILE)).size).toBeGreaterThan(100_000);
  });

  it('renders a lesson in English and in Urdu from file://, and keeps an answer across a reload', async () => {
    const browser = await launch(inject('chromePath'));
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await page.goto(`${file}#/en/lessons/passwords`);
      await page.getByRole('heading', { level: 1, name: 'Strong passwords and password managers' }).waitFor();
      const verdict = await answerQuestion(page, 0, 1);
      expect(verdict).toMatch(/Correct\.|Not quite\./);

      await page.reload();
      await page.locator('.lesson h1').waitFor();
      expect(await page.locator('fieldset.question').first().locator('.result').textContent()).toBe(verdict);

      await page.goto(`${file}#/ur/lessons/passwords`);
      await page.reload();
      await page.locator('.lesson h1[lang="ur"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(
        await page.evaluate(async () => {
          await document.fonts.ready;
          return document.fonts.check('16px "Noto Nastaliq Urdu"', 'اردو');
        }),
      ).toBe(true);
      // Progress is shared across languages in the single file too.
      expect(await page.locator('fieldset.question').first().locator('.result').textContent()).not.toBe('');
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('says on Share and Settings that it is offline already, and shows no file path', async () => {
    const browser = await launch(inject('chromePath'));
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${file}#/en/share`);
      await page.getByRole('heading', { level: 1, name: 'Share this app' }).waitFor();
      const share = (await page.locator('main, #app').first().textContent()) ?? '';
      expect(share).toContain('You opened Safe Online as a file. It works offline already');
      expect(share).not.toContain('file:');
      expect(share).not.toContain(out);
      expect(await page.locator('.qr').count()).toBe(0);

      await page.goto(`${file}#/en/settings`);
      await page.getByText('Every lesson is inside this file').waitFor();
      const settings = (await page.locator('#app').textContent()) ?? '';
      expect(settings).not.toContain('does not keep lessons for offline use');
      expect(settings).not.toContain('Install the app');
    } finally {
      await browser.close();
    }
  });
});
