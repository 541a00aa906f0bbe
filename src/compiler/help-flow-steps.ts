/**
 * Reads the steps of a help-now flow from its markdown: `::: question <id>` blocks (the question,
 * then a list of answers `- [words](#step-id)`) and `::: ending <id> help=… read=… back=…` blocks
 * (a heading line, a numbered list of what to do now, then a bulleted list of what not to do).
 */
import type { MarkdownIt, Token } from 'markdown-it';
import type { HelpCategory } from '../shared/help.ts';
import type { FlowAction, FlowAnswer, FlowEnding, FlowQuestion, FlowStep } from '../shared/help-flows.ts';
import type { BidiEnv } from './bidi.ts';
import { inside, topLevelBlocks } from './markdown.ts';
import { ID } from './questions.ts';

/** Where things stand in the file, for checks made after reading: file lines and columns. */
export interface FlowPlaces {
  /** `<step>` for a step's `:::` line, `<step>/<n>` for its n-th answer, `<step>@<key>` for an attribute. */
  at: Map<string, { line: number; col: number }>;
}

/** What the step reader needs from the flow compiler. */
export interface StepContext {
  md: MarkdownIt;
  env: BidiEnv;
  /** The body, split into lines (0-based). */
  lines: readonly string[];
  /** Reports at a 0-based body line and a 1-based column. */
  report: (line: number, col: number, message: string) => void;
  /** Checks and rewrites the links of the inline tokens on body lines [from, to). */
  links: (children: Token[], from: number, to: number) => void;
  /** Remembers a place at a 0-based body line. */
  place: (key: string, line: number, col: number) => void;
}

const ATTRIBUTES = ['help', 'read', 'back'];
const SHAPE =
  'an ending holds its heading on one line, then a numbered list of what to do now, then (if any) a bulleted list of what not to do';

