/**
 * Spaced repetition with Leitner boxes: a question answered wrong comes back the next day; each
 * right answer moves it up a box and the gap grows (1, 3, 7, 14, 30 days). Pure: the clock is passed in.
 */

/** Days until a card in box 1, 2, … is due again. */
export const BOX_DAYS = [1, 3, 7, 14, 30] as const;
const DAY = 24 * 60 * 60 * 1000;

/** A question in the review queue. */
export interface ReviewCard {
  lessonId: string;
  questionId: string;
  /** 1 (learning) to BOX_DAYS.length (well known). */
  box: number;
  /** When it is next due (ms since the epoch). */
  due: number;
  updatedAt: number;
}

function card(lessonId: string, questionId: string, box: number, due: number, now: number): ReviewCard {
  return { lessonId, questionId, box, due, updatedAt: now };
}

function daysFor(box: number): number {
  return BOX_DAYS[Math.min(Math.max(box, 1), BOX_DAYS.length) - 1] ?? 1;
}

/**
 * The card after a quiz answer. A wrong answer puts the question in box 1, due at once; a right
 * first answer enters box 2, due in a few days. A right answer in a retried quiz changes nothing.
 */
export function afterQuizAnswer(
  previous: ReviewCard | undefined,
  answer: { lessonId: string; questionId: string; correct: boolean; answeredAt: number },
): ReviewCard | undefined {
  const { lessonId, questionId, correct, answeredAt: now } = answer;
  if (!correct) return card(lessonId, questionId, 1, now, now);
  if (previous) return undefined;
  return card(lessonId, questionId, 2, now + daysFor(2) * DAY, now);
}

/** The card after it was reviewed: up one box when right, back to box 1 (due tomorrow) when wrong. */
export function afterReview(previous: ReviewCard, correct: boolean, now: number): ReviewCard {
  const box = correct ? Math.min(previous.box + 1, BOX_DAYS.length) : 1;
  return card(previous.lessonId, previous.questionId, box, now + daysFor(box) * DAY, now);
}

/** The end of the local day that `now` falls in: everything due before it counts as due today. */
export function endOfDay(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/** Cards due today, the most overdue first. */
export function dueToday(cards: readonly ReviewCard[], now: number): ReviewCard[] {
  const end = endOfDay(now);
  return cards.filter((item) => item.due < end).sort((a, b) => a.due - b.due);
}

/** A new order for `items`, the same every time for the same `seed` (so a page does not reshuffle). */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  let state =
    [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261) >>> 0;
  // Stryker disable ArithmeticOperator: any of these mixing steps gives a fixed order per seed, which is all a learner sees
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Stryker restore ArithmeticOperator
  const result = [...items];
  // Stryker disable next-line EqualityOperator: at i = 0 the only choice is to swap the first item with itself
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
