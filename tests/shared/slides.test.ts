import { describe, expect, it } from 'vitest';
import {
  lessonSlides,
  SLIDE_TEXT,
  slideText,
  splitAtHeadings,
  topLevelElements,
} from '../../src/shared/slides.ts';
import type { Block, Lesson } from '../../src/shared/types.ts';

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

describe('how much a slide holds', () => {
  const withBlocks = (blocks: Block[], locale = 'en'): Lesson => ({ ...lesson, locale, blocks });
  const contentSlides = (lesson: Lesson) =>
    lessonSlides(lesson).flatMap((slide) => (slide.kind === 'content' ? [slide] : []));
  const heading = '<h2 id="section-1">Before you travel</h2>';
  /** Words a reader sees as exactly `length` characters. */
  const words = (length: number) => 'Back up your files. '.repeat(Math.ceil(length / 20)).slice(0, length);
  const paragraph = (length: number) => `<p>${words(length)}</p>`;
  const list = (tag: string, count: number, length: number) =>
    `<${tag}>\n${Array.from({ length: count }, (_, i) => `<li>${i + 1} ${words(length - 2 - String(i + 1).length + 1)}</li>`).join('\n')}\n</${tag.split(' ')[0]}>`;
  /** Whether every tag the HTML opens it closes, in order: a slide shows whole elements only. */
  const wellFormed = (html: string) => {
    const open: string[] = [];
    for (const [, closing, name = ''] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi)) {
      if (/^(br|hr|img)$/i.test(name)) continue;
      if (!closing) open.push(name);
      else if (open.pop() !== name) return false;
    }
    return open.length === 0;
  };
  const allWellFormed = (slides: { html: string[] }[]) =>
    slides.every((slide) => slide.html.every(wellFormed));

  // Markup, an escaped ampersand and a run of spaces: the reader sees "Lock your phone & laptop, always."
  const marked = '<p>Lock <strong>your</strong> phone &amp; laptop,  <em>always</em>.</p>';
  const markedLength = 'Lock your phone & laptop, always.'.length;

  it('keeps a section whose text just fills a slide on one slide, counting text as a reader sees it', () => {
    const fits = withBlocks([
      { kind: 'html', html: `${heading}\n${marked}\n${paragraph(SLIDE_TEXT - markedLength)}` },
    ]);
    expect(contentSlides(fits)).toHaveLength(1);
  });

  it('moves on to a second slide when the text is one character longer', () => {
    const over = withBlocks([
      { kind: 'html', html: `${heading}\n${marked}\n${paragraph(SLIDE_TEXT - markedLength + 1)}` },
    ]);
    const slides = contentSlides(over);
    expect(slides).toHaveLength(2);
    expect(slides[1]?.html).toEqual([
      `<h2>Before you travel</h2>\n${paragraph(SLIDE_TEXT - markedLength + 1)}`,
    ]);
  });

  it('gives an Urdu slide less text: what fills one in Urdu is too much by a character', () => {
    const budget = slideText('ur');
    const text = (length: number) => [
      { kind: 'html' as const, html: `${heading}\n${paragraph(length)}\n${paragraph(length)}` },
    ];
    expect(contentSlides(withBlocks(text(budget / 2), 'ur'))).toHaveLength(1);
    expect(contentSlides(withBlocks(text(budget / 2 + 1), 'ur'))).toHaveLength(2);
    expect(contentSlides(withBlocks(text(budget / 2 + 1), 'en'))).toHaveLength(1);
  });

  it('puts a tip on the section’s slide if it fits there, else on a slide of its own', () => {
    const tip = (length: number) => ({
      kind: 'callout' as const,
      tone: 'tip' as const,
      html: paragraph(length),
    });
    const section = { kind: 'html' as const, html: `${heading}\n${paragraph(SLIDE_TEXT - 100)}` };
    const fits = contentSlides(withBlocks([section, tip(100)]));
    expect(fits).toHaveLength(1);
    expect(fits[0]?.callouts).toHaveLength(1);
    const over = contentSlides(withBlocks([section, tip(101)]));
    expect(over.map((slide) => slide.callouts.length)).toEqual([0, 1]);
    expect(over[1]?.html).toEqual(['<h2>Before you travel</h2>']);
  });

  it('puts a second tip on a slide of its own when the two do not fit together', () => {
    const section = { kind: 'html' as const, html: `${heading}\n${paragraph(100)}` };
    const tip = { kind: 'callout' as const, tone: 'tip' as const, html: paragraph(300) };
    const warning = { kind: 'callout' as const, tone: 'warning' as const, html: paragraph(300) };
    const slides = contentSlides(withBlocks([section, tip, warning]));
    expect(slides.map((slide) => slide.callouts.map((callout) => callout.tone))).toEqual([
      ['tip'],
      ['warning'],
    ]);
  });

  it('shows a tip that follows a quiz on a slide of its own', () => {
    const tip = { kind: 'callout' as const, tone: 'tip' as const, html: '<p>Practise this at home.</p>' };
    const slides = lessonSlides(withBlocks([{ kind: 'quiz', questions: [question] }, tip]));
    expect(slides.map((slide) => slide.kind)).toEqual(['title', 'poll', 'content']);
    expect(slides[2]).toEqual({ kind: 'content', html: [], callouts: [{ tone: 'tip', html: tip.html }] });
  });

  it('makes no blank slide of the line break before a section', () => {
    const slides = lessonSlides(withBlocks([{ kind: 'html', html: `\n${heading}\n<p>Pack light.</p>\n` }]));
    expect(slides.map((slide) => slide.kind)).toEqual(['title', 'content']);
  });

  it('splits a long introduction before the first heading the same way, with no heading to repeat', () => {
    const [one, two, three] = [paragraph(300), paragraph(300), paragraph(300)];
    const slides = contentSlides(withBlocks([{ kind: 'html', html: `${one}\n${two}\n${three}\n` }]));
    expect(slides.map((slide) => slide.html)).toEqual([[`${one}\n${two}`], [three]]);
  });

  it('never leaves a slide with nothing but its heading when a lead-in starts it', () => {
    const lead = '<p>Before you go:</p>';
    const steps = list('ul', 6, 98);
    const slides = contentSlides(
      withBlocks([{ kind: 'html', html: `${heading}\n${paragraph(595)}\n${lead}\n${steps}` }]),
    );
    expect(slides.map((slide) => slide.html)).toEqual([
      [`${heading}\n${paragraph(595)}`],
      [`<h2>Before you travel</h2>\n${lead}`],
      [`<h2>Before you travel</h2>\n${steps}`],
    ]);
  });

  it('takes only a paragraph that ends with a colon for a lead-in, not a quote with one inside', () => {
    const quote = '<blockquote>\n<p>Ask yourself:</p>\n<p>who can read this?</p>\n</blockquote>';
    const slides = contentSlides(
      withBlocks([{ kind: 'html', html: `${heading}\n${paragraph(300)}\n${quote}\n${paragraph(400)}` }]),
    );
    expect(slides.map((slide) => slide.html)).toEqual([
      [`${heading}\n${paragraph(300)}\n${quote}`],
      [`<h2>Before you travel</h2>\n${paragraph(400)}`],
    ]);
  });

  it('fills each slide with as many whole list items as fit', () => {
    // Fifteen items of a sixth of a slide each: six, six and three.
    const steps = list('ul', 15, SLIDE_TEXT / 6);
    const slides = contentSlides(withBlocks([{ kind: 'html', html: `${heading}\n${steps}` }]));
    expect(slides.map((slide) => slide.html.join('').match(/<li>/g)?.length)).toEqual([6, 6, 3]);
    expect(slides.map((slide) => /<ul[^>]*>/.exec(slide.html.join(''))?.[0])).toEqual([
      '<ul>',
      '<ul>',
      '<ul>',
    ]);
    expect(allWellFormed(slides)).toBe(true);
  });

  it('numbers a long numbered list on from where it starts, across slides', () => {
    const openings = (tag: string) => {
      const slides = contentSlides(
        withBlocks([{ kind: 'html', html: `${heading}\n${list(tag, 15, SLIDE_TEXT / 6)}` }]),
      );
      expect(allWellFormed(slides)).toBe(true);
      return slides.map((slide) => slide.html.join('').match(/<ol[^>]*>/g));
    };
    expect(openings('ol')).toEqual([['<ol>'], ['<ol start="7">'], ['<ol start="13">']]);
    expect(openings('ol start="12"')).toEqual([
      ['<ol start="12">'],
      ['<ol start="18">'],
      ['<ol start="24">'],
    ]);
  });

  it('keeps a long quote whole, even with a list inside', () => {
    const quote = `<blockquote>\n${list('ul', 8, 100)}\n</blockquote>`;
    const slides = contentSlides(
      withBlocks([{ kind: 'html', html: `${heading}\n${paragraph(300)}\n${quote}` }]),
    );
    expect(slides.map((slide) => slide.html)).toEqual([
      [`${heading}\n${paragraph(300)}`],
      [`<h2>Before you travel</h2>\n${quote}`],
    ]);
  });
});
