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

/** The slides of a lesson, in reading order. */
export function lessonSlides(lesson: Lesson): Slide[] {
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
      default:
        break;
    }
  };
  lesson.blocks.forEach(add);
  return slides;
}
