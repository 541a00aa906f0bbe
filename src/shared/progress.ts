/** What the learner has done in each lesson, derived from saved records (pure, no storage). */
import { type ScoredAnswer, scoreQuiz } from './scoring.ts';
import type { LessonEntry } from './types.ts';

export type LessonState = 'not-started' | 'in-progress' | 'done';

/** The fields of saved records this needs; storage records have more. */
export interface AnswerLike extends Omit<ScoredAnswer, 'correct'> {
  lessonId: string;
  /** Absent where only which questions were answered is known (a summary). */
  correct?: boolean;
}
export interface ChecklistLike {
  lessonId: string;
  itemId: string;
  done: boolean;
}
export interface LessonRecordLike {
  lessonId: string;
  bestPercent: number | null;
  completedAt: number | null;
}

export interface LessonProgress {
  state: LessonState;
  answered: number;
  correct: number;
  total: number;
  bestPercent: number | null;
  checklistDone: number;
  checklistTotal: number;
}

type Lessonish = Pick<LessonEntry, 'id' | 'questions' | 'checklist'>;

/** Progress of one lesson. Done once its quiz was completed, even if a retry is under way. */
export function lessonProgress(
  entry: Lessonish,
  answers: readonly AnswerLike[],
  checklist: readonly ChecklistLike[],
  record: LessonRecordLike | undefined,
): LessonProgress {
  const score = scoreQuiz(
    entry.questions,
    answers.map((answer) => ({ questionId: answer.questionId, correct: answer.correct === true })),
  );
  const items = new Set(entry.checklist);
  const checklistDone = checklist.filter((item) => item.done && items.has(item.itemId)).length;
  const done =
    record?.completedAt != null ||
    (entry.questions.length === 0 && checklistDone === items.size && items.size > 0);
  const started = score.answered > 0 || checklistDone > 0;
  return {
    state: done ? 'done' : started ? 'in-progress' : 'not-started',
    answered: score.answered,
    correct: score.correct,
    total: score.total,
    bestPercent: record?.bestPercent ?? null,
    checklistDone,
    checklistTotal: items.size,
  };
}

function groupBy<T extends { lessonId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.lessonId);
    if (group) group.push(record);
    else groups.set(record.lessonId, [record]);
  }
  return groups;
}

/** Progress of every lesson of the course, by lesson id. */
export function courseProgress(
  entries: readonly Lessonish[],
  answers: readonly AnswerLike[],
  checklist: readonly ChecklistLike[],
  records: readonly LessonRecordLike[],
): Map<string, LessonProgress> {
  const answersBy = groupBy(answers);
  const checklistBy = groupBy(checklist);
  const recordBy = new Map(records.map((record) => [record.lessonId, record]));
  return new Map(
    entries.map((entry) => [
      entry.id,
      lessonProgress(
        entry,
        // Stryker disable next-line ArrayDeclaration: a list of records that name none of the lesson's questions or items scores as an empty one
        answersBy.get(entry.id) ?? [],
        // Stryker disable next-line ArrayDeclaration: ticks that name none of the lesson's items count as none
        checklistBy.get(entry.id) ?? [],
        recordBy.get(entry.id),
      ),
    ]),
  );
}
