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
  const problems: string[] = [];
  if (translation.errors.length > 0)
    problems.push(`${translation.errors.length} error(s) (run "lessons check")`);
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

/** The lesson × locale matrix of a compiled course. */
export function lessonStatuses(course: CompiledCourse): LessonStatus[] {
  const statuses: LessonStatus[] = [];
  for (const [id, results] of course.compiled) {
    const english = results.get(SOURCE_LOCALE);
    const status: LessonStatus = { id, locales: {} };
    for (const locale of LOCALES) {
      if (locale === SOURCE_LOCALE) continue;
      const translation = results.get(locale);
      if (!translation || !english) {
        status.locales[locale] = { state: 'missing', problems: [] };
        continue;
      }
      const problems = structureProblems(english, translation);
      const stale = translation.sourceHash !== english.hash;
      status.locales[locale] = {
        state: problems.length > 0 ? 'mismatched' : stale ? 'stale' : 'current',
        status: translation.lesson?.translation?.status,
        problems,
      };
    }
    statuses.push(status);
  }
  const english = course.glossaries.get(SOURCE_LOCALE);
  if (english) {
    const status: LessonStatus = { id: 'glossary', locales: {} };
    const ids = (terms: { id: string }[] | undefined) => (terms ?? []).map((term) => term.id).join(' ');
    for (const locale of LOCALES) {
      if (locale === SOURCE_LOCALE) continue;
      const translation = course.glossaries.get(locale);
      if (!translation) {
        status.locales[locale] = { state: 'missing', problems: [] };
        continue;
      }
      const problems: string[] = [];
      if (translation.errors.length > 0)
        problems.push(`${translation.errors.length} error(s) (run "lessons check")`);
      else if (ids(translation.glossary?.terms) !== ids(english.glossary?.terms))
        problems.push('terms differ');
      const state =
        problems.length > 0 ? 'mismatched' : translation.sourceHash !== english.hash ? 'stale' : 'current';
      status.locales[locale] = { state, status: translation.glossary?.translation?.status, problems };
    }
    statuses.push(status);
  }
  statuses.push(...flowStatuses(course));
  return statuses;
}

/** Help-now flows, as `help/flows/<id>`: a translation with errors is mismatched, like a lesson. */
function flowStatuses(course: CompiledCourse): LessonStatus[] {
  return [...course.flows].map(([id, results]) => {
    const english = results.get(SOURCE_LOCALE);
    const status: LessonStatus = { id: `${FLOWS_FOLDER}/${id}`, locales: {} };
    for (const locale of LOCALES) {
      if (locale === SOURCE_LOCALE) continue;
      const translation = results.get(locale);
      if (!translation || !english) {
        status.locales[locale] = { state: 'missing', problems: [] };
        continue;
      }
      const problems =
        translation.errors.length > 0 ? [`${translation.errors.length} error(s) (run "lessons check")`] : [];
      const state =
        problems.length > 0 ? 'mismatched' : translation.sourceHash !== english.hash ? 'stale' : 'current';
      status.locales[locale] = { state, status: translation.flow?.translation?.status, problems };
    }
    return status;
  });
}
