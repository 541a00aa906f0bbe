/**
 * Malformed lessons, fuzzed: thousands of generated lessons and of random changes to the real
 * ones. Whatever an author (or a broken editor) writes, the compiler must not throw or run forever:
 * it either compiles the lesson or lists each problem as `path:line:col: message`, at a place that
 * exists in the file.
 *
 * Each compile runs in a worker thread with a watchdog (see ../fuzz.ts), so an input that makes the
 * compiler loop forever fails the test with that input. fast-check shrinks a failing input to a
 * small one and prints the seed that replays it (FUZZ_SEED=… replays, FUZZ_SCALE=… runs more).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type ContentError, formatError } from '../../src/compiler/errors.ts';
import {
  type CompiledLesson,
  compileLesson,
  type EnglishSource,
  type LessonSource,
} from '../../src/compiler/lesson.ts';
import { fuzzSettings, fuzzTimeout, returned, Watchdog } from '../fuzz.ts';

const LESSONS = 'lessons';
const NOT_LESSONS = new Set(['glossary', 'workshops', 'help']);
const LOCALES = ['en', 'hi', 'ms', 'ur'];
/** A compile of one modest input takes milliseconds; this long means it is not going to finish. */
const WATCHDOG_MS = 10_000;
/** Each property's own limit, well above its usual run time, so a slow machine is not a failure. */
const PROPERTY_TIMEOUT_MS = fuzzTimeout(60_000);

const compiler = new Watchdog(
  fileURLToPath(new URL('../../src/compiler/lesson.ts', import.meta.url)),
  WATCHDOG_MS,
);
afterAll(() => compiler.close());

const lessonIds = new Set(
  readdirSync(LESSONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_LESSONS.has(entry.name))
    .map((entry) => entry.name)
    .sort(),
);
const termIds = new Set(
  [...readFileSync(path.join(LESSONS, 'glossary', 'en.md'), 'utf8').matchAll(/^::: term ([a-z0-9-]+)/gm)].map(
    (match) => match[1] as string,
  ),
);

function input(source: string, folderId: string, locale: string, english?: EnglishSource): LessonSource {
  return {
    source,
    file: `${LESSONS}/${folderId}/${locale}.md`,
    folderId,
    locale,
    lessonIds,
    termIds,
    ...(english ? { english } : {}),
  };
}

/**
 * Every lesson file of a lessons folder, with the compiled English lesson a translation is checked
 * against (left out when en.md itself has errors).
 */
function lessonFiles(
  root: string,
): { id: string; locale: string; source: string; english?: EnglishSource }[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_LESSONS.has(entry.name))
    .map((entry) => entry.name)
    .sort();
  return folders.flatMap((id) => {
    const locales = LOCALES.filter((locale) => existsSync(path.join(root, id, `${locale}.md`)));
    const read = (locale: string) => readFileSync(path.join(root, id, `${locale}.md`), 'utf8');
    const en = compileLesson(input(read('en'), id, 'en'));
    const english = en.lesson && en.hash ? { lesson: en.lesson, hash: en.hash } : undefined;
    return locales
      .filter((locale) => locale === 'en' || english)
      .map((locale) => ({
        id,
        locale,
        source: read(locale),
        english: locale === 'en' ? undefined : english,
      }));
  });
}

/** The course's lessons in every language. */
const realLessons = lessonFiles(LESSONS);
/** Mutated too: the hostile lessons written to attack the compiler (some compile, some are refused). */
const hostileLessons = ['inert', 'refused'].flatMap((kind) => lessonFiles(`tests/fixtures/hostile/${kind}`));
const corpus = [...realLessons, ...hostileLessons];

/** The English lesson that generated translations claim to translate. */
const passwordsEnglish = realLessons.find((lesson) => lesson.id === 'passwords' && lesson.english)?.english;

/** The lines of a file as an editor numbers them (any of CRLF, LF or a lone CR ends a line). */
const editorLines = (source: string) => source.split(/\r\n|\r|\n/);

/**
 * The property every compile must have: no throw, no hang (both caught by `returned`), and either a
 * lesson or errors, each pointing at a real line and column of the file, with a one-line message.
 */
