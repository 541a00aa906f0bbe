/**
 * A large course for benchmarks, made from the real lessons: each lesson is copied under new ids
 * (`passwords-3`, …) until the course has exactly the size asked for, translations included, with
 * lesson links pointing at copies that exist. Realistic text, quizzes and checklists, any size.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GLOSSARY_FOLDER } from '../../compiler/glossary.ts';
import { HELP_FOLDER } from '../../compiler/help-directory.ts';
import { WORKSHOPS_FOLDER } from '../../compiler/workshops.ts';

/** Writes a course of exactly `lessons` lessons into `dir`; returns the number of lessons. */
export function generateCourse(
  source: string,
  dir: string,
  lessons: number,
  locales: readonly string[],
): number {
  // Folders of the course that are not lessons: copied once, as they are.
  const shared = [GLOSSARY_FOLDER, WORKSHOPS_FOLDER, HELP_FOLDER];
  const originals = readdirSync(source, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !shared.includes(entry.name))
    .map((entry) => entry.name)
    .sort();
  const total = Math.max(1, lessons);
  const copies = Math.ceil(total / originals.length);
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(source, GLOSSARY_FOLDER), path.join(dir, GLOSSARY_FOLDER), { recursive: true });
  if (existsSync(path.join(source, HELP_FOLDER)))
    cpSync(path.join(source, HELP_FOLDER), path.join(dir, HELP_FOLDER), { recursive: true });
  copyWorkshops(source, dir);
  pointFlowsAtFirstCopy(dir, new Set(originals.slice(0, total)));
  const modules: string[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    // The last copy may be partial; its links to lessons it lacks point at the first copy.
    const included = originals.slice(0, total - (copy - 1) * originals.length);
    const present = new Set(included);
    const copyOf = (id: string) => `${id}-${present.has(id) ? copy : 1}`;
    modules.push(
      `  - id: part-${copy}\n    title:\n      en: Part ${copy}\n    lessons:\n${included.map((id) => `      - ${id}-${copy}`).join('\n')}`,
    );
    for (const original of included) {
      const folder = path.join(dir, `${original}-${copy}`);
      mkdirSync(folder, { recursive: true });
      for (const locale of locales) {
        let text: string;
        try {
          text = readFileSync(path.join(source, original, `${locale}.md`), 'utf8');
        } catch {
          continue;
        }
        text = text
          .replace(/^id: .*$/m, `id: ${original}-${copy}`)
          .replace(/\(lesson:([a-z0-9-]+)\)/g, (_, target: string) => `(lesson:${copyOf(target)})`);
        writeFileSync(path.join(folder, `${locale}.md`), text);
      }
    }
  }
  writeFileSync(path.join(dir, 'course.yaml'), `modules:\n${modules.join('\n')}\n`);
  return total;
}

/** The workshop plans, their lesson sessions pointing at the first copy of each lesson. */
function copyWorkshops(source: string, dir: string): void {
  const from = path.join(source, WORKSHOPS_FOLDER);
  if (!existsSync(from)) return;
  for (const plan of readdirSync(from, { withFileTypes: true })) {
    if (!plan.isDirectory()) continue;
    const to = path.join(dir, WORKSHOPS_FOLDER, plan.name);
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(path.join(from, plan.name))) {
      const text = readFileSync(path.join(from, plan.name, file), 'utf8');
      writeFileSync(
        path.join(to, file),
        text.replace(/^(-\s*\d+\s*\|\s*lesson\s*\|\s*)([a-z0-9-]+)[ \t]*$/gm, '$1$2-1'),
      );
    }
  }
}

/**
 * The help-now flows, copied with the help folder, read lessons by id: they now name the first
 * copy of each, and leave out a lesson the course is too small to hold.
 */
function pointFlowsAtFirstCopy(dir: string, firstCopy: ReadonlySet<string>): void {
  const flows = path.join(dir, HELP_FOLDER, 'flows');
  if (!existsSync(flows)) return;
  for (const flow of readdirSync(flows, { withFileTypes: true })) {
    if (!flow.isDirectory()) continue;
    for (const file of readdirSync(path.join(flows, flow.name))) {
      const at = path.join(flows, flow.name, file);
      const text = readFileSync(at, 'utf8').replace(/ read=([a-z0-9,-]+)/g, (_, ids: string) => {
        const kept = ids.split(',').filter((id) => firstCopy.has(id));
        return kept.length > 0 ? ` read=${kept.map((id) => `${id}-1`).join(',')}` : '';
      });
      writeFileSync(at, text);
    }
  }
}
