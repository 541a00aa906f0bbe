/** Translations: checked against en.md, taking level, minutes and review date from it; the source hash. */
import { describe, expect, it } from 'vitest';
import { compile, errorWith, lesson, positions, question } from './helpers.ts';
import { compileTranslation, englishOf, lineOf, translation } from './translation-helpers.ts';

const EN_PICK = question('single pick', ['- [x] a: Right', '  > Yes.', '- [ ] b: Wrong', '  > No.']);
const EN_FACT = question('true-false fact', [
  '- [x] true: True',
  '  > Yes.',
  '- [ ] false: False',
  '  > No.',
]);
const EN_CHECKLIST = ['::: checklist', '- [ ] first: Do this.', '- [ ] second: Do that.', ':::'];
const english = englishOf([
  'An intro with [a link](https://example.org).',
  '',
  '## A heading',
  '',
  ...EN_PICK,
  '',
  ...EN_FACT,
  '',
  ...EN_CHECKLIST,
]);

const INTRO = ['Pengenalan dengan [pautan](https://example.org).', '', '## Tajuk', ''];
const PICK = question(
  'single pick',
  ['- [x] a: Betul', '  > Ya.', '- [ ] b: Salah', '  > Tidak.'],
  'Yang mana satu?',
);
const FACT = question(
  'true-false fact',
  ['- [x] true: Benar', '  > Ya.', '- [ ] false: Palsu', '  > Tidak.'],
  'Kenyataan.',
);
const CHECKLIST = ['::: checklist', '- [ ] first: Buat ini.', '- [ ] second: Buat itu.', ':::'];

/** A Malay translation of `english` made of the given blocks (by default all of them, in order). */
function body(blocks: string[][] = [PICK, FACT, CHECKLIST]): string[] {
  return [...INTRO, ...blocks.flatMap((block) => [...block, ''])];
}
const correct = translation({}, body());
const messages = (source: string) => compileTranslation(source, english).errors.map((error) => error.message);

describe('a correct translation', () => {
  const result = compileTranslation(correct, english);

  it('compiles with no errors', () => {
    expect(positions(result.errors)).toEqual([]);
  });

  it('has its own title, summary and tags, and the level, minutes and review date of en.md', () => {
    expect(result.lesson).toMatchObject({
      id: 'demo',
      locale: 'ms',
      title: 'Pelajaran demo',
      summary: 'Pelajaran yang ditulis oleh ujian.',
      tags: ['ujian'],
      level: english.lesson.level,
      minutes: english.lesson.minutes,
      reviewed: english.lesson.reviewed,
    });
    expect([english.lesson.level, english.lesson.minutes, english.lesson.reviewed]).toEqual([
      'beginner',
      5,
      '2026-11-20',
    ]);
  });

  it.each(['machine', 'draft', 'reviewed'])('keeps its status "%s"', (status) => {
    expect(compileTranslation(translation({ status }, body()), english).lesson?.translation?.status).toBe(
      status,
    );
  });

  it('is not stale when source_hash is the hash of en.md', () => {
    const stamped = compileTranslation(translation({ source_hash: english.hash }, body()), english);
    expect(positions(stamped.errors)).toEqual([]);
    expect(stamped.lesson?.translation).toEqual({ status: 'draft', stale: false });
  });

  it('is stale when source_hash is missing or is another hash', () => {
    expect(result.lesson?.translation?.stale).toBe(true);
    const other = compileTranslation(translation({ source_hash: 'deadbeefdeadbeef' }, body()), english);
    expect(positions(other.errors)).toEqual([]);
    expect(other.lesson?.translation?.stale).toBe(true);
  });
});