async function compilesOrReports(lesson: LessonSource): Promise<void> {
  const result = returned(await compiler.call<CompiledLesson>('compileLesson', lesson));
  const lines = editorLines(lesson.source);
  if (result.errors.length === 0) {
    expect(result.lesson, 'no errors, but no lesson either').not.toBeNull();
    // The build writes the lesson into the app as JSON.
    expect(() => JSON.stringify(result.lesson)).not.toThrow();
  }
  for (const error of result.errors) checkError(error, lesson.file, lines);
}

function checkError(error: ContentError, file: string, lines: readonly string[]): void {
  const where = `${formatError(error)}\n(the file has ${lines.length} lines)`;
  expect(error.file, where).toBe(file);
  // The line after the last one, column 1, is the end of the file (where text is missing).
  const endOfFile = error.line === lines.length + 1 && error.col === 1;
  expect(
    Number.isInteger(error.line) && error.line >= 1 && (error.line <= lines.length || endOfFile),
    where,
  ).toBe(true);
  const text = lines[error.line - 1] ?? '';
  // Column 1 is always allowed: it is where an error about a whole line (or an empty one) points.
  expect(Number.isInteger(error.col) && error.col >= 1 && error.col <= text.length + 1, where).toBe(true);
  expect(typeof error.message === 'string' && error.message.trim() !== '', where).toBe(true);
  // One error, one line of output: editors and terminals turn `path:line:col:` into a link.
  expect(formatError(error)).toBe(`${file}:${error.line}:${error.col}: ${error.message}`);
  expect(formatError(error), where).not.toMatch(/[\r\n]/);
}

// --- Generated lessons: plausible pieces put together in implausible ways ---------------------------

/** Characters that have broken parsers before: NUL, lone surrogates, direction controls, BOM, … */
const oddText = fc.constantFrom(
  '\0',
  '\uD800',
  '\uDFFF',
  '\uDC00x',
  '\u202E',
  '\u2066',
  '\u200F',
  '\uFEFF',
  '\u2028',
  '\u0085',
  '\t',
  '\r',
  '\x1b[31m',
  '\u0301',
  '😀',
  'ﷺ',
  'محفوظ رہیں',
  'सुरक्षित',
  'Aman dalam talian',
  '&#x202E;',
  '&#8238;',
  '&#0;',
  '&#xD800;',
  '&amp;',
  '\\',
  '`',
  '**',
  '_',
  '[',
  ']',
  '](',
  '<',
  '>',
  '&',
  '#',
  '|',
  '![',
  '{',
  '}',
  '"',
  "'",
  ':',
  ' - ',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
);
const word = fc.constantFrom(
  'password',
  'phone',
  'Signal',
  'backup',
  'a',
  'x',
  'q1',
  'lesson',
  'term',
  'Settings',
);
const text = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: word },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
      { weight: 2, arbitrary: oddText },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(' '));

const href = fc.oneof(
  fc.constantFrom(
    'https://example.org/path?q=1#x',
    'http://example.org',
    'https://',
    'mailto:someone@example.org',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java%09script:x',
    ' javascript:x',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'vbscript:x',
    'lesson:passwords',
    'lesson:no-such-lesson',
    'lesson:',
    'lesson:Passwords',
    'term:phishing',
    'term:not-a-term',
    'term:',
    '//example.org',
    '#top',
    '',
    'xn--80ak6aa92e.com',
    'https://xn--80ak6aa92e.com',
    'https://example.org/\u202Eexe.pdf',
    'https://exa mple.org',
    '<https://example.org>',
    'ftp://example.org',
    'tel:+100',
  ),
  fc.string({ maxLength: 12 }),
);
const inline = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: text },
      { weight: 2, arbitrary: fc.tuple(text, href).map(([label, to]) => `[${label}](${to})`) },
      { weight: 1, arbitrary: href.map((to) => `<${to}>`) },
      { weight: 1, arbitrary: fc.tuple(text, href).map(([alt, to]) => `![${alt}](${to})`) },
      { weight: 1, arbitrary: fc.tuple(text, href).map(([label, to]) => `[${label}][r]\n\n[r]: ${to}`) },
      { weight: 1, arbitrary: text.map((inner) => `**${inner}**`) },
      { weight: 1, arbitrary: text.map((inner) => `\`${inner}\``) },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(' '));

