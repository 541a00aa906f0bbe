/** Country notes on the law: each broken `::: law` block refused at its line and column. Bodies start at line 10. */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { compileLesson } from '../../src/compiler/lesson.ts';
import { countWords } from '../../src/compiler/rules.ts';
import type { Lesson } from '../../src/shared/types.ts';
import { lesson, positions } from './helpers.ts';
import { compileTranslation, englishOf, translation } from './translation-helpers.ts';

const NOW = new Date('2026-12-07T12:00:00Z');
const BODY =
  '**Prevention of Electronic Crimes Act 2016, section 26A**: spreading false information is an offence.';

function compileAt(body: string[], now = NOW) {
  return compileLesson({
    source: lesson({}, ['Some text before.', '', ...body]),
    file: 'lessons/demo/en.md',
    folderId: 'demo',
    locale: 'en',
    lessonIds: new Set(['demo']),
    now,
  });
}

/** A law block whose first line is `head`, at line 12 (the body's first two lines are text). */
const block = (head: string, ...text: string[]) => [head, ...text, ':::'];

describe('a law note', () => {
  it('compiles into a box for its country, with its date, law and text', () => {
    const result = compileAt(['## Section', '', ...block('::: law PK checked=2026-12-01', BODY)]);
    expect(positions(result.errors)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.lesson?.blocks.at(-1)).toMatchObject({
      kind: 'law',
      country: 'PK',
      checked: '2026-12-01',
      title: 'Prevention of Electronic Crimes Act 2016, section 26A',
      level: 3,
    });
  });

  const longText = `**Act, section 1**: ${'word '.repeat(80)}`;
  it.each([
    ['no country', block('::: law', BODY), '12:8: a law note starts "::: law COUNTRY'],
    [
      'an unknown country',
      block('::: law US checked=2026-12-01', BODY),
      '12:9: "US" is not a country of the course',
    ],
    ['a lower-case country', block('::: law pk checked=2026-12-01', BODY), '12:9: "pk" is not a country'],
    ['no date', block('::: law IN', BODY), '12:11: a law note needs "checked=YYYY-MM-DD"'],
    [
      'a date that does not exist',
      block('::: law IN checked=2026-02-30', BODY),
      '12:20: "2026-02-30" is not a real date',
    ],
    [
      'a date in another form',
      block('::: law IN checked=7.12.2026', BODY),
      '12:20: "7.12.2026" is not a real date',
    ],
    [
      'a date in the future',
      block('::: law MY checked=2026-12-08', BODY),
      '12:20: "2026-12-08" is in the future',
    ],
    [
      'a word too many',
      block('::: law MY checked=2026-12-01 today', BODY),
      '12:31: "today" does not belong on the first line',
    ],
    ['an empty body', block('::: law IN checked=2026-12-01'), '12:1: the law note is empty'],
    [
      'no law in bold',
      block('::: law IN checked=2026-12-01', 'Section 353 covers rumours.'),
      '13:1: a law note starts with the law and section in bold',
    ],
    [
      'a list',
      block('::: law IN checked=2026-12-01', BODY, '', '- one', '- two'),
      '15:1: a law note is one to three short paragraphs',
    ],
    [
      'a heading',
      block('::: law IN checked=2026-12-01', '## The law', BODY),
      '13:1: a law note is one to three short paragraphs',
    ],
    [
      'too many words',
      block('::: law IN checked=2026-12-01', longText),
      '12:1: the law note has 83 words: keep it to 80',
    ],
    [
      'a block inside it',
      block('::: law IN checked=2026-12-01', BODY, '::: tip', 'Inside.'),
      '12:1: the "law" block is not closed',
    ],
  ])('refuses %s, at its line and column', (_name, lines, expected) => {
    const errors = positions(compileAt(lines).errors);
    expect(
      errors.some((error) => error.startsWith(expected)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('refuses the same law named twice for one country, at the second', () => {
    const errors = positions(
      compileAt([
        ...block('::: law PK checked=2026-12-01', BODY),
        '',
        ...block('::: law PK checked=2026-12-01', BODY),
      ]).errors,
    );
    expect(errors).toEqual([
      '16:1: a PK law note on "Prevention of Electronic Crimes Act 2016, section 26A" is already on line 12: say it once',
    ]);
  });

  it('warns, without failing, when it was checked over six months ago', () => {
    const result = compileAt(block('::: law IN checked=2026-06-07', BODY));
    expect(positions(result.errors)).toEqual([]);
    expect(positions(result.warnings)).toEqual([
      '12:20: the IN law note was checked 2026-06-07, over 6 months ago: check the law again',
    ]);
    expect(compileAt(block('::: law IN checked=2026-06-08', BODY)).warnings).toEqual([]);
  });

  it("does not count toward the lesson's words, like trainer notes", () => {
    const result = compileAt(block('::: law IN checked=2026-12-01', BODY));
    expect(positions(result.errors)).toEqual([]);
    // "Some text before." only.
    expect(countWords(result.lesson as Lesson)).toBe(3);
  });

  it('reaches the course check as a warning in its file, not an error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safe-online-law-'));
    try {
      cpSync('tests/fixtures/course-valid', dir, { recursive: true });
      const file = path.join(dir, 'every-block', 'en.md');
      appendFileSync(file, `\n${block('::: law MY checked=2025-01-01', BODY).join('\n')}\n`);
      const course = compileCourse(dir, { now: NOW });
      expect(positions(course.errors)).toEqual([]);
      expect(course.warnings.map((warning) => warning.file)).toEqual([file]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a translation', () => {
  const english = englishOf([
    '::: law IN checked=2026-12-01', // 10
    BODY,
    ':::',
    '',
    '::: law PK checked=2026-11-30', // 14
    BODY,
    ':::',
  ]);
  const note = (head: string) => [head, BODY, ':::', ''];

  it('keeps the same law notes: same countries, order and dates', () => {
    const source = translation({}, [
      ...note('::: law IN checked=2026-12-01'),
      ...note('::: law PK checked=2026-11-30'),
    ]);
    expect(positions(compileTranslation(source, english).errors)).toEqual([]);
  });

  it.each([
    ['one missing', [...note('::: law IN checked=2026-12-01')], 'TRANSLATION'],
    [
      'one more',
      [
        ...note('::: law IN checked=2026-12-01'),
        ...note('::: law PK checked=2026-11-30'),
        ...note('::: law MY checked=2026-11-30'),
      ],
      22,
    ],
    [
      'two swapped',
      [...note('::: law PK checked=2026-11-30'), ...note('::: law IN checked=2026-12-01')],
      'FIRST',
    ],
    [
      'another date',
      [...note('::: law IN checked=2026-12-01'), ...note('::: law PK checked=2026-12-01')],
      18,
    ],
  ])('refuses %s, at the first note that differs', (_name, body, where) => {
    const source = translation({}, body);
    const first = source.split('\n').findIndex((line) => line.startsWith('::: law')) + 1;
    const bodyLine = source.split('\n').indexOf('---', 1) + 2;
    const line =
      where === 'FIRST' ? first : where === 'TRANSLATION' ? bodyLine : first + (Number(where) - 14);
    expect(positions(compileTranslation(source, english).errors)).toEqual([
      `${line}:1: the law notes must be those of en.md, in the same order and with the same dates: IN checked=2026-12-01, PK checked=2026-11-30`,
    ]);
  });
});

describe('the length of a law note', () => {
  it('gives a translation more words than en.md, for languages that need more to say the same', () => {
    const english = englishOf(['::: law IN checked=2026-12-01', BODY, ':::']);
    const long = `**Act, section 1**: ${'शब्द '.repeat(100)}`;
    expect(
      positions(
        compileTranslation(translation({}, ['::: law IN checked=2026-12-01', long, ':::']), english, 'hi')
          .errors,
      ),
    ).toEqual([]);
    const longer = `**Act, section 1**: ${'शब्द '.repeat(110)}`;
    expect(
      positions(
        compileTranslation(translation({}, ['::: law IN checked=2026-12-01', longer, ':::']), english, 'hi')
          .errors,
      ),
    ).toEqual(['9:1: the law note has 113 words: keep it to 110 or fewer (one to three sentences)']);
  });
});
