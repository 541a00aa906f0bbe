/**
 * The printed first-steps card, as a trainer makes it: reached from the workshop tools and from
 * Help now in trainer mode, one per country in the learner's language, with that country's
 * services (then international ones) from the directory and every flow's first steps, on one A4
 * page that names no app.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { flowsIn } from '../../src/compiler/help-flows.ts';
import { entriesFor, HELP_COUNTRIES, type HelpCountry, type HelpDirectory } from '../../src/shared/help.ts';
import type { HelpFlow } from '../../src/shared/help-flows.ts';
import { browserAndServer, openFirstStepsCard, phone } from './harness.ts';
import { pdfText } from './pdf.ts';

const shared = browserAndServer();
let directory: HelpDirectory;
const flows: Record<string, HelpFlow[]> = {};

beforeAll(() => {
  const course = compileCourse('lessons');
  directory = course.help as HelpDirectory;
  for (const locale of ['en', 'ur']) flows[locale] = flowsIn(course.flows, locale);
}, 120_000);

/** The services a card for `country` lists: those helping with a kind of help some ending asks for. */
function expectedServices(country: HelpCountry): string[] {
  const kinds = new Set(
    (flows.en ?? []).flatMap((flow) =>
      flow.steps.flatMap((step) => (step.kind === 'ending' ? step.help : [])),
    ),
  );
  return entriesFor(directory, country)
    .filter((entry) => entry.helps.some((kind) => kinds.has(kind)))
    .map((entry) => entry.name);
}

describe('the first-steps card', () => {
  it.each(['en', 'ur'])(
    'shows each country its own services and every first step, on one A4 page (%s)',
    async (locale) => {
      const { context, page } = await phone(shared.browser());
      try {
        for (const country of HELP_COUNTRIES) {
          await page.goto(`${shared.server().url}#/${locale}/help-now/${country}`);
          await page.locator('.help-card h1').waitFor();
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(
            locale === 'ur' ? 'rtl' : 'ltr',
          );
          const names = await page.locator('.help-card-service h3').allTextContents();
          expect(names, country).toEqual(expectedServices(country));
          expect(names.length).toBeGreaterThan(0);
          const regions = names.map((name) => directory.entries.find((entry) => entry.name === name)?.region);
          expect(regions.some((region) => region === country)).toBe(true);
          expect(regions.every((region) => region === country || region === 'international')).toBe(true);
          // Each service's ways to reach it, as the directory gives them.
          for (const name of names) {
            const entry = directory.entries.find((candidate) => candidate.name === name);
            const shown = await page.locator('.help-card-service', { hasText: name }).textContent();
            for (const contact of entry?.contacts ?? []) expect(shown).toContain(contact.value);
          }

          const own = flows[locale] ?? [];
          expect(await page.locator('.help-card-flow h3').allTextContents()).toEqual(
            own.map((flow) => flow.title),
          );
          for (const flow of own) {
            expect(flow.locale).toBe(locale);
            const section = page.locator('.help-card-flow', { hasText: flow.title });
            expect(await section.getAttribute('dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
            expect(await section.locator('li').allTextContents()).toEqual(flow.card.map((step) => step.text));
          }

          await page.emulateMedia({ media: 'print' });
          const printed = await pdfText(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
          expect(printed.length, `${locale} ${country}`).toBe(1);
          expect(printed[0]).not.toContain('Safe Online');
          expect(await page.locator('.help-card-actions').isVisible()).toBe(false);
          await page.emulateMedia({ media: 'screen' });
        }
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('is reached from the workshop tools, and from Help now in trainer mode only', async () => {
    const { context, page } = await phone(shared.browser());
    const url = shared.server().url;
    try {
      await page.goto(`${url}#/en/workshops`);
      await page.getByRole('heading', { name: 'First-steps card' }).waitFor();
      await openFirstStepsCard(page, 'Pakistan');

      const links = page.getByRole('navigation', { name: 'Print a first-steps card:' });
      await page.goto(`${url}#/en/help-now`);
      await page.locator('.help-now-choice').first().waitFor();
      expect(await links.isVisible()).toBe(false);
      await page.goto(`${url}#/en/settings`);
      await page.getByRole('checkbox', { name: /Trainer mode/ }).check();
      await page.goto(`${url}#/en/help-now`);
      await links.getByRole('link', { name: 'Malaysia' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'First steps and who to contact: Malaysia' })
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
