/** Reads `::: question` and `::: checklist` blocks into quiz and checklist data. */
import type { Token } from 'markdown-it';
import {
  type ChecklistItem,
  type Option,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
} from '../shared/types.ts';
import { inside, topLevelBlocks } from './markdown.ts';

/** What the block readers need from the lesson compiler. */
export interface BlockContext {
  lines: readonly string[];
  /** Reports at a 0-based body line and 1-based column. */
  report: (line: number, col: number, message: string) => void;
  /** Renders inline markdown found on body lines [from, to), checking its links. */
  inline: (text: string, from: number, to: number) => string;
  /** Renders block tokens, checking their links. */
  blocks: (tokens: Token[]) => string;
  /** Registers a question or checklist id; reports a duplicate. */
  claimId: (id: string, line: number) => void;
  /** Remembers where an option (`question/option`) stands, to point at it later. */
  place: (key: string, line: number) => void;
}

export const ID = /^[a-z0-9][a-z0-9-]*$/;
const ITEM = /^\[([ xX])\][ \t]+([^\s:]*)(:?)[ \t]*([\s\S]*)$/;

/** Column (1-based) where `needle` stands on a body line, or 1. */
export function columnOf(context: BlockContext, line: number, needle: string): number {
  const text = context.lines[line] ?? '';
  if (!needle) return 1;
  // An id is matched as a whole word, so "in" is not found inside "single".
  const at = ID.test(needle)
    ? (new RegExp(`(?<![a-z0-9-])${needle}(?![a-z0-9-])`).exec(text)?.index ?? -1)
    : text.indexOf(needle);
  return at >= 0 ? at + 1 : 1;
}

interface ListItem {
  line: number;
  endLine: number;
  checked: boolean;
  id: string;
  text: string;
  /** Blocks after the item's first paragraph. */
  rest: Token[][];
}

/** Reads `- [ ] id: text` items from a bullet list, reporting items that do not follow the form. */
function readItems(list: Token[], what: string, context: BlockContext): ListItem[] {
  const items: ListItem[] = [];
  for (const item of topLevelBlocks(inside(list))) {
    const line = item[0]?.map?.[0] ?? 0;
    const endLine = item[0]?.map?.[1] ?? line + 1;
    const [first, ...rest] = topLevelBlocks(inside(item));
    const inline = first?.[0]?.type === 'paragraph_open' ? first[1] : undefined;
    const match = inline ? ITEM.exec(inline.content) : null;
    if (!match) {
      context.report(
        line,
        1,
        `each ${what} starts with "- [ ]" or "- [x]", then an id, a colon and the text`,
      );
      continue;
    }
    const [, mark = ' ', id = '', colon, text = ''] = match;
    if (!colon || !id) {
      context.report(
        line,
        columnOf(context, line, ']') + 2,
        `${what} needs an id: write "- [ ] my-id: text"`,
      );
      continue;
    }
    if (!ID.test(id)) {
      context.report(line, columnOf(context, line, id), `"${id}" is not a valid id: use a-z, 0-9 and "-"`);
      continue;
    }
    if (!text.trim()) context.report(line, columnOf(context, line, id), `${what} "${id}" has no text`);
    items.push({ line, endLine, checked: mark !== ' ', id, text, rest });
  }
  return items;
}

/** The single bullet list in a block's content; reports anything else. */
function findList(blocks: Token[][], what: string, line: number, context: BlockContext): Token[] | undefined {
  const lists = blocks.filter((block) => block[0]?.type === 'bullet_list_open');
  if (lists.length === 0)
    context.report(line, 1, `the ${what} has no items: add lines starting with "- [ ]"`);
  if (lists.length > 1) {
    const second = lists[1]?.[0]?.map?.[0] ?? line;
    context.report(second, 1, `the ${what} has a second list: keep all its items in one list`);
  }
  return lists[0];
}

