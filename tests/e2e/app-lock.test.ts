/**
 * The app lock, as a learner meets it: set in Settings, asked for at every start and after the app
 * was left, a lock screen that names nothing, a growing wait after wrong tries, and a decoy PIN
 * that opens an app with no progress.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerQuestion, browserAndServer, phone, setVisibility } from './harness.ts';

const shared = browserAndServer();
const PIN = '482916';
const DECOY = '735102';

const answered = (page: Page) => page.locator('fieldset.question').first().locator('.result').textContent();

/** Answers the first question of the passwords lesson, then sets the lock in Settings. */
async function answerThenLock(page: Page): Promise<void> {
  await page.goto(`${shared.server().url}#/en/lessons/passwords`);
  await answerQuestion(page);
  await page.goto(`${shared.server().url}#/en/settings`);
  await page.getByRole('button', { name: 'Set a lock' }).click();
  await page.getByLabel('New PIN or passphrase').fill(PIN);
  await page.getByLabel('The same again').fill(PIN);
  await page.getByRole('button', { name: 'Turn the lock on' }).click();
  await page.getByText('The lock is on.').waitFor();
}

/** Waits for the lock screen, and says what it shows. */
async function lockScreen(page: Page) {
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
  return { title: await page.title(), text: await page.locator('body').textContent() };
}

async function enter(page: Page, secret: string): Promise<void> {
  await page.getByLabel('PIN or passphrase').fill(secret);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** The lock screen's message once the try was checked (a derivation can take seconds on a busy machine). */
async function verdict(page: Page): Promise<string | null> {
  const message = page.locator('#lock-message');
  await page
    .getByText('Checking…')
    .waitFor({ timeout: 5_000 })
    .catch(() => {});
  await expect.poll(() => message.textContent(), { timeout: 30_000 }).not.toBe('Checking…');
  return message.textContent();
}

describe('the app lock', () => {
  it('asks for the PIN at start on a screen that names nothing, and opens the progress with it', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await answerThenLock(page);
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await page.reload();

      const shown = await lockScreen(page);
      expect(shown.title).toBe('Safe Online');
      expect(shown.text).not.toMatch(/password|lesson|answer|progress/i);
      expect(await page.locator('fieldset.question').count()).toBe(0);
      expect(await page.locator('header').count()).toBe(0);

      await enter(page, '000000');
      await page.getByText('That is not it.').waitFor();
      await enter(page, PIN);
      await page.locator('fieldset.question').first().waitFor();
      await expect.poll(() => answered(page)).not.toBe('');
    } finally {
      await context.close();
    }
  });

  it('locks at once when the app goes to the background', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await answerThenLock(page);
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await expect.poll(() => answered(page)).not.toBe('');

      await setVisibility(page, 'hidden');

      await lockScreen(page);
      expect(await page.locator('fieldset.question').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('with "After 1 minute", locks only once the app was left that long', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.clock.install();
      await answerThenLock(page);
      await page.getByLabel('After 1 minute').check();
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await expect.poll(() => answered(page)).not.toBe('');

      await setVisibility(page, 'hidden');
      await page.clock.fastForward('00:30');
      await setVisibility(page, 'visible');
      expect(await page.locator('fieldset.question').count()).toBeGreaterThan(0);

      await setVisibility(page, 'hidden');
      await page.clock.fastForward('01:01');
      await lockScreen(page);
      expect(await page.locator('fieldset.question').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('makes wrong tries wait, longer after each, even after a reload', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await answerThenLock(page);
      await page.reload();
      await lockScreen(page);
      for (let i = 0; i < 3; i++) {
        await enter(page, '111111');
        expect(await verdict(page)).toBe('That is not it.');
      }
      await enter(page, '111111');
      expect(await verdict(page)).toBe('That is not it. You can try again in 30 seconds.');
      expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);

      await page.reload();
      await lockScreen(page);
      await enter(page, PIN);
      expect(await verdict(page)).toMatch(/^You can try again in \d+ seconds\.$/);
      expect(await page.locator('fieldset.question').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('opens an app with no progress with the decoy PIN, that still shows the lock as on', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await answerThenLock(page);
      await page.getByRole('button', { name: 'Set a decoy PIN' }).click();
      await page.getByLabel('Your PIN or passphrase').fill(PIN);
      await page.getByLabel('Decoy PIN').fill(DECOY);
      await page.getByRole('button', { name: 'Set a decoy PIN' }).click();
      await page.getByText('The decoy PIN was set.').waitFor();

      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await page.reload();
      await lockScreen(page);
      await enter(page, DECOY);
      await page.locator('fieldset.question').first().waitFor();
      expect(await answered(page)).toBe('');

      await page.goto(`${shared.server().url}#/en/settings`);
      await page.getByRole('button', { name: 'Turn the lock off' }).click();
      await page.getByLabel('Your PIN or passphrase').fill(DECOY);
      await page.getByRole('button', { name: 'Turn the lock off' }).click();
      await page.getByText('The lock could not be changed. Nothing was changed.').waitFor();

      // The real PIN still opens the real progress.
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await page.reload();
      await lockScreen(page);
      await enter(page, PIN);
      await expect.poll(() => answered(page)).not.toBe('');
    } finally {
      await context.close();
    }
  });

  it('is offered once after a finished quiz, and never again after "Not now"', async () => {
    const { context, page } = await phone(shared.browser());
    const offer = page.locator('aside', { hasText: 'Lock the app?' });
    try {
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await page.locator('fieldset.question').first().waitFor();
      const questions = await page.locator('fieldset.question').count();
      for (let i = 0; i < questions; i++) await answerQuestion(page, i);
      await offer.waitFor();
      await offer.getByRole('button', { name: 'Not now' }).click();
      expect(await offer.count()).toBe(0);

      await page.reload();
      await page.locator('.quiz-summary .score').waitFor();
      await page.getByRole('button', { name: 'Try the quiz again' }).waitFor();
      // Long enough for the card to load, had it been offered again.
      await page.waitForTimeout(1_000);
      expect(await offer.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('locks the other open tabs of the app when it is turned on', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      const other = await context.newPage();
      await other.goto(`${shared.server().url}#/en/lessons/passwords`);
      await other.locator('fieldset.question').first().waitFor();

      await answerThenLock(page);

      await lockScreen(other);
      expect(await other.locator('fieldset.question').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
