/** Question and checklist errors. Every body starts at line 10 (see helpers.ts). */
import { describe, expect, it } from 'vitest';
import { compile, lesson, onlyError, question, TWO_OPTIONS } from './helpers.ts';

describe('duplicate ids', () => {
  it('reports a question id used twice, at the second question', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          ...question('single same', TWO_OPTIONS), // 10–17
          '', // 18
          ...question('single same', TWO_OPTIONS), // 19–26
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 19, col: 21, message: 'id "same" is already used on line 10' });
  });

  it('points at the duplicate id even when the id also appears inside the question type', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          ...question('single in', TWO_OPTIONS), // 10–17
          '', // 18
          ...question('single in', TWO_OPTIONS), // 19–26
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 19, col: 21 });
  });

  it('reports a checklist id used twice, at the second item', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          '::: checklist', // 10
          '- [ ] backup: Make a backup.', // 11
          '- [ ] backup: Make another backup.', // 12
          ':::', // 13
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 12, col: 7, message: 'id "backup" is already used on line 11' });
  });

  it('reports a checklist id that is already a question id', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          ...question('single backup', TWO_OPTIONS), // 10–17
          '', // 18
          '::: checklist', // 19
          '- [ ] backup: Make a backup.', // 20
          ':::', // 21
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 20, col: 7, message: 'id "backup" is already used on line 10' });
  });

  it('reports an option id used twice in one question, at the second option', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          ...question('single colour', [
            '- [x] red: Red', // 13
            '  > Yes.', // 14
            '- [ ] red: Also red', // 15
            '  > No.', // 16
            '- [ ] blue: Blue', // 17
            '  > No.', // 18
          ]),
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 15, col: 7, message: 'question "colour" has two options "red"' });
  });
});

describe('correct answers', () => {
  const check = (head: string, options: string[]) => onlyError(compile(lesson({}, question(head, options))));

  it('reports a question with no correct option, at the question line', () => {
    const error = check('multiple none', ['- [ ] a: A', '  > No.', '- [ ] b: B', '  > No.']);
    expect(error).toMatchObject({ line: 10, col: 1 });
    expect(error.message).toContain('question "none" has no correct answer');
  });

  it('reports a single question with two correct options', () => {
    const error = check('single both', ['- [x] a: A', '  > Yes.', '- [x] b: B', '  > Yes.']);
    expect(error).toMatchObject({ line: 10, col: 1 });
    expect(error.message).toContain('question "both" is single but has 2 correct options');
  });

  it('accepts a multiple question with two correct options', () => {
    const result = compile(
      lesson({}, question('multiple both', ['- [x] a: A', '  > Yes.', '- [x] b: B', '  > Yes.'])),
    );
    expect(result.errors).toEqual([]);
  });

  it('reports a true-false question with two correct options', () => {
    const error = check('true-false both', [
      '- [x] true: True',
      '  > Yes.',
      '- [x] false: False',
      '  > Yes.',
    ]);
    expect(error).toMatchObject({ line: 10, col: 1 });
    expect(error.message).toContain('question "both" is true-false but has 2 correct options');
  });

  it('reports a true-false question with three options', () => {
    const error = check('true-false three', [
      '- [x] true: True',
      '  > Yes.',
      '- [ ] false: False',
      '  > No.',
      '- [ ] maybe: Maybe',
      '  > No.',
    ]);
    expect(error).toMatchObject({ line: 10, col: 1 });
    expect(error.message).toContain('question "three" is true-false and needs exactly two options');
  });
});

describe('options', () => {
  it('reports an option without an id, at the option', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          ...question('single pick', [
            '- [x] a: First', // 13
            '  > Yes.', // 14
            '- [ ] Second, with no id', // 15
            '  > No.', // 16
            '- [ ] c: Third', // 17
            '  > No.', // 18
          ]),
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 15, col: 7 });
    expect(error.message).toContain('option needs an id');
  });

  it('reports an option without an explanation, at the option', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          ...question('single pick', [
            '- [x] a: First', // 13
            '  > Yes.', // 14
            '- [ ] b: Second', // 15
          ]),
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 15, col: 7 });
    expect(error.message).toContain('option "b" needs one explanation');
  });
});

describe('question heads', () => {
  it('reports an unknown question type at the type', () => {
    const error = onlyError(compile(lesson({}, question('essay opinion', TWO_OPTIONS))));
    expect(error).toMatchObject({ line: 10, col: 14 });
    expect(error.message).toContain('TYPE one of single, multiple, true-false');
  });

  it('reports a question without an id', () => {
    const error = onlyError(compile(lesson({}, question('single', TWO_OPTIONS))));
    expect(error).toMatchObject({ line: 10, col: 1 });
    expect(error.message).toContain('a question needs one id after its type');
  });
});

describe('checklists', () => {
  it('reports a checklist item without an id, at the item', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          '::: checklist', // 10
          '- [ ] plan: Write a plan.', // 11
          '- [ ] Review it every month.', // 12
          ':::', // 13
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 12, col: 7 });
    expect(error.message).toContain('checklist item needs an id');
  });
});
