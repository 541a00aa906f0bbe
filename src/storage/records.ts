/** Pure rules shared by every ProgressStore: building records and scoring a saved answer. */
import { percent, type QuizScore, scoreQuiz } from '../shared/scoring';
import type { AnswerRecord, ChecklistRecord, LessonRecord } from './schema';

/** An answer as the app hands it over; the store stamps the time. */
export type AnswerInput = Omit<AnswerRecord, 'answeredAt'>;

/**
 * What saving an answer did to the lesson: `record` is the lesson record after the save (null if
 * the quiz was never completed), and `changed` says it must be written back.
 */
export type AnswerOutcome =
  | { score: QuizScore; record: LessonRecord; changed: true }
  | { score: QuizScore; record: LessonRecord | null; changed: false };

/** Refuses, as IndexedDB refuses a key it cannot store, an id that is not a string of text. */
function checkIds(...ids: unknown[]): void {
  if (ids.some((id) => typeof id !== 'string' || id === '')) throw new DOMException(NO_ID, 'DataError');
}

// Stryker disable next-line StringLiteral: the message reaches only the console; callers read the name
const NO_ID = 'Records need a lesson id and an item id.';

/** Copies only the known fields, so nothing but ids and choices is ever stored. */
export function toAnswerRecord(input: AnswerInput, now: number): AnswerRecord {
  checkIds(input.lessonId, input.questionId);
  return {
    lessonId: input.lessonId,
    questionId: input.questionId,
    selected: [...input.selected],
    correct: input.correct,
    answeredAt: now,
  };
}

/** A checklist record stamped with the time. */
export function toChecklistRecord(
  lessonId: string,
  itemId: string,
  done: boolean,
  now: number,
): ChecklistRecord {
  checkIds(lessonId, itemId);
  return { lessonId, itemId, done, updatedAt: now };
}

/** The lesson record after one more completion of its quiz: best score kept, first completion time kept. */
export function completeLesson(
  previous: LessonRecord | undefined,
  lessonId: string,
  score: QuizScore,
  now: number,
): LessonRecord {
  const scored = percent(score.correct, score.total);
  return {
    lessonId,
    bestPercent: Math.max(previous?.bestPercent ?? 0, scored),
    completedAt: previous?.completedAt ?? now,
    attempts: (previous?.attempts ?? 0) + 1,
    updatedAt: now,
  };
}

/**
 * Scores a lesson after `answer` was saved among `lessonAnswers` (which include it). Only the answer
 * that fills the last gap completes an attempt: changing an answer in a finished quiz is not a new one.
 */
export function answerOutcome(
  answer: AnswerRecord,
  replaced: boolean,
  lessonAnswers: readonly AnswerRecord[],
  questionIds: readonly string[],
  previous: LessonRecord | undefined,
): AnswerOutcome {
  const score = scoreQuiz(questionIds, lessonAnswers);
  const completes = score.complete && !replaced && questionIds.includes(answer.questionId);
  if (!completes) return { score, record: previous ?? null, changed: false };
  return {
    score,
    record: completeLesson(previous, answer.lessonId, score, answer.answeredAt),
    changed: true,
  };
}
