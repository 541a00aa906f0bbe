/** Compiles one lesson file (front matter + markdown) into the data the app renders. */
import type { Token } from 'markdown-it';
import { direction } from '../shared/locales.ts';
import type { Block, Lesson } from '../shared/types.ts';
import { type BidiEnv, findDirectionControls } from './bidi.ts';
import type { ContainerEnv } from './containers.ts';
import type { ContentError } from './errors.ts';
import {
  type FrontMatter,
  splitLesson,
  splitTranslation,
  type TranslationFrontMatter,
} from './front-matter.ts';
import { compareLawNotes, type LawContext, readLawNote } from './law-notes.ts';
import { type LinkPolicy, STRICT_POLICY } from './link-trust.ts';
import { checkLinks, type FoundLink } from './links.ts';
import { createMarkdown, inside, topLevelBlocks } from './markdown.ts';
import { type BlockContext, columnOf, readChecklist, readQuestion } from './questions.ts';
import { sourceHash } from './source-hash.ts';
import { compareWithSource } from './translation.ts';
import { compareLinks } from './translation-links.ts';

export interface LessonSource {
  source: string;
  /** Path shown in error messages. */
  file: string;
  /** Name of the lesson's folder: the lesson id. */
  folderId: string;
  locale: string;
  /** Ids of every lesson in the course, to check lesson links. */
  lessonIds: ReadonlySet<string>;
  /** Ids of the glossary's terms, to check term links. */
  termIds?: ReadonlySet<string>;
  /** Set for a translation: the compiled English lesson it must match (null if en.md has errors). */
  english?: EnglishSource | null;
  /** What course.yaml allows beyond https-only links that keep the English targets. */
  policy?: LinkPolicy;
  /** Today, to find law notes dated in the future or not checked for six months. */
  now?: Date;
}

/** What a translation takes from its English lesson. */
export interface EnglishSource {
  lesson: Lesson;
  hash: string;
  /** Every link target of en.md, as written. */
  links?: readonly string[];
}

/** The parts of a lesson a translation must keep: checked by `lessons status`. */
export interface Outline {
  headings: string[];
  links: string[];
  images: string[];
}

export interface CompiledLesson {
  /** Null when the lesson has errors that leave nothing to show. */
  lesson: Lesson | null;
  questions: string[];
  checklist: string[];
  errors: ContentError[];
  /** Problems that do not stop the build: law notes not checked for six months. */
  warnings: ContentError[];
  /** For an English lesson: the hash its translations record as `source_hash`. */
  hash: string | null;
  /** For a translation: the `source_hash` it records. */
  sourceHash: string | null;
  outline: Outline;
  /** Every link target as written, in reading order, found as the links are checked. */
  links: string[];
}

const CALLOUTS = new Set(['tip', 'warning']);
const KINDS = 'tip, warning, trainer, checklist, question or law';
const md = createMarkdown();

