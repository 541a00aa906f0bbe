/**
 * `npm run size`: what a phone downloads on the first visit, gzip-compressed, against budgets.
 * Builds the app first, so the figures are never those of an older build; given a folder
 * (`npm run size -- dist-e2e`), measures that build as it is. Exits 1 when a budget is exceeded.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { manifestPath } from '../compiler/build-manifest.ts';
import { measurePayload } from './payload.ts';

const GIVEN = process.argv[2];
const DIST = path.resolve(GIVEN ?? 'dist');
const MANIFEST = manifestPath(DIST);

/** Budgets in bytes (1 kB = 1,000 bytes): gzip for code, file size for fonts (woff2 is already compressed). */
const BUDGETS = { firstVisitJs: 36_000, css: 8_000, urduFonts: 200_000, hindiFonts: 120_000 };

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

if (!GIVEN || !existsSync(MANIFEST)) await build({ logLevel: 'warn', build: { outDir: DIST } });
const payload = measurePayload(DIST);
const first = payload.firstVisit;

const rows: [string, number, number | null][] = [
  ['JavaScript on first visit (gzip)', first.jsBytes, BUDGETS.firstVisitJs],
  ['CSS on first visit (gzip)', first.cssBytes, BUDGETS.css],
  ['Urdu font files', payload.fonts['noto-nastaliq-urdu'] ?? 0, BUDGETS.urduFonts],
  ['Hindi font files', payload.fonts['noto-sans-devanagari'] ?? 0, BUDGETS.hindiFonts],
  ['Largest lesson chunk', payload.largestLesson.bytes, null],
  ['Whole offline install (gzip)', payload.everything, null],
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