/** Reads a `::: checklist` block. */
export function readChecklist(open: Token, content: Token[], context: BlockContext): ChecklistItem[] {
  const line = open.map?.[0] ?? 0;
  const blocks = topLevelBlocks(content);
  const list = findList(blocks, 'checklist', line, context);
  if (!list) return [];
  for (const block of blocks) {
    if (block !== list)
      context.report(block[0]?.map?.[0] ?? line, 1, 'a checklist holds only its list of items');
  }
  return readItems(list, 'checklist item', context).map((item) => {
    if (item.checked) {
      context.report(
        item.line,
        columnOf(context, item.line, '['),
        'checklist items start unticked: write "- [ ]"',
      );
    }
    if (item.rest.length > 0) {
      context.report(item.rest[0]?.[0]?.map?.[0] ?? item.line, 1, 'a checklist item is one paragraph');
    }
    context.claimId(item.id, item.line);
    return { id: item.id, html: context.inline(item.text, item.line, item.endLine) };
  });
}

/** Reads a `::: question <type> <id>` block. Returns null when it cannot be used at all. */
export function readQuestion(open: Token, content: Token[], context: BlockContext): Question | null {
  const line = open.map?.[0] ?? 0;
  const [, type = '', id = '', ...extra] = open.info.split(/\s+/);
  if (!(QUESTION_TYPES as readonly string[]).includes(type)) {
    const col = type ? columnOf(context, line, type) : 1;
    context.report(
      line,
      col,
      `a question starts "::: question TYPE ID", with TYPE one of ${QUESTION_TYPES.join(', ')}`,
    );
    return null;
  }
  if (!id || !ID.test(id) || extra.length > 0) {
    const col = id ? columnOf(context, line, id) : 1;
    context.report(line, col, 'a question needs one id after its type, using a-z, 0-9 and "-"');
    return null;
  }
  context.claimId(id, line);

  const blocks = topLevelBlocks(content);
  const listIndex = blocks.findIndex((block) => block[0]?.type === 'bullet_list_open');
  const before = listIndex === -1 ? blocks : blocks.slice(0, listIndex);
  const prompt = before[0];
  if (prompt?.[0]?.type !== 'paragraph_open' || before.length > 1) {
    context.report(line, 1, `question "${id}": write the question as one paragraph before the options`);
  }
  const list = findList(blocks, `question "${id}"`, line, context);
  if (!list) return null;
  for (const block of blocks.slice(listIndex + 1)) {
    const at = block[0]?.map?.[0] ?? line;
    context.report(
      at,
      1,
      `question "${id}": nothing may follow the options (indent explanations by two spaces)`,
    );
  }

  const options: Option[] = [];
  const seen = new Set<string>();
  for (const item of readItems(list, 'option', context)) {
    if (seen.has(item.id)) {
      context.report(
        item.line,
        columnOf(context, item.line, item.id),
        `question "${id}" has two options "${item.id}"`,
      );
      continue;
    }
    seen.add(item.id);
    context.place(`${id}/${item.id}`, item.line);
    const quote = item.rest.find((block) => block[0]?.type === 'blockquote_open');
    if (!quote || item.rest.length > 1) {
      context.report(
        item.line,
        columnOf(context, item.line, item.id),
        `option "${item.id}" needs one explanation: a line "  > why" under it`,
      );
    }
    options.push({
      id: item.id,
      correct: item.checked,
      html: context.inline(item.text, item.line, item.endLine),
      explanation: quote ? context.blocks(inside(quote)) : '',
    });
  }
  checkAnswers(id, type as QuestionType, options, line, context);
  const promptInline = prompt?.[0]?.type === 'paragraph_open' ? prompt[1] : undefined;
  const promptLine = prompt?.[0]?.map ?? [line, line + 1];
  return {
    id,
    type: type as QuestionType,
    prompt: promptInline ? context.inline(promptInline.content, promptLine[0], promptLine[1]) : '',
    options,
  };
}

/** The rules for which options may be correct. */
function checkAnswers(
  id: string,
  type: QuestionType,
  options: Option[],
  line: number,
  context: BlockContext,
) {
  const correct = options.filter((option) => option.correct).length;
  if (options.length < 2) context.report(line, 1, `question "${id}" needs at least two options`);
  if (correct === 0) {
    context.report(line, 1, `question "${id}" has no correct answer: mark one with "- [x]"`);
  } else if (type !== 'multiple' && correct > 1) {
    context.report(
      line,
      1,
      `question "${id}" is ${type} but has ${correct} correct options: mark exactly one`,
    );
  }
  if (type === 'true-false' && options.length !== 2) {
    context.report(line, 1, `question "${id}" is true-false and needs exactly two options`);
  }
}
