/**
 * What a lesson says aloud, read from the page as it is drawn: the title and the text before the
 * first section, then each level-two section (src/shared/sections.ts), its heading first. Only
 * what a reader sees is read: not the quiz (answered, not listened to), not buttons or fields, not
 * anything hidden (trainer notes outside trainer mode), and only text in the voice's language.
 */
import { splitForSpeech } from './split';

/** One piece of speech and the element it comes from, which is marked while it is read. */
export interface Part {
  element: HTMLElement;
  text: string;
}

export interface Section {
  /** The section's heading, as the controls show it. */
  name: string;
  heading: HTMLElement;
  parts: Part[];
}

/** Elements read as one whole (unless they hold others of these, like a list item with paragraphs). */
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,figcaption,caption,pre';
/** Never read: the quiz, controls (a glossary term is a button inside a sentence, and is read), page furniture. */
const SKIP =
  '.quiz,.meta,.badge,.checklist-count,.lesson-footer,.listen,.print-only,button:not(.term),input,select,textarea,[hidden],[aria-hidden="true"]';

function skipped(element: Element): boolean {
  return element.matches(SKIP) || !element.checkVisibility();
}

/** The text of `element` as read, leaving out what is skipped and, with `ownOnly`, blocks inside it. */
function textOf(element: Element, ownOnly = false): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node instanceof Element && !skipped(node) && !(ownOnly && node.matches(BLOCKS)))
      text += node.tagName === 'BR' ? ' ' : textOf(node, ownOnly);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The language `element` is written in, as its base language ("en" for "en-GB"). */
function languageOf(element: Element): string {
  return (element.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().split('-')[0] ?? '';
}

/** The sections of the lesson drawn in `article`, in `locale`, each in pieces a voice reads whole. */
export function readSections(article: HTMLElement, locale: string): Section[] {
  const title = article.querySelector<HTMLElement>('h1');
  const sections: Section[] = [];
  let current: Section | undefined;
  const add = (element: HTMLElement, text: string) => {
    if (!text || languageOf(element) !== locale) return;
    current ??= { name: textOf(title ?? element), heading: title ?? element, parts: [] };
    for (const piece of splitForSpeech(text, locale)) current.parts.push({ element, text: piece });
  };
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (!(child instanceof HTMLElement) || skipped(child)) continue;
      if (child.tagName === 'H2') {
        if (current?.parts.length) sections.push(current);
        current = { name: textOf(child), heading: child, parts: [] };
        add(child, current.name);
      } else if (child.matches(BLOCKS) && !child.querySelector(BLOCKS)) add(child, textOf(child));
      else {
        if (child.matches(BLOCKS)) add(child, textOf(child, true));
        walk(child);
      }
    }
  };
  walk(article);
  if (current?.parts.length) sections.push(current);
  return sections;
}
