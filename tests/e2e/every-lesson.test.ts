import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { LOCALES, SOURCE_LOCALE } from '../../src/shared/locales.ts';
import { browserAndServer, phone } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();

describe.each(LOCALES)('in %s', (locale) => {
  it('opens every lesson with its title, every question and every checklist item, titling none', async () => {
    // What the tab, the browser's history and the list of open apps show: never the lesson.
    const word = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')).lesson.page as string;
    const { context, page } = await phone(shared.browser());
    try {
      for (const entry of course.entries) {
        const lesson =
          course.lessons.get(entry.id)?.get(locale) ?? course.lessons.get(entry.id)?.get(SOURCE_LOCALE);
        await page.goto(`${shared.server().url}#/${locale}/lessons/${entry.id}`);
        const title = page.locator('.lesson h1');
        await expect
          .poll(() => title.textContent(), { message: `${locale}/${entry.id}` })
          .toBe(lesson?.title);
        await expect
          .poll(() => page.title(), { message: `${locale}/${entry.id} title` })
          .toBe(`${word} · Safe Online`);
        expect(await page.locator('fieldset.question').count(), `${locale}/${entry.id} questions`).toBe(
          entry.questions.length,
        );
        expect(await page.locator('.checklist li').count(), `${locale}/${entry.id} checklist`).toBe(
          entry.checklist.length,
        );
      }
    } finally {
      await context.close();
    }
  });

  it('has a glossary page listing every term, opening at a linked term', async () => {
    const english = course.glossaries.get(SOURCE_LOCALE)?.glossary;
    expect(english).toBeTruthy();
    const glossary = course.glossaries.get(locale)?.glossary ?? english;
    const { context, page } = await phone(shared.browser());
    try {
      const last = glossary?.terms.at(-1);
      await page.goto(`${shared.server().url}#/${locale}/glossary/${last?.id}`);
      await page.locator('.terms dt').first().waitFor();
      expect(await page.locator('.terms dt').count()).toBe(english?.terms.length);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(last?.term);
    } finally {
      await context.close();
    }
  });
});

it('shows a term’s definition in place when a learner presses it in a lesson, and hides it again', async () => {
  const entry = course.entries.find((candidate) =>
    course.lessons
      .get(candidate.id)
      ?.get(SOURCE_LOCALE)
      ?.blocks.some((block) => 'html' in block && block.html.includes('class="term"')),
  );
  expect(entry, 'a lesson that links a glossary term').toBeTruthy();
  const { context, page } = await phone(shared.browser());
  try {
    await page.goto(`${shared.server().url}#/en/lessons/${entry?.id}`);
    const term = page.locator('button.term').first();
    await term.waitFor();
    expect(await term.getAttribute('aria-expanded')).toBe('false');
    await term.focus();
    await page.keyboard.press('Enter');
    const definition = page.locator('.term-definition');
    await definition.waitFor();
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    expect(await term.getAttribute('aria-controls')).toBe(await definition.getAttribute('id'));
    expect((await definition.textContent())?.length).toBeGreaterThan(20);
    await term.click();
    await expect.poll(() => definition.count()).toBe(0);
    expect(await term.getAttribute('aria-expanded')).toBe('false');
  } finally {
    await context.close();
  }
});
