/** Checks a translation against its English source: same quiz, same checklist, same right answers. */
import type { Block, Lesson } from '../shared/types.ts';

/** Where ids stand in the translation (file lines), and how to report there. */
export interface TranslationContext {
  positions: ReadonlyMap<string, number>;
  report: (line: number, col: number, message: string) => void;
  /** First line of the body, for problems that have no place of their own. */
  bodyLine: number;
}

function questionsOf(blocks: readonly Block[]) {
  return blocks.flatMap((block) => (block.kind === 'quiz' ? block.questions : []));
}

function checklistOf(blocks: readonly Block[]) {
  return blocks.flatMap((block) => (block.kind === 'checklist' ? block.items.map((item) => item.id) : []));
}

/** Reports every difference in quiz and checklist structure; which answers are right comes from en.md alone. */
export function compareWithSource(
  english: Lesson,
  blocks: readonly Block[],
  context: TranslationContext,
): void {
  const at = (key: string) => context.positions.get(key) ?? context.bodyLine;
  const source = new Map(questionsOf(english.blocks).map((question) => [question.id, question]));
  const translated = questionsOf(blocks);
  const translatedIds = new Set(translated.map((question) => question.id));

  for (const id of source.keys()) {
    if (!translatedIds.has(id))
      context.report(context.bodyLine, 1, `question "${id}" of en.md is missing from this translation`);
  }
  const order = [...source.keys()].filter((id) => translatedIds.has(id));
  translated
    .filter((question) => source.has(question.id))
    .forEach((question, index) => {
      if (order[index] !== question.id) {
        context.report(at(question.id), 1, `question "${question.id}" is in a different place than in en.md`);
      }
    });

  for (const question of translated) {
    const original = source.get(question.id);
    if (!original) {
      context.report(
        at(question.id),
        1,
        `question "${question.id}" is not in en.md: a translation cannot add questions`,
      );
      continue;
    }
    if (original.type !== question.type) {
      context.report(
        at(question.id),
        1,
        `question "${question.id}" is ${original.type} in en.md, not ${question.type}`,
      );
    }
    const options = new Map(original.options.map((option) => [option.id, option]));
    const ids = question.options.map((option) => option.id);
    if (ids.join(' ') !== original.options.map((option) => option.id).join(' ')) {
      context.report(
        at(question.id),
        1,
        `question "${question.id}" must have the options of en.md, in the same order: ${[...options.keys()].join(', ')}`,
      );
    }
    for (const option of question.options) {
      const source = options.get(option.id);
      if (source && source.correct !== option.correct) {
        const mark = source.correct ? '[x]' : '[ ]';
        context.report(
          at(`${question.id}/${option.id}`),
          1,
          `option "${option.id}" of question "${question.id}" must be marked ${mark} as in en.md: only en.md decides which answers are right`,
        );
      }
    }
  }

  const sourceItems = checklistOf(english.blocks);
  const items = checklistOf(blocks);
  if (sourceItems.join(' ') !== items.join(' ')) {
    const where = items.find((id) => !sourceItems.includes(id));
    context.report(
      where ? at(where) : context.bodyLine,
      1,
      `the checklist must have the items of en.md, in the same order: ${sourceItems.join(', ')}`,
    );
  }
}