/** Compiles a lesson; every problem found is in `errors`, each with its line and column. */
export function compileLesson(input: LessonSource): CompiledLesson {
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const report = (line: number, col: number, message: string) =>
    errors.push({ file: input.file, line, col, message });
  const isTranslation = input.english !== undefined;
  // Line breaks as markdown-it reads them (a lone CR is one too), so that every line number agrees.
  const source = input.source.replace(/\r\n?/g, '\n');
  const split = isTranslation
    ? splitTranslation(source, input.folderId, report, input.english?.lesson)
    : splitLesson(source, input.folderId, report);
  const { body, bodyLine } = split;
  const empty: CompiledLesson = {
    lesson: null,
    questions: [],
    checklist: [],
    errors,
    warnings,
    hash: null,
    sourceHash: null,
    outline: { headings: [], links: [], images: [] },
    links: [],
  };
  findDirectionControls(source, report);
  if (body === null) return empty;
  const lines = body.split(/\r?\n/);
  const reportBody = (line: number, col: number, message: string) =>
    report(bodyLine + line + 1, col, message);

  if (body.trim() === '') {
    reportBody(0, 1, 'the lesson is empty: write its text after the front matter');
    return empty;
  }

  const env: ContainerEnv & BidiEnv = { rtl: direction(input.locale) === 'rtl' };
  const tokens = md.parse(body, env);
  // Before rendering, which rewrites lesson links for the locale.
  const outline = outlineOf(tokens);
  for (const problem of env.containerProblems ?? []) reportBody(problem.line, 1, problem.message);

  const found: FoundLink[] = [];
  const linkContext = {
    locale: input.locale,
    lessonIds: input.lessonIds,
    termIds: input.termIds ?? new Set<string>(),
    report: reportBody,
    lines,
    policy: input.policy,
    found,
  };
  const ids = new Map<string, number>();
  const positions = new Map<string, number>();
  const context: LawContext = {
    now: input.now ?? new Date(),
    translation: isTranslation,
    warn: (line, col, message) =>
      warnings.push({ file: input.file, line: bodyLine + line + 1, col, message }),
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
    place(key, line) {
      positions.set(key, bodyLine + line + 1);
    },
    claimId(id, line) {
      context.place(id, line);
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
  // The level of the last heading, so a law note's heading fits the outline (the title is h1).
  let heading = 1;
  const lawLines: number[] = [];
  const lawTitles = new Map<string, number>();
  for (const block of topLevelBlocks(tokens)) {
    const open = block[0];
    if (open?.type !== 'container_open') {
      if (open?.type === 'heading_open') heading = Number(open.tag.slice(1));
      pending.push(...block);
      continue;
    }
    flush();
    if (open.info.split(/\s+/)[0] === 'law') {
      const line = open.map?.[0] ?? 0;
      lawLines.push(bodyLine + line + 1);
      const note = readLawNote(open, inside(block), context, Math.min(heading + 1, 6));
      if (!note) continue;
      // The note's name is its landmark's name: two alike could not be told apart.
      const name = `${note.country} ${note.title}`;
      const first = lawTitles.get(name);
      if (first === undefined) lawTitles.set(name, line);
      else
        reportBody(
          line,
          1,
          `a ${note.country} law note on "${note.title}" is already on line ${bodyLine + first + 1}: say it once`,
        );
      blocks.push(note);
      continue;
    }
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
  if (!isTranslation) {
    const meta = split.meta as FrontMatter | null;
    const lesson: Lesson | null = meta && { ...meta, locale: input.locale, blocks };
    const hash = meta && sourceHash(meta.title, meta.summary, body);
    const links = found.map((link) => link.href);
    return { lesson, questions, checklist, errors, warnings, hash, sourceHash: null, outline, links };
  }

  const meta = split.meta as TranslationFrontMatter | null;
  const english = input.english;
  if (english) {
    compareWithSource(english.lesson, blocks, { positions, report, bodyLine: bodyLine + 1 });
    compareLawNotes(english.lesson.blocks, blocks, lawLines, bodyLine + 1, report);
  }
  if (english?.links)
    compareLinks(english.links, found, input.locale, input.policy ?? STRICT_POLICY, reportBody);
  const lesson: Lesson | null =
    meta && english
      ? {
          id: meta.id,
          title: meta.title,
          summary: meta.summary,
          level: english.lesson.level,
          minutes: english.lesson.minutes,
          reviewed: english.lesson.reviewed,
          tags: meta.tags ?? english.lesson.tags,
          locale: input.locale,
          blocks,
          translation: { status: meta.status, stale: meta.sourceHash !== english.hash },
        }
      : null;
  const links = found.map((link) => link.href);
  return {
    lesson,
    questions,
    checklist,
    errors,
    warnings,
    hash: null,
    sourceHash: meta?.sourceHash ?? null,
    outline,
    links,
  };
}

/** Headings, link targets and images in reading order, as written by the author. */
function outlineOf(tokens: readonly Token[]): Outline {
  const outline: Outline = { headings: [], links: [], images: [] };
  for (const token of tokens) {
    if (token.type === 'heading_open') outline.headings.push(token.tag);
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') outline.links.push(String(child.attrGet('href') ?? ''));
      if (child.type === 'image') outline.images.push(String(child.attrGet('src') ?? ''));
    }
  }
  return outline;
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
