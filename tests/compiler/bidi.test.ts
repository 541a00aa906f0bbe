/** Right-to-left lessons: direction controls are refused; Latin runs in Urdu are isolated with <bdi>. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/types.ts';
import { BODY_LINE, compile, errorWith, lesson, positions, question } from './helpers.ts';
import {
  compileTranslation,
  englishOf,
  lineOf,
  TRANSLATION_BODY_LINE,
  translation,
} from './translation-helpers.ts';

/** Every HTML string a learner's browser would render for these blocks. */
function html(blocks: readonly Block[] | undefined): string {
  return (blocks ?? [])
    .flatMap((block) => {
      if (block.kind === 'quiz')
        return block.questions.flatMap((q) => [
          q.prompt,
          ...q.options.flatMap((o) => [o.html, o.explanation]),
        ]);
      return block.kind === 'checklist' ? block.items.map((item) => item.html) : [block.html];
    })
    .join('\n');
}

const FENCE = ['```', 'adb devices', '```'];
const english = englishOf([
  'Open Signal, then go to *Settings > Privacy*. Read the [Signal support pages](https://support.signal.org/).',
  'Type `adb devices` in 2 minutes.',
  '',
  ...FENCE,
  '',
  ...question('single app', ['- [x] signal: Signal', '  > Yes.', '- [ ] sms: SMS', '  > No.'], 'Which app?'),
  '',
  '::: checklist',
  '- [ ] lock: Turn on Screen Lock in Signal.',
  ':::',
]);

function translated(locale: string, lines: string[]) {
  const result = compileTranslation(translation({}, lines), english, locale);
  expect(positions(result.errors)).toEqual([]);
  return html(result.lesson?.blocks);
}

const urdu = translated('ur', [
  'اپنے فون پر Signal کھولیں، پھر *Settings > Privacy* پر جائیں۔ [Signal support pages](https://support.signal.org/) پڑھیں۔',
  '2 منٹ میں `adb devices` لکھیں۔ مینو *Settings > Privacy > Screen Lock* ہے۔',
  '',
  ...FENCE,
  '',
  ...question(
    'single app',
    ['- [x] signal: Signal', '  > جی ہاں۔', '- [ ] sms: SMS', '  > نہیں۔'],
    'کون سی ایپ؟',
  ),
  '',
  '::: checklist',
  '- [ ] lock: Signal میں Screen Lock آن کریں۔',
  ':::',
]);

describe('an Urdu lesson', () => {
  it('wraps a Latin word in <bdi>', () => {
    expect(urdu).toContain('اپنے فون پر <bdi>Signal</bdi> کھولیں');
  });

  it('keeps a menu path as one <bdi> run, not split at " > "', () => {
    expect(urdu).toContain('<em><bdi>Settings &gt; Privacy</bdi></em>');
    expect(urdu).toContain('<em><bdi>Settings &gt; Privacy &gt; Screen Lock</bdi></em>');
    expect(urdu).not.toContain('<bdi>Privacy</bdi>');
    expect(urdu).not.toContain('<bdi>Settings</bdi>');
  });

  it('wraps Latin link text in <bdi> inside the link', () => {
    expect(urdu).toMatch(
      /<a href="https:\/\/support\.signal\.org\/"[^>]*><bdi>Signal support pages<\/bdi><\/a>/,
    );
  });

  it('marks inline code and code blocks left to right, without <bdi> inside', () => {
    expect(urdu).toContain('<code dir="ltr">adb devices</code>');
    expect(urdu).toMatch(/<pre><code dir="ltr">adb devices\n<\/code><\/pre>/);
  });

  it('does not wrap plain numbers', () => {
    expect(urdu).toContain('پڑھیں۔\n2 منٹ میں');
    expect(urdu).not.toMatch(/<bdi>\d+<\/bdi>/);
  });

  it('wraps Latin runs in options and checklist items too', () => {
    expect(urdu).toContain('<bdi>SMS</bdi>');
    expect(urdu).toContain('<bdi>Signal</bdi> میں <bdi>Screen Lock</bdi> آن کریں۔');
  });
});

describe('left-to-right lessons', () => {
  it('have no <bdi> and no dir attribute in English', () => {
    const en = html(english.lesson.blocks);
    expect(en).toContain('<em>Settings &gt; Privacy</em>');
    expect(en).toContain('<code>adb devices</code>');
    expect(en).not.toContain('<bdi');
    expect(en).not.toContain('dir=');
  });

  it('have no <bdi> and no dir attribute in Hindi, even around Latin words', () => {
    const hi = translated('hi', [
      'अपने फ़ोन पर Signal खोलें, फिर *Settings > Privacy* पर जाएँ। [Signal support pages](https://support.signal.org/) पढ़ें।',
      '2 मिनट में `adb devices` लिखें।',
      '',
      ...FENCE,
      '',
      ...question(
        'single app',
        ['- [x] signal: Signal', '  > हाँ।', '- [ ] sms: SMS', '  > नहीं।'],
        'कौन-सा ऐप?',
      ),
      '',
      '::: checklist',
      '- [ ] lock: Signal में Screen Lock चालू करें।',
      ':::',
    ]);
    expect(hi).toContain('<em>Settings &gt; Privacy</em>');
    expect(hi).not.toContain('<bdi');
    expect(hi).not.toContain('dir=');
  });
});

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E'];
const hex = (char: string) => `U+${char.codePointAt(0)?.toString(16).toUpperCase()}`;

describe('invisible direction controls (U+202A to U+202E)', () => {
  it.each(CONTROLS.map((char) => [hex(char), char]))(
    '%s in an English body is an error at its line and column',
    (code, char) => {
      const result = compile(lesson({}, ['First line.', `Open the app${char} and check.`]));
      const error = errorWith(result.errors, code);
      expect(error).toMatchObject({ line: BODY_LINE + 1, col: 13 });
      expect(error.message).toContain('direction control');
    },
  );

  it('is an error in the front matter, at the line of the title', () => {
    const error = errorWith(compile(lesson({ title: 'Demo\u202E lesson' }, ['Text.'])).errors, 'U+202E');
    expect(error).toMatchObject({ line: 3, col: 12 });
  });

  it('is an error in an Urdu translation, counting Urdu letters as columns', () => {
    const before = 'اپنے فون پر Signal';
    const source = translation({}, ['پہلی سطر۔', '', `${before}\u202B کھولیں۔`]);
    const error = errorWith(compileTranslation(source, english, 'ur').errors, 'U+202B');
    expect(error).toMatchObject({ line: TRANSLATION_BODY_LINE + 2, col: before.length + 1 });
    expect(before.length + 1).toBe(19);
  });

  it('reports each control on a line, and one inside an option at its own line', () => {
    const source = lesson({}, [
      '\u202Dab\u202C',
      '',
      ...question('single pick', ['- [x] a: Right\u202E', '  > Yes.', '- [ ] b: Wrong', '  > No.']),
    ]);
    const errors = compile(source).errors.filter((error) => error.message.includes('direction control'));
    expect(errors.map((error) => `${error.line}:${error.col}`)).toEqual([
      `${BODY_LINE}:1`,
      `${BODY_LINE}:4`,
      `${lineOf(source, 'a: Right')}:15`,
    ]);
  });

  it('leaves a clean Urdu lesson without errors', () => {
    const result = compileTranslation(
      translation({}, ['اپنے فون پر Signal کھولیں۔']),
      englishOf(['Open Signal.']),
      'ur',
    );
    expect(positions(result.errors)).toEqual([]);
  });
});
