/**
 * `npm run lessons -- <command>`:
 *   check [--dir DIR]            validate a lessons folder and print every problem
 *   status [--json] [--dir DIR]  where each translation stands, interface-string coverage, agreed terms
 *   stamp <id> <locale> [--dir DIR]  record a reviewed translation as matching the English
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOCALES, SOURCE_LOCALE } from '../shared/locales.ts';
import { appTextProblems } from './app-texts.ts';
import { compileCourse } from './course.ts';
import { formatError, sortErrors } from './errors.ts';
import { lessonsDir } from './options.ts';
import { stamp } from './stamp.ts';
import { lessonStatuses } from './status.ts';
import { checkStrings, type StringsReport } from './strings.ts';
import { forbiddenUses, readTermbases, translatedFiles } from './termbase.ts';

const USAGE = `Usage: npm run lessons -- <command>

  check [--dir DIR]                 read every lesson and report every problem as file:line:column: message
  status [--json] [--dir DIR]       show each translation: missing, current, stale or mismatched,
                                    and every variant a termbase forbids (locales/termbase/*.tbx)
  stamp <id> <locale> [--dir DIR]   mark a checked translation as up to date with the English lesson

  --dir DIR   the lessons folder (default: LESSONS_DIR, or ./lessons)`;

type Print = (line: string) => void;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function check(dir: string, out: Print, err: Print): number {
  const course = compileCourse(dir);
  for (const warning of sortErrors(course.warnings)) err(`${formatError(warning)} (warning)`);
  // The app's interface strings and site profiles, beside the lessons.
  const errors = [...course.errors, ...appTextProblems()];
  if (errors.length > 0) {
    for (const error of sortErrors(errors)) err(formatError(error));
    err(`\n${plural(errors.length, 'problem')} found.`);
    return 1;
  }
  let translations = 0;
  for (const byLocale of course.lessons.values()) translations += byLocale.size - 1;
  const questions = course.entries.reduce((sum, entry) => sum + entry.questions.length, 0);
  const items = course.entries.reduce((sum, entry) => sum + entry.checklist.length, 0);
  out(
    `OK: ${plural(course.entries.length, 'lesson')} in ${plural(course.modules.length, 'module')}, ` +
      `${plural(questions, 'question')}, ${plural(items, 'checklist item')}, ${plural(translations, 'translation')}` +
      `${course.help ? `, ${course.help.entries.length} help directory entr${course.help.entries.length === 1 ? 'y' : 'ies'}` : ''}` +
      `${course.flows.size > 0 ? `, ${plural(course.flows.size, 'help-now flow')}` : ''}.`,
  );
  return 0;
}

/** Interface strings of each translated locale, from the locales folder beside the app. */
function stringReports(localesDir: string): StringsReport[] {
  const read = (locale: string) => JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), 'utf8'));
  const english = read(SOURCE_LOCALE);
  return LOCALES.filter((locale) => locale !== SOURCE_LOCALE).map((locale) =>
    existsSync(path.join(localesDir, `${locale}.json`))
      ? checkStrings(locale, english, read(locale))
      : { locale, missing: ['(no file)'], placeholders: [], plurals: [], extra: [] },
  );
}

/** For each termbase, its own errors and every use of a variant it forbids, as `path:line:col: message`. */
function termReports(dir: string): { locale: string; problems: string[] }[] {
  return readTermbases(path.resolve('locales', 'termbase')).map((termbase) => {
    const files = [
      ...translatedFiles(dir, termbase.locale),
      path.resolve('locales', `${termbase.locale}.json`),
    ];
    const uses = files
      .filter((file) => existsSync(file))
      .flatMap((file) =>
        forbiddenUses(termbase, path.relative(process.cwd(), file), readFileSync(file, 'utf8')),
      );
    return { locale: termbase.locale, problems: sortErrors([...termbase.errors, ...uses]).map(formatError) };
  });
}

function status(dir: string, json: boolean, out: Print): number {
  const lessons = lessonStatuses(compileCourse(dir));
  const strings = stringReports(path.resolve('locales'));
  const terms = termReports(dir);
  const mismatched = lessons.some((lesson) =>
    Object.values(lesson.locales).some((entry) => entry.state === 'mismatched'),
  );
  if (json) {
    out(JSON.stringify({ lessons, strings, terms }, null, 2));
    return mismatched ? 1 : 0;
  }
  const others = LOCALES.filter((locale) => locale !== SOURCE_LOCALE);
  const width = Math.max(6, ...lessons.map((lesson) => lesson.id.length)) + 2;
  out(`${'Lesson'.padEnd(width)}${others.map((locale) => locale.padEnd(22)).join('')}`);
  for (const lesson of lessons) {
    const cells = others.map((locale) => {
      const entry = lesson.locales[locale];
      const text = entry
        ? `${entry.state}${entry.status && entry.state !== 'missing' ? ` (${entry.status})` : ''}`
        : '';
      return text.padEnd(22);
    });
    out(`${lesson.id.padEnd(width)}${cells.join('')}`);
  }
  for (const lesson of lessons) {
    for (const [locale, entry] of Object.entries(lesson.locales)) {
      if (entry.problems.length > 0) out(`  ${lesson.id}/${locale}.md: ${entry.problems.join('; ')}`);
    }
  }
  out('\nInterface strings (locales/*.json):');
  for (const report of strings) {
    const issues = [
      report.missing.length &&
        `${report.missing.length} missing (${report.missing.slice(0, 5).join(', ')}${report.missing.length > 5 ? ', …' : ''})`,
      report.placeholders.length && `placeholders differ in ${report.placeholders.join(', ')}`,
      report.plurals.length &&
        `plural forms differ from the language's rules in ${report.plurals.join(', ')}`,
      report.extra.length && `${report.extra.length} not in en.json (${report.extra.slice(0, 5).join(', ')})`,
    ].filter(Boolean);
    out(`  ${report.locale}: ${issues.length ? issues.join('; ') : 'complete'}`);
  }
  out('\nAgreed terms (locales/termbase/*.tbx):');
  if (terms.length === 0) out('  no termbase');
  for (const report of terms) {
    out(
      `  ${report.locale}: ${report.problems.length ? `${report.problems.length} to fix` : 'agreed terms used throughout'}`,
    );
    for (const problem of report.problems) out(`    ${problem}`);
  }
  if (mismatched) out('\nSome translations do not match the structure of their English lesson (see above).');
  return mismatched ? 1 : 0;
}

/** Runs the CLI; returns the exit code. */
export function main(args: string[], out: Print = console.log, err: Print = console.error): number {
  const positional: string[] = [];
  let dir = lessonsDir();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--dir' && args[i + 1]) dir = path.resolve(args[++i] as string);
    else if (arg === '--json') json = true;
    else if (arg === '--help') {
      out(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      err(`Unknown option "${arg}".\n\n${USAGE}`);
      return 2;
    } else positional.push(arg);
  }
  const [command, ...rest] = positional;
  if (command === 'check' && rest.length === 0) return check(dir, out, err);
  if (command === 'status' && rest.length === 0) return status(dir, json, out);
  if (command === 'stamp' && rest.length === 2) {
    try {
      const file = stamp(dir, rest[0] as string, rest[1] as string);
      out(
        `Stamped ${path.relative(process.cwd(), file)}: it now counts as up to date with the English lesson.`,
      );
      return 0;
    } catch (error) {
      err((error as Error).message);
      return 1;
    }
  }
  err(command ? `Unknown command "${[command, ...rest].join(' ')}".\n\n${USAGE}` : USAGE);
  return 2;
}

// Run only when started as a program, not when a test imports `main`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = main(process.argv.slice(2));
