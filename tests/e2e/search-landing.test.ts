/**
 * Following a search result on a slow phone lands with the matched heading on screen, below the
 * header, once the page settles: in every language, deep in long lessons too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { searchDocuments } from '../../src/compiler/search-index.ts';
import type { SearchDocument } from '../../src/shared/search.ts';
import { browserAndServer, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

const words = (text: string) => text.toLowerCase().split(/[\s\p{P}]+/u);

/**
 * Five sections of a language's own lessons, with a word of each found in no other document (not
 * even as the start of a longer word): the last sections of the longest lessons, then one midway.
 */
function queries(locale: string): { word: string; doc: SearchDocument }[] {
  const documents = searchDocuments(course, locale);
  const lessons = new Map<string, SearchDocument[]>();
  for (const doc of documents)
    if (doc.kind === 'lesson') lessons.set(doc.target, [...(lessons.get(doc.target) ?? []), doc]);
  const longest = [...lessons.values()]
    .sort((a, b) => b.reduce((n, d) => n + d.text.length, 0) - a.reduce((n, d) => n + d.text.length, 0))
    .filter((sections) => sections.length > 3);
  const wanted = [
    ...longest.slice(0, 3).map((sections) => sections.slice(-2)),
    ...longest.slice(3, 5).map((sections) => sections.slice(Math.floor(sections.length / 2))),
  ];
  const all = documents.map((doc) => new Set(words(`${doc.title} ${doc.heading} ${doc.text}`)));
  const picked: { word: string; doc: SearchDocument }[] = [];
  for (const candidates of wanted) {
    for (const doc of candidates) {
      const own = all[documents.indexOf(doc)] ?? new Set<string>();
      const word = words(doc.text).find(
        (candidate) =>
          candidate.length >= 7 &&
          !/\d/.test(candidate) &&
          all.every((other) => other === own || ![...other].some((each) => each.startsWith(candidate))),
      );
      if (word) {
        picked.push({ word, doc });
        break;
      }
    }
  }
  return picked;
}

/** Where the heading rests once nothing has moved for a second: its box, and the header's foot. */
async function settled(page: Page, id: string) {
  await page.evaluate(() => document.fonts.ready);
  const place = () =>
    page.evaluate((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect();
      const bar = document.querySelector('.app-bar')?.getBoundingClientRect();
      return {
        top: Math.round(box?.top ?? Number.NaN),
        bottom: Math.round(box?.bottom ?? Number.NaN),
        barBottom: Math.round(bar?.bottom ?? 0),
        height: window.innerHeight,
      };
    }, id);
  let last = await place();
  let still = Date.now();
  while (Date.now() - still < 1000) {
    await page.waitForTimeout(100);
    const now = await place();
    if (now.top !== last.top || now.barBottom !== last.barBottom) still = Date.now();
    last = now;
  }
  return last;
}

describe.each(['en', 'hi', 'ms', 'ur'])('landing from search in %s on a slow phone', (locale) => {
  it('shows the matched heading below the header, focused, every time', async () => {
    const chosen = queries(locale);
    expect(chosen.length).toBeGreaterThanOrEqual(5);
    const { context, page } = await phone(shared.browser());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const landings: string[] = [];
    try {
      await page.goto(`${shared.server().url}#/${locale}/search`);
      for (const { word, doc } of chosen) {
        await page.evaluate((hash) => {
          location.hash = hash;
        }, `#/${locale}/search`);
        const box = page.getByRole('searchbox');
        await box.fill(word);
        const link = page.locator(`.results a[href="#/${locale}/lessons/${doc.target}/${doc.section}"]`);
        await link.click();
        const id = `section-${doc.section}`;
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 20_000 })
          .toBe(id);
        const rest = await settled(page, id);
        const onScreen = rest.top >= rest.barBottom && rest.bottom <= rest.height;
        landings.push(
          `${onScreen ? 'on screen' : 'OFF'} ${doc.target}/${doc.section} “${word}” ${JSON.stringify(rest)}`,
        );
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
      }
    } finally {
      await context.close();
    }
    expect(
      landings.filter((landing) => landing.startsWith('OFF')),
      landings.join('\n'),
    ).toEqual([]);
  }, 120_000);
});
