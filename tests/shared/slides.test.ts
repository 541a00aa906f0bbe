import { describe, expect, it } from 'vitest';
import { lessonSlides, splitAtHeadings } from '../../src/shared/slides.ts';
import type { Lesson } from '../../src/shared/types.ts';

const question = { id: 'q', type: 'single' as const, prompt: 'Which?', options: [] };
const lesson: Lesson = {
  id: 'l',
  locale: 'en',
  title: 'Title',
  summary: 'Summary',
  level: 'beginner',
  minutes: 5,
  reviewed: '2026-11-28',
  tags: [],
  blocks: [
    { kind: 'html', html: '<p>Intro</p>\n<h2 id="section-1">One</h2>\n<p>A</p>\n' },
    { kind: 'callout', tone: 'tip', html: '<p>Tip</p>' },
    { kind: 'trainer', html: '<p>Secret</p>' },
    { kind: 'html', html: '<p>More of one</p>\n<h2 id="section-2">Two</h2>\n<p>B</p>\n' },
    { kind: 'quiz', questions: [question, { ...question, id: 'r' }] },
    { kind: 'checklist', items: [{ id: 'c', html: 'Do it' }] },
  ],
};

describe('a lesson as slides', () => {
  it('splits HTML before each level-two heading', () => {
    expect(splitAtHeadings('<p>x</p><h2 id="a">A</h2><p>y</p><h2>B</h2>')).toEqual([
      '<p>x</p>',
      '<h2 id="a">A</h2><p>y</p>',
      '<h2>B</h2>',
    ]);
  });

  it('has a title slide, one slide per section, a poll per question and the checklist, without trainer notes', () => {
    const slides = lessonSlides(lesson);
    expect(slides.map((slide) => slide.kind)).toEqual([
      'title',
      'content',
      'content',
      'content',
      'poll',
      'poll',
      'checklist',
    ]);
    expect(slides[1]).toEqual({ kind: 'content', html: ['<p>Intro</p>\n'], callouts: [] });
    expect(slides[2]).toEqual({
      kind: 'content',
      html: ['<h2 id="section-1">One</h2>\n<p>A</p>\n', '<p>More of one</p>\n'],
      callouts: [{ tone: 'tip', html: '<p>Tip</p>' }],
    });
    expect(JSON.stringify(slides)).not.toContain('Secret');
  });
});
