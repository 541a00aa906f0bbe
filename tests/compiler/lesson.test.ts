import { describe, expect, it } from 'vitest';
import type { Block, Question } from '../../src/shared/types.ts';
import { compile, fixture, lesson, positions, question, TWO_OPTIONS } from './helpers.ts';

const LESSON_IDS = ['every-block', 'first-steps'];
const source = fixture('course-valid/every-block/en.md');
const compileFixture = (locale = 'en') =>
  compile(source, { folderId: 'every-block', locale, lessonIds: LESSON_IDS });

/** Every HTML string a learner's browser would render. */
function allHtml(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'quiz') {
      return block.questions.flatMap((q) => [q.prompt, ...q.options.flatMap((o) => [o.html, o.explanation])]);
    }
    if (block.kind === 'checklist') return block.items.map((item) => item.html);
    return [block.html];
  });
}

describe('compileLesson on a complete valid lesson', () => {
  const result = compileFixture();
  const blocks = result.lesson?.blocks ?? [];
  const quiz = blocks.find((block) => block.kind === 'quiz');
  const questions: Question[] = quiz?.kind === 'quiz' ? quiz.questions : [];

  it('reports no errors', () => {
    expect(positions(result.errors)).toEqual([]);
  });

  it('keeps the front matter fields and the locale', () => {
    expect(result.lesson).toMatchObject({
      id: 'every-block',
      locale: 'en',
      title: 'Every kind of block',
      summary: 'One short lesson that uses every block, every question type and every kind of link.',
      level: 'intermediate',
      minutes: 12,
      reviewed: '2026-11-20',
      tags: ['example', 'testing'],
    });
  });

  it('gives the blocks in reading order, with consecutive questions in one quiz', () => {
    expect(blocks.map((block) => (block.kind === 'callout' ? `callout:${block.tone}` : block.kind))).toEqual([
      'html',
      'callout:tip',
      'callout:warning',
      'trainer',
      'quiz',
      'checklist',
    ]);
    expect(questions.map((q) => `${q.type} ${q.id}`)).toEqual([
      'single lock',
      'multiple metadata',
      'true-false reuse',
    ]);
  });

  it('renders the body text with its inline formatting', () => {
    const html = blocks[0]?.kind === 'html' ? blocks[0].html : '';
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<code>code</code>');
    expect(blocks[1]).toEqual({
      kind: 'callout',
      tone: 'tip',
      html: '<p>A long passphrase is <em>easier</em> to type than a short jumble.</p>\n',
    });
    expect(blocks[2]).toMatchObject({ kind: 'callout', tone: 'warning' });
    expect(blocks[3]).toEqual({
      kind: 'trainer',
      html: '<p>Ask the group how many different passwords they use. Keep it anonymous.</p>\n',
    });
  });

  it('reads each question: prompt, options, correct flags and explanations', () => {
    const [single, multiple, trueFalse] = questions;
    expect(single?.prompt).toBe('Your phone is taken at a checkpoint. What protects your messages best?');
    expect(single?.options.map((o) => [o.id, o.correct])).toEqual([
      ['delete', false],
      ['lock', true],
    ]);
    expect(single?.options[0]?.explanation).toBe(
      '<p>The messages may still be on the phone or in a backup.</p>\n',
    );
    expect(single?.options[1]?.html).toBe('A strong screen lock and disappearing messages');
    expect(multiple?.prompt).toBe('Which of these are <strong>metadata</strong>?');
    expect(multiple?.options.map((o) => [o.id, o.correct])).toEqual([
      ['who', true],
      ['when', true],
      ['words', false],
    ]);
    expect(multiple?.options[2]?.explanation).toBe('<p>No: that is the content of the message.</p>\n');
    expect(trueFalse?.options.map((o) => [o.id, o.html, o.correct])).toEqual([
      ['true', 'True', false],
      ['false', 'False', true],
    ]);
    expect(trueFalse?.options[1]?.explanation).toBe('<p>Right: one leak would open every account.</p>\n');
  });

  it('lists question and checklist ids in order', () => {
    expect(result.questions).toEqual(['lock', 'metadata', 'reuse']);
    expect(result.checklist).toEqual(['count', 'manager']);
    const checklist = blocks.find((block) => block.kind === 'checklist');
    expect(checklist?.kind === 'checklist' && checklist.items.map((item) => item.id)).toEqual([
      'count',
      'manager',
    ]);
  });

  it('opens external links in a new tab without giving the page access to the app', () => {
    const all = allHtml(blocks).join('\n');
    expect(all).toContain(
      '<a href="https://ssd.eff.org/" target="_blank" rel="noopener noreferrer">Surveillance Self-Defense guide</a>',
    );
    expect(all).toContain(
      '<a href="https://bitwarden.com/" target="_blank" rel="noopener noreferrer">password manager</a>',
    );
  });

  it('turns lesson: links into app routes in the lesson language, in the same tab', () => {
    expect(allHtml(blocks).join('\n')).toContain('<a href="#/en/lessons/first-steps">first steps</a>');
    const hindi = compileFixture('hi');
    expect(positions(hindi.errors)).toEqual([]);
    expect(allHtml(hindi.lesson?.blocks ?? []).join('\n')).toContain('<a href="#/hi/lessons/first-steps">');
  });

  it('escapes raw HTML in the body, in option text and in explanations', () => {
    const html = allHtml(blocks);
    for (const piece of html) expect(piece).not.toMatch(/<(script|img)\b/i);
    expect(html[0]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html[0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(questions[0]?.options[0]?.html).toBe('Deleting the app &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(questions[0]?.options[1]?.explanation).toBe('<p>Yes. &lt;img src=x onerror=alert(1)&gt;</p>\n');
  });
});

describe('compileLesson quizzes', () => {
  it('starts a new quiz when text stands between questions', () => {
    const result = compile(
      lesson({}, [
        ...question('single one', TWO_OPTIONS),
        '',
        ...question('single two', TWO_OPTIONS),
        '',
        'Some text between the questions.',
        '',
        ...question('single three', TWO_OPTIONS),
      ]),
    );
    expect(positions(result.errors)).toEqual([]);
    const shape = result.lesson?.blocks.map((block) =>
      block.kind === 'quiz' ? `quiz:${block.questions.map((q) => q.id).join(',')}` : block.kind,
    );
    expect(shape).toEqual(['quiz:one,two', 'html', 'quiz:three']);
    expect(result.questions).toEqual(['one', 'two', 'three']);
  });
});
