/**
 * Listen: a lesson read aloud with the phone's own voices, never a voice on the internet, with
 * Pause, Resume, Next section and Stop, and silent the moment the learner hides the app.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { browserAndServer, overflowsHorizontally, phone, setVisibility } from './harness.ts';
import {
  deliverVoices,
  installSpeech,
  type SpeechEvent,
  type SpeechOptions,
  spoken,
} from './speech-stand-in.ts';

const shared = browserAndServer();
const course = compileCourse(lessonsDir());
const LESSON = 'passwords';

const PHONE_ENGLISH = { name: 'Phone English', lang: 'en-GB', localService: true };
const NETWORK_ENGLISH = { name: 'Network English', lang: 'en-US', localService: false };

/** Text as a reader sees it in `html`. */
function plain(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The lesson's title, summary, first paragraph, and its first section's heading and paragraph. */
function lessonText(locale: string) {
  const lesson = course.lessons.get(LESSON)?.get(locale);
  if (!lesson) throw new Error(`no ${LESSON} in ${locale}`);
  const html = lesson.blocks.flatMap((block) => (block.kind === 'html' ? [block.html] : [])).join('\n');
  const section = /<h2[^>]*>([\s\S]*?)<\/h2>\s*<p>([\s\S]*?)<\/p>/.exec(html);
  return {
    title: lesson.title,
    summary: lesson.summary,
    intro: plain(/<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? ''),
    heading: plain(section?.[1] ?? ''),
    paragraph: plain(section?.[2] ?? ''),
  };
}

/** A phone with the stand-in voices, on the lesson in `locale`. */
async function onLesson(options: SpeechOptions, locale = 'en') {
  const session = await phone(shared.browser());
  const events = await installSpeech(session.page, options);
  await session.page.goto(`${shared.server().url}#/${locale}/lessons/${LESSON}`);
  await session.page.locator('.lesson h1').waitFor();
  return { ...session, events };
}

/** Waits until at least `count` utterances were spoken. */
async function untilSpoken(events: SpeechEvent[], count: number): Promise<string[]> {
  await expect.poll(() => spoken(events).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return spoken(events);
}

/** Waits until the app has looked at the phone's voices, and a moment more for it to offer Listen. */
async function afterLookingForVoices(page: Page, events: SpeechEvent[]): Promise<void> {
  await expect.poll(() => events.some((event) => event.kind === 'voices'), { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(500);
}

describe('Listen', () => {
  it("reads the lesson from its start with the phone's own voice, section by section", async () => {
    const { context, page, events } = await onLesson({ voices: [NETWORK_ENGLISH, PHONE_ENGLISH] });
    try {
      const text = lessonText('en');
      await page.getByRole('button', { name: 'Listen', exact: true }).click();
      const said = await untilSpoken(events, 3);
      expect(said.slice(0, 2)).toEqual([text.title, text.summary]);
      // A long paragraph is read in pieces that end where its sentences end.
      expect(text.intro.startsWith(said[2] ?? '-')).toBe(true);
      expect(said[2]?.length).toBeLessThanOrEqual(200);
      expect(said[2]).toMatch(/\.$/);
      const bar = page.getByRole('region', { name: 'Reading aloud' });
      await expect.poll(() => bar.textContent()).toContain(text.title);
      // The piece being read is marked in the lesson.
      await expect
        .poll(async () => {
          const marked = (await page.locator('[data-listening]').textContent()) ?? '';
          return marked.replace(/\s+/g, ' ').includes(spoken(events).at(-1) ?? '-');
        })
        .toBe(true);

      await bar.getByRole('button', { name: 'Next section' }).click();
      await expect.poll(() => spoken(events)).toContain(text.heading);
      await expect.poll(() => bar.textContent()).toContain(text.heading);
      const afterHeading = spoken(events).slice(spoken(events).indexOf(text.heading) + 1);
      await expect
        .poll(async () => spoken(events).slice(spoken(events).indexOf(text.heading) + 1)[0])
        .toBe(text.paragraph.slice(0, (afterHeading[0] ?? text.paragraph).length));

      // Every piece with the phone's voice, in the lesson's language: never a voice on the internet.
      const speaks = events.filter((event) => event.kind === 'speak');
      expect(new Set(speaks.map((event) => `${event.voice} ${event.lang}`))).toEqual(
        new Set(['Phone English en']),
      );

      await bar.getByRole('button', { name: 'Stop' }).click();
      const listen = page.getByRole('button', { name: 'Listen', exact: true });
      await listen.waitFor();
      expect(await listen.evaluate((button) => button === document.activeElement)).toBe(true);
      expect(events.at(-1)?.kind).toBe('cancel');
    } finally {
      await context.close();
    }
  });

  it("is not offered with only a voice on the internet, and is once the phone's own arrives", async () => {
    const { context, page, events } = await onLesson({
      voices: [NETWORK_ENGLISH],
      later: [PHONE_ENGLISH],
    });
    try {
      await afterLookingForVoices(page, events);
      expect(await page.locator('.listen').count()).toBe(0);
      // Voices often arrive a moment after the page opens.
      await deliverVoices(page);
      await page.getByRole('button', { name: 'Listen', exact: true }).click();
      await untilSpoken(events, 1);
      expect(events.find((event) => event.kind === 'speak')).toMatchObject({ voice: 'Phone English' });
    } finally {
      await context.close();
    }
  });

  it('is not offered in a language the phone has no voice of its own for', async () => {
    const hindiOnline = { name: 'Network Hindi', lang: 'hi-IN', localService: false };
    const { context, page, events } = await onLesson({ voices: [PHONE_ENGLISH, hindiOnline] }, 'hi');
    try {
      await afterLookingForVoices(page, events);
      expect(await page.locator('.listen').count()).toBe(0);
      // The same phone reads the English lesson.
      await page.goto(`${shared.server().url}#/en/lessons/${LESSON}`);
      await page.getByRole('button', { name: 'Listen', exact: true }).waitFor();
      expect(spoken(events)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads an Urdu lesson with the Urdu voice, its controls laid out right to left', async () => {
    const phoneUrdu = { name: 'Phone Urdu', lang: 'ur-PK', localService: true };
    const { context, page, events } = await onLesson({ voices: [PHONE_ENGLISH, phoneUrdu] }, 'ur');
    try {
      await page.getByRole('button', { name: 'سنیں', exact: true }).click();
      await untilSpoken(events, 1);
      expect(events.find((event) => event.kind === 'speak')).toEqual({
        kind: 'speak',
        text: lessonText('ur').title,
        lang: 'ur',
        voice: 'Phone Urdu',
      });
      const bar = page.getByRole('region', { name: 'پڑھ کر سنانا' });
      expect(await bar.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
      const pause = await bar.getByRole('button', { name: 'روکیں' }).boundingBox();
      const stop = await bar.getByRole('button', { name: 'سننا بند کریں' }).boundingBox();
      // Pause comes first, so it is on the right, and Stop to its left.
      expect(pause?.y).toBe(stop?.y);
      expect(pause?.x).toBeGreaterThan(stop?.x ?? Number.POSITIVE_INFINITY);
    } finally {
      await context.close();
    }
  });

  it('pauses, resumes where it was, and goes on to the next section', async () => {
    const { context, page, events } = await onLesson({ voices: [PHONE_ENGLISH], speakMs: 600 });
    try {
      await page.getByRole('button', { name: 'Listen', exact: true }).click();
      const bar = page.getByRole('region', { name: 'Reading aloud' });
      await untilSpoken(events, 2);
      await bar.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => events.at(-1)?.kind).toBe('cancel');
      const interrupted = spoken(events).at(-1);
      const before = spoken(events).length;
      await expect.poll(() => bar.textContent()).toContain('Paused');
      await page.waitForTimeout(1500);
      expect(spoken(events).length).toBe(before);

      await bar.getByRole('button', { name: 'Resume' }).click();
      // The piece that was cut off is said again, whole.
      await untilSpoken(events, before + 1);
      expect(spoken(events)[before]).toBe(interrupted);
      await expect.poll(() => bar.textContent()).toContain('Reading');

      const { heading } = lessonText('en');
      await bar.getByRole('button', { name: 'Next section' }).click();
      await expect.poll(() => spoken(events)).toContain(heading);
      expect(spoken(events).indexOf(heading)).toBeGreaterThan(before);
    } finally {
      await context.close();
    }
  });

  it('falls silent at once when the app goes to the background, and can be resumed', async () => {
    const { context, page, events } = await onLesson({ voices: [PHONE_ENGLISH], speakMs: 300 });
    try {
      await page.getByRole('button', { name: 'Listen', exact: true }).click();
      await untilSpoken(events, 1);
      await setVisibility(page, 'hidden');
      await expect.poll(() => events.at(-1)?.kind).toBe('cancel');
      const before = spoken(events).length;
      await page.waitForTimeout(1000);
      expect(spoken(events).length).toBe(before);
      await setVisibility(page, 'visible');
      await page.getByRole('button', { name: 'Resume' }).click();
      await untilSpoken(events, before + 1);
    } finally {
      await context.close();
    }
  });

  it('falls silent at once when the learner leaves the lesson', async () => {
    const { context, page, events } = await onLesson({ voices: [PHONE_ENGLISH], speakMs: 300 });
    try {
      await page.getByRole('button', { name: 'Listen', exact: true }).click();
      await untilSpoken(events, 1);
      await page.evaluate(() => {
        location.hash = '#/en/';
      });
      await page.locator('.home h1').waitFor();
      await expect.poll(() => events.at(-1)?.kind).toBe('cancel');
      const before = spoken(events).length;
      await page.waitForTimeout(1000);
      expect(spoken(events).length).toBe(before);
    } finally {
      await context.close();
    }
  });

  it('falls silent with quick exit, before the page is gone', async () => {
    const { context, page, events } = await onLesson({ voices: [PHONE_ENGLISH], speakMs: 300 });
    try {
      await page.getByRole('button', { name: 'Listen', exact: true }).click();
      await untilSpoken(events, 1);
      const before = events.length;
      await page.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL('about:blank');
      const after = events.slice(before);
      expect(after.map((event) => event.kind)).toContain('cancel');
      expect(after.slice(after.findIndex((event) => event.kind === 'cancel'))).not.toContainEqual(
        expect.objectContaining({ kind: 'speak' }),
      );
    } finally {
      await context.close();
    }
  });

  it('keeps its controls on a small screen at the largest text size, each a 44 px target', async () => {
    const phoneMalay = { name: 'Phone Malay', lang: 'ms-MY', localService: true };
    const { context, page } = await onLesson({ voices: [phoneMalay] }, 'ms');
    try {
      await page.goto(`${shared.server().url}#/ms/settings`);
      await page.locator('input[name="text-size"][value="150"]').check();
      await page.locator('html[data-text-size="150"]').waitFor({ state: 'attached' });
      await page.goto(`${shared.server().url}#/ms/lessons/${LESSON}`);
      await page.getByRole('button', { name: 'Dengar', exact: true }).click();
      const bar = page.getByRole('region', { name: 'Bacaan kuat' });
      await bar.waitFor();
      for (const button of await bar.getByRole('button').all()) {
        const box = await button.boundingBox();
        expect(box?.height).toBeGreaterThanOrEqual(44);
        expect(box?.width).toBeGreaterThanOrEqual(44);
        expect(box?.x).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
      }
      // The bar leaves most of the screen to the lesson.
      expect((await bar.boundingBox())?.height).toBeLessThan(740 / 3);
      expect(await overflowsHorizontally(page)).toBe(false);
    } finally {
      await context.close();
    }
  });
});
