/**
 * A page killed half way through saving: the learner answers a lesson's questions in a quick burst
 * and the page dies (its renderer crashes) while the answers are still being saved. Each save writes
 * the lesson's encrypted record in its own transaction, in the order given, so on reopening, in the
 * same browser profile:
 *
 * - every answer the page had shown as saved is still there, and shown as answered;
 * - what was lost is only answers whose save had not finished, the last ones given, never one in
 *   between (saves that write the same stores run one after another, in order);
 * - nothing is half written: each kept answer has its review card, and the lesson's result (score,
 *   completion) exists exactly when every question was kept, with the score they give;
 * - the page shows exactly what the database holds (read directly, not through the app).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer, phone } from './harness.ts';

const { browser, server } = browserAndServer();

const LESSON = 'passwords';
const TITLE = 'Strong passwords and password managers';

interface StoredAnswer {
  lessonId: string;
  questionId: string;
  selected: string[];
  correct: boolean;
  answeredAt: number;
}
interface StoredLesson {
  lessonId: string;
  bestPercent: number | null;
  completedAt: number | null;
  attempts: number;
  updatedAt: number;
}
interface StoredCard {
  lessonId: string;
  questionId: string;
  box: number;
  due: number;
  updatedAt: number;
}
interface Stored {
  answers: StoredAnswer[];
  lessons: StoredLesson[];
  reviews: StoredCard[];
}

/** What one question shows: whether it is answered, its verdict, and the options ticked. */
interface Shown {
  answered: boolean;
  verdict: string;
  chosen: string[];
}

