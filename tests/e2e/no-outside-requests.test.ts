/**
 * Nothing leaves for another host: every page in every language, with search used and a lesson
 * presented, makes no request except to the app's own server and breaks no rule of its
 * Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { LOCALES } from '../../src/shared/locales.ts';
import { browserAndServer, foreignRequests, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

/** Every route of the app in `locale`, with each lesson, presentation, plan and a glossary term. */
function routes(locale: string): string[] {
  const plans = course.workshops.get(locale) ?? course.workshops.get('en') ?? [];
  const terms = course.glossaries.get('en')?.glossary?.terms ?? [];
  return [
    '',
    'progress',
    'review',
    'search',
    'glossary',
    `glossary/${terms[0]?.id}`,
    'settings',
    'workshops',
    ...plans.map((plan) => `workshops/${plan.id}`),
    'share',
    'erase',
    ...course.entries.flatMap((entry) => [`lessons/${entry.id}`, `present/${entry.id}`]),
  ];
}

describe.each(LOCALES)('in %s', (locale) => {
  it('every page requests nothing from another host and breaks no content policy', async () => {
    const { context, page, requests } = await phone(shared.browser());
    const origin = shared.server().url;
    try {
      const visited = routes(locale);
      for (const route of visited) {
        const hash = `#/${locale}/${route}`;
        await page.goto(`${origin}${hash}`);
        // The page for this address has rendered, with whatever it loads on first use.
        await page.waitForFunction(
          (expected) =>
            location.hash === expected &&
            !document.querySelector('.loading') &&
            Boolean(document.querySelector('h1')?.textContent),
          hash,
        );
        if (route === 'search') {
          await page.getByRole('searchbox').fill('Signal');
          await page.locator('.results li').first().waitFor();
        }
      }
      await page.waitForLoadState('networkidle');
      expect(visited.length).toBeGreaterThan(2 * course.entries.length);
      expect(requests.length).toBeGreaterThan(visited.length / 4);
      expect(foreignRequests(requests, origin)).toEqual([]);
      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