const id = fc.oneof(
  fc.constantFrom('q1', 'q2', 'a', 'b', 'c', 'lock', 'reuse', 'Q1', '1', '-x', 'a_b', 'é', 'x'.repeat(120)),
  fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
);
const mark = fc.constantFrom('[ ]', '[x]', '[X]', '[y]', '[]', '[  ]', '[x ]', '', '[x]]');
const option = fc
  .record({
    mark,
    id,
    colon: fc.constantFrom(':', '', '::', ' :'),
    label: inline,
    explanation: fc.option(inline),
    bullet: fc.constantFrom('- ', '* ', '+ ', '1. ', '-', '  - '),
  })
  .map(({ mark: box, id: optionId, colon, label, explanation, bullet }) => [
    `${bullet}${box} ${optionId}${colon} ${label}`,
    ...(explanation === null ? [] : [`  > ${explanation}`]),
  ]);

const questionType = fc.constantFrom('single', 'multiple', 'true-false', 'Single', 'choice', '');
const question = fc
  .record({
    type: questionType,
    id,
    extra: fc.constantFrom('', '', ' extra', ' q1 q2'),
    prompt: fc.option(inline),
    blank: fc.boolean(),
    options: fc.array(option, { maxLength: 5 }),
    after: fc.option(inline),
    closed: fc.constantFrom(true, true, true, false),
  })
  .map(({ type, id: questionId, extra, prompt, blank, options, after, closed }) => [
    `::: question ${type} ${questionId}${extra}`,
    ...(prompt === null ? [] : [prompt]),
    ...(blank ? [''] : []),
    ...options.flat(),
    ...(after === null ? [] : ['', after]),
    ...(closed ? [':::'] : []),
  ]);

const checklist = fc
  .record({ items: fc.array(option, { maxLength: 4 }), closed: fc.boolean() })
  .map(({ items, closed }) => ['::: checklist', ...items.flat(), ...(closed ? [':::'] : [])]);

const containerKind = fc.constantFrom(
  'tip',
  'warning',
  'trainer',
  'TIP',
  'note',
  'term',
  'checklist',
  'question',
  '',
  'tip extra words',
  '-tip',
);

/** A block of lines; containers hold blocks of their own, a few levels deep. */
const { block } = fc.letrec<{ block: string[] }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.array(inline, { minLength: 1, maxLength: 3 }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 7 }), inline)
        .map(([level, title]) => [`${'#'.repeat(level)} ${title}`]),
    },
    {
      weight: 2,
      arbitrary: fc.array(
        fc
          .tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '+ '), fc.nat({ max: 8 }), inline)
          .map(([bullet, indent, item]) => `${' '.repeat(indent)}${bullet}${item}`),
        { minLength: 1, maxLength: 5 },
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('> ', '- ', '> - ', '1. '), inline)
        .map(([depth, marker, deepest]) => [`${marker.repeat(depth)}${deepest}`]),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('```', '~~~', '````'), text, fc.array(text, { maxLength: 3 }), fc.boolean())
        .map(([fence, info, body, closed]) => [`${fence}${info}`, ...body, ...(closed ? [fence] : [])]),
    },
    { weight: 2, arbitrary: question },
    { weight: 1, arbitrary: checklist },
    {
      weight: 2,
      arbitrary: fc
        .record({
          kind: containerKind,
          spacing: fc.constantFrom(' ', '', '\t', '   '),
          indent: fc.constantFrom('', '', ' ', '    '),
          inner: fc.array(tie('block'), { maxLength: 3 }),
          closer: fc.constantFrom(':::', ':::', '::: ', '::::', ':::tip', ''),
        })
        .map(({ kind, spacing, indent, inner, closer }) => [
          `${indent}:::${spacing}${kind}`,
          ...inner.flatMap((lines) => [...lines, '']),
          closer,
        ]),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          ':::',
          '---',
          '***',
          '===',
          '    indented code',
          '| a | b |\n|---|---|\n| 1 | 2 |',
          '<div>',
          '[r]: https://example.org "title"',
          '\\',
          '',
          '   ',
          '\t\t:::',
        )
        .map((line) => [line]),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(inline, oddText), fc.integer({ min: 50, max: 400 }))
        .map(([piece, times]) => [piece.repeat(times).slice(0, 6000)]),
    },
  ),
}));

