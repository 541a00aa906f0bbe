/**
 * `npm run bench`: how the app builds, what it downloads, how Lighthouse rates it and how it runs
 * in Chromium, against the targets. Writes bench/results.json and prints one table, then the gaps
 * with their reasons. A script, not a test: CI does not run it. Needs no manual steps: every build
 * goes to a scratch folder, and Chromium is the system's (see ../chromium.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { LOCALES } from '../../shared/locales.ts';
import { measurePayload } from '../payload.ts';
import { serve } from '../serve.ts';
import { generateCourse } from './course.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureRuntime } from './runtime.ts';
import { failure, measureBuildScale, viteBuild } from './scale.ts';
import { printTable, type Row, verdict } from './table.ts';

/** The size of the course the runtime is measured on. */
const RUNTIME_LESSONS = 200;

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', hi: 'Hindi', ms: 'Malay', ur: 'Urdu' };
const FONTS_OF: Record<string, string> = { hi: ', with Devanagari fonts', ur: ', with the Nastaliq font' };

/** The libraries on the first visit (Preact, i18next, idb), gzip, as the benchmark's targets give them. */
const LIBRARIES_KB = 23.5;

const kB = (bytes: number) => bytes / 1000;

function load(): string {
  return `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores when measured; other work on the machine inflates times`;
}

/** The real course: its download sizes, then Lighthouse on its pages. */
async function measureRealCourse(work: string): Promise<Row[]> {
  const outDir = path.join(work, 'real');
  const built = await viteBuild(path.resolve('lessons'), outDir, path.join(work, 'peak-memory'));
  if (built.code !== 0) {
    const failed = `building the course failed (${failure(built)})`;
    return [
      {
        section: 'Payload',
        name: 'Build of the real course',
        value: undefined,
        unit: '',
        target: null,
        better: 'lower',
        failed,
      },
    ];
  }
  const payload = measurePayload(outDir);
  const section = 'Payload (real course, gzip)';
  const js = kB(payload.firstVisit.jsBytes);
  const largest = path.basename(payload.largestLesson.file).replace(/-[\w-]+\.js$/, '');
  const fonts = Object.values(payload.fonts).reduce((sum, bytes) => sum + bytes, 0);
  const rows: Row[] = [
    {
      section,
      name: 'JavaScript on first visit',
      value: js,
      unit: 'kB',
      target: 30,
      better: 'lower',
      reason:
        `the libraries are about ${LIBRARIES_KB} kB of it (i18next alone about 15.5 kB, then Preact and idb); ` +
        `the app's own code for the first page is the other ${(js - LIBRARIES_KB).toFixed(1)} kB`,
    },
    {
      section,
      name: 'CSS on first visit',
      value: kB(payload.firstVisit.cssBytes),
      unit: 'kB',
      target: null,
      better: 'lower',
    },
    {
      section,
      // Drawn with fonts of only those letters; the page's own words need no font in English.
      name: 'Fonts the language chooser loads (English browser)',
      value: kB(payload.nameFonts),
      unit: 'kB',
      target: 15,
      better: 'lower',
    },
    {
      section,
      name: `Largest lesson chunk (${largest})`,
      value: kB(payload.largestLesson.bytes),
      unit: 'kB',
      target: null,
      better: 'lower',
    },
    {
      section,
      name: 'Precache: shared by every language',
      value: kB(payload.precache.shared),
      unit: 'kB',
      target: null,
      better: 'lower',
    },
    ...LOCALES.map(
      (locale): Row => ({
        section,
        name: `Precache: ${LANGUAGE_NAMES[locale] ?? locale} only${FONTS_OF[locale] ?? ''}`,
        value: kB(payload.precache.byLocale[locale] ?? 0),
        unit: 'kB',
        target: null,
        better: 'lower',
      }),
    ),
    {
      section,
      name: 'Whole offline install (4 languages, fonts, worker)',
      value: kB(payload.everything),
      unit: 'kB',
      target: 1200,
      better: 'lower',
      reason: `fonts are ${kB(fonts).toFixed(1)} kB of it, already compressed`,
    },
  ];
  const server = await serve(outDir);
  try {
    rows.push(...(await measureLighthouse(server.url)));
  } finally {
    await server.close();
  }
  return rows;
}

/** The runtime measures, on a generated course of RUNTIME_LESSONS lessons. */
async function measureLargeCourse(work: string): Promise<Row[]> {
  const lessonsDir = path.join(work, 'runtime-lessons');
  const outDir = path.join(work, 'runtime-dist');
  const count = generateCourse(path.resolve('lessons'), lessonsDir, RUNTIME_LESSONS, LOCALES);
  const built = await viteBuild(lessonsDir, outDir, path.join(work, 'peak-memory'));
  if (built.code !== 0) {
    const failed = `building the ${count}-lesson course failed (${failure(built)})`;
    return [
      {
        section: 'Runtime in Chromium',
        name: `Build of ${count} lessons`,
        value: undefined,
        unit: '',
        target: null,
        better: 'lower',
        failed,
      },
    ];
  }
  const server = await serve(outDir);
  try {
    const rows = await measureRuntime(server.url, lessonsDir, count, work);
    const note = load();
    return rows.map((row) => (verdict(row) === 'MISSED' ? { ...row, reason: note } : row));
  } finally {
    await server.close();
  }
}

/** Runs a part of the benchmark; when it throws, one failed row says so and the rest still runs. */
async function part(section: string, measure: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await measure();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [
      {
        section,
        name: 'Measuring',
        value: undefined,
        unit: '',
        target: null,
        better: 'lower',
        failed: message,
      },
    ];
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const work = mkdtempSync(path.join(tmpdir(), 'safe-online-bench-'));
  const rows: Row[] = [];
  try {
    const step = (what: string) =>
      console.log(`… ${what} (${Math.round((performance.now() - started) / 1000)} s)`);
    step('building the course, measuring its payload and running Lighthouse');
    rows.push(...(await part('Payload and Lighthouse', () => measureRealCourse(work))));
    step('building and checking courses of 100 and 1,000 lessons');
    rows.push(...(await part('Build scale', () => measureBuildScale(work, path.resolve('lessons'), load()))));
    step(`measuring the runtime on ${RUNTIME_LESSONS} lessons in Chromium`);
    rows.push(...(await part('Runtime in Chromium', () => measureLargeCourse(work))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // A reason explains a gap: rows that meet their target keep none.
  const reported = rows.map((row) =>
    verdict(row) === 'MISSED' || row.failed ? row : { ...row, reason: undefined },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log('');
  const { missed } = printTable(reported);
  console.log(`\nThe run took ${(seconds / 60).toFixed(1)} min. Results in bench/results.json.`);

  mkdirSync('bench', { recursive: true });
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cores: cpus().length, node: process.version, loadAverage: loadavg() },
        seconds: Math.round(seconds),
        rows: reported.map((row) => ({ ...row, result: verdict(row) })),
        gaps: missed.map((row) => ({
          name: `${row.section}, ${row.name}`,
          reason: row.failed ?? row.reason,
        })),
      },
      null,
      2,
    )}\n`,
  );
}

await main();
