/** Quiz scoring: pure functions shared by the app and storage. */
import type { Option } from './types.ts';

/** True when `selected` is exactly the set of correct option ids. */
export function isCorrect(options: readonly Option[], selected: readonly string[]): boolean {
  const chosen = new Set(selected);
  if (chosen.size !== selected.length) return false;
  if (selected.some((id) => !options.some((option) => option.id === id))) return false;
  return options.every((option) => option.correct === chosen.has(option.id));
}

/** A saved answer as far as scoring is concerned. */
export interface ScoredAnswer {
  questionId: string;
  correct: boolean;
}

export interface QuizScore {
  /** Questions of the lesson that have an answer. */
  answered: number;
  /** Of those, answered correctly. */
  correct: number;
  /** Questions in the lesson. */
  total: number;
  /** Every question answered. */
  complete: boolean;
}

/** Scores the answers that belong to `questionIds`; answers to other (removed) questions are ignored. */
export function scoreQuiz(questionIds: readonly string[], answers: readonly ScoredAnswer[]): QuizScore {
  const byId = new Map(answers.map((answer) => [answer.questionId, answer]));
  let answered = 0;
  let correct = 0;
  for (const id of questionIds) {
    const answer = byId.get(id);
    if (!answer) continue;
    answered += 1;
    if (answer.correct) correct += 1;
  }
  const total = questionIds.length;
  return { answered, correct, total, complete: total > 0 && answered === total };
}

/** Whole-number percentage of `correct` out of `total` (0 when there is nothing to score). */
export function percent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 100);
}
