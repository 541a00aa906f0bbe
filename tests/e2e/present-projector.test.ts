/**
 * Presenting on a projector: the slides open at their top, full screen shows the slide alone, type
 * grows with the screen, every revealed poll fits a 1280 × 720 screen, and only trainers see the way in.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { lessonSlides } from '../../src/shared/slides.ts';
import { browserAndServer, waitForServiceWorker } from './harness.ts';

const course = compileCourse(lessonsDir());
const shared = browserAndServer();
const LOCALES = ['en', 'hi', 'ms', 'ur'] as const;

/** The interface strings of `locale`. */
function strings(locale: string) {
  return JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8'));
}

/** Turns trainer mode on or off in Settings, as a trainer does. */
async function trainerMode(page: Page, on: boolean): Promise<void> {
  await page.goto(`${shared.server().url}#/en/settings`);
  const box = page.getByRole('checkbox', { name: /Trainer mode/ });
  await box.waitFor();
  await box.setChecked(on);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.trainer))
    .toBe(on ? 'on' : 'off');
}

describe('presenting on a projector', () => {
  it('shows Present as slides only when trainer mode is on', async () => {
    const page = await shared.browser().newPage({ viewport: { width: 360, height: 740 } });
    try {
      const present = page.getByRole('link', { name: 'Present as slides' });
      await trainerMode(page, false);
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await page.locator('.lesson h1').waitFor();
      // In the page, not on the screen.
      expect(await page.locator('.lesson a[href$="/present/passwords"]').count()).toBe(1);
      expect(await present.isVisible()).toBe(false);
      await trainerMode(page, true);
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      await present.waitFor({ state: 'visible' });
    } finally {
      await page.close();
    }
  });

  it('opens at the first slide’s title from the end of a lesson, and each slide starts at its top', async () => {
    const lesson = course.lessons.get('passwords')?.get('en');
    if (!lesson) throw new Error('no passwords lesson');
    const slides = lessonSlides(lesson);
    const page = await shared.browser().newPage({ viewport: { width: 360, height: 740 } });
    try {
      await trainerMode(page, true);
      await page.goto(`${shared.server().url}#/en/lessons/passwords`);
      const present = page.getByRole('link', { name: 'Present as slides' });
      await present.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 20_000);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(500);
      await present.click();
      const title = page.locator('.slide h1');
      await title.waitFor();
      await page.evaluate(() => document.fonts.ready);
      const top = () => title.evaluate((node) => node.getBoundingClientRect().top);
      await expect.poll(top).toBeGreaterThanOrEqual(0);
      expect(await top()).toBeLessThan(740 / 3);

      // A revealed poll is longer than a phone's screen: read to its end, then go on.
      const poll = slides.findIndex((slide) => slide.kind === 'poll');
      for (let i = 0; i < poll; i++) await page.keyboard.press('PageDown');
      await expect
        .poll(() => page.locator('.slide-position').textContent())
        .toBe(`Slide ${poll + 1} of ${slides.length}`);
      await page.getByRole('button', { name: 'Show the answer' }).click();
      await page.mouse.wheel(0, 20_000);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(100);
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect
        .poll(() => page.locator('.slide-position').textContent())
        .toBe(`Slide ${poll + 2} of ${slides.length}`);
      const slideTop = () => page.locator('.slide').evaluate((node) => node.getBoundingClientRect().top);
      await expect.poll(slideTop).toBeGreaterThanOrEqual(0);
      await page.getByRole('button', { name: 'Previous' }).click();
      await expect.poll(slideTop).toBeGreaterThanOrEqual(0);
    } finally {
      await page.close();
    }
  });

  it('shows only the slide in full screen, moves by arrows, leaves by Escape, and still exits quickly', async () => {
    const page = await shared.browser().newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${shared.server().url}#/en/present/passwords`);
      await page.locator('.slide h1').waitFor();
      const full = () => page.evaluate(() => document.fullscreenElement !== null);
      await page.getByRole('button', { name: 'Full screen' }).click();
      await expect.poll(full).toBe(true);
      // Nothing of the app around the slide: no header, no footer, no notice.
      const around = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('#app > *')]
            .filter((node) => !node.contains(document.querySelector('.presentation')))
            .filter((node) => node.checkVisibility() && node.getBoundingClientRect().height > 0)
            .map((node) => node.tagName.toLowerCase() + (node.className ? `.${node.className}` : '')),
        );
      expect(await around()).toEqual([]);
      expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(false);
      const title = await page.locator('.slide h1').boundingBox();
      expect(title?.y).toBeLessThan(100);

      const position = page.locator('.slide-position');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => position.textContent()).toMatch(/^Slide 2 /);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => position.textContent()).toMatch(/^Slide 1 /);

      await page.keyboard.press('Escape');
      await expect.poll(full).toBe(false);
      await page.locator('header').waitFor({ state: 'visible' });

      // A browser leaves full screen on Escape itself and keeps the key from the page: that press
      // still counts towards the three that leave the app.
      await page.getByRole('button', { name: 'Full screen' }).click();
      await expect.poll(full).toBe(true);
      await page.evaluate(() => document.exitFullscreen());
      await expect.poll(full).toBe(false);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForURL('about:blank');
    } finally {
      await page.close();
    }
  });

  it('sets the type by the size of the screen: a projector’s width is used, a phone stays readable', async () => {
    const page = await shared.browser().newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${shared.server().url}#/en/present/passwords`);
      const text = page.locator('.slide .lede');
      await text.waitFor();
      const measure = () =>
        text.evaluate((node) => ({
          size: Number.parseFloat(getComputedStyle(node).fontSize),
          width: node.getBoundingClientRect().width,
          scrolls: document.documentElement.scrollWidth > innerWidth,
        }));
      const projector = await measure();
      expect(projector.size).toBeGreaterThanOrEqual(24);
      expect(projector.width).toBeGreaterThan(1280 * 0.8);
      await page.setViewportSize({ width: 1920, height: 1080 });
      const large = await measure();
      expect(large.size).toBeGreaterThanOrEqual(34);
      expect(large.width).toBeGreaterThan(1920 * 0.8);
      await page.setViewportSize({ width: 360, height: 740 });
      const phone = await measure();
      expect(phone.size).toBeGreaterThanOrEqual(17);
      expect(phone.scrolls).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('fits every revealed poll of the course on one 1280 × 720 screen, in every language', async () => {
    const page = await shared.browser().newPage({ viewport: { width: 1280, height: 720 } });
    const tooTall: string[] = [];
    try {
      await page.goto(`${shared.server().url}#/en/present/passwords`);
      // Once the app is saved for offline use, its one-time notice no longer takes room.
      await waitForServiceWorker(page);
      await page.reload();
      await page.locator('.slide').waitFor();
      await page.getByRole('button', { name: 'Full screen' }).click();
      await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
      for (const locale of LOCALES) {
        const { present } = strings(locale);
        for (const entry of course.entries) {
          const lesson = course.lessons.get(entry.id)?.get(locale) ?? course.lessons.get(entry.id)?.get('en');
          if (!lesson) continue;
          const polls = lessonSlides(lesson).flatMap((slide, number) =>
            slide.kind === 'poll' ? [{ number, prompt: slide.question.prompt }] : [],
          );
          await page.evaluate((address) => {
            location.hash = address;
          }, `#/${locale}/present/${entry.id}`);
          await page.locator('.slide h1', { hasText: lesson.title }).waitFor();
          // The walk happens inside the page, by the slides' own buttons: some 600 polls in a few minutes.
          const measured = await page.evaluate(
            async ({ polls, next, reveal }) => {
              const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
              const tick = () => new Promise((resolve) => setTimeout(resolve));
              const until = async (done: () => boolean) => {
                const end = performance.now() + 10_000;
                while (!done()) {
                  if (performance.now() > end) throw new Error('the slides stopped answering');
                  await tick();
                }
              };
              const position = () => document.querySelector('.slide-position')?.textContent;
              const button = (name: string) =>
                [...document.querySelectorAll<HTMLButtonElement>('.slide-nav button')].find(
                  (one) => one.textContent?.trim() === name,
                );
              const asText = (html: string) => {
                const template = document.createElement('template');
                template.innerHTML = html;
                return template.content.textContent;
              };
              const found = [];
              let at = 0;
              for (const poll of polls) {
                for (; at < poll.number; at++) {
                  const shown = position();
                  button(next)?.click();
                  await until(() => position() !== shown);
                }
                button(reveal)?.click();
                await until(() => document.querySelector('.poll-options .is-right') !== null);
                await document.fonts.ready;
                await frame();
                await frame();
                const controls = document.querySelector('.slide-nav')?.getBoundingClientRect().top ?? 0;
                const parts = [...document.querySelectorAll('.slide *')];
                const text = parts.filter((node) => node.childElementCount === 0 && node.textContent?.trim());
                found.push({
                  number: poll.number,
                  same: document.querySelector('.slide h2')?.textContent === asText(poll.prompt),
                  over: Math.max(0, ...parts.map((node) => node.getBoundingClientRect().bottom)) - controls,
                  scrolls: document.documentElement.scrollHeight > innerHeight,
                  smallest: Math.min(
                    ...text.map((node) => Number.parseFloat(getComputedStyle(node).fontSize)),
                  ),
                });
              }
              return found;
            },
            { polls, next: present.next as string, reveal: present.reveal as string },
          );
          for (const { number, same, over, scrolls, smallest } of measured) {
            if (!same) throw new Error(`${locale} ${entry.id}: slide ${number + 1} is not the poll expected`);
            if (over > 1 || scrolls || smallest < 23)
              tooTall.push(
                `${locale} ${entry.id} slide ${number + 1}: ${Math.round(over)} px over, ${smallest} px type`,
              );
          }
        }
      }
      expect(tooTall).toEqual([]);
    } finally {
      await page.close();
    }
  }, 480_000);
});
