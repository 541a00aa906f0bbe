/** `lessons stamp <id> <locale>`: records that a translation matches the current English lesson. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_LOCALE } from '../shared/locales.ts';
import { compileCourse } from './course.ts';
import { formatError, sortErrors } from './errors.ts';
import { splitFlow, splitGlossary, splitLesson } from './front-matter.ts';
import { GLOSSARY_FOLDER } from './glossary.ts';
import { flowHash } from './help-flow-card.ts';
import { FLOWS_FOLDER } from './help-flows.ts';
import { sourceHash } from './source-hash.ts';

/** The current source hash of a lesson's en.md, or an error message. */
export function englishHash(dir: string, id: string): string {
  const file = path.join(dir, id, `${SOURCE_LOCALE}.md`);
  if (!existsSync(file))
    throw new Error(`There is no lesson "${id}" (no ${path.join(id, `${SOURCE_LOCALE}.md`)}).`);
  const problems: string[] = [];
  const report = (line: number, col: number, message: string) => problems.push(`${line}:${col}: ${message}`);
  const source = readFileSync(file, 'utf8');
  // The glossary is stamped like a lesson: `stamp glossary ur`; a flow by its folder: `stamp help/flows/<id> ur`.
  const flow = id.startsWith(`${FLOWS_FOLDER}/`) ? id.slice(FLOWS_FOLDER.length + 1) : null;
  const failed = `The English lesson has errors; run "lessons check" first.`;
  if (flow !== null) {
    // A flow's hash covers its card too (help-flow-card.ts).
    const { meta, body } = splitFlow(source, flow, report, false);
    if (!meta || body === null) throw new Error(failed);
    return flowHash(meta, body);
  }
  const { meta, body } =
    id === GLOSSARY_FOLDER ? splitGlossary(source, report, false) : splitLesson(source, id, report);
  if (!meta || body === null) throw new Error(failed);
  return sourceHash(meta.title, meta.summary, body);
}

/**
 * Writes the English hash into the translation's `source_hash`; returns the translation's path.
 * A translation the check refuses (one that sends a link elsewhere, say) is never stamped.
 */
export function stamp(dir: string, id: string, locale: string): string {
  if (locale === SOURCE_LOCALE) throw new Error('Only translations are stamped, not the English lesson.');
  const file = path.join(dir, id, `${locale}.md`);
  if (!existsSync(file)) throw new Error(`There is no translation ${path.join(id, `${locale}.md`)}.`);
  const hash = englishHash(dir, id);
  const problems = compileCourse(dir).errors.filter(
    (error) => path.resolve(error.file) === path.resolve(file),
  );
  if (problems.length > 0)
    throw new Error(
      `${sortErrors(problems).map(formatError).join('\n')}\n\n${path.join(id, `${locale}.md`)} has problems, so it was not marked as up to date: fix them first.`,
    );
  const lines = readFileSync(file, 'utf8').split('\n');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (lines[0]?.trim() !== '---' || end === -1) throw new Error(`${file} has no front matter.`);
  const existing = lines.findIndex((line, index) => index < end && /^source_hash\s*:/.test(line));
  // Quoted, so YAML never reads a hash of digits as a number.
  const line = `source_hash: "${hash}"`;
  if (existing === -1) lines.splice(end, 0, line);
  else lines[existing] = line;
  writeFileSync(file, lines.join('\n'));
  return file;
}
