/**
 * The app's own texts beside the lessons: interface strings (locales/*.json) and site profiles
 * (site/<name>/site.yaml). `lessons check` refuses invisible direction controls in them, as in
 * lessons: a volunteer's translation of a button could otherwise reorder what a learner reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findDirectionControls } from './bidi.ts';
import type { ContentError } from './errors.ts';

/** Every direction control in `locales/*.json` and `site/<name>/site.yaml` under `root`. */
export function appTextProblems(root = '.'): ContentError[] {
  const files = [
    ...listed(path.join(root, 'locales'), (name) => name.endsWith('.json')),
    ...listed(path.join(root, 'site'), () => true)
      .map((folder) => path.join(folder, 'site.yaml'))
      .filter((file) => existsSync(file)),
  ];
  const errors: ContentError[] = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    findDirectionControls(
      readFileSync(file, 'utf8'),
      (line, col, message) => errors.push({ file: shown, line, col, message }),
      true,
    );
  }
  return errors;
}

function listed(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .map((name) => path.join(dir, name));
}
