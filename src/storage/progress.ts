/** The progress API the app uses, and its IndexedDB implementation. */
import type { IDBPTransaction, StoreNames } from 'idb';
import { afterQuizAnswer, afterReview } from '../shared/review';
import type { QuizScore } from '../shared/scoring';
import type { ProgressDb } from './lifecycle';
import { type AnswerInput, answerOutcome, toAnswerRecord, toChecklistRecord } from './records';
import {
  ANSWERS,
  type AnswerRecord,
  BY_DUE,
  BY_LESSON,
  CHECKLIST,
  type ChecklistRecord,
  LESSONS,
  type LessonRecord,
  type ProgressSchema,
  REVIEWS,
  type ReviewCard,
  SETTINGS,
} from './schema';

/** Everything a store holds, e.g. to seed another store with it. */
export interface ProgressSnapshot {
  answers: AnswerRecord[];
  lessons: LessonRecord[];
  checklist: ChecklistRecord[];
  settings: [key: string, value: unknown][];
  reviews: ReviewCard[];
}

/**
 * What pages listing every lesson need, without reading every answer: which questions have an
 * answer (keys only), lesson results, ticks, settings, and how many reviews are due.
 */
export interface ProgressSummary {
  answered: { lessonId: string; questionId: string }[];
  lessons: LessonRecord[];
  checklist: ChecklistRecord[];
  settings: [key: string, value: unknown][];
  /** Review cards due before the time given to `summary`. */
  due: number;
}

/** Clock injected into stores; milliseconds since the epoch. */
export interface StoreOptions {
  now?: () => number;
}

/** Learner progress, keyed by stable lesson, question and item ids (never by text or language). */
export interface ProgressStore {
  /** Saves an answer and, when it completes the quiz of `questionIds`, updates the lesson record. */
  saveAnswer(
    answer: AnswerInput,
    questionIds: readonly string[],
  ): Promise<{ score: QuizScore; record: LessonRecord | null }>;
  /** Answers of one lesson, by question id. */
  getAnswers(lessonId: string): Promise<AnswerRecord[]>;
  /** Every answer, by lesson then question id. */
  getAllAnswers(): Promise<AnswerRecord[]>;
  /** Forgets a lesson's answers for a retry; its lesson record (best score) stays. */
  resetQuiz(lessonId: string): Promise<void>;
  /** Ticks or unticks one checklist item. */
  setChecklistItem(lessonId: string, itemId: string, done: boolean): Promise<ChecklistRecord>;
  /** Checklist items of one lesson that were ever set, by item id. */
  getChecklist(lessonId: string): Promise<ChecklistRecord[]>;
  /** Every checklist record, by lesson then item id. */
  getAllChecklist(): Promise<ChecklistRecord[]>;
  /** Every lesson record, by lesson id. */
  getLessonRecords(): Promise<LessonRecord[]>;
  /** A setting, or undefined if never set. */
  getSetting(key: string): Promise<unknown>;
  /** Stores a setting; the value must be structured-cloneable. */
  setSetting(key: string, value: unknown): Promise<void>;
  /**
   * Sets a setting to `update(its value now)` and resolves to what was stored. Where another tab
   * changed it meanwhile, `update` runs again on that tab's value, so neither change is lost.
   */
  updateSetting(key: string, update: (value: unknown) => unknown): Promise<unknown>;
  /** Records the result of reviewing one question, moving its card between Leitner boxes. */
  recordReview(lessonId: string, questionId: string, correct: boolean): Promise<ReviewCard | null>;
  /** Every card of the review queue. */
  getReviewCards(): Promise<ReviewCard[]>;
  /** Replaces everything stored with `snapshot`, in one step (used after merging an imported file). */
  replaceAll(snapshot: ProgressSnapshot): Promise<void>;
  /** A consistent copy of everything stored. */
  snapshot(): Promise<ProgressSnapshot>;
  /** A cheap overview for pages that list every lesson; `dueBefore` counts review cards due by then. */
  summary(dueBefore: number): Promise<ProgressSummary>;
}

type Tx<Names extends StoreNames<ProgressSchema>[]> = IDBPTransaction<ProgressSchema, Names, 'readwrite'>;

/** Runs `body` in `tx` and resolves once the transaction committed; aborts it if `body` fails. */
async function inTransaction<Names extends StoreNames<ProgressSchema>[], T>(
  tx: Tx<Names>,
  body: () => Promise<T>,
): Promise<T> {
  // Attached now so a failure surfacing in both `body` and `tx.done` is never an unhandled rejection.
  const done = tx.done.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    const result = await body();
    const outcome = await done;
    if (!outcome.ok) throw outcome.error;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failed request: nothing left to undo.
    }
    throw error;
  }
}

