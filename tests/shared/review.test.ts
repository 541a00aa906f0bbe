import { describe, expect, it } from 'vitest';
import {
  afterQuizAnswer,
  afterReview,
  BOX_DAYS,
  dueToday,
  endOfDay,
  shuffled,
} from '../../src/shared/review.ts';

const DAY = 24 * 60 * 60 * 1000;
// A fixed clock: 10:00 on 1 March 2026 (the tests run with TZ=UTC, see vitest.config.ts).
const NOW = Date.UTC(2026, 2, 1, 10);

describe('entering the review queue from a quiz', () => {
  it('brings a wrong answer back the same day, in box 1', () => {
    expect(
      afterQuizAnswer(undefined, { lessonId: 'l', questionId: 'q', correct: false, answeredAt: NOW }),
    ).toEqual({
      lessonId: 'l',
      questionId: 'q',
      box: 1,
      due: NOW,
      updatedAt: NOW,
    });
  });

  it('schedules a right first answer for later, in box 2', () => {
    expect(
      afterQuizAnswer(undefined, { lessonId: 'l', questionId: 'q', correct: true, answeredAt: NOW }),
    ).toMatchObject({
      box: 2,
      due: NOW + BOX_DAYS[1] * DAY,
    });
  });

  it('leaves a card alone when a retried quiz is answered right, but resets it when wrong', () => {
    const card = { lessonId: 'l', questionId: 'q', box: 4, due: NOW + 9 * DAY, updatedAt: 0 };
    expect(
      afterQuizAnswer(card, { lessonId: 'l', questionId: 'q', correct: true, answeredAt: NOW }),
    ).toBeUndefined();
    expect(
      afterQuizAnswer(card, { lessonId: 'l', questionId: 'q', correct: false, answeredAt: NOW }),
    ).toMatchObject({ box: 1, due: NOW });
  });
});

describe('reviewing', () => {
  const card = { lessonId: 'l', questionId: 'q', box: 1, due: NOW, updatedAt: 0 };

  it('moves a right answer up one box, each gap longer than the last', () => {
    let current = card;
    const gaps: number[] = [];
    for (let step = 0; step < 6; step++) {
      current = afterReview(current, true, NOW);
      gaps.push((current.due - NOW) / DAY);
    }
    expect(gaps).toEqual([3, 7, 14, 30, 30, 30]);
    expect(current.box).toBe(BOX_DAYS.length);
  });

  it('sends a wrong answer back to box 1, due tomorrow', () => {
    expect(afterReview({ ...card, box: 4 }, false, NOW)).toMatchObject({ box: 1, due: NOW + DAY });
  });
});

describe('what is due today', () => {
  it('counts everything due before midnight, most overdue first', () => {
    const at = (due: number) => ({ lessonId: 'l', questionId: String(due), box: 1, due, updatedAt: 0 });
    const cards = [
      at(NOW + 13 * 60 * 60 * 1000),
      at(NOW + 2 * 60 * 60 * 1000),
      at(NOW - DAY),
      at(NOW + 15 * 60 * 60 * 1000),
    ];
    expect(endOfDay(NOW)).toBe(Date.UTC(2026, 2, 2));
    expect(dueToday(cards, NOW).map((c) => c.due)).toEqual([
      NOW - DAY,
      NOW + 2 * 60 * 60 * 1000,
      NOW + 13 * 60 * 60 * 1000,
    ]);
  });

  it('leaves a card due at the stroke of midnight for tomorrow', () => {
    const card = { lessonId: 'l', questionId: 'q', box: 2, due: endOfDay(NOW), updatedAt: 0 };
    expect(dueToday([card], NOW)).toEqual([]);
    expect(dueToday([{ ...card, due: endOfDay(NOW) - 1 }], NOW)).toHaveLength(1);
  });
});

describe('shuffling options', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('keeps every item, in the same order for the same seed', () => {
    const once = shuffled(items, 'l/q');
    expect([...once].sort()).toEqual(items);
    expect(shuffled(items, 'l/q')).toEqual(once);
  });

  it('gives different orders for different seeds', () => {
    const orders = new Set(['1', '2', '3', '4', '5', '6'].map((seed) => shuffled(items, seed).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('can leave an item where it was: every order of two options turns up', () => {
    const seeds = Array.from({ length: 40 }, (_, i) => `seed-${i}`);
    const orders = new Set(seeds.map((seed) => shuffled(['a', 'b'], seed).join('')));
    expect(orders).toEqual(new Set(['ab', 'ba']));
  });
});
