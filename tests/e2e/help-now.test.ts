/**
 * Help now, as a learner in trouble uses it: from the header of any page, offline, every flow to
 * every ending, with the services of the chosen country (and international ones), a summary to
 * read out, and nothing about the flow kept in storage, the address, the title or the history.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { flowsIn } from '../../src/compiler/help-flows.ts';
import { entriesHelpingWith, type HelpCountry, type HelpDirectory } from '../../src/shared/help.ts';
import type { FlowEnding, HelpFlow } from '../../src/shared/help-flows.ts';
import { databaseText, storedNames } from './disguise-helpers.ts';
import {
  browserAndServer,
  overflowsHorizontally,
  phone,
  progressSaved,
  serve,
  waitForServiceWorker,
} from './harness.ts';

const shared = browserAndServer();
let directory: HelpDirectory;
let english: HelpFlow[];
let urdu: HelpFlow[];

beforeAll(() => {
  const course = compileCourse('lessons');
  directory = course.help as HelpDirectory;
  english = flowsIn(course.flows, 'en');
  urdu = flowsIn(course.flows, 'ur');
}, 120_000);

interface Walk {
  flow: HelpFlow;
  answers: string[];
  ending: FlowEnding;
}

/** Every way through a flow: the answers' words to each ending. */
function walks(flow: HelpFlow, firstOnly = false): Walk[] {
  const found: Walk[] = [];
  const visit = (id: string, answers: string[]) => {
    const step = flow.steps.find((candidate) => candidate.id === id);
    if (step?.kind === 'ending') found.push({ flow, answers, ending: step });
    if (step?.kind !== 'question') return;
    for (const answer of firstOnly ? step.answers.slice(0, 1) : step.answers)
      visit(answer.to, [...answers, answer.text]);
  };
  visit(flow.steps[0]?.id ?? '', []);
  return found;
}

/** The services a learner in `country` should see for an ending, local ones first. */
function expectedServices(country: HelpCountry, ending: FlowEnding): string[] {
  const entries = new Map(
    ending.help
      .flatMap((category) => entriesHelpingWith(directory, country, category))
      .map((entry) => [entry.id, entry]),
  );
  return [...entries.values()]
    .sort((a, b) => Number(a.region === 'international') - Number(b.region === 'international'))
    .map((entry) => entry.name);
}

/** Walks one path from the Help now list, checking that each new step's heading has the focus. */
async function walk(page: Page, { flow, answers, ending }: Walk): Promise<void> {
  await page.locator('.help-now-choice', { hasText: flow.title }).click();
  for (const answer of answers) {
    await page.getByRole('button', { name: answer, exact: true }).click();
  }
  const heading = page.getByRole('heading', { level: 1, name: ending.title, exact: true });
  await heading.waitFor();
  expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
}

