/**
 * `npm run size`: what a phone downloads on the first visit, gzip-compressed, against budgets.
 * Builds the app first, so the figures are never those of an older build; given a folder
 * (`npm run size -- dist-e2e`), measures that build as it is. Exits 1 when a budget is exceeded.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const GIVEN = process.argv[2];
const DIST = path.resolve(GIVEN ?? 'dist');
const MANIFEST = path.join(DIST, '.vite', 'manifest.json');

/** Budgets in bytes (1 kB = 1,000 bytes): gzip for code, file size for fonts (woff2 is already compressed). */
const BUDGETS = { firstVisitJs: 36_000, css: 8_000, urduFonts: 200_000, hindiFonts: 120_000 };

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The entry and everything it imports statically: what loads before the first page shows. */
function firstVisit(manifest: Record<string, ManifestChunk>): { js: string[]; css: string[] } {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('The build manifest has no entry.');
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry[0]);
  return { js: [...js], css: [...css] };
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const relative = path.join(prefix, name);
    if (name === '.vite') return [];
    return statSync(path.join(dir, name)).isDirectory()
      ? allFiles(path.join(dir, name), relative)
      : [relative];
  });
}

if (!GIVEN || !existsSync(MANIFEST)) await build({ logLevel: 'warn', build: { outDir: DIST } });
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
const first = firstVisit(manifest);
const jsBytes = first.js.reduce((sum, file) => sum + gzipSize(file), 0);
const cssBytes = first.css.reduce((sum, file) => sum + gzipSize(file), 0);
const files = allFiles(DIST);
const lessonChunks = files.filter((file) => /^assets\/[a-z0-9-]+\.[a-z]{2}-[\w-]+\.js$/.test(file));
const largestLesson = Math.max(0, ...lessonChunks.map(gzipSize));
const everything = files.reduce((sum, file) => sum + gzipSize(file), 0);
const fontBytes = (family: string) =>
  files
    .filter((file) => file.endsWith('.woff2') && path.basename(file).startsWith(family))
    .reduce((sum, file) => sum + statSync(path.join(DIST, file)).size, 0);

const rows: [string, number, number | null][] = [
  ['JavaScript on first visit (gzip)', jsBytes, BUDGETS.firstVisitJs],
  ['CSS on first visit (gzip)', cssBytes, BUDGETS.css],
  ['Urdu font files', fontBytes('noto-nastaliq-urdu'), BUDGETS.urduFonts],
  ['Hindi font files', fontBytes('noto-sans-devanagari'), BUDGETS.hindiFonts],
  ['Largest lesson chunk', largestLesson, null],
  ['Whole offline install (gzip)', everything, null],
];
console.log(`${'What'.padEnd(34)}${'Size'.padStart(10)}${'Budget'.padStart(10)}  Result`);
let over = false;
for (const [name, bytes, budget] of rows) {
  const ok = budget === null || bytes <= budget;
  over ||= !ok;
  const verdict = budget === null ? '' : ok ? 'ok' : 'OVER BUDGET';
  console.log(
    `${name.padEnd(34)}${kB(bytes).padStart(10)}${(budget === null ? '-' : kB(budget)).padStart(10)}  ${verdict}`,
  );
}
console.log(
  `\nFirst visit loads: ${first.js.join(', ')}${first.css.length ? `, ${first.css.join(', ')}` : ''}`,
);
if (over) {
  console.error('\nOver budget: load more of the app lazily, or trim a dependency.');
  process.exitCode = 1;
}