async function openLesson(page: Page): Promise<void> {
  await page.goto(`${server().url}#/en/lessons/${LESSON}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  // The questions are drawn once the saved answers have been read.
  await page.locator('fieldset.question').first().waitFor();
}

/**
 * The progress database as it is, read with the plain IndexedDB and WebCrypto APIs rather than
 * through the app: its key from its own Storage Bucket, then each encrypted lesson record.
 */
function readDatabase(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const request = (r: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes('safe-online')) throw new Error('the progress database does not exist');
    const buckets = (
      navigator as unknown as { storageBuckets: { open(name: string): Promise<{ indexedDB: IDBFactory }> } }
    ).storageBuckets;
    const keyDb = (await request(
      (await buckets.open('safe-online-key')).indexedDB.open('safe-online-key'),
    )) as IDBDatabase;
    const { data: key } = (await request(keyDb.transaction('key').objectStore('key').get('data'))) as {
      data: CryptoKey;
    };
    keyDb.close();
    const db = (await request(indexedDB.open('safe-online'))) as IDBDatabase;
    try {
      const tx = db.transaction('sealed');
      const [ids, records] = (await Promise.all([
        request(tx.objectStore('sealed').getAllKeys()),
        request(tx.objectStore('sealed').getAll()),
      ])) as [string[], { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }[]];
      const stored: Stored = { answers: [], lessons: [], reviews: [] };
      for (const [i, id] of ids.entries()) {
        const record = records[i] as (typeof records)[number];
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: record.iv, additionalData: new TextEncoder().encode(id) },
          key,
          record.data,
        );
        const contents = JSON.parse(new TextDecoder().decode(plain));
        if (!('lesson' in contents)) continue;
        stored.answers.push(...contents.answers);
        stored.reviews.push(...contents.reviews);
        if (contents.record) stored.lessons.push(contents.record);
      }
      return stored;
    } finally {
      db.close();
    }
  });
}

/** What the lesson page shows for each question, in order. */
function shownQuestions(page: Page): Promise<Shown[]> {
  return page.locator('fieldset.question').evaluateAll((fieldsets) =>
    fieldsets.map((fieldset) => ({
      answered: fieldset.classList.contains('is-right') || fieldset.classList.contains('is-wrong'),
      verdict: fieldset.querySelector('.result')?.textContent ?? '',
      chosen: [...fieldset.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value),
    })),
  );
}

interface Burst {
  /** Question ids in the order they are answered, and the option given to each. */
  plan: { questionId: string; option: string }[];
  /** How many answers (the first ones of `plan`) were given before the page died, at most. */
  given: number;
  /** Questions (by index) that the page showed as saved before it died. */
  saved: number[];
}

/**
 * How the questions are answered before the renderer is crashed:
 * - `burst`: pick an option, press "Check answer", straight on to the next question without waiting
 *   for the save; crash right after the last answer (`whenSaved` 0), or as soon as the page shows
 *   `whenSaved` answers as saved, while the saves of the others are still queued;
 * - `paced`: as a person does, each answer once the one before shows as saved; crash right after
 *   answer `after` (0-based) was given, its save in flight.
 */
type Crash = { kind: 'burst'; whenSaved: number } | { kind: 'paced'; after: number };

async function answerAndCrash(context: BrowserContext, page: Page, crash: Crash): Promise<Burst> {
  const cdp = await context.newCDPSession(page);
  const saved: number[] = [];
  let crashed = false;
  await page.exposeBinding('reportSaved', (_source, index: number) => {
    if (!crashed) saved.push(index);
  });
  await page.exposeBinding('crashNow', () => {
    // Not awaited: the renderer dies before it could answer.
    cdp.send('Page.crash').catch(() => {});
  });
  const died = page.waitForEvent('crash');

  // The ids of the questions and options, read from the page before answering.
  const plan = await page.locator('fieldset.question').evaluateAll((fieldsets) =>
    fieldsets.map((fieldset, index) => {
      const inputs = [...fieldset.querySelectorAll<HTMLInputElement>('input')];
      // Vary the options chosen, so that some answers are right and some wrong.
      const input = inputs[index % inputs.length] as HTMLInputElement;
      return { questionId: input.name.split('--')[1] ?? '', option: input.value };
    }),
  );

  const answering = page
    .evaluate(async (crash) => {
      const w = window as unknown as { reportSaved(index: number): void; crashNow(): void };
      const fieldsets = [...document.querySelectorAll('fieldset.question')];
      // The page shows "Correct." or "Not quite." once an answer's save has finished.
      const isSaved = (index: number) => Boolean(fieldsets[index]?.querySelector('.result')?.textContent);
      const reported = new Set<number>();
      let onSaved = () => {};
      new MutationObserver(() => {
        fieldsets.forEach((_, index) => {
          if (reported.has(index) || !isSaved(index)) return;
          reported.add(index);
          w.reportSaved(index);
          if (crash.kind === 'burst' && reported.size === crash.whenSaved) w.crashNow();
        });
        onSaved();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });

      for (const [index, fieldset] of fieldsets.entries()) {
        const inputs = [...fieldset.querySelectorAll<HTMLInputElement>('input')];
        (inputs[index % inputs.length] as HTMLInputElement).click();
        // The button is enabled once the choice is drawn, a microtask later: no waiting on a save.
        const button = fieldset.querySelector<HTMLButtonElement>('button.button');
        for (let tries = 0; button?.disabled && tries < 100; tries++) await Promise.resolve();
        button?.click();
        if (crash.kind === 'paced') {
          if (index === crash.after) return w.crashNow();
          await new Promise<void>((resolve) => {
            onSaved = () => isSaved(index) && resolve();
            onSaved();
          });
        }
      }
      if (crash.kind === 'burst' && crash.whenSaved === 0) w.crashNow();
    }, crash)
    // The page dies during or just after answering.
    .catch(() => {});

  await died;
  crashed = true;
  await answering;
  return { plan, given: crash.kind === 'paced' ? crash.after + 1 : plan.length, saved };
}

/** Checks the database and the reopened page against what was answered and what was shown as saved. */
function checkConsistent(burst: Burst, stored: Stored, shown: Shown[], summary: string, meta: string) {
  const { plan, given, saved } = burst;
  const answers = stored.answers.filter((answer) => answer.lessonId === LESSON);
  const kept = new Set(answers.map((answer) => answer.questionId));

  // Every answer shown as saved before the crash was kept.
  for (const index of saved)
    expect(kept, `answer ${index + 1} was shown as saved`).toContain(plan[index]?.questionId);
  // What was kept is the first answers given, in order, each exactly as given.
  expect(kept.size).toBeLessThanOrEqual(given);
  const prefix = plan.slice(0, kept.size).map((step) => step.questionId);
  expect([...kept].sort()).toEqual([...prefix].sort());
  for (const answer of answers) {
    const step = plan.find((candidate) => candidate.questionId === answer.questionId);
    expect(answer.selected).toEqual([step?.option]);
  }

  // Nothing half written: each kept answer has its review card, written in the same save.
  const cards = stored.reviews.filter((card) => card.lessonId === LESSON);
  expect(cards.map((card) => card.questionId).sort()).toEqual([...kept].sort());
  for (const card of cards) {
    const answer = answers.find((candidate) => candidate.questionId === card.questionId);
    expect(card.updatedAt).toBe(answer?.answeredAt);
    expect(card.box).toBe(answer?.correct ? 2 : 1);
  }
  // The lesson's result exists exactly when every question was kept, with their score.
  const record = stored.lessons.find((lesson) => lesson.lessonId === LESSON);
  const correct = answers.filter((answer) => answer.correct).length;
  if (kept.size === plan.length) {
    const last = Math.max(...answers.map((answer) => answer.answeredAt));
    expect(record).toEqual({
      lessonId: LESSON,
      bestPercent: Math.round((correct / plan.length) * 100),
      completedAt: last,
      attempts: 1,
      updatedAt: last,
    });
  } else {
    expect(record).toBeUndefined();
  }

  // The reopened page shows exactly what was kept, with the verdict and option of each.
  expect(shown).toHaveLength(plan.length);
  shown.forEach((question, index) => {
    const answer = answers.find((candidate) => candidate.questionId === plan[index]?.questionId);
    expect(question.answered, `question ${index + 1}`).toBe(answer !== undefined);
    expect(question.verdict).toBe(answer ? (answer.correct ? 'Correct.' : 'Not quite.') : '');
    if (answer) expect(question.chosen).toEqual(answer.selected);
  });
  if (kept.size === plan.length) {
    expect(summary).toMatch(new RegExp(`^Your score: ${correct} of ${plan.length} right`));
    expect(meta).toContain(`Best score ${record?.bestPercent}%`);
  } else {
    expect(summary).toBe(`${kept.size} of ${plan.length} questions answered`);
    expect(meta).not.toContain('Best score');
  }
}

describe('a page killed while answers are being saved', () => {
  const cases: [string, Crash][] = [
    ['in a burst, right after the last answer', { kind: 'burst', whenSaved: 0 }],
    ['in a burst, once 1 answer showed as saved', { kind: 'burst', whenSaved: 1 }],
    ['in a burst, once 3 answers showed as saved', { kind: 'burst', whenSaved: 3 }],
    ['at a person’s pace, right after answer 4', { kind: 'paced', after: 3 }],
  ];

  it.each(cases)(
    'keeps every answer saved before the crash, and nothing half written (%s)',
    async (_name, crash) => {
      const { context, page } = await phone(browser());
      try {
        await openLesson(page);
        const burst = await answerAndCrash(context, page, crash);

        // Reopen the lesson in a new page of the same browser profile.
        const again = await context.newPage();
        await openLesson(again);
        const stored = await readDatabase(again);
        const shown = await shownQuestions(again);
        const summary = (await again.locator('.quiz-summary').last().textContent()) ?? '';
        const meta = (await again.locator('.lesson-header .meta').textContent()) ?? '';
        checkConsistent(burst, stored, shown, summary, meta);

        const kept = stored.answers.filter((answer) => answer.lessonId === LESSON).length;
        if (crash.kind === 'burst') expect(burst.saved.length).toBeGreaterThanOrEqual(crash.whenSaved);
        // At a person's pace, only the answer in flight may be lost.
        else expect(kept).toBeGreaterThanOrEqual(burst.given - 1);
        console.info(
          `${crash.kind} ${JSON.stringify(crash)}: ${burst.given} given, ${burst.saved.length} shown as saved, ${kept} kept`,
        );
      } finally {
        await context.close();
      }
    },
  );
});