/** The plain text of inline tokens, for the summary a learner reads out. */
export function plainText(children: readonly Token[]): string {
  return children
    .map((token) =>
      token.type === 'text' || token.type === 'code_inline'
        ? token.content
        : token.type === 'softbreak' || token.type === 'hardbreak'
          ? ' '
          : '',
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Column (1-based) of `needle` on a body line, or 1. */
function columnOf(context: StepContext, line: number, needle: string): number {
  const at = (context.lines[line] ?? '').indexOf(needle);
  return at >= 0 ? at + 1 : 1;
}

/** Renders block tokens after checking their links. */
function render(context: StepContext, tokens: Token[]): string {
  for (const token of tokens) {
    if (token.type === 'inline' && token.children)
      context.links(token.children, token.map?.[0] ?? 0, token.map?.[1] ?? 0);
  }
  return context.md.renderer.render(tokens, context.md.options, context.env);
}

/** The inline token of a paragraph or heading block, if it is one. */
function inlineOf(block: readonly Token[] | undefined): Token | undefined {
  const open = block?.[0];
  return open?.type === 'paragraph_open' || open?.type === 'heading_open' ? block?.[1] : undefined;
}

/** Reads one `:::` block as a step, or reports why it is not one. */
export function readStep(open: Token, content: Token[], context: StepContext): FlowStep | null {
  const line = open.map?.[0] ?? 0;
  const [kind = '', id = '', ...attributes] = open.info.split(/\s+/);
  if (kind !== 'question' && kind !== 'ending') {
    context.report(line, columnOf(context, line, kind), `unknown block "${kind}": use question or ending`);
    return null;
  }
  if (!ID.test(id)) {
    context.report(line, 1, `a step starts "::: ${kind} ID", with an id using a-z, 0-9 and "-"`);
    return null;
  }
  // The id as a word after the kind: "in" must not be found inside "ending".
  const text = context.lines[line] ?? '';
  context.place(id, line, text.indexOf(id, text.indexOf(kind) + kind.length) + 1);
  const blocks = topLevelBlocks(content);
  if (kind === 'question') {
    if (attributes.length > 0)
      context.report(line, columnOf(context, line, attributes[0] ?? ''), 'a question takes only its id');
    return readQuestion(id, line, blocks, context);
  }
  return readEnding(id, line, attributes, blocks, context);
}

function readQuestion(
  id: string,
  line: number,
  blocks: Token[][],
  context: StepContext,
): FlowQuestion | null {
  const first = inlineOf(blocks[0]);
  const list = blocks[blocks.length - 1];
  if (!first || blocks.length < 2 || list?.[0]?.type !== 'bullet_list_open') {
    context.report(
      line,
      1,
      `question "${id}": write the question on one line, then its answers as a list of "- [words](#step-id)"`,
    );
    return null;
  }
  const middle = blocks.slice(1, -1);
  for (const block of middle) {
    if (!inlineOf(block) || block[0]?.type !== 'paragraph_open')
      context.report(
        block[0]?.map?.[0] ?? line,
        1,
        `question "${id}": only paragraphs may stand between the question and its answers`,
      );
  }
  context.links(first.children ?? [], first.map?.[0] ?? line, first.map?.[1] ?? line + 1);
  const html = context.md.renderer.renderInline(first.children ?? [], context.md.options, context.env);
  const answers: FlowAnswer[] = [];
  for (const item of topLevelBlocks(inside(list))) {
    const itemLine = item[0]?.map?.[0] ?? line;
    const parts = topLevelBlocks(inside(item));
    const children = inlineOf(parts[0])?.children ?? [];
    const link = children.filter((token) => token.type === 'link_open');
    const from = children.findIndex((token) => token.type === 'link_open');
    const to = children.findIndex((token) => token.type === 'link_close');
    // Nothing but the link: words outside it would not be part of the button.
    const outside = [...children.slice(0, Math.max(from, 0)), ...children.slice(to + 1)].some(
      (token) => token.type !== 'text' || token.content.trim() !== '',
    );
    const href = String(link[0]?.attrGet('href') ?? '');
    const text = plainText(children);
    if (parts.length !== 1 || link.length !== 1 || outside || !href.startsWith('#') || !text) {
      context.report(itemLine, 1, 'each answer is one link to the step it leads to: "- [words](#step-id)"');
      continue;
    }
    context.place(`${id}/${answers.length}`, itemLine, columnOf(context, itemLine, href));
    answers.push({ text, to: href.slice(1) });
  }
  if (answers.length === 1) context.report(line, 1, `question "${id}" needs at least two answers`);
  return {
    kind: 'question',
    id,
    html,
    text: plainText(first.children ?? []),
    more: render(context, middle.flat()),
    answers,
  };
}

/** `help=a,b read=c back=d` from an ending's `:::` line. */
function readAttributes(id: string, line: number, attributes: string[], context: StepContext) {
  const values = new Map<string, string[]>();
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=', 2);
    const col = columnOf(context, line, attribute);
    if (!ATTRIBUTES.includes(key) || !attribute.includes('=')) {
      context.report(line, col, `"${attribute}" is not part of an ending: use help=, read= and back=`);
      continue;
    }
    if (values.has(key)) context.report(line, col, `ending "${id}" says ${key}= twice`);
    context.place(`${id}@${key}`, line, col);
    values.set(key, value.split(',').filter(Boolean));
  }
  return values;
}

function readEnding(
  id: string,
  line: number,
  attributes: string[],
  blocks: Token[][],
  context: StepContext,
): FlowEnding | null {
  const values = readAttributes(id, line, attributes, context);
  const title = inlineOf(blocks[0]);
  const rest = blocks.slice(1);
  const lists = rest.findIndex((block) => block[0]?.type !== 'paragraph_open');
  const intro = lists === -1 ? rest : rest.slice(0, lists);
  const [doNow, doNot, ...extra] = lists === -1 ? [] : rest.slice(lists);
  const ordered = doNow?.[0]?.type === 'ordered_list_open';
  const bullets = !doNot || doNot[0]?.type === 'bullet_list_open';
  if (!title || !ordered || !bullets || extra.length > 0) {
    const wrong = !title ? blocks[0] : !ordered ? doNow : !bullets ? doNot : extra[0];
    context.report(wrong?.[0]?.map?.[0] ?? line, 1, `ending "${id}": ${SHAPE}`);
    return null;
  }
  context.links(title.children ?? [], title.map?.[0] ?? line, title.map?.[1] ?? line + 1);
  const actions = (list: Token[] | undefined): FlowAction[] =>
    list
      ? topLevelBlocks(inside(list)).map((item) => ({
          html: render(context, inside(item)),
          text: inside(item)
            .filter((token) => token.type === 'inline')
            .map((token) => plainText(token.children ?? []))
            .join(' '),
        }))
      : [];
  const back = values.get('back');
  return {
    kind: 'ending',
    id,
    title: plainText(title.children ?? []),
    intro: render(context, intro.flat()),
    doNow: actions(doNow),
    doNot: actions(doNot),
    help: (values.get('help') ?? []) as HelpCategory[],
    read: values.get('read') ?? [],
    ...(back?.[0] ? { back: back[0] } : {}),
  };
}