describe('a translation that differs from en.md in its quiz or checklist', () => {
  it('reports an option marked differently at the line of that option, naming en.md', () => {
    const source = correct
      .replace('- [x] a: Betul', '- [ ] a: Betul')
      .replace('- [ ] b: Salah', '- [x] b: Salah');
    const errors = compileTranslation(source, english).errors;
    const a = errorWith(errors, 'option "a" of question "pick"');
    const b = errorWith(errors, 'option "b" of question "pick"');
    expect(a).toMatchObject({ line: lineOf(source, 'a: Betul'), col: 1 });
    expect(b).toMatchObject({ line: lineOf(source, 'b: Salah'), col: 1 });
    expect(a.message).toContain('en.md');
    expect(a.message).toContain('[x]');
    expect(b.message).toContain('[ ]');
  });

  it('reports a question of en.md that is missing', () => {
    expect(messages(translation({}, body([PICK, CHECKLIST])))).toEqual([
      expect.stringMatching(/question "fact" .*missing/),
    ]);
  });

  it('reports an extra question at its line', () => {
    const extra = question('single added', ['- [x] a: Ya', '  > Ya.', '- [ ] b: Tidak', '  > Tidak.']);
    const source = translation({}, body([PICK, FACT, extra, CHECKLIST]));
    const error = errorWith(compileTranslation(source, english).errors, 'question "added" is not in en.md');
    expect(error.line).toBe(lineOf(source, 'question single added'));
  });

  it('reports a question whose type changed at its line', () => {
    const source = correct.replace('question single pick', 'question multiple pick');
    const error = errorWith(compileTranslation(source, english).errors, 'question "pick" is single in en.md');
    expect(error.line).toBe(lineOf(source, 'question multiple pick'));
  });

  it('reports different option ids', () => {
    expect(messages(correct.replace('- [ ] b: Salah', '- [ ] c: Salah'))).toContainEqual(
      expect.stringMatching(/question "pick" must have the options of en\.md.*a, b/),
    );
  });

  it('reports questions in a different order', () => {
    expect(messages(translation({}, body([FACT, PICK, CHECKLIST])))).toContainEqual(
      expect.stringContaining('in a different place than in en.md'),
    );
  });

  it('reports different checklist ids at the item that differs', () => {
    const source = correct.replace('- [ ] second:', '- [ ] kedua:');
    const error = errorWith(compileTranslation(source, english).errors, 'the checklist must have the items');
    expect(error.line).toBe(lineOf(source, 'kedua:'));
    expect(error.message).toContain('first, second');
  });

  it('reports a checklist item that is missing', () => {
    const source = correct.replace('- [ ] second: Buat itu.\n', '');
    expect(messages(source)).toEqual([expect.stringContaining('the checklist must have the items of en.md')]);
  });
});

describe('translation front matter', () => {
  // en.md has level beginner, minutes 5, reviewed 2026-11-20: a translation cannot say otherwise.
  it.each([
    ['level', 'advanced'],
    ['minutes', '10'],
    ['reviewed', '2025-01-01'],
  ])('refuses a "%s" of its own at its line: it comes from en.md', (field, value) => {
    const source = correct.replace('# (no source_hash)', `${field}: ${value}`);
    const error = errorWith(compileTranslation(source, english).errors, `"${field}" comes from en.md`);
    expect(error.line).toBe(7);
  });

  it('refuses an unknown status at its value', () => {
    const error = errorWith(
      compileTranslation(translation({ status: 'final' }, body()), english).errors,
      '"status" must be one of machine, draft, reviewed',
    );
    expect(error).toMatchObject({ line: 6, col: 9 });
  });
});

describe('source hash of an English lesson', () => {
  const BODY = [
    'Use a long passphrase made of random words.',
    'Keep it in a password manager.',
    '',
    '## Why',
    '',
    'Guessing is cheap for a computer.',
  ];
  const hashOf = (body: string[], fields: Parameters<typeof lesson>[0] = {}) =>
    compile(lesson(fields, body)).hash;
  const base = hashOf(BODY);

  it('is a hex hash a translation can record', () => {
    expect(base).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    [
      're-wrapped lines',
      ['Use a long passphrase', 'made of random words. Keep it in', 'a password manager.', ...BODY.slice(2)],
    ],
    ['trailing spaces', BODY.map((line) => `${line}   `)],
    ['blank lines', ['', ...BODY.slice(0, 3), '', '', ...BODY.slice(3), '', '']],
    ['indentation of a wrapped line', [BODY[0] as string, `  ${BODY[1]}`, ...BODY.slice(2)]],
  ])('stays the same after %s', (_, edited) => {
    expect(hashOf(edited)).toBe(base);
  });

  it('stays the same when the file is saved with Windows line endings', () => {
    const crlf = lesson({}, BODY).replaceAll('\n', '\r\n');
    expect(compile(crlf).hash).toBe(base);
  });

  it('changes when one word of the body, the title or the summary changes', () => {
    expect(hashOf(BODY.map((line) => line.replace('random', 'chosen')))).not.toBe(base);
    expect(hashOf(BODY, { title: 'Demo lessons' })).not.toBe(base);
    expect(hashOf(BODY, { summary: 'A lesson written by a person.' })).not.toBe(base);
  });

  it('keeps a stamped translation current after a re-wrap, and makes it stale after a changed word', () => {
    const stamped = translation({ source_hash: englishOf(BODY).hash }, ['Teks.']);
    const staleAfter = (body: string[]) =>
      compileTranslation(stamped, englishOf(body)).lesson?.translation?.stale;
    expect(
      staleAfter([
        'Use a long passphrase made of random words. Keep it',
        'in a password manager.',
        ...BODY.slice(2),
      ]),
    ).toBe(false);
    expect(staleAfter(BODY.map((line) => line.replace('cheap', 'easy')))).toBe(true);
  });
});