describe('Help now', () => {
  it('walks every flow to every ending offline, with the chosen country and nothing stored', async () => {
    const server = await serve();
    const { context, page, requests } = await phone(shared.browser());
    try {
      await page.goto(`${server.url}#/en/help`);
      await page.getByRole('button', { name: 'Pakistan' }).click();
      await page.locator('.help-entry').first().waitFor();
      await waitForServiceWorker(page);
      await progressSaved(page);
      await server.close();
      await page.goto(`${server.url}#/en/`);
      await page.getByRole('heading', { level: 1, name: 'Learn to stay safe online' }).waitFor();
      const stored = [await storedNames(page), await databaseText(page)];

      await page.getByRole('link', { name: 'Help now', exact: true }).click();
      await page.locator('.help-now-choice').first().waitFor();
      // Walking a flow adds no entry to the tab's history: Back leaves Help now.
      const entries = await page.evaluate(() => window.history.length);
      const all = english.flatMap((flow) => walks(flow));
      expect(all.length).toBeGreaterThanOrEqual(9);
      for (const path of all) {
        await walk(page, path);
        const names = await page.locator('.help-entry h2').allTextContents();
        expect(names, `${path.flow.id} → ${path.ending.id}`).toEqual(expectedServices('PK', path.ending));
        const regions = names.map((name) => directory.entries.find((entry) => entry.name === name)?.region);
        expect(regions.every((region) => region === 'PK' || region === 'international')).toBe(true);
        expect(await page.locator('.help-now-actions li').count()).toBe(
          path.ending.doNow.length + path.ending.doNot.length,
        );
        await page.getByRole('button', { name: 'Show a summary' }).click();
        const summary = (await page.locator('.help-now-summary-text').first().textContent()) ?? '';
        expect(summary).toContain(path.flow.title);
        for (const answer of path.answers) expect(summary).toContain(answer);
        expect(summary).toContain(path.ending.doNow[0]?.text ?? '');
        expect(await overflowsHorizontally(page)).toBe(false);
        // Nothing names the situation: not the address, the title or a new history entry.
        expect(new URL(page.url()).hash).toBe('#/en/help-now');
        expect(await page.title()).toBe('Help now · Safe Online');
        await page.getByRole('button', { name: 'Choose another situation' }).click();
      }
      expect(await page.evaluate(() => window.history.length)).toBe(entries);
      await progressSaved(page);
      expect([await storedNames(page), await databaseText(page)]).toEqual(stored);
      expect(requests.filter((url) => !url.startsWith(server.url.slice(0, -1)))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('goes one way through each flow in Urdu, right to left, asking the country and showing its services', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/ur/help-now`);
      await page.locator('.help-now-choice').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      for (const flow of urdu) {
        expect(flow.locale).toBe('ur');
        const [path] = walks(flow, true);
        if (!path) throw new Error(`${flow.id} has no ending`);
        await walk(page, path);
        const chooser = page.getByRole('button', { name: 'بھارت' });
        if (await chooser.count()) await chooser.click();
        await page.locator('.help-entry').first().waitFor();
        expect(await page.locator('.help-entry h2').allTextContents()).toEqual(
          expectedServices('IN', path.ending),
        );
        expect(await page.locator('.help-now-actions').first().getAttribute('dir')).toBe('rtl');
        await page.getByRole('button', { name: 'کوئی اور صورتحال چنیں' }).click();
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it('is one tap away at the bottom of a long lesson', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/lessons/secure-messaging`);
      await page.locator('.lesson h1').waitFor();
      await page.evaluate(() =>
        scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
      );
      await page.waitForTimeout(200);
      const link = page.getByRole('link', { name: 'Help now', exact: true });
      const box = await link.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 740 && box.height >= 44).toBe(true);
      await link.click();
      await page.getByRole('heading', { level: 1, name: 'Help now' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('goes back to the list of situations from the header link, at a question and at an ending', async () => {
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/en/help-now`);
      const choices = page.locator('.help-now-choice');
      await choices.first().waitFor();
      const header = page.getByRole('link', { name: 'Help now', exact: true });
      const flow = english[0] as HelpFlow;
      const [path] = walks(flow, true);
      await choices.filter({ hasText: flow.title }).click();
      await page.getByRole('button', { name: path?.answers[0], exact: true }).waitFor();
      await header.click();
      await page.getByRole('heading', { level: 1, name: 'Help now' }).waitFor({ timeout: 5_000 });
      expect(await choices.count()).toBe(english.length);

      await walk(page, path as Walk);
      await header.click();
      await page.getByRole('heading', { level: 1, name: 'Help now' }).waitFor({ timeout: 5_000 });
      expect(await choices.count()).toBe(english.length);
      await page.getByRole('heading', { level: 1, name: 'Help now' }).evaluate((heading) => {
        if (heading !== document.activeElement) throw new Error('the list heading does not have the focus');
      });
    } finally {
      await context.close();
    }
  });

  it('has no accessibility violations at an ending', async () => {
    const context = await shared
      .browser()
      .newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${shared.server().url}#/en/help-now`);
      const [path] = walks(english[0] as HelpFlow, true);
      await walk(page, path as Walk);
      await page.getByRole('button', { name: 'Malaysia' }).click();
      await page.getByRole('button', { name: 'Show a summary' }).click();
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(() =>
        (
          window as unknown as {
            axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string }[] }> };
          }
        ).axe
          .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } })
          .then((result) => result.violations.map((violation) => violation.id)),
      );
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
