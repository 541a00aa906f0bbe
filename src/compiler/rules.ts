/** The content rules of course.yaml, applied to each English lesson. */
import type { Lesson } from '../shared/types.ts';
import type { CourseRules } from './course-file.ts';
import type { ContentError } from './errors.ts';
import type { CompiledLesson } from './lesson.ts';

/** Words of lesson text a learner reads: prose and callouts, not trainer or law notes, quiz or checklist. */
export function countWords(lesson: Lesson): number {
  const text = lesson.blocks
    .map((block) => (block.kind === 'html' || block.kind === 'callout' ? block.html : ''))
    .join(' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** True when the lesson ends with a "Further reading" section holding at least one web link. */
function hasFurtherReading(lesson: Lesson): boolean {
  const html = lesson.blocks.map((block) => (block.kind === 'html' ? block.html : '')).join('\n');
  const headings = [...html.matchAll(/<h2[^>]*>Further reading<\/h2>/g)];
  const at = headings.at(-1)?.index ?? -1;
  return at !== -1 && /<a href="https?:\/\//.test(html.slice(at));
}

function monthsBetween(from: string, now: Date): number {
  const date = new Date(`${from}T00:00:00Z`);
  return (
    (now.getUTCFullYear() - date.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - date.getUTCMonth()) -
    (now.getUTCDate() < date.getUTCDate() ? 1 : 0)
  );
}

/** Every way `result` breaks `rules`, reported at the top of the lesson file. */
export function checkRules(
  result: CompiledLesson,
  rules: CourseRules,
  file: string,
  now: Date,
): ContentError[] {
  const lesson = result.lesson;
  if (!lesson) return [];
  const errors: ContentError[] = [];
  const report = (message: string) =>
    errors.push({ file, line: 1, col: 1, message: `${message} (rules in course.yaml)` });
  const range = (name: string, count: number, [low, high]: [number, number]) => {
    if (count < low || count > high) report(`${name}: ${count}, but this course asks for ${low} to ${high}`);
  };
  if (rules.quiz) range('questions in the quiz', result.questions.length, rules.quiz);
  if (rules.checklist) range('checklist items', result.checklist.length, rules.checklist);
  if (rules.words) range('words of lesson text', countWords(lesson), rules.words);
  if (rules.furtherReading && !hasFurtherReading(lesson)) {
    report('the lesson needs a "## Further reading" section with at least one link, at the end');
  }
  if (
    rules.reviewWithinMonths !== undefined &&
    monthsBetween(lesson.reviewed, now) >= rules.reviewWithinMonths
  ) {
    report(
      `"reviewed" is ${lesson.reviewed}: check the advice again and update the date (every ${rules.reviewWithinMonths} months)`,
    );
  }
  return errors;
}
