import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AnswerRecord, openStorage, type ProgressStore } from '../../src/storage';
import { openProgressDb } from '../../src/storage/lifecycle';
import { createMemoryStore } from '../../src/storage/memory';
import { createIdbStore } from '../../src/storage/progress';
import { abortAfterWrite, answer, freshIndexedDB, manualClock } from './helpers';

const LESSON = 'passwords';
const OTHER = 'phishing';
const QUESTIONS = ['q1', 'q2', 'q3'];
const DAY = 24 * 60 * 60 * 1000;

const implementations: { name: string; create: (now: () => number) => Promise<ProgressStore> }[] = [
  { name: 'IndexedDB', create: async (now) => createIdbStore(await openProgressDb(), { now }) },
  { name: 'memory', create: async (now) => createMemoryStore({ now }) },
  { name: 'openStorage', create: async (now) => (await openStorage({ now })).store },
];

describe.each(implementations)('$name progress store', ({ create }) => {
  let store: ProgressStore;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    freshIndexedDB();
    clock = manualClock();
    store = await create(clock.now);
  });

  async function completeQuiz(lessonId: string, correctAnswers: number): Promise<void> {
    for (const [i, questionId] of QUESTIONS.entries()) {
      await store.saveAnswer(answer(lessonId, questionId, i < correctAnswers), QUESTIONS);
    }
  }

  it('saves an answer and reads it back', async () => {
    const result = await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);

    expect(result).toEqual({ score: { answered: 1, correct: 1, total: 3, complete: false }, record: null });
    expect(await store.getAnswers(LESSON)).toEqual([
      { lessonId: LESSON, questionId: 'q1', selected: ['right'], correct: true, answeredAt: 1_000 },
    ]);
  });

  it('stores ids and choices only, whatever else the caller passes', async () => {
    const withText = { ...answer(LESSON, 'q1', true), prompt: 'Which password is strongest?', locale: 'en' };
    await store.saveAnswer(withText, QUESTIONS);

    const [saved] = await store.getAnswers(LESSON);
    expect(Object.keys(saved ?? {}).sort()).toEqual([
      'answeredAt',
      'correct',
      'lessonId',
      'questionId',
      'selected',
    ]);
  });

  it('replaces the previous answer when a question is answered again', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    const later = clock.advance();
    await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);

    expect(await store.getAnswers(LESSON)).toEqual([
      { lessonId: LESSON, questionId: 'q1', selected: ['right'], correct: true, answeredAt: later },
    ]);
  });

  it('scores the quiz and records the lesson when the last question is answered', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);
    await store.saveAnswer(answer(LESSON, 'q2', false), QUESTIONS);
    const finishedAt = clock.advance();
    const result = await store.saveAnswer(answer(LESSON, 'q3', true), QUESTIONS);

    const record = {
      lessonId: LESSON,
      bestPercent: 67,
      completedAt: finishedAt,
      attempts: 1,
      updatedAt: finishedAt,
    };
    expect(result).toEqual({ score: { answered: 3, correct: 2, total: 3, complete: true }, record });
    expect(await store.getLessonRecords()).toEqual([record]);
  });

  it('keeps the best score when a retry goes worse', async () => {
    await completeQuiz(LESSON, 3);
    const firstCompletion = clock.now();
    clock.advance();
    await store.resetQuiz(LESSON);

    expect(await store.getAnswers(LESSON)).toEqual([]);
    expect(await store.getLessonRecords()).toMatchObject([{ bestPercent: 100, attempts: 1 }]);

    const retriedAt = clock.advance();
    await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);
    await store.saveAnswer(answer(LESSON, 'q2', false), QUESTIONS);
    const result = await store.saveAnswer(answer(LESSON, 'q3', false), QUESTIONS);

    const record = {
      lessonId: LESSON,
      bestPercent: 100,
      completedAt: firstCompletion,
      attempts: 2,
      updatedAt: retriedAt,
    };
    expect(result).toEqual({ score: { answered: 3, correct: 1, total: 3, complete: true }, record });
    expect(await store.getLessonRecords()).toEqual([record]);
  });

  it('raises the best score when a retry goes better', async () => {
    await completeQuiz(LESSON, 1);
    await store.resetQuiz(LESSON);
    await completeQuiz(LESSON, 2);

    expect(await store.getLessonRecords()).toMatchObject([{ bestPercent: 67, attempts: 2 }]);
  });

  it('counts completed attempts, not changed answers', async () => {
    await completeQuiz(LESSON, 1);
    const changed = await store.saveAnswer(answer(LESSON, 'q2', true), QUESTIONS);

    expect(changed.score).toEqual({ answered: 3, correct: 2, total: 3, complete: true });
    expect(changed.record).toMatchObject({ bestPercent: 33, attempts: 1 });

    for (let attempt = 2; attempt <= 4; attempt += 1) {
      await store.resetQuiz(LESSON);
      await completeQuiz(LESSON, 0);
      expect(await store.getLessonRecords()).toMatchObject([{ attempts: attempt }]);
    }
  });

  it('finishes a one-question quiz with its first answer', async () => {
    const result = await store.saveAnswer(answer(OTHER, 'only', true), ['only']);

    expect(result.record).toMatchObject({ lessonId: OTHER, bestPercent: 100, attempts: 1 });
  });

  it('refuses an answer or a tick with an empty id, and keeps nothing of it', async () => {
    await expect(store.saveAnswer(answer(LESSON, '', true), QUESTIONS)).rejects.toMatchObject({
      name: 'DataError',
    });
    await expect(store.setChecklistItem('', 'manager', true)).rejects.toMatchObject({ name: 'DataError' });

    expect(await store.snapshot()).toMatchObject({ answers: [], checklist: [], reviews: [] });
  });

  it('ignores answers to questions the lesson no longer has', async () => {
    await store.saveAnswer(answer(LESSON, 'removed', true), ['removed', ...QUESTIONS]);
    const result = await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);

    expect(result.score).toEqual({ answered: 1, correct: 1, total: 3, complete: false });
  });

  it('leaves the answers and record of another lesson untouched', async () => {
    await completeQuiz(OTHER, 2);
    await completeQuiz(LESSON, 3);
    await store.resetQuiz(LESSON);

    expect(await store.getAnswers(OTHER)).toHaveLength(3);
    expect((await store.getAllAnswers()).map((a) => a.lessonId)).toEqual([OTHER, OTHER, OTHER]);
    expect(await store.getLessonRecords()).toMatchObject([
      { lessonId: LESSON, bestPercent: 100 },
      { lessonId: OTHER, bestPercent: 67 },
    ]);
  });

  it('keeps checklist ticks per lesson and item', async () => {
    await store.setChecklistItem(LESSON, 'backup-codes', true);
    await store.setChecklistItem(LESSON, 'manager', true);
    await store.setChecklistItem(OTHER, 'report', true);
    const untickedAt = clock.advance();
    const unticked = await store.setChecklistItem(LESSON, 'manager', false);

    expect(unticked).toEqual({ lessonId: LESSON, itemId: 'manager', done: false, updatedAt: untickedAt });
    expect(await store.getChecklist(LESSON)).toEqual([
      { lessonId: LESSON, itemId: 'backup-codes', done: true, updatedAt: 1_000 },
      unticked,
    ]);
    expect(await store.getChecklist(OTHER)).toMatchObject([{ itemId: 'report', done: true }]);
    expect(await store.getAllChecklist()).toHaveLength(3);
  });

  it('round-trips settings as copies', async () => {
    expect(await store.getSetting('locale')).toBeUndefined();

    const preferences = { fontScale: 1.25, reducedMotion: true };
    await store.setSetting('locale', 'ur');
    await store.setSetting('preferences', preferences);
    preferences.fontScale = 3;

    expect(await store.getSetting('locale')).toBe('ur');
    expect(await store.getSetting('preferences')).toEqual({ fontScale: 1.25, reducedMotion: true });
  });

  it('updates a setting from its stored value, and hands back what it stored', async () => {
    const seen: unknown[] = [];
    const add = (item: string) => (value: unknown) => {
      seen.push(value);
      return [...((value as string[] | undefined) ?? []), item];
    };
    expect(await store.updateSetting('list', add('a'))).toEqual(['a']);
    const stored = (await store.updateSetting('list', add('b'))) as string[];
    stored.push('tampered');

    expect(seen).toEqual([undefined, ['a']]);
    expect(await store.getSetting('list')).toEqual(['a', 'b']);
  });

  it('hands out copies that callers cannot use to change what is stored', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);
    const [saved] = await store.getAnswers(LESSON);
    saved?.selected.push('tampered');

    expect(await store.getAnswers(LESSON)).toMatchObject([{ selected: ['right'] }]);
  });

  it('snapshots everything, and a memory store seeded with it reads the same', async () => {
    await completeQuiz(LESSON, 2);
    await store.setChecklistItem(LESSON, 'manager', true);
    await store.setSetting('locale', 'hi');

    const snapshot = await store.snapshot();
    const copy = createMemoryStore({ now: clock.now, seed: snapshot });

    expect(await copy.snapshot()).toEqual(snapshot);
    expect(snapshot.settings).toEqual([['locale', 'hi']]);
    expect(await copy.getAnswers(LESSON)).toEqual(await store.getAnswers(LESSON));
  });

  it('puts a wrong answer in the review queue at once, and a right one a few days later', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    await store.saveAnswer(answer(LESSON, 'q2', true), QUESTIONS);
    const cards = await store.getReviewCards();
    expect(cards).toEqual([
      { lessonId: LESSON, questionId: 'q1', box: 1, due: 1_000, updatedAt: 1_000 },
      { lessonId: LESSON, questionId: 'q2', box: 2, due: 1_000 + 3 * DAY, updatedAt: 1_000 },
    ]);
  });

  it('moves a card up a box when reviewed right and back to box 1 when wrong', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    clock.advance(DAY);
    expect(await store.recordReview(LESSON, 'q1', true)).toMatchObject({
      box: 2,
      due: clock.now() + 3 * DAY,
    });
    expect(await store.recordReview(LESSON, 'q1', false)).toMatchObject({ box: 1, due: clock.now() + DAY });
    expect(await store.recordReview(LESSON, 'never-answered', true)).toBeNull();
    expect((await store.snapshot()).reviews).toEqual(await store.getReviewCards());
  });

  it('summarises without reading answers: which questions have one, results, ticks and reviews due', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    await store.saveAnswer(answer(OTHER, 'q2', true), QUESTIONS);
    await store.setChecklistItem(LESSON, 'c1', true);
    await store.setSetting('locale', 'ms');
    const summary = await store.summary(clock.now() + 1);
    expect(summary).toEqual({
      answered: [
        { lessonId: LESSON, questionId: 'q1' },
        { lessonId: OTHER, questionId: 'q2' },
      ],
      lessons: [],
      checklist: [{ lessonId: LESSON, itemId: 'c1', done: true, updatedAt: 1_000 }],
      settings: [['locale', 'ms']],
      due: 1,
    });
    expect((await store.summary(clock.now() + 4 * DAY)).due).toBe(2);
  });

  it('counts a card due exactly at the given time as not yet due', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);

    expect((await store.summary(clock.now())).due).toBe(0);
    expect((await store.summary(clock.now() + 1)).due).toBe(1);
  });

  it('lists answers and ticks by lesson, then by question or item, whatever order they came in', async () => {
    await store.saveAnswer(answer(OTHER, 'q1', true), QUESTIONS);
    await store.saveAnswer(answer(LESSON, 'q2', true), QUESTIONS);
    await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);
    await store.setChecklistItem(LESSON, 'manager', true);
    await store.setChecklistItem(OTHER, 'backup-codes', true);
    await store.setChecklistItem(LESSON, 'backup-codes', true);

    const order = (records: { lessonId: string; questionId?: string; itemId?: string }[]) =>
      records.map((record) => `${record.lessonId}/${record.questionId ?? record.itemId}`);
    expect(order(await store.getAllAnswers())).toEqual([`${LESSON}/q1`, `${LESSON}/q2`, `${OTHER}/q1`]);
    expect(order(await store.getAnswers(LESSON))).toEqual([`${LESSON}/q1`, `${LESSON}/q2`]);
    expect(order(await store.getAllChecklist())).toEqual([
      `${LESSON}/backup-codes`,
      `${LESSON}/manager`,
      `${OTHER}/backup-codes`,
    ]);
    expect(order((await store.summary(clock.now())).answered)).toEqual([
      `${LESSON}/q1`,
      `${LESSON}/q2`,
      `${OTHER}/q1`,
    ]);
  });

  it('lists settings by key, whatever order they were set in', async () => {
    await store.setSetting('locale', 'ur');
    await store.setSetting('font-scale', 1.25);

    const byKey = [
      ['font-scale', 1.25],
      ['locale', 'ur'],
    ];
    expect((await store.snapshot()).settings).toEqual(byKey);
    expect((await store.summary(clock.now())).settings).toEqual(byKey);
  });

  it('lists review cards soonest due first', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);
    await store.saveAnswer(answer(LESSON, 'q2', false), QUESTIONS);

    expect((await store.getReviewCards()).map((card) => card.questionId)).toEqual(['q2', 'q1']);
  });

  it('leaves a review card where it was when a retried quiz answers its question right', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    clock.advance(DAY);
    await store.recordReview(LESSON, 'q1', true);
    const reviewed = await store.recordReview(LESSON, 'q1', true);
    await store.resetQuiz(LESSON);
    clock.advance();

    await store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS);

    expect(reviewed).toMatchObject({ box: 3 });
    expect(await store.getReviewCards()).toEqual([reviewed]);
  });

  it('replaces everything with an imported snapshot, keeping nothing of what was there', async () => {
    await completeQuiz(LESSON, 1);
    await store.setChecklistItem(LESSON, 'manager', true);
    await store.setSetting('locale', 'ur');
    const imported = {
      answers: [
        { lessonId: OTHER, questionId: 'q1', selected: ['right'], correct: true, answeredAt: 5 },
        { lessonId: OTHER, questionId: 'q2', selected: ['wrong'], correct: false, answeredAt: 6 },
      ],
      lessons: [{ lessonId: OTHER, bestPercent: 50, completedAt: 6, attempts: 1, updatedAt: 6 }],
      checklist: [{ lessonId: OTHER, itemId: 'report', done: true, updatedAt: 7 }],
      settings: [['locale', 'hi'] as [string, unknown]],
      reviews: [{ lessonId: OTHER, questionId: 'q2', box: 1, due: 6, updatedAt: 6 }],
    };

    await store.replaceAll(imported);

    expect(await store.snapshot()).toEqual(imported);
    expect(await store.getAnswers(LESSON)).toEqual([]);
    expect(await store.summary(7)).toMatchObject({ lessons: imported.lessons, due: 1 });
  });
});

