/** Build options shared by the Vite plugin and the CLI. */
import path from 'node:path';

/** The lessons folder: `LESSONS_DIR` if set, else ./lessons, resolved from the working folder. */
export function lessonsDir(): string {
  return path.resolve(process.env.LESSONS_DIR || 'lessons');
}
