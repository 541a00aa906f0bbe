/** A ProgressStore kept in memory: for browsers without usable IndexedDB, and for tests. */

import { afterQuizAnswer, afterReview } from '../shared/review';
import type { ProgressSnapshot, ProgressStore, StoreOptions } from './progress';
import { answerOutcome, toAnswerRecord, toChecklistRecord } from './records';
import type { AnswerRecord, ChecklistRecord, LessonRecord, ReviewCard } from './schema';

/** Options of `createMemoryStore`. */
export interface MemoryStoreOptions extends StoreOptions {
  /** Records to start with, e.g. what could still be read from IndexedDB. */
  seed?: Partial<ProgressSnapshot>;
}

/** Compares strings by UTF-16 code units, the order IndexedDB sorts string keys in. */
function compare(a: string, b: string): number {
  // Stryker disable next-line EqualityOperator: the ids compared are never equal (one value per key)
  return a < b ? -1 : 1;
}

/**
 * Values keyed by `[lessonId, id]` pairs, listed in IndexedDB key order. Kept by lesson, so what
 * one lesson holds is read without going through every other lesson's.
 */
function pairMap<V extends { lessonId: string }>(idOf: (value: V) => string) {
  const byLesson = new Map<string, Map<string, V>>();
  const sorted = (values: Iterable<V>) => [...values].sort((a, b) => compare(idOf(a), idOf(b)));
  return {
    has: (lessonId: string, id: string) => byLesson.get(lessonId)?.has(id) ?? false,
    get: (lessonId: string, id: string) => byLesson.get(lessonId)?.get(id),
    set(value: V) {
      let lesson = byLesson.get(value.lessonId);
      if (!lesson) {
        lesson = new Map();
        byLesson.set(value.lessonId, lesson);
      }
      lesson.set(idOf(value), value);
    },
    /** Forgets every value of one lesson. */
    deleteLesson: (lessonId: string) => byLesson.delete(lessonId),
    clear: () => byLesson.clear(),
    lessonIds: () => byLesson.keys(),
    values: (lessonId?: string): V[] =>
      lessonId === undefined
        ? [...byLesson.entries()]
            .sort(([a], [b]) => compare(a, b))
            .flatMap(([, lesson]) => sorted(lesson.values()))
        : sorted(byLesson.get(lessonId)?.values() ?? []),
  };
}

/** Values leave and enter the store as copies, as they would through IndexedDB. */
const copy = <T>(value: T): T => structuredClone(value);

/** Everything kept about one lesson. */
export interface LessonRecords {
  answers: AnswerRecord[];
  record: LessonRecord | undefined;
  checklist: ChecklistRecord[];
  reviews: ReviewCard[];
}

/** The memory store, and what a store built on it needs to read without copying everything. */
export interface MemoryStore extends ProgressStore {
  /** The records of one lesson, as they are now (not copies: read them, do not change them). */
  lessonRecords(lessonId: string): LessonRecords;
  /** Every setting, as it is now. */
  settingEntries(): [key: string, value: unknown][];
  /** The ids of every lesson with any record. */
  lessonIds(): Set<string>;
  /** Replaces what is kept about one lesson (e.g. with what another tab saved). */
  replaceLesson(lessonId: string, records: LessonRecords): void;
  /** Replaces every setting. */
  replaceSettings(entries: [key: string, value: unknown][]): void;
}

