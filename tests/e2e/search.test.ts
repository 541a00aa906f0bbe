/** Offline search finds lessons by words from their text, in English and in Urdu, and opens the section. */
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { searchDocuments } from '../../src/compiler/search-index.ts';
import { browserAndServer, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

/** A word that appears in the body of exactly one section of the language's lessons. */
function wordOnlyIn(locale: string) {
  const documents = searchDocuments(course, locale).filter((doc) => doc.kind === 'lesson' && doc.section > 0);
  const count = new Map<string, number>();
  for (const doc of documents) {
    for (const word of new Set(doc.text.toLowerCase().split(/[\s\p{P}]+/u)))
      count.set(word, (count.get(word) ?? 0) + 1);
  }
  for (const doc of documents) {
    const word = doc.text
      .split(/[\s\p{P}]+/u)
      .find((candidate) => candidate.length >= 6 && count.get(candidate.toLowerCase()) === 1);
    if (word) return { word, doc };
  }
  throw new Error(`no distinctive word in ${locale}`);
}

describe.each(['en', 'ur'])('searching in %s', (locale) => {
  it('finds the lesson section by a word from its text and opens it there, offline-ready', async () => {
    const { word, doc } = wordOnlyIn(locale);
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/${locale}/search`);
      const box = page.getByRole('searchbox');
      await box.fill(word);
      const result = page.locator('.results a', { hasText: doc.heading });
      await result.first().waitFor();
      expect(await result.first().getAttribute('lang')).toBe(locale);
      await result.first().click();
      await page.waitForURL(new RegExp(`#/${locale}/lessons/${doc.target}/${doc.section}$`));
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`section-${doc.section}`);
      expect(await page.locator(`#section-${doc.section}`).textContent()).toBe(doc.heading);
    } finally {
      await context.close();
    }
  });
});

it('says plainly when nothing is found', async () => {
  const { context, page } = await phone(shared.browser());
  try {
    await page.goto(`${shared.server().url}#/en/search`);
    await page.getByRole('searchbox').fill('zzqxw');
    await page.getByText('Nothing found for “zzqxw”.').waitFor();
  } finally {
    await context.close();
  }
});
