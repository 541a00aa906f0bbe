/** Right-to-left lessons: direction controls are refused; Latin runs in Urdu are isolated with <bdi dir="ltr">. */
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { createMarkdown } from '../../src/compiler/markdown.ts';
import { lessonsDir } from '../../src/compiler/options.ts';
import { searchDocuments } from '../../src/compiler/search-index.ts';
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
  it('wraps a Latin word in <bdi dir="ltr">', () => {
    expect(urdu).toContain('اپنے فون پر <bdi dir="ltr">Signal</bdi> کھولیں');
  });

  it('keeps a menu path as one <bdi dir="ltr"> run, not split at " > "', () => {
    expect(urdu).toContain('<em><bdi dir="ltr">Settings &gt; Privacy</bdi></em>');
    expect(urdu).toContain('<em><bdi dir="ltr">Settings &gt; Privacy &gt; Screen Lock</bdi></em>');
    expect(urdu).not.toContain('<bdi dir="ltr">Privacy</bdi>');
    expect(urdu).not.toContain('<bdi dir="ltr">Settings</bdi>');
  });

  it('wraps Latin link text in <bdi dir="ltr"> inside the link', () => {
    expect(urdu).toMatch(
      /<a href="https:\/\/support\.signal\.org\/"[^>]*><bdi dir="ltr">Signal support pages<\/bdi><\/a>/,
    );
  });

  it('marks inline code and code blocks left to right, without <bdi dir="ltr"> inside', () => {
    expect(urdu).toContain('<code dir="ltr">adb devices</code>');
    expect(urdu).toMatch(/<pre><code dir="ltr">adb devices\n<\/code><\/pre>/);
  });

  it('isolates numbers too, which a hyphen or a colon would otherwise turn round', () => {
    expect(urdu).toContain('پڑھیں۔ <bdi dir="ltr">2</bdi> منٹ میں');
  });

  it('wraps Latin runs in options and checklist items too', () => {
    expect(urdu).toContain('<bdi dir="ltr">SMS</bdi>');
    expect(urdu).toContain('<bdi dir="ltr">Signal</bdi> میں <bdi dir="ltr">Screen Lock</bdi> آن کریں۔');
  });
});

describe('left-to-right lessons', () => {
  it('have no <bdi dir="ltr"> and no dir attribute in English', () => {
    const en = html(english.lesson.blocks);
    expect(en).toContain('<em>Settings &gt; Privacy</em>');
    expect(en).toContain('<code>adb devices</code>');
    expect(en).not.toContain('<bdi');
    expect(en).not.toContain('dir=');
  });

  it('have no <bdi dir="ltr"> and no dir attribute in Hindi, even around Latin words', () => {
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

describe('a Latin expression inside Urdu text', () => {
  const md = createMarkdown();
  const rtl = (source: string) => md.render(source, { rtl: true });
  const isolated = (html: string) =>
    [...html.matchAll(/<bdi dir="ltr">([^<]*)<\/bdi>/g)].map((m) => m[1]?.replaceAll('&gt;', '>'));

  it('keeps hyphenated digits, a phone number and a time together', () => {
    expect(isolated(rtl('بیک اپ کا 3-2-1 اصول، فون 0800-39393 پر صبح 9:00 سے'))).toEqual([
      '3-2-1',
      '0800-39393',
      '9:00',
    ]);
  });

  it('keeps the marks written against it, at either end', () => {
    expect(
      isolated(
        rtl('پاس ورڈ Merdeka1957! کمزور ہے، ٹیگ #KeepItOn دیکھیں، پتہ example.org/ اور Wait... اور Signal?'),
      ),
    ).toEqual(['Merdeka1957!', '#KeepItOn', 'example.org/', 'Wait...', 'Signal?']);
  });

  it('leaves a full stop after a number alone to the sentence, as in a list number', () => {
    expect(isolated(rtl('قدم 2. آتھنٹیکیٹر ایپس، 50% لوگ'))).toEqual(['2', '50%']);
  });

  it('is one expression across a line break of the source', () => {
    expect(isolated(rtl('پاکستان کا National Commission\nfor Human Rights اور *Sign\nout* دبائیں'))).toEqual([
      'National Commission for Human Rights',
      'Sign out',
    ]);
  });

  it('keeps a menu path with brackets or a menu button as one expression', () => {
    expect(isolated(rtl('*Settings > [your name] > iCloud* اور *⋮ > Linked devices* کھولیں'))).toEqual([
      'Settings > [your name] > iCloud',
      '⋮ > Linked devices',
    ]);
  });

  it('leaves out a bracket whose partner is outside it, and Urdu punctuation', () => {
    expect(isolated(rtl('(Signal اور WhatsApp) میں «Signal»، WhatsApp۔'))).toEqual([
      'Signal',
      'WhatsApp',
      'Signal',
      'WhatsApp',
    ]);
  });

  it('is isolated as a whole when emphasis, a link or code splits it', () => {
    const html = rtl('اسے Settings > **Advanced Protection** میں اور `adb` > Developer میں دیکھیں');
    expect(html).toContain(
      '\u2066<bdi dir="ltr">Settings &gt; </bdi><strong><bdi dir="ltr">Advanced Protection</bdi>\u2069</strong>',
    );
    expect(html).toContain('\u2066<code dir="ltr">adb</code><bdi dir="ltr"> &gt; Developer</bdi>\u2069');
  });
});

describe('the Urdu search index', () => {
  it('holds the words of an isolated expression without the isolates around them', () => {
    const course = compileCourse(lessonsDir());
    const text = searchDocuments(course, 'ur')
      .map((doc) => `${doc.heading} ${doc.text}`)
      .join(' ');
    expect(text).not.toMatch(/[\u2066-\u2069]/);
    expect(text).toContain('Settings > [your name]');
  }, 60_000);
});