const fieldName = fc.constantFrom(
  'id',
  'title',
  'summary',
  'level',
  'minutes',
  'reviewed',
  'tags',
  'status',
  'source_hash',
  'extra',
  'Title',
  '"id"',
  '? id',
  '<<',
  '',
);
const fieldValue = fc.oneof(
  fc.constantFrom(
    'demo',
    'A lesson title',
    'beginner',
    'advanced',
    '5',
    '2026-11-20',
    '[testing, demo]',
    'draft',
    'reviewed',
    '0123abcd',
    '',
    '~',
    'null',
    '0',
    '-1',
    '601',
    '1e3',
    '0x10',
    '5.5',
    '"\\u202E"',
    '"\\U0000202E"',
    '"\\x00"',
    '"\\uD800"',
    "'it''s'",
    '|\n  a block\n  of text',
    '>-\n  folded',
    '[unclosed',
    '{a: 1}',
    '&anchor value',
    '*anchor',
    '!!binary aGk=',
    '!!js/function x',
    '!custom x',
    '2026-02-30',
    '20261120',
    '[1, [2]]',
    '[,]',
    '\n  - a\n  - b',
    'a: b: c',
    '"unclosed',
    '\t tab',
    '@reserved',
    '%YAML 1.2',
    '`tick`',
  ),
  text,
);
const frontMatter = fc
  .record({
    open: fc.constantFrom('---', '---', '---', '--- ', '', '----'),
    fields: fc.array(
      fc
        .tuple(fieldName, fc.constantFrom(': ', ':', ' : ', ':\t'), fieldValue)
        .map(([name, colon, value]) => `${name}${colon}${value}`),
      { maxLength: 9 },
    ),
    close: fc.constantFrom('---', '---', '---', '', '...', ' ---'),
  })
  .map(({ open, fields, close }) => [open, ...fields, close]);

/** A valid front matter, so that the body is read too. */
const validFrontMatter = fc.constant([
  '---',
  'id: demo',
  'title: A lesson title',
  'summary: A lesson made up by a test.',
  'level: beginner',
  'minutes: 5',
  'reviewed: 2026-11-20',
  'tags: [testing]',
  '---',
]);

const lineEnding = fc.constantFrom('\n', '\n', '\r\n', 'mixed', '\r');
const generated = fc
  .record({
    head: fc.oneof(validFrontMatter, frontMatter),
    body: fc.array(block, { maxLength: 8 }),
    ending: lineEnding,
    finalNewline: fc.boolean(),
    bom: fc.constantFrom(false, false, false, true),
    as: fc.constantFrom('en', 'en', 'en', 'ur', 'hi-translation', 'ur-translation'),
  })
  .map(({ head, body, ending, finalNewline, bom, as }) => {
    const lines = [...head, ...body.flatMap((lines) => [...lines, ''])];
    const joined = lines
      .map((line, index) => line + (ending === 'mixed' ? (index % 3 === 0 ? '\r\n' : '\n') : ending))
      .join('');
    const source = (bom ? '\uFEFF' : '') + (finalNewline ? joined : joined.replace(/(\r\n|\r|\n)$/, ''));
    return { source, as };
  });

/** Compiles a generated source as an English lesson, or as a translation of a real lesson. */
function generatedInput(source: string, as: string): LessonSource {
  if (as === 'en' || as === 'ur') return input(source, 'demo', as);
  return input(source, 'passwords', as.slice(0, 2), passwordsEnglish);
}

// --- Mutations of the real lessons -----------------------------------------------------------------

const insertedLine = fc.oneof(
  fc.constantFrom(
    ':::',
    '---',
    '::: question single q',
    '::: question multiple',
    '::: checklist',
    '::: tip',
    '::: trainer',
    '- [x] a: b',
    '- [ ] a: b',
    '  > why',
    '```',
    '# ',
    '',
    `${'> '.repeat(30)}deep`,
    'title: Another title',
    '[x](javascript:alert(1))',
    '[x](lesson:nowhere)',
    '\u202E',
  ),
  text,
);

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'indent' | 'dedent'; line: number }
  | { kind: 'delete-range'; line: number; count: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'insert-line'; line: number; text: string }
  | { kind: 'insert-text'; line: number; col: number; text: string }
  | { kind: 'replace-char'; line: number; col: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'crlf' };

