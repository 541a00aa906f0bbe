/**
 * A lesson as slides, for presenting in a workshop: split at its level-two headings, each quiz
 * question a poll of its own, and the checklist last. Trainer notes stay off the screen. Pure.
 */
import type { Block, ChecklistItem, Lesson, Question } from './types';

export type Slide =
  | { kind: 'title'; title: string; summary: string }
  | { kind: 'content'; html: string[]; callouts: { tone: 'tip' | 'warning'; html: string }[] }
  | { kind: 'poll'; question: Question }
  | { kind: 'checklist'; items: ChecklistItem[] };

/** Splits lesson HTML before each `<h2>`; the first part is whatever precedes the first heading. */
export function splitAtHeadings(html: string): string[] {
  return html.split(/(?=<h2[\s>])/).filter((part) => part.trim() !== '');
}

/** About as much text as a projected slide shows without scrolling, in characters. */
export const SLIDE_TEXT = 600;

/** The text a slide takes in `locale`: Urdu's Nastaliq script sets taller lines. */
export function slideText(locale: string): number {
  return locale === 'ur' ? Math.round(SLIDE_TEXT * 0.7) : SLIDE_TEXT;
}

// Stryker disable next-line Regex: no tag the compiler writes (CommonMark, no raw HTML) has a name that only starts or ends with one of these
const VOID = /^(br|hr|img|input|wbr)$/i;
const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi;

/**
 * Splits compiled lesson HTML into its top-level elements (a paragraph, a list, a heading),
 * keeping each whole. The compiler escapes `<` and `>` in text and attributes, so every one is a tag.
 */
export function topLevelElements(html: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of html.matchAll(TAG)) {
    // Stryker disable next-line StringLiteral: the tag pattern always captures a name, so the default is never used
    const [tag, closing, name = ''] = match;
    // Stryker disable next-line AssignmentOperator: counting opening tags down and closing ones up finds the same points where depth is zero
    if (!VOID.test(name)) depth += closing ? -1 : 1;
    if (depth === 0) {
      const end = match.index + tag.length;
      parts.push(html.slice(start, end).trim());
      start = end;
    }
  }
  parts.push(html.slice(start).trim());
  return parts.filter((part) => part !== '');
}

/** The length of the text a reader sees, roughly: tags left out, entities counted as one character. */
function textLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&[#a-z0-9]+;/gi, '.')
    .replace(/\s+/g, ' ').length;
}

/**
 * A list too long for one slide, as several lists of whole items; numbered ones keep counting on.
 * Anything else comes back as it was; a list that fits, as one list of the same items.
 */
function splitList(list: string, budget: number): string[] {
  const open = /^<(ul|ol)\b([^>]*)>/i.exec(list);
  if (!open) return [list];
  // Stryker disable next-line StringLiteral: both groups always match once the list does, so the defaults are never used
  const [opening, name = 'ul', attributes = ''] = open;
  const inner = list.slice(opening.length, list.lastIndexOf('</'));
  const items = topLevelElements(inner);
  const groups: { items: string[]; length: number }[] = [];
  for (const item of items) {
    const size = textLength(item);
    const last = groups.at(-1);
    if (last && last.length + size <= budget) {
      last.items.push(item);
      last.length += size;
    } else groups.push({ items: [item], length: size });
  }
  const first = Number(/\bstart="(\d+)"/.exec(attributes)?.[1] ?? 1);
  let number = first;
  return groups.map(({ items: group }) => {
    const start = name.toLowerCase() === 'ol' && number !== 1 ? ` start="${number}"` : '';
    number += group.length;
    return `<${name}${attributes.replace(/ start="\d+"/, '')}${start}>\n${group.join('\n')}\n</${name}>`;
  });
}

/**
 * A section too long for one slide, as several: its elements kept whole and in order, the
 * heading repeated on each, and its callouts after the last.
 */
function paginate(
  slide: Extract<Slide, { kind: 'content' }>,
  budget: number,
): Extract<Slide, { kind: 'content' }>[] {
  const elements = slide.html.flatMap(topLevelElements);
  const heading = elements[0]?.startsWith('<h2') ? elements.shift() : undefined;
  const pieces = elements.flatMap((element) => splitList(element, budget));
  const pages: { html: string[]; callouts: typeof slide.callouts; length: number }[] = [];
  const newPage = () => {
    pages.push({ html: [], callouts: [], length: 0 });
    return pages.at(-1) as (typeof pages)[number];
  };
  for (const piece of pieces) {
    const size = textLength(piece);
    const last = pages.at(-1);
    let page = last;
    if (!page || page.length + size > budget) {
      page = newPage();
      // A sentence that leads into what follows ("In short:") moves on with it.
      const lead =
        // Stryker disable next-line StringLiteral: the page holds more than one element here, so its last is never missing
        last && last.html.length > 1 && /:<\/p>$/.test(last.html.at(-1) ?? '') ? last.html.pop() : undefined;
      if (lead) {
        page.html.push(lead);
        page.length = textLength(lead);
      }
    }
    page.html.push(piece);
    page.length += size;
  }
  // Tips and warnings follow the section's text, on its last slide if they fit.
  for (const callout of slide.callouts) {
    const size = textLength(callout.html);
    let page = pages.at(-1);
    if (!page || page.length + size > budget) page = newPage();
    page.callouts.push(callout);
    page.length += size;
  }
  if (pages.length <= 1) return [slide];
  // Only the first copy of the heading keeps its id, so that ids stay unique on the page.
  const again = heading?.replace(/ id="[^"]*"/, '');
  return pages.map((page, i) => ({
    kind: 'content',
    html: [[i === 0 ? heading : again, ...page.html].filter((part) => part !== undefined).join('\n')],
    callouts: page.callouts,
  }));
}

/** The slides of a lesson, in reading order; a long section takes several. */
export function lessonSlides(lesson: Lesson): Slide[] {
  const budget = slideText(lesson.locale);
  return sectionSlides(lesson).flatMap((slide): Slide[] =>
    slide.kind === 'content' ? paginate(slide, budget) : [slide],
  );
}

/** One slide per section, question and checklist. */
function sectionSlides(lesson: Lesson): Slide[] {
  const slides: Slide[] = [{ kind: 'title', title: lesson.title, summary: lesson.summary }];
  let current: Extract<Slide, { kind: 'content' }> | null = null;
  const content = () => {
    if (!current) {
      current = { kind: 'content', html: [], callouts: [] };
      slides.push(current);
    }
    return current;
  };
  const add = (block: Block) => {
    switch (block.kind) {
      case 'html':
        for (const part of splitAtHeadings(block.html)) {
          if (part.startsWith('<h2')) current = null;
          content().html.push(part);
        }
        break;
      case 'callout':
        content().callouts.push({ tone: block.tone, html: block.html });
        break;
      case 'quiz':
        for (const question of block.questions) slides.push({ kind: 'poll', question });
        current = null;
        break;
      case 'checklist':
        slides.push({ kind: 'checklist', items: block.items });
        current = null;
        break;
      // Stryker disable next-line ConditionalExpression: the last clause, so emptying it changes nothing
      default:
        break;
    }
  };
  lesson.blocks.forEach(add);
  return slides;
}
