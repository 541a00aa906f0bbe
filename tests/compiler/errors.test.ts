/** Body errors (blocks, links, images, empty lessons), and how errors are reported together. */
import { describe, expect, it } from 'vitest';
import { type ContentError, formatError, sortErrors } from '../../src/compiler/errors.ts';
import { compile, lesson, onlyError, positions, question, TWO_OPTIONS } from './helpers.ts';

describe('block errors', () => {
  it('reports an unknown block kind at the kind', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          'Some text.', // 10
          '', // 11
          '::: note', // 12
          'Remember this.', // 13
          ':::', // 14
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 12, col: 5 });
    expect(error.message).toContain(
      'unknown block "note": use tip, warning, trainer, checklist, question or law',
    );
  });

  it('reports a block left open at the end of the file, at its opening line', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          'Some text.', // 10
          '', // 11
          '::: tip', // 12
          'A tip that never ends.', // 13
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 12, col: 1 });
    expect(error.message).toContain('the "tip" block is not closed');
  });

  it('reports a block left open when the next block starts, and still reads the next block', () => {
    const result = compile(
      lesson({}, [
        '::: warning', // 10
        'A warning that is not closed.', // 11
        '', // 12
        '::: tip', // 13
        'A tip.', // 14
        ':::', // 15
      ]),
    );
    const error = onlyError(result);
    expect(error).toMatchObject({ line: 10, col: 1 });
    expect(error.message).toContain('the "warning" block is not closed');
    expect(result.lesson?.blocks.map((block) => block.kind === 'callout' && block.tone)).toEqual([
      'warning',
      'tip',
    ]);
  });

  it("reports a stray ':::' that closes nothing", () => {
    const error = onlyError(
      compile(
        lesson({}, [
          'Some text.', // 10
          '', // 11
          ':::', // 12
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 12, col: 1 });
    expect(error.message).toContain("':::' closes a block, but no block is open here");
  });
});

describe('link and image errors', () => {
  it('reports a link to a lesson that does not exist, at the link target', () => {
    const result = compile(lesson({}, ['Read [the next lesson](lesson:missing) now.']));
    const error = onlyError(result);
    expect(error).toMatchObject({ line: 10, col: 24 });
    expect(error.message).toContain('link to a lesson that does not exist: "missing"');
  });

  it('accepts a link to a lesson that exists', () => {
    expect(compile(lesson({}, ['Read [it](lesson:other-lesson).'])).errors).toEqual([]);
  });

  it.each([
    ['[x](javascript:alert(1))', 'javascript', 5],
    ['[x](JaVaScript:alert(1))', 'javascript', 5],
    ['[x](   javascript:alert(1))', 'javascript', 8],
    ['[x](<  javascript:alert(1)>)', 'javascript', 8],
    ['[x](<\tJAVASCRIPT:alert(1)>)', 'javascript', 7],
    ['[x](vbscript:msgbox(1))', 'vbscript', 5],
    ['[x](VBScript:msgbox(1))', 'vbscript', 5],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'data', 5],
    ['[x](<  DATA:text/html,hi>)', 'data', 8],
    ['<javascript:alert(1)>', 'javascript', 2],
  ])('refuses the link %s', (line, scheme, col) => {
    const result = compile(lesson({}, [line]));
    const error = onlyError(result);
    expect(error).toMatchObject({ line: 10, col });
    expect(error.message).toBe(`links starting with "${scheme}:" are not allowed`);
    const html = result.lesson?.blocks[0]?.kind === 'html' ? result.lesson.blocks[0].html : '';
    expect(html).not.toMatch(new RegExp(`href="\\s*${scheme}:`, 'i'));
  });

  it('refuses such links in option text and explanations too', () => {
    const result = compile(
      lesson({}, [
        ...question('single where', [
          '- [x] a: [Open](javascript:alert(1))', // 13
          '  > See [this](data:text/html,hi).', // 14
          '- [ ] b: B', // 15
          '  > No.', // 16
        ]),
      ]),
    );
    expect(positions(result.errors)).toEqual([
      '13:17: links starting with "javascript:" are not allowed',
      '14:16: links starting with "data:" are not allowed',
    ]);
  });

  it('reports an image, at the image', () => {
    const error = onlyError(
      compile(
        lesson({}, [
          'Some text.', // 10
          '', // 11
          '![A diagram](diagram.png)', // 12
        ]),
      ),
    );
    expect(error).toMatchObject({ line: 12, col: 14 });
    expect(error.message).toContain('images are not supported');
  });
});

describe('empty lessons', () => {
  it('reports a lesson with only front matter, on the line after it', () => {
    const error = onlyError(compile(lesson({}, [])));
    expect(error).toMatchObject({ line: 10, col: 1 });
    expect(error.message).toContain('the lesson is empty');
  });
});

describe('all problems in one run', () => {
  const source = lesson({ level: 'expert' }, [
    'Read [this](javascript:alert(1)).', // 10
    '', // 11
    '::: note', // 12
    'Hello.', // 13
    ':::', // 14
    '', // 15
    ...question('single none', [
      '- [ ] a: A', // 19
      '  > No.', // 20
      '- [ ] b: B', // 21
      '  > No.', // 22
    ]), // 16–23
    '', // 24
    ...question('single none', TWO_OPTIONS), // 25–32
    '', // 33
    ':::', // 34
  ]);

  it('reports every problem, not only the first, sorted by line with sortErrors', () => {
    const result = compile(source);
    const sorted = sortErrors(result.errors);
    expect(positions(sorted)).toEqual([
      expect.stringMatching(/^5:8: "level" must be one of/),
      expect.stringMatching(/^10:13: links starting with "javascript:"/),
      expect.stringMatching(/^12:5: unknown block "note"/),
      expect.stringMatching(/^16:1: question "none" has no correct answer/),
      expect.stringMatching(/^25:21: id "none" is already used on line 16/),
      expect.stringMatching(/^34:1: ':::' closes a block/),
    ]);
  });

  it('sorts by file, then line, then column', () => {
    const at = (file: string, line: number, col: number): ContentError => ({ file, line, col, message: 'm' });
    const errors = [at('b.md', 1, 1), at('a.md', 9, 2), at('a.md', 9, 1), at('a.md', 2, 5)];
    expect(sortErrors(errors).map((e) => `${e.file}:${e.line}:${e.col}`)).toEqual([
      'a.md:2:5',
      'a.md:9:1',
      'a.md:9:2',
      'b.md:1:1',
    ]);
    expect(errors[0]?.file).toBe('b.md');
  });

  it('formats an error as path:line:col: message', () => {
    expect(formatError({ file: 'lessons/passwords/en.md', line: 42, col: 3, message: 'oops' })).toBe(
      'lessons/passwords/en.md:42:3: oops',
    );
    const [first] = sortErrors(compile(source).errors);
    expect(first && formatError(first)).toBe(
      'lessons/demo/en.md:5:8: "level" must be one of beginner, intermediate, advanced',
    );
  });
});
