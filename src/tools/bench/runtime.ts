/**
 * Runtime in Chromium, on a large course: saving an answer (without and with the app lock, then
 * with 10,000 answers kept), the progress page with 10,000 recorded answers, a search query, and
 * unlocking, against the targets of the learner experience.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { toProgressFile } from '../../shared/progress-file.ts';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';
import { measureUnlocks, saveWithLock } from './lock.ts';
import type { Row } from './table.ts';

const SECTION = 'Runtime in Chromium';
const ANSWERS = 10_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN);
};

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((entry) => performance.getEntriesByName(entry).map((m) => m.duration), name);
}

/** Time from changing the address to the page showing `selector` `count` times (in the page's clock). */
function timeNavigation(page: Page, hash: string, selector: string, count: number): Promise<number> {
  return page.evaluate(
    ({ hash, selector, count }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        location.hash = hash;
        const check = () => {
          if (document.querySelectorAll(selector).length >= count) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
    { hash, selector, count },
  );
}

/** Measures the app served at `url`, built from the `count` lessons in `lessonsDir`; `work` is a scratch folder. */
export async function measureRuntime(
  url: string,
  lessonsDir: string,
  count: number,
  work: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  const row = (name: string, value: number, target: number | null): Row => ({
    section: SECTION,
    name,
    value,
    unit: 'ms',
    target,
    better: 'lower',
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    // tsx keeps function names with a helper that functions sent to the page would miss.
    await page.addInitScript('window.__name = (f) => f');
    const ids = readdirSync(lessonsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'glossary' && entry.name !== 'workshops')
      .map((entry) => entry.name);

    // Measure once the app is saved for offline use, as a learner's phone usually is: while the
    // service worker is still copying the whole course, it competes for the same storage.
    await page.goto(`${url}#/en/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
      timeout: 120_000,
    });

    // Saving an answer, through the app's own code: first with taps (what a learner waits for,
    // including the frame the browser draws after a tap), then pressed from script, which leaves
    // only the save itself.
    const answerAll = async (id: string, tap: boolean) => {
      await page.goto(`${url}#/en/lessons/${id}`);
      const questions = page.locator('fieldset.question');
      await questions.first().waitFor();
      for (let i = 0; i < (await questions.count()); i++) {
        const question = questions.nth(i);
        if (tap) {
          await question.locator('label').first().click();
          await question.locator('button').click();
        } else {
          await question
            .locator('input')
            .first()
            .evaluate((input: HTMLInputElement) => input.click());
          await question
            .locator('button:not([disabled])')
            .evaluate((button: HTMLButtonElement) => button.click());
        }
        await question.locator('.result:not(:empty)').waitFor();
      }
    };
    for (const id of ids.slice(0, 3)) await answerAll(id, true);
    const taps = await measures(page, 'save-answer');
    await page.evaluate(() => performance.clearMeasures('save-answer'));
    for (const id of ids.slice(3, 6)) await answerAll(id, false);
    rows.push(row('Save an answer (median)', median(await measures(page, 'save-answer')), 5));
    rows.push(row('Save an answer after a tap (median)', median(taps), null));
    // The same with the app lock on, on a store as small as the one just measured, so that the
    // two rows differ by the lock alone (the lock stays on from here).
    const locked = await saveWithLock(page, url, (id) => answerAll(id, false), ids.slice(6, 9));
    rows.push(row('Save an answer, app lock on (median)', median(locked), 5));

    // The progress page with 10,000 recorded answers, brought in through "Open a progress file".
    const answers = Array.from({ length: ANSWERS }, (_, i) => ({
      lessonId: ids[i % ids.length] as string,
      questionId: `q-${Math.floor(i / ids.length)}`,
      selected: ['a'],
      correct: i % 3 !== 0,
      answeredAt: 1_700_000_000_000 + i,
    }));
    const file = path.join(work, 'progress.json');
    const data = toProgressFile(
      { answers, lessons: [], checklist: [], reviews: [], settings: [] },
      new Date(),
    );
    writeFileSync(file, JSON.stringify(data));
    await page.goto(`${url}#/en/settings`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.locator('.settings .notice[role="status"]').waitFor();
    // First, straight after the import: the answers are read from IndexedDB.
    const cold = await timeNavigation(page, '#/en/progress', '.progress-list li', count);
    const renders: number[] = [];
    for (let run = 0; run < 5; run++) {
      await timeNavigation(page, '#/en/', '.card', 1);
      renders.push(await timeNavigation(page, '#/en/progress', '.progress-list li', count));
    }
    rows.push(row(`Progress page, ${ANSWERS.toLocaleString('en')} answers, first time`, cold, 100));
    rows.push(row(`Progress page, ${count} lessons, again (median)`, median(renders), 100));

    // Saving with those answers kept: each lesson's record now holds about 50 of them.
    for (const id of ids.slice(9, 12)) await answerAll(id, false);
    rows.push(
      row(
        `Save an answer, ${ANSWERS.toLocaleString('en')} answers kept (median)`,
        median(await measures(page, 'save-answer')),
        5,
      ),
    );

    // A search query over the whole course (the index loads first; only queries are timed).
    await page.goto(`${url}#/en/search`);
    const box = page.getByRole('searchbox');
    await page.locator('.loading').waitFor({ state: 'detached' });
    for (const query of [
      'password',
      'signal',
      'phone lock',
      'vpn',
      'harass',
      'backup',
      'protest',
      'evidence',
    ]) {
      await box.fill(query);
      await page.locator('.search-count').filter({ hasText: /\S/ }).waitFor();
    }
    rows.push(
      row(`Search query, ${count} lessons (median)`, median(await measures(page, 'search-query')), 50),
    );

    // Unlocking on a slowed CPU, with those answers to open.
    rows.push(row('Unlock, CPU slowed 4× (median)', median(await measureUnlocks(page, url)), 1_500));
  } finally {
    await browser.close();
  }
  return rows;
}
