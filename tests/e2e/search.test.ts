/**
 * Offline search finds lessons by words from their text, in English and in Urdu, opens the section,
 * and lists results under their lesson with a line of text around the match.
 */
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { searchDocuments } from '../../src/compiler/search-index.ts';
import type { SearchDocument } from '../../src/shared/search.ts';
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

/** A word in the text of two or more sections of one lesson, and in few documents in all. */
function wordInSections(locale: string) {
  const documents = searchDocuments(course, locale).filter((doc) => doc.kind === 'lesson' && doc.section > 0);
  const words = (doc: SearchDocument) => new Set(doc.text.toLowerCase().split(/[\s\p{P}]+/u));
  const sets = documents.map(words);
  for (const [i, doc] of documents.entries()) {
    for (const word of sets[i] ?? []) {
      if (word.length < 6 || /\d/.test(word)) continue;
      const having = documents.filter((_, j) => [...(sets[j] ?? [])].some((each) => each.startsWith(word)));
      const lessons = new Set(having.map((each) => each.target));
      const same = having.filter((each) => each.target === doc.target);
      if (same.length >= 2 && having.length <= 8 && lessons.size >= 2)
        return { word, target: doc.target, same };
    }
  }
  throw new Error(`no word in several sections of a lesson in ${locale}`);
}

describe.each(['en', 'ur'])('search results in %s', (locale) => {
  it('name each lesson once, then its sections, each with a line of its text and the word marked', async () => {
    const { word, target, same } = wordInSections(locale);
    const { context, page } = await phone(shared.browser());
    try {
      await page.goto(`${shared.server().url}#/${locale}/search`);
      await page.getByRole('searchbox').fill(word);
      const links = page.locator('.results a');
      await links.first().waitFor();
      // The count is announced: the status says how many sections were found.
      const count = await links.count();
      expect(await page.getByRole('status').textContent()).toContain(String(count));
      const titles = await page.locator('.result-title').allTextContents();
      expect(new Set(titles).size).toBe(titles.length);
      const group = page.locator('.result-group').filter({
        has: page.locator(`a[href^="#/${locale}/lessons/${target}/"]`),
      });
      expect(await group.count()).toBe(1);
      const title = same[0]?.title ?? '';
      expect(await group.locator('.result-title').textContent()).toContain(title);
      expect(await group.locator('.result-title').count()).toBe(1);
      for (const doc of same) {
        const link = group.locator(`a[href="#/${locale}/lessons/${target}/${doc.section}"]`);
        // Its name says the section and the lesson; its description is the line of text.
        const name = (await link.getAttribute('aria-label')) ?? '';
        expect(name).toContain(doc.heading);
        expect(name).toContain(title);
        const snippet = link.locator('xpath=..').locator('.result-snippet');
        await snippet.waitFor();
        expect(await link.getAttribute('aria-describedby')).toBe(await snippet.getAttribute('id'));
        const marked = await snippet.locator('mark').allTextContents();
        expect(marked.length).toBeGreaterThan(0);
        expect(marked.some((each) => each.toLowerCase().startsWith(word))).toBe(true);
        const line = ((await snippet.textContent()) ?? '').replace(/…/g, '').trim();
        expect(doc.text).toContain(line);
      }
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
