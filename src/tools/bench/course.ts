/**
 * A large course for benchmarks, made from the real lessons: each lesson is copied under new ids
 * (`passwords-3`, …) until the course has the size asked for, translations included, with lesson
 * links pointing at copies that exist. Realistic text and quizzes, any size.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GLOSSARY_FOLDER } from '../../compiler/glossary.ts';

/** Writes a course of about `lessons` lessons (a whole number of copies of the real ones) into `dir`. */
export function generateCourse(
  source: string,
  dir: string,
  lessons: number,
  locales: readonly string[],
): number {
  const originals = readdirSync(source, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== GLOSSARY_FOLDER)
    .map((entry) => entry.name)
    .sort();
  const copies = Math.max(1, Math.ceil(lessons / originals.length));
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(source, GLOSSARY_FOLDER), path.join(dir, GLOSSARY_FOLDER), { recursive: true });
  const modules: string[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    const ids = originals.map((id) => `${id}-${copy}`);
    modules.push(
      `  - id: part-${copy}\n    title:\n      en: Part ${copy}\n    lessons:\n${ids.map((id) => `      - ${id}`).join('\n')}`,
    );
    for (const original of originals) {
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
          .replace(/\(lesson:([a-z0-9-]+)\)/g, (_, target: string) => `(lesson:${target}-${copy})`);
        writeFileSync(path.join(folder, `${locale}.md`), text);
      }
    }
  }
  writeFileSync(path.join(dir, 'course.yaml'), `modules:\n${modules.join('\n')}\n`);
  return copies * originals.length;
}
