/** Compiles one lesson file (front matter + markdown) into the data the app renders. */
import type { Token } from 'markdown-it';
import type { Block, Lesson } from '../shared/types.ts';
import type { ContainerEnv } from './containers.ts';
import type { ContentError } from './errors.ts';
import { splitLesson } from './front-matter.ts';
import { checkLinks } from './links.ts';
import { createMarkdown, inside, topLevelBlocks } from './markdown.ts';
import { type BlockContext, columnOf, readChecklist, readQuestion } from './questions.ts';

export interface LessonSource {
  source: string;
  /** Path shown in error messages. */
  file: string;
  /** Name of the lesson's folder: the lesson id. */
  folderId: string;
  locale: string;
  /** Ids of every lesson in the course, to check lesson links. */
  lessonIds: ReadonlySet<string>;
}

export interface CompiledLesson {
  /** Null when the lesson has errors that leave nothing to show. */
  lesson: Lesson | null;
  questions: string[];
  checklist: string[];
  errors: ContentError[];
}

const CALLOUTS = new Set(['tip', 'warning']);
const KINDS = 'tip, warning, trainer, checklist or question';
const md = createMarkdown();

/** Compiles a lesson; every problem found is in `errors`, each with its line and column. */
export function compileLesson(input: LessonSource): CompiledLesson {
  const errors: ContentError[] = [];
  const report = (line: number, col: number, message: string) =>
    errors.push({ file: input.file, line, col, message });
  const { meta, body, bodyLine } = splitLesson(input.source, input.folderId, report);
  if (body === null) return { lesson: null, questions: [], checklist: [], errors };
  const lines = body.split(/\r?\n/);
  const reportBody = (line: number, col: number, message: string) =>
    report(bodyLine + line + 1, col, message);

  if (body.trim() === '') {
    reportBody(0, 1, 'the lesson is empty: write its text after the front matter');
    return { lesson: null, questions: [], checklist: [], errors };
  }

  const env: ContainerEnv = {};
  const tokens = md.parse(body, env);
  for (const problem of env.containerProblems ?? []) reportBody(problem.line, 1, problem.message);

  const linkContext = { locale: input.locale, lessonIds: input.lessonIds, report: reportBody, lines };
  const ids = new Map<string, number>();
  const context: BlockContext = {
    lines,
    report: reportBody,
    inline(text, from, to) {
      const parsed = md.parseInline(text, env)[0]?.children ?? [];
      checkLinks(parsed, from, to, linkContext);
      return md.renderer.renderInline(parsed, md.options, env);
    },
    blocks(blockTokens) {
      for (const token of blockTokens) {
        if (token.type === 'inline' && token.children) {
          checkLinks(token.children, token.map?.[0] ?? 0, token.map?.[1] ?? 0, linkContext);
        }
      }
      return md.renderer.render(blockTokens, md.options, env);
    },
    claimId(id, line) {
      const first = ids.get(id);
      if (first === undefined) ids.set(id, line);
      else
        reportBody(
          line,
          columnOf(context, line, id),
          `id "${id}" is already used on line ${bodyLine + first + 1}`,
        );
    },
  };

  const blocks: Block[] = [];
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ kind: 'html', html: context.blocks(pending) });
    pending = [];
  };
  for (const block of topLevelBlocks(tokens)) {
    const open = block[0];
    if (open?.type !== 'container_open') {
      pending.push(...block);
      continue;
    }
    flush();
    const next = readContainer(open, inside(block), context);
    const last = blocks[blocks.length - 1];
    if (next?.kind === 'quiz' && last?.kind === 'quiz') last.questions.push(...next.questions);
    else if (next) blocks.push(next);
  }
  flush();

  const questions = blocks.flatMap((block) =>
    block.kind === 'quiz' ? block.questions.map((q) => q.id) : [],
  );
  const checklist = blocks.flatMap((block) =>
    block.kind === 'checklist' ? block.items.map((i) => i.id) : [],
  );
  const lesson: Lesson | null = meta && { ...meta, locale: input.locale, blocks };
  return { lesson, questions, checklist, errors };
}

/** Turns one `:::` block into a lesson block, or reports why it cannot. */
function readContainer(open: Token, content: Token[], context: BlockContext): Block | null {
  const line = open.map?.[0] ?? 0;
  const kind = open.info.split(/\s+/)[0] ?? '';
  if (kind === 'question') {
    const question = readQuestion(open, content, context);
    return question && { kind: 'quiz', questions: [question] };
  }
  if (kind === 'checklist') return { kind: 'checklist', items: readChecklist(open, content, context) };
  if (!CALLOUTS.has(kind) && kind !== 'trainer') {
    context.report(line, columnOf(context, line, kind), `unknown block "${kind}": use ${KINDS}`);
    return null;
  }
  if (content.length === 0) context.report(line, 1, `the "${kind}" block is empty`);
  const html = context.blocks(content);
  return kind === 'trainer'
    ? { kind: 'trainer', html }
    : { kind: 'callout', tone: kind as 'tip' | 'warning', html };
}
