/** The markdown-it setup for lessons: CommonMark, no raw HTML, `:::` blocks. */
import MarkdownItParser, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';
import { sectionId } from '../shared/sections.ts';
import { bidiPlugin } from './bidi.ts';
import { type ContainerEnv, containerPlugin } from './containers.ts';
import { termButtonsPlugin } from './links.ts';

/** A parser per build: raw HTML is escaped, never passed through. */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItParser('commonmark', { html: false, linkify: false, typographer: false });
  // Every link is checked (and refused with a clear error) in links.ts instead of silently dropped.
  md.validateLink = () => true;
  // An autolink shows its address as written, not percent-decoded and without turning a punycode
  // domain (xn--…) into letters: either could hide a direction override or a look-alike address.
  md.normalizeLinkText = (url) => url;
  md.use(containerPlugin);
  md.use(bidiPlugin);
  md.use(termButtonsPlugin);
  // Level-two headings get ids in order (section-1, section-2, …), the same in every language,
  // so search results and slides can point into a lesson.
  md.core.ruler.push('section_ids', (state) => {
    let section = 0;
    for (const token of state.tokens) {
      if (token.type === 'heading_open' && token.tag === 'h2') token.attrSet('id', sectionId(++section));
    }
  });
  md.core.ruler.push('nesting_limit', nestingLimit);
  return md;
}

/**
 * markdown-it stops reading inside lists, quotes and `:::` blocks nested more than `maxNesting`
 * levels deep (so that hostile input cannot overflow the stack), and silently drops their text.
 * Each place where that happens is reported with the `:::` block problems instead.
 */
function nestingLimit(state: StateCore): void {
  const deepest = state.md.options.maxNesting - 1;
  const lines = new Set<number>();
  for (const token of state.tokens) {
    // Only a paragraph or heading at the deepest level keeps its text: it holds inline content.
    if (token.nesting !== 1 || token.level !== deepest || !token.map) continue;
    if (token.type === 'paragraph_open' || token.type === 'heading_open') continue;
    lines.add(token.map[0]);
  }
  const env = state.env as ContainerEnv;
  for (const line of lines) {
    env.containerProblems ??= [];
    env.containerProblems.push({
      line,
      message:
        'lists and quotes are nested too deeply here, so the text inside them would be lost: use fewer levels',
    });
  }
}

/**
 * Splits a token list into its top-level blocks (a paragraph, a list, a quote, a container),
 * each as the tokens from its opening to its closing token.
 */
export function topLevelBlocks(tokens: readonly Token[]): Token[][] {
  const blocks: Token[][] = [];
  let depth = 0;
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    depth += token.nesting;
    if (depth === 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** The tokens inside a block, without its own opening and closing token. */
export function inside(block: readonly Token[]): Token[] {
  return block.slice(1, -1);
}
