/**
 * The app lock in Chromium: saving an answer with the lock on (records under the keys a PIN
 * unwrapped), and unlocking on a CPU slowed four times, as on a cheap phone: one PBKDF2-SHA-256
 * derivation of 600,000 iterations, then opening the progress.
 */
import type { Page } from 'playwright-core';

const PIN = '482916';

/** Time from pressing "Unlock" to the first page of the app drawn (in the page's clock). */
function timeUnlock(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        document.querySelector<HTMLButtonElement>('.lock-screen button[type="submit"]')?.click();
        const check = () => {
          if (!document.querySelector('.lock-screen') && document.querySelector('#main h1'))
            resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

/**
 * Sets the lock in Settings and answers every question of `lessons` with it on; resolves to the
 * save times (the app's own `save-answer` measures), in milliseconds.
 */
export async function saveWithLock(
  page: Page,
  url: string,
  answerAll: (id: string) => Promise<void>,
  lessons: string[],
): Promise<number[]> {
  await page.goto(`${url}#/en/settings`);
  await page.getByRole('button', { name: 'Set a lock' }).click();
  await page.getByLabel('New PIN or passphrase').fill(PIN);
  await page.getByLabel('The same again').fill(PIN);
  await page.getByRole('button', { name: 'Turn the lock on' }).click();
  await page.getByText('The lock is on.').waitFor({ timeout: 60_000 });
  await page.evaluate(() => performance.clearMeasures('save-answer'));
  for (const id of lessons) await answerAll(id);
  const saves = await page.evaluate(() => performance.getEntriesByName('save-answer').map((m) => m.duration));
  await page.evaluate(() => performance.clearMeasures('save-answer'));
  return saves;
}

/** With the lock on (see saveWithLock), unlocks `runs` times with the CPU slowed; resolves to the times. */
export async function measureUnlocks(page: Page, url: string, runs = 3): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const unlocks: number[] = [];
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (let run = 0; run < runs; run++) {
      await page.goto(`${url}#/en/`);
      await page.reload();
      await page.getByLabel('PIN or passphrase').fill(PIN);
      unlocks.push(await timeUnlock(page));
    }
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
  return unlocks;
}
