/**
 * Saving a Help now summary, only when the learner chooses: kept across a reload, opened again
 * and deleted from the Help now page; encrypted on the disk and shown only after unlocking with the
 * app lock on; never offered in a private session; and not findable on the disk after Erase.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { flowsIn } from '../../src/compiler/help-flows.ts';
import type { HelpFlow } from '../../src/shared/help-flows.ts';
import { databaseText, storedNames } from './disguise-helpers.ts';
import {
  areaOf,
  describeHits,
  inProfile,
  newProfileDir,
  onlyFiles,
  removeProfileDir,
  scanProfile,
} from './disk.ts';
import { browserAndServer, phone, progressSaved } from './harness.ts';

const shared = browserAndServer();
const PIN = '482916';
const en = JSON.parse(readFileSync('locales/en.json', 'utf8')) as {
  helpNow: { summary: { situation: string } };
};

/** The first flow and its first way to an ending: the words tapped, and lines only its summary holds. */
let flow: HelpFlow;
let answers: string[];
let needles: string[];
let endingTitle: string;

beforeAll(() => {
  flow = flowsIn(compileCourse('lessons').flows, 'en')[0] as HelpFlow;
  answers = [];
  needles = [`${en.helpNow.summary.situation} ${flow.title}`];
  let step = flow.steps[0];
  while (step?.kind === 'question') {
    const answer = step.answers[0];
    if (!answer) throw new Error(`${flow.id} has a question without answers`);
    answers.push(answer.text);
    needles.push(`- ${step.text} ${answer.text}`);
    step = flow.steps.find((candidate) => candidate.id === answer.to);
  }
  if (step?.kind !== 'ending') throw new Error(`${flow.id} does not end`);
  endingTitle = step.title;
}, 120_000);

/** From the Help now list, through the flow to its ending, and the summary shown. */
async function toSummary(page: Page): Promise<void> {
  await page.locator('.help-now-choice', { hasText: flow.title }).click();
  for (const answer of answers) await page.getByRole('button', { name: answer, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: endingTitle, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Show a summary' }).click();
  await page.locator('.help-now-summary-text').first().waitFor();
}

async function openHelpNow(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/en/help-now`);
  await page.locator('.help-now-choice').first().waitFor();
}

async function saveOne(page: Page): Promise<void> {
  await toSummary(page);
  await page.getByRole('button', { name: 'Save this summary' }).click();
  await page.getByText('Saved on this phone. You will find it under Saved summaries.').waitFor();
  await progressSaved(page);
}

const savedList = (page: Page) => page.getByRole('heading', { level: 2, name: 'Saved summaries' });

describe('a saved Help now summary', () => {
  it('is saved only when asked, listed after a reload, opens again with Copy, and is deleted', async () => {
    const { context, page } = await phone(shared.browser());
    const url = shared.server().url;
    try {
      await openHelpNow(page, url);
      // Shown, not saved: nothing is listed after a reload.
      await toSummary(page);
      await progressSaved(page);
      await page.reload();
      await page.locator('.help-now-choice').first().waitFor();
      expect(await savedList(page).count()).toBe(0);

      await saveOne(page);
      await page.reload();
      await page.locator('.help-now-choice').first().waitFor();
      await savedList(page).waitFor();
      const item = page.locator('.saved-summaries .help-now-choice');
      expect(await item.count()).toBe(1);
      expect(await item.textContent()).toContain(flow.title);
      await item.click();
      const text = (await page.locator('.saved-summaries .help-now-summary-text').textContent()) ?? '';
      for (const needle of needles) expect(text).toContain(needle);
      expect(await page.locator('.saved-summaries').getByRole('button', { name: 'Copy' }).count()).toBe(1);

      await page.locator('.saved-summaries').getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Deleted.').waitFor();
      expect(await item.count()).toBe(0);
      await progressSaved(page);
      await page.reload();
      await page.locator('.help-now-choice').first().waitFor();
      expect(await savedList(page).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('is not offered in a private session, which writes nothing and drops those saved before', async () => {
    const { context, page } = await phone(shared.browser());
    const url = shared.server().url;
    try {
      await openHelpNow(page, url);
      await saveOne(page);
      await page.goto(`${url}#/en/settings`);
      await page.getByLabel("Don't keep my progress on this phone").check();
      await page.getByText('Private session on. The progress saved on this phone has been erased.').waitFor();

      await openHelpNow(page, url);
      expect(await savedList(page).count()).toBe(0);
      const stored = [await storedNames(page), await databaseText(page)];
      await toSummary(page);
      expect(await page.getByRole('button', { name: 'Save this summary' }).count()).toBe(0);
      await page.getByText('Nothing is saved in a private session.').waitFor();
      await progressSaved(page);
      expect([await storedNames(page), await databaseText(page)]).toEqual(stored);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('on a phone that cannot save, says it is kept only until the app is closed', async () => {
    const { context, page } = await phone(shared.browser());
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('IndexedDB is disabled', 'SecurityError');
        },
      });
    });
    try {
      await openHelpNow(page, shared.server().url);
      await toSummary(page);
      await page.getByRole('button', { name: 'Save this summary' }).click();
      await page.getByText('Kept until you close the app: this phone cannot save it right now.').waitFor();
      expect(await page.getByText('Saved on this phone.', { exact: false }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('a saved summary on the disk', () => {
  const profiles: string[] = [];
  afterAll(() => Promise.all(profiles.map(removeProfileDir)));

  /** Where the summary's words are in the profile's files, the app's own copies of its code left out. */
  async function found(dir: string, label: string) {
    const result = await scanProfile(dir, needles, { skip: (file) => areaOf(file) === 'app code' });
    console.info(`${label}:\n${describeHits(result.needles)}`);
    expect(result.files).toBeGreaterThan(0);
    expect(result.unread).toEqual([]);
    return onlyFiles(result.needles, () => true);
  }

  it('is encrypted with the app lock on, listed only after unlocking, and gone after Erase', async () => {
    const dir = await newProfileDir();
    profiles.push(dir);
    const url = shared.server().url;
    await inProfile(dir, async (page) => {
      await page.goto(`${url}#/en/settings`);
      await page.getByRole('button', { name: 'Set a lock' }).click();
      await page.getByLabel('New PIN or passphrase').fill(PIN);
      await page.getByLabel('The same again').fill(PIN);
      await page.getByRole('button', { name: 'Turn the lock on' }).click();
      await page.getByText('The lock is on.').waitFor();
      await openHelpNow(page, url);
      await saveOne(page);
      await page.reload();
      await page.getByRole('button', { name: 'Unlock' }).waitFor();
      expect(await page.locator('body').textContent()).not.toContain(flow.title);
      await page.getByLabel('PIN or passphrase').fill(PIN);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await savedList(page).waitFor();
    });
    await inProfile(dir, async () => {});
    // Neither in the site's storage nor in the browser's own files.
    expect(await found(dir, 'With the lock on')).toEqual([]);

    await inProfile(dir, async (page) => {
      await page.goto(`${url}#/en/help-now`);
      await page.getByLabel('PIN or passphrase').fill(PIN);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await savedList(page).waitFor();
      await page.locator('header').getByRole('link', { name: 'Erase' }).click();
      await page.getByRole('button', { name: 'Yes, erase everything' }).click();
      await page.waitForURL('about:blank');
    });
    await inProfile(dir, async () => {});
    expect(await found(dir, 'After Erase')).toEqual([]);
  }, 240_000);
});