describe('IndexedDB progress store when the browser fails a write', () => {
  let store: ProgressStore;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    freshIndexedDB();
    clock = manualClock();
    store = createIdbStore(await openProgressDb(), { now: clock.now });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('rejects a save whose write fails, with the browser error, keeping the earlier answer', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    // `add` refuses a key that is already stored: a write that fails once it reaches the disk.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      return this.add(value, key);
    });
    clock.advance();

    await expect(store.saveAnswer(answer(LESSON, 'q1', true), QUESTIONS)).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    vi.restoreAllMocks();
    expect(await store.getAnswers(LESSON)).toMatchObject([
      { questionId: 'q1', correct: false, answeredAt: 1_000 },
    ]);
  });

  it('reports the reason of a failed write even when an earlier write of the save went through', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      return this.name === 'reviews' ? this.add(value, key) : put.call(this, value, key);
    });
    clock.advance();

    await expect(store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS)).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    vi.restoreAllMocks();
    expect(await store.getAnswers(LESSON)).toMatchObject([{ answeredAt: 1_000 }]);
  });

  it('rejects a save the browser aborts after its writes went through, and keeps none of it', async () => {
    abortAfterWrite('reviews');

    await expect(store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS)).rejects.toMatchObject({
      name: 'AbortError',
    });
    vi.restoreAllMocks();
    expect(await store.getAnswers(LESSON)).toEqual([]);
    expect(await store.getReviewCards()).toEqual([]);
  });

  it('rejects a review the browser aborts after its write went through, and keeps the card as it was', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    const before = await store.getReviewCards();
    abortAfterWrite('reviews');

    await expect(store.recordReview(LESSON, 'q1', true)).rejects.toMatchObject({ name: 'AbortError' });
    vi.restoreAllMocks();
    expect(await store.getReviewCards()).toEqual(before);
  });

  it('rejects an import it cannot store, and keeps everything that was there', async () => {
    await store.saveAnswer(answer(LESSON, 'q1', false), QUESTIONS);
    await store.setSetting('text-size', '150');
    const before = await store.snapshot();
    // A record without its lesson id has no key: the browser refuses it before anything is written.
    const broken = { ...before, answers: [{ questionId: 'q2' } as AnswerRecord] };

    await expect(store.replaceAll(broken)).rejects.toMatchObject({ name: 'DataError' });

    expect(await store.snapshot()).toEqual(before);
  });
});