const position = fc.nat({ max: 100_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent'), line: position }),
  fc.record({ kind: fc.constant('delete-range'), line: position, count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('swap'), line: position, other: position }),
  fc.record({ kind: fc.constant('insert-line'), line: position, text: insertedLine }),
  fc.record({
    kind: fc.constant('insert-text'),
    line: position,
    col: position,
    text: fc.oneof(oddText, text, fc.constantFrom(':::', '---', '](', '[x]', '> ')),
  }),
  fc.record({ kind: fc.constant('replace-char'), line: position, col: position, text: oddText }),
  fc.record({ kind: fc.constant('truncate'), at: position }),
  fc.record({ kind: fc.constant('crlf') }),
) as fc.Arbitrary<Mutation>;

/** Applies the mutations in order; positions wrap around the current length. */
function mutate(source: string, mutations: readonly Mutation[]): string {
  let lines = source.split('\n');
  const at = (n: number) => (lines.length === 0 ? 0 : n % lines.length);
  for (const change of mutations) {
    switch (change.kind) {
      case 'delete':
        lines.splice(at(change.line), 1);
        break;
      case 'delete-range':
        lines.splice(at(change.line), change.count);
        break;
      case 'duplicate':
        lines.splice(at(change.line), 0, lines[at(change.line)] ?? '');
        break;
      case 'indent':
        lines[at(change.line)] = `  ${lines[at(change.line)] ?? ''}`;
        break;
      case 'dedent':
        lines[at(change.line)] = (lines[at(change.line)] ?? '').trimStart();
        break;
      case 'swap': {
        const [a, b] = [at(change.line), at(change.other)];
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        break;
      }
      case 'insert-line':
        lines.splice(at(change.line), 0, change.text);
        break;
      case 'insert-text':
      case 'replace-char': {
        const line = lines[at(change.line)] ?? '';
        const col = change.col % (line.length + 1);
        const cut = change.kind === 'replace-char' ? 1 : 0;
        lines[at(change.line)] = line.slice(0, col) + change.text + line.slice(col + cut);
        break;
      }
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, change.at % (joined.length + 1)).split('\n');
        break;
      }
      case 'crlf':
        lines = lines.join('\n').replace(/\n/g, '\r\n').split('\n');
        break;
    }
  }
  return lines.join('\n');
}

/** Inputs that once broke the property; they run first, every time. */
const FOUND = [
  // After a YAML syntax error inside [ ], the YAML library lost count of lines.
  '---\n  [a](b).\nid: x\nsummary: a long line of text\n---\nText.\n',
  // Old Mac line endings (a lone CR): markdown-it counts them as line breaks, so the compiler must too.
  '---\rid: demo\rtitle: T\rsummary: S\rlevel: beginner\rminutes: 5\rreviewed: 2026-11-20\rtags: [a]\r---\rSome text &#8238;\r',
  // A multi-line value quoted in a message made the error two lines long.
  '---\nid: |\n  a block\n  of text\n---\nText.\n',
];

// --- The properties --------------------------------------------------------------------------------

describe('the watchdog', () => {
  it('stops a call that never returns, and reports a throw as a throw', async () => {
    const code =
      'export const spin = () => { for (;;) {} }; export const fail = () => { throw new RangeError("boom"); };';
    const watchdog = new Watchdog(`data:text/javascript,${encodeURIComponent(code)}`, 500);
    try {
      expect(await watchdog.call('spin')).toMatchObject({ kind: 'hung' });
      expect(await watchdog.call('fail')).toMatchObject({
        kind: 'threw',
        error: expect.stringContaining('RangeError: boom'),
      });
    } finally {
      await watchdog.close();
    }
  });
});

describe('the lesson compiler, fed malformed lessons', () => {
  it('has real and hostile lessons to mutate, and the English of each translation', () => {
    expect(realLessons.length).toBeGreaterThanOrEqual(4 * 16);
    expect(hostileLessons.length).toBeGreaterThanOrEqual(10);
    for (const lesson of realLessons) if (lesson.locale !== 'en') expect(lesson.english).toBeDefined();
  });

  it(
    'compiles or reports path:line:col errors for generated lessons',
    async () => {
      await fc.assert(
        fc.asyncProperty(generated, ({ source, as }) => compilesOrReports(generatedInput(source, as))),
        { ...fuzzSettings(1500), examples: FOUND.map((source) => [{ source, as: 'en' }]) },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'compiles or reports path:line:col errors for real and hostile lessons with lines deleted, moved or garbled',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: corpus.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          (index, mutations) => {
            const lesson = corpus[index];
            if (!lesson) throw new Error(`no lesson ${index}`);
            const source = mutate(lesson.source, mutations);
            return compilesOrReports(input(source, lesson.id, lesson.locale, lesson.english));
          },
        ),
        fuzzSettings(700),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
