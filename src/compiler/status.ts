/** `lessons status`: where each translation stands against its English lesson. */
import { LOCALES, SOURCE_LOCALE } from '../shared/locales.ts';
import type { Block } from '../shared/types.ts';
import type { CompiledCourse } from './course.ts';
import { FLOWS_FOLDER } from './help-flows.ts';
import type { CompiledLesson } from './lesson.ts';

export type TranslationState = 'missing' | 'current' | 'stale' | 'mismatched';

export interface LessonStatus {
  id: string;
  locales: Record<string, { state: TranslationState; status?: string; problems: string[] }>;
}

function quizShape(blocks: readonly Block[]): string {
  return blocks
    .flatMap((block) => {
      if (block.kind === 'quiz') {
        return block.questions.map(
          (question) =>
            `${question.id}:${question.type}:${question.options.map((option) => `${option.id}${option.correct ? '*' : ''}`).join('/')}`,
        );
      }
      return block.kind === 'checklist' ? block.items.map((item) => `check:${item.id}`) : [];
    })
    .join(' ');
}

/** What differs in structure between a translation and its English lesson. */
export function structureProblems(english: CompiledLesson, translation: CompiledLesson): string[] {
  const problems = errorProblems(translation);
  if (english.outline.headings.join(' ') !== translation.outline.headings.join(' '))
    problems.push('headings differ');
  const links = (lesson: CompiledLesson) => [...lesson.outline.links].sort().join(' ');
  if (links(english) !== links(translation)) problems.push('links differ');
  if (english.outline.images.join(' ') !== translation.outline.images.join(' '))
    problems.push('images differ');
  if (
    english.lesson &&
    translation.lesson &&
    quizShape(english.lesson.blocks) !== quizShape(translation.lesson.blocks)
  ) {
    problems.push('quiz or checklist differs');
  }
  return problems;
}

/** The error count as a problem, the way every kind of content reports it. */
function errorProblems(translation: { errors: readonly unknown[] }): string[] {
  return translation.errors.length > 0 ? [`${translation.errors.length} error(s) (run "lessons check")`] : [];
}

/**
 * One row of the matrix: each translation in `results` against the English one, `mismatched` when
 * `compare` finds problems, else `stale` or `current` by the English hash it records.
 */
function statusRow<T extends { hash: string | null; sourceHash: string | null }>(
  id: string,
  results: ReadonlyMap<string, T>,
  compare: (english: T, translation: T) => string[],
  statusOf: (translation: T) => string | undefined,
): LessonStatus {
  const english = results.get(SOURCE_LOCALE);
  const status: LessonStatus = { id, locales: {} };
  for (const locale of LOCALES) {
    if (locale === SOURCE_LOCALE) continue;
    const translation = results.get(locale);
    if (!translation || !english) {
      status.locales[locale] = { state: 'missing', problems: [] };
      continue;
    }
    const problems = compare(english, translation);
    const stale = translation.sourceHash !== english.hash;
    status.locales[locale] = {
      state: problems.length > 0 ? 'mismatched' : stale ? 'stale' : 'current',
      status: statusOf(translation),
      problems,
    };
  }
  return status;
}

/** The lesson × locale matrix of a compiled course, then the glossary and the help-now flows. */
export function lessonStatuses(course: CompiledCourse): LessonStatus[] {
  const statuses = [...course.compiled].map(([id, results]) =>
    statusRow(id, results, structureProblems, (translation) => translation.lesson?.translation?.status),
  );
  if (course.glossaries.has(SOURCE_LOCALE)) {
    const ids = (terms: { id: string }[] | undefined) => (terms ?? []).map((term) => term.id).join(' ');
    statuses.push(
      statusRow(
        'glossary',
        course.glossaries,
        (english, translation) => {
          const problems = errorProblems(translation);
          if (problems.length === 0 && ids(translation.glossary?.terms) !== ids(english.glossary?.terms))
            problems.push('terms differ');
          return problems;
        },
        (translation) => translation.glossary?.translation?.status,
      ),
    );
  }
  // Help-now flows, as `help/flows/<id>`: a translation with errors is mismatched, like a lesson.
  for (const [id, results] of course.flows)
    statuses.push(
      statusRow(
        `${FLOWS_FOLDER}/${id}`,
        results,
        (_, translation) => errorProblems(translation),
        (translation) => translation.flow?.translation?.status,
      ),
    );
  return statuses;
}