/** The ProgressStore over Maps; lost when the page closes. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const now = options.now ?? Date.now;
  const seed = copy(options.seed ?? {});
  const answers = pairMap<AnswerRecord>((answer) => answer.questionId);
  const checklist = pairMap<ChecklistRecord>((item) => item.itemId);
  const lessons = new Map<string, LessonRecord>();
  const reviews = pairMap<ReviewCard>((card) => card.questionId);
  for (const card of seed.reviews ?? []) reviews.set(card);
  const settings = new Map<string, unknown>(seed.settings);
  for (const answer of seed.answers ?? []) answers.set(answer);
  for (const item of seed.checklist ?? []) checklist.set(item);
  for (const record of seed.lessons ?? []) lessons.set(record.lessonId, record);

  const sortedLessons = () => [...lessons.values()].sort((a, b) => compare(a.lessonId, b.lessonId));

  return {
    lessonRecords: (lessonId) => ({
      answers: answers.values(lessonId),
      record: lessons.get(lessonId),
      checklist: checklist.values(lessonId),
      reviews: reviews.values(lessonId),
    }),
    settingEntries: () => [...settings.entries()],
    replaceLesson(lessonId, records) {
      answers.deleteLesson(lessonId);
      checklist.deleteLesson(lessonId);
      reviews.deleteLesson(lessonId);
      lessons.delete(lessonId);
      for (const answer of records.answers) answers.set(answer);
      for (const item of records.checklist) checklist.set(item);
      for (const card of records.reviews) reviews.set(card);
      if (records.record) lessons.set(lessonId, records.record);
    },
    replaceSettings(entries) {
      settings.clear();
      for (const [key, value] of entries) settings.set(key, value);
    },
    lessonIds: () =>
      new Set([...answers.lessonIds(), ...checklist.lessonIds(), ...reviews.lessonIds(), ...lessons.keys()]),
    async saveAnswer(input, questionIds) {
      const answer = toAnswerRecord(input, now());
      const replaced = answers.has(answer.lessonId, answer.questionId);
      answers.set(answer);
      const previous = lessons.get(answer.lessonId);
      const outcome = answerOutcome(answer, replaced, answers.values(answer.lessonId), questionIds, previous);
      if (outcome.changed) lessons.set(answer.lessonId, outcome.record);
      const card = reviews.get(answer.lessonId, answer.questionId);
      const next = afterQuizAnswer(card, answer);
      if (next) reviews.set(next);
      return copy({ score: outcome.score, record: outcome.record });
    },
    getAnswers: async (lessonId) => copy(answers.values(lessonId)),
    getAllAnswers: async () => copy(answers.values()),
    async resetQuiz(lessonId) {
      answers.deleteLesson(lessonId);
    },
    async setChecklistItem(lessonId, itemId, done) {
      const record = toChecklistRecord(lessonId, itemId, done, now());
      checklist.set(copy(record));
      return record;
    },
    getChecklist: async (lessonId) => copy(checklist.values(lessonId)),
    getAllChecklist: async () => copy(checklist.values()),
    getLessonRecords: async () => copy(sortedLessons()),
    async recordReview(lessonId, questionId, correct) {
      const card = reviews.get(lessonId, questionId);
      if (!card) return null;
      const next = afterReview(card, correct, now());
      reviews.set(next);
      return copy(next);
    },
    async replaceAll(snapshot) {
      const fresh = copy(snapshot);
      answers.clear();
      checklist.clear();
      reviews.clear();
      lessons.clear();
      settings.clear();
      for (const answer of fresh.answers) answers.set(answer);
      for (const item of fresh.checklist) checklist.set(item);
      for (const card of fresh.reviews) reviews.set(card);
      for (const record of fresh.lessons) lessons.set(record.lessonId, record);
      for (const [key, value] of fresh.settings) settings.set(key, value);
    },
    getReviewCards: async () => copy(reviews.values().sort((a, b) => a.due - b.due)),
    getSetting: async (key) => copy(settings.get(key)),
    async setSetting(key, value) {
      settings.set(key, copy(value));
    },
    async updateSetting(key, update) {
      const value = copy(update(copy(settings.get(key))));
      settings.set(key, value);
      return copy(value);
    },
    summary: async (dueBefore) =>
      copy({
        answered: answers.values().map(({ lessonId, questionId }) => ({ lessonId, questionId })),
        lessons: sortedLessons(),
        checklist: checklist.values(),
        settings: [...settings.entries()].sort(([a], [b]) => compare(a, b)),
        due: reviews.values().filter((card) => card.due < dueBefore).length,
      }),
    snapshot: async () =>
      copy({
        answers: answers.values(),
        lessons: sortedLessons(),
        checklist: checklist.values(),
        settings: [...settings.entries()].sort(([a], [b]) => compare(a, b)),
        reviews: reviews.values(),
      }),
  };
}
