/** A markdown-it block rule for `::: kind` … `:::` blocks, reporting unclosed ones. */
import type { MarkdownIt, StateBlock } from 'markdown-it';

/** Where an unclosed or stray block line was found (0-based body line). */
export interface ContainerProblem {
  line: number;
  message: string;
}

export interface ContainerEnv {
  [key: string | symbol]: unknown;
  containerProblems?: ContainerProblem[];
}

const OPENER = /^:::[ \t]*([A-Za-z][\w-]*)(.*)$/;
const CLOSER = /^:::[ \t]*$/;

function lineText(state: StateBlock, line: number): string {
  const start = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
  return state.src.slice(start, state.eMarks[line]);
}

function isIndentedCode(state: StateBlock, line: number): boolean {
  return (state.sCount[line] ?? 0) - state.blkIndent >= 4;
}

function problem(state: StateBlock, line: number, message: string) {
  const env = state.env as ContainerEnv;
  env.containerProblems ??= [];
  env.containerProblems.push({ line, message });
}

function container(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (isIndentedCode(state, startLine)) return false;
  const text = lineText(state, startLine);
  if (!text.startsWith(':::')) return false;
  const open = OPENER.exec(text);
  if (!open) {
    if (!CLOSER.test(text)) return false;
    if (silent) return true;
    // A lone ':::' that closes nothing: report it and drop the line.
    problem(state, startLine, "':::' closes a block, but no block is open here");
    state.line = startLine + 1;
    return true;
  }
  if (silent) return true;

  const kind = (open[1] ?? '').toLowerCase();
  let next = startLine + 1;
  let closed = false;
  for (; next < endLine; next++) {
    if (isIndentedCode(state, next)) continue;
    const inner = lineText(state, next);
    if (CLOSER.test(inner)) {
      closed = true;
      break;
    }
    // Blocks do not nest: a new opener means this one was never closed.
    if (OPENER.test(inner)) break;
  }
  if (!closed) {
    problem(state, startLine, `the "${kind}" block is not closed: add a line ':::' after it`);
  }

  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  // markdown-it types parentType as a fixed union; a container is a new kind of parent.
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = next;

  const openToken = state.push('container_open', 'div', 1);
  openToken.markup = ':::';
  openToken.block = true;
  openToken.info = `${kind}${open[2] ?? ''}`.trim();
  openToken.map = [startLine, closed ? next + 1 : next];

  state.md.block.tokenize(state, startLine + 1, next);

  const closeToken = state.push('container_close', 'div', -1);
  closeToken.markup = ':::';
  closeToken.block = true;

  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.line = closed ? next + 1 : next;
  return true;
}

/** Adds the `:::` block rule; it may interrupt a paragraph, a list or a quote. */
export function containerPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'container', container, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