/** The ProgressStore over an open IndexedDB connection. */
export function createIdbStore(db: ProgressDb, options: StoreOptions = {}): ProgressStore {
  const now = options.now ?? Date.now;

  return {
    saveAnswer(input, questionIds) {
      const tx = db.transaction([ANSWERS, LESSONS, REVIEWS], 'readwrite');
      return inTransaction(tx, async () => {
        const answers = tx.objectStore(ANSWERS);
        const lessons = tx.objectStore(LESSONS);
        const answer = toAnswerRecord(input, now());
        const reviews = tx.objectStore(REVIEWS);
        // One round of reads, then the writes: a learner waits for this after every answer.
        // The card's key holds both ids, so an id that cannot be a key throws there, first,
        // before any other read was issued that the aborted transaction would leave unhandled.
        const [card, stored, previous] = await Promise.all([
          reviews.get([answer.lessonId, answer.questionId]),
          answers.index(BY_LESSON).getAll(answer.lessonId),
          lessons.get(answer.lessonId),
        ]);
        const replaced = stored.some((other) => other.questionId === answer.questionId);
        // Stryker disable next-line MethodExpression,ConditionalExpression: scoreQuiz keeps the last answer per question, and the new one is last
        const lessonAnswers = [...stored.filter((other) => other.questionId !== answer.questionId), answer];
        const outcome = answerOutcome(answer, replaced, lessonAnswers, questionIds, previous);
        const next = afterQuizAnswer(card, answer);
        // Not awaited one by one: a failed write aborts the transaction, and inTransaction reports it.
        // Each is caught at once, so one that fails after a later write threw is never left unhandled.
        const writes: Promise<{ error: unknown } | null>[] = [];
        const write = (request: Promise<unknown>) =>
          writes.push(
            request.then(
              () => null,
              (error: unknown) => ({ error }),
            ),
          );
        write(answers.put(answer));
        if (outcome.changed) write(lessons.put(outcome.record));
        if (next) write(reviews.put(next));
        const failed = (await Promise.all(writes)).find((result) => result !== null);
        if (failed) throw failed.error;
        return { score: outcome.score, record: outcome.record };
      });
    },

    getAnswers: (lessonId) => db.getAllFromIndex(ANSWERS, BY_LESSON, lessonId),
    getAllAnswers: () => db.getAll(ANSWERS),

    resetQuiz(lessonId) {
      const tx = db.transaction(ANSWERS, 'readwrite');
      return inTransaction(tx, async () => {
        const keys = await tx.store.index(BY_LESSON).getAllKeys(lessonId);
        await Promise.all(keys.map((key) => tx.store.delete(key)));
      });
    },

    async setChecklistItem(lessonId, itemId, done) {
      const record = toChecklistRecord(lessonId, itemId, done, now());
      await db.put(CHECKLIST, record);
      return record;
    },
    getChecklist: (lessonId) => db.getAllFromIndex(CHECKLIST, BY_LESSON, lessonId),
    getAllChecklist: () => db.getAll(CHECKLIST),
    getLessonRecords: () => db.getAll(LESSONS),

    getSetting: (key) => db.get(SETTINGS, key),
    async setSetting(key, value) {
      await db.put(SETTINGS, value, key);
    },
    updateSetting(key, update) {
      const tx = db.transaction(SETTINGS, 'readwrite');
      return inTransaction(tx, async () => {
        const value = update(await tx.store.get(key));
        await tx.store.put(value, key);
        return value;
      });
    },

    recordReview(lessonId, questionId, correct) {
      const tx = db.transaction(REVIEWS, 'readwrite');
      return inTransaction(tx, async () => {
        const card = await tx.store.get([lessonId, questionId]);
        if (!card) return null;
        const next = afterReview(card, correct, now());
        await tx.store.put(next);
        return next;
      });
    },
    getReviewCards: () => db.getAllFromIndex(REVIEWS, BY_DUE),

    replaceAll(snapshot) {
      const tx = db.transaction([ANSWERS, LESSONS, CHECKLIST, SETTINGS, REVIEWS], 'readwrite');
      return inTransaction(tx, async () => {
        const stores = [ANSWERS, LESSONS, CHECKLIST, SETTINGS, REVIEWS] as const;
        await Promise.all(stores.map((name) => tx.objectStore(name).clear()));
        await Promise.all([
          ...snapshot.answers.map((record) => tx.objectStore(ANSWERS).put(record)),
          ...snapshot.lessons.map((record) => tx.objectStore(LESSONS).put(record)),
          ...snapshot.checklist.map((record) => tx.objectStore(CHECKLIST).put(record)),
          ...snapshot.reviews.map((record) => tx.objectStore(REVIEWS).put(record)),
          ...snapshot.settings.map(([key, value]) => tx.objectStore(SETTINGS).put(value, key)),
        ]);
      });
    },

    async summary(dueBefore) {
      const tx = db.transaction([ANSWERS, LESSONS, CHECKLIST, SETTINGS, REVIEWS]);
      const settings = tx.objectStore(SETTINGS);
      // Keys only: a learner with thousands of answers should not wait for all of them to be read.
      const [keys, lessons, checklist, names, values, due] = await Promise.all([
        tx.objectStore(ANSWERS).getAllKeys(),
        tx.objectStore(LESSONS).getAll(),
        tx.objectStore(CHECKLIST).getAll(),
        settings.getAllKeys(),
        settings.getAll(),
        tx.objectStore(REVIEWS).index(BY_DUE).count(IDBKeyRange.upperBound(dueBefore, true)),
        tx.done,
      ]);
      return {
        answered: keys.map(([lessonId, questionId]) => ({ lessonId, questionId })),
        lessons,
        checklist,
        settings: names.map((key, i) => [key, values[i]]),
        due,
      };
    },

    async snapshot() {
      const tx = db.transaction([ANSWERS, LESSONS, CHECKLIST, SETTINGS, REVIEWS]);
      const settings = tx.objectStore(SETTINGS);
      const [answers, lessons, checklist, keys, values, reviews] = await Promise.all([
        tx.objectStore(ANSWERS).getAll(),
        tx.objectStore(LESSONS).getAll(),
        tx.objectStore(CHECKLIST).getAll(),
        settings.getAllKeys(),
        settings.getAll(),
        tx.objectStore(REVIEWS).getAll(),
        tx.done,
      ]);
      return { answers, lessons, checklist, settings: keys.map((key, i) => [key, values[i]]), reviews };
    },
  };
}
