/** `npm run lessons -- check [--dir DIR]`: validates a lessons folder and prints every problem. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileCourse } from './course.ts';
import { formatError, sortErrors } from './errors.ts';
import { lessonsDir } from './options.ts';

const USAGE = `Usage: npm run lessons -- check [--dir DIR]

  check      read every lesson and report every problem as file:line:column: message
  --dir DIR  the lessons folder (default: LESSONS_DIR, or ./lessons)`;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Runs the CLI; returns the exit code. */
export function main(args: string[], out = console.log, err = console.error): number {
  const [command, ...rest] = args;
  if (command !== 'check') {
    err(command && command !== '--help' ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return command === '--help' ? 0 : 2;
  }
  let dir = lessonsDir();
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--dir' && rest[i + 1]) dir = path.resolve(rest[++i] as string);
    else {
      err(`Unknown option "${rest[i]}".\n\n${USAGE}`);
      return 2;
    }
  }
  const course = compileCourse(dir);
  if (course.errors.length > 0) {
    for (const error of sortErrors(course.errors)) err(formatError(error));
    err(`\n${plural(course.errors.length, 'problem')} found.`);
    return 1;
  }
  let translations = 0;
  for (const byLocale of course.lessons.values()) translations += byLocale.size - 1;
  const questions = course.entries.reduce((sum, entry) => sum + entry.questions.length, 0);
  const items = course.entries.reduce((sum, entry) => sum + entry.checklist.length, 0);
  out(
    `OK: ${plural(course.entries.length, 'lesson')} in ${plural(course.modules.length, 'module')}, ` +
      `${plural(questions, 'question')}, ${plural(items, 'checklist item')}, ${plural(translations, 'translation')}.`,
  );
  return 0;
}

// Run only when started as a program, not when a test imports `main`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = main(process.argv.slice(2));
