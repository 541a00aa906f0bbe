import { describe, expect, it } from 'vitest';
import { courseProgress, lessonProgress } from '../../src/shared/progress.ts';
import { isCorrect, percent, scoreQuiz } from '../../src/shared/scoring.ts';
import type { Option } from '../../src/shared/types.ts';

const option = (id: string, correct: boolean): Option => ({ id, correct, html: id, explanation: '' });
const single = [option('a', false), option('b', true), option('c', false)];
const multiple = [option('a', true), option('b', true), option('c', false)];

describe('isCorrect', () => {
  it('accepts exactly the correct option of a single-choice question', () => {
    expect(isCorrect(single, ['b'])).toBe(true);
    expect(isCorrect(single, ['a'])).toBe(false);
    expect(isCorrect(single, [])).toBe(false);
  });

  it('needs every correct option and no wrong one for multiple choice', () => {
    expect(isCorrect(multiple, ['a', 'b'])).toBe(true);
    expect(isCorrect(multiple, ['b', 'a'])).toBe(true);
    expect(isCorrect(multiple, ['a'])).toBe(false);
    expect(isCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
  });

  it('does not count a repeated or unknown option', () => {
    expect(isCorrect(multiple, ['a', 'a', 'b'])).toBe(false);
    expect(isCorrect(single, ['b', 'zzz'])).toBe(false);
  });
});

describe('scoreQuiz', () => {
  const ids = ['q1', 'q2', 'q3'];

  it('counts answered and correct questions, complete when all are answered', () => {
    expect(scoreQuiz(ids, [{ questionId: 'q1', correct: true }])).toEqual({
      answered: 1,
      correct: 1,
      total: 3,
      complete: false,
    });
    const all = [
      { questionId: 'q1', correct: true },
      { questionId: 'q2', correct: false },
      { questionId: 'q3', correct: true },
    ];
    expect(scoreQuiz(ids, all)).toEqual({ answered: 3, correct: 2, total: 3, complete: true });
  });

  it('ignores answers to questions the lesson no longer has', () => {
    expect(scoreQuiz(['q1'], [{ questionId: 'gone', correct: true }])).toEqual({
      answered: 0,
      correct: 0,
      total: 1,
      complete: false,
    });
  });

  it('never calls an empty quiz complete', () => {
    expect(scoreQuiz([], []).complete).toBe(false);
  });

  it('rounds percentages to whole numbers and never divides by zero', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('lesson progress', () => {
  const entry = { id: 'l1', questions: ['q1', 'q2'], checklist: ['c1', 'c2'] };

  it('is not started with nothing saved', () => {
    expect(lessonProgress(entry, [], [], undefined).state).toBe('not-started');
  });

  it('is in progress after one answer or one ticked action', () => {
    expect(
      lessonProgress(entry, [{ lessonId: 'l1', questionId: 'q1', correct: true }], [], undefined).state,
    ).toBe('in-progress');
    expect(lessonProgress(entry, [], [{ lessonId: 'l1', itemId: 'c1', done: true }], undefined).state).toBe(
      'in-progress',
    );
    expect(lessonProgress(entry, [], [{ lessonId: 'l1', itemId: 'c1', done: false }], undefined).state).toBe(
      'not-started',
    );
  });

  it('stays done after a retry cleared the answers, keeping the best score', () => {
    const record = { lessonId: 'l1', bestPercent: 50, completedAt: 1 };
    expect(lessonProgress(entry, [], [], record)).toMatchObject({
      state: 'done',
      bestPercent: 50,
      answered: 0,
    });
  });

  it('counts a wrong answer as answered but not right', () => {
    const answers = [
      { lessonId: 'l1', questionId: 'q1', correct: false },
      { lessonId: 'l1', questionId: 'q2', correct: true },
    ];
    expect(lessonProgress(entry, answers, [], undefined)).toMatchObject({
      answered: 2,
      correct: 1,
      total: 2,
    });
    // A summary knows only which questions were answered: none of them is counted as right.
    const summary = answers.map(({ lessonId, questionId }) => ({ lessonId, questionId }));
    expect(lessonProgress(entry, summary, [], undefined)).toMatchObject({ answered: 2, correct: 0 });
  });

  it('finishes a lesson without a quiz when every action is ticked, and only then', () => {
    const actionsOnly = { id: 'l3', questions: [], checklist: ['c1', 'c2'] };
    const tick = (itemId: string, done = true) => ({ lessonId: 'l3', itemId, done });
    expect(lessonProgress(actionsOnly, [], [tick('c1')], undefined).state).toBe('in-progress');
    expect(lessonProgress(actionsOnly, [], [tick('c1'), tick('c2', false)], undefined).state).toBe(
      'in-progress',
    );
    expect(lessonProgress(actionsOnly, [], [tick('c1'), tick('c2')], undefined)).toMatchObject({
      state: 'done',
      checklistDone: 2,
      checklistTotal: 2,
    });
    // A ticked action the lesson no longer has does not stand in for one it has.
    expect(lessonProgress(actionsOnly, [], [tick('c1'), tick('gone')], undefined).state).toBe('in-progress');
    // A lesson with a quiz is finished by its quiz, not by its actions.
    expect(
      lessonProgress(
        entry,
        [],
        [tick('c1'), tick('c2')].map((t) => ({ ...t, lessonId: 'l1' })),
        undefined,
      ).state,
    ).toBe('in-progress');
    // A lesson with neither is never finished by having nothing to do.
    expect(lessonProgress({ id: 'l4', questions: [], checklist: [] }, [], [], undefined).state).toBe(
      'not-started',
    );
  });

  it('counts every answer and action of a lesson across the whole course, not only the last', () => {
    const progress = courseProgress(
      [entry],
      [
        { lessonId: 'l1', questionId: 'q1', correct: true },
        { lessonId: 'l1', questionId: 'q2', correct: true },
      ],
      [
        { lessonId: 'l1', itemId: 'c1', done: true },
        { lessonId: 'l1', itemId: 'c2', done: true },
      ],
      [],
    );
    expect(progress.get('l1')).toMatchObject({ answered: 2, correct: 2, checklistDone: 2 });
  });

  it('groups saved records by lesson for the whole course', () => {
    const other = { id: 'l2', questions: ['x'], checklist: [] };
    const progress = courseProgress(
      [entry, other],
      [
        { lessonId: 'l2', questionId: 'x', correct: false },
        { lessonId: 'l1', questionId: 'q2', correct: true },
      ],
      [{ lessonId: 'l1', itemId: 'c2', done: true }],
      [{ lessonId: 'l2', bestPercent: 0, completedAt: 5 }],
    );
    expect(progress.get('l1')).toMatchObject({
      state: 'in-progress',
      answered: 1,
      correct: 1,
      checklistDone: 1,
    });
    expect(progress.get('l2')).toMatchObject({ state: 'done', bestPercent: 0 });
  });
});
