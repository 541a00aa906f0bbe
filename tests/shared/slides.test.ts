import { describe, expect, it } from 'vitest';
import {
  lessonSlides,
  SLIDE_TEXT,
  slideText,
  splitAtHeadings,
  topLevelElements,
} from '../../src/shared/slides.ts';
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

  it('splits HTML into its top-level elements, keeping nested lists whole', () => {
    const html =
      '<p>a <em>b</em><br>c</p>\n<ul>\n<li>x<ul>\n<li>y</li>\n</ul>\n</li>\n</ul>\n<hr>\n<p>z</p>\n';
    expect(topLevelElements(html)).toEqual([
      '<p>a <em>b</em><br>c</p>',
      '<ul>\n<li>x<ul>\n<li>y</li>\n</ul>\n</li>\n</ul>',
      '<hr>',
      '<p>z</p>',
    ]);
  });

  describe('a section longer than a screen', () => {
    const sentence = (n: number) => `<p>Paragraph ${n}. ${'Words to read aloud. '.repeat(9)}</p>`;
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li>Step ${i + 1}: ${'do this carefully. '.repeat(4)}</li>`,
    );
    const long: Lesson = {
      ...lesson,
      blocks: [
        {
          kind: 'html',
          html: [
            '<h2 id="section-1">Long</h2>',
            sentence(1),
            sentence(2),
            '<p>In short:</p>',
            `<ol>\n${items.join('\n')}\n</ol>`,
            sentence(3),
          ].join('\n'),
        },
        { kind: 'callout', tone: 'warning', html: '<p>Careful</p>' },
      ],
    };
    const text = (html: string) =>
      html
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    // Worked out in each test, not while the tests are collected, so that mutation testing sees it.
    const longSlides = () => {
      const slides = lessonSlides(long).filter((slide) => slide.kind === 'content');
      const pages = slides.map((slide) => (slide.kind === 'content' ? slide.html.join('') : ''));
      return { slides, pages };
    };

    it('takes several slides, each about a screenful, with the heading on each', () => {
      const { slides, pages } = longSlides();
      expect(slides.length).toBeGreaterThan(2);
      for (const page of pages) {
        expect(page.startsWith('<h2')).toBe(true);
        expect(text(page.replace(/<h2.*?<\/h2>/, '')).length).toBeLessThanOrEqual(SLIDE_TEXT);
      }
      // Only the first keeps the heading's id, so ids stay unique.
      expect(pages.filter((page) => page.includes('id="section-1"'))).toHaveLength(1);
    });

    it('loses and repeats nothing, keeps a lead-in with its list, and numbers the list on', () => {
      const { pages } = longSlides();
      const body = pages.map((page) => text(page.replace(/<h2.*?<\/h2>/, ''))).join(' ');
      expect(body).toBe(
        text([sentence(1), sentence(2), '<p>In short:</p>', ...items, sentence(3)].join(' ')),
      );
      const lead = pages.find((page) => page.includes('In short:')) ?? '';
      expect(lead).toMatch(/In short:<\/p>\n<ol>/);
      const continued = pages.find((page) => page.includes('<ol start='));
      expect(continued).toBeDefined();
      const start = Number(/<ol start="(\d+)"/.exec(continued ?? '')?.[1]);
      expect(continued).toContain(`Step ${start}:`);
    });

    it('puts the tips and warnings after the text, on the last slide', () => {
      const { slides } = longSlides();
      const last = slides.at(-1);
      expect(last?.kind === 'content' && last.callouts).toEqual([
        { tone: 'warning', html: '<p>Careful</p>' },
      ]);
      expect(
        slides.slice(0, -1).every((slide) => slide.kind === 'content' && slide.callouts.length === 0),
      ).toBe(true);
    });

    it('gives Urdu, whose script sets taller lines, less text a slide', () => {
      expect(slideText('ur')).toBeLessThan(slideText('en'));
      expect(lessonSlides({ ...long, locale: 'ur' }).length).toBeGreaterThan(lessonSlides(long).length);
    });
  });
});
