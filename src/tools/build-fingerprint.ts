/**
 * A content hash of everything a build is made from: lessons, interface strings, the site profile,
 * the app's code and its build settings. The workshop reuses a build only when this is unchanged,
 * so it never serves a stale build, or one made with another profile, without a word.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files and folders, relative to the project, that every build reads besides the lessons and the profile. */
const SOURCES = ['src', 'locales', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.app.json'];

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

/** The fingerprint of a build of `profile` from `lessons`, made in `project`. */
export function buildFingerprint(profile: string, lessons: string, project = '.', siteRoot = 'site'): string {
  const hash = createHash('sha256');
  hash.update(`profile\0${profile}\0`);
  const inputs: [string, string][] = [
    ...SOURCES.map((source) => [project, path.join(project, source)] as [string, string]),
    [lessons, lessons],
    [siteRoot, path.join(siteRoot, profile)],
  ];
  for (const [base, entry] of inputs) {
    for (const file of files(entry)) {
      // Names and contents both count: a renamed lesson is a different course.
      hash.update(`${path.relative(base, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}
