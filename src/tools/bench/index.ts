/**
 * `npm run bench`: how the app performs on a large course, measured in Chromium against targets.
 * Writes bench/results.json and prints a table. A script, not a test: CI does not run it.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { toProgressFile } from '../../shared/progress-file.ts';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';
import { generateCourse } from './course.ts';

const LESSONS = 200;
const ANSWERS = 10_000;

interface Row {
  name: string;
  value: number;
  unit: string;
  target: number | null;
}

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

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'safe-online-bench-'));
  const rows: Row[] = [];
  try {
    const lessonsDir = path.join(work, 'lessons');
    const count = generateCourse(path.resolve('lessons'), lessonsDir, LESSONS, ['en', 'hi', 'ms', 'ur']);
    const outDir = path.join(work, 'dist');
    process.env.LESSONS_DIR = lessonsDir;
    const started = performance.now();
    await build({ logLevel: 'warn', build: { outDir } });
    rows.push({
      name: `Build ${count} lessons × 4 languages`,
      value: (performance.now() - started) / 1000,
      unit: 's',
      target: null,
    });

    const server = await preview({
      logLevel: 'silent',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    const address = server.httpServer.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      // tsx keeps function names with a helper that functions sent to the page would miss.
      await page.addInitScript('window.__name = (f) => f');
      const ids = readdirSync(lessonsDir).filter((name) => name !== 'glossary' && name !== 'course.yaml');

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
      rows.push({
        name: 'Save an answer (median)',
        value: median(await measures(page, 'save-answer')),
        unit: 'ms',
        target: 5,
      });
      rows.push({
        name: 'Save an answer after a tap (median)',
        value: median(taps),
        unit: 'ms',
        target: null,
      });

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
      rows.push({
        name: `Progress page, ${ANSWERS} answers, first time`,
        value: cold,
        unit: 'ms',
        target: 100,
      });
      rows.push({
        name: `Progress page, ${count} lessons, again (median)`,
        value: median(renders),
        unit: 'ms',
        target: 100,
      });

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
      rows.push({
        name: `Search query, ${count} lessons (median)`,
        value: median(await measures(page, 'search-query')),
        unit: 'ms',
        target: 50,
      });
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
  );
  console.log(`${'Measure'.padEnd(44)}${'Value'.padStart(10)}${'Target'.padStart(10)}  Result`);
  let missed = 0;
  for (const row of rows) {
    const ok = row.target === null || row.value <= row.target;
    if (!ok) missed++;
    const value = `${row.value.toFixed(row.unit === 's' ? 1 : 2)} ${row.unit}`;
    const target = row.target === null ? '-' : `< ${row.target} ${row.unit}`;
    console.log(
      `${row.name.padEnd(44)}${value.padStart(10)}${target.padStart(10)}  ${row.target === null ? '' : ok ? 'ok' : 'MISSED'}`,
    );
  }
  console.log(missed ? `\n${missed} target(s) missed.` : '\nEvery target met.');
}

await main();
