/**
 * Build scale: `vite build` and `npm run lessons -- check` on generated courses of 100 and 1,000
 * lessons in four languages, each in a child Node process, timed from start to exit, with the
 * child's peak memory (its largest resident set, which counts its worker threads too).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../shared/locales.ts';
import { generateCourse } from './course.ts';
import type { Row } from './table.ts';

const SECTION = 'Build scale';
const SMALL = 100;
const LARGE = 1000;
/** Targets for the largest course: seconds and megabytes (1 MB = 1,000,000 bytes). */
const TARGET_SECONDS = 20;
const TARGET_MB = 1000;
/** Growth no faster than linear: time(1,000) ≤ 10 × time(100), plus this much for timing noise. */
const NOISE = 1.2;
/** A child that takes longer than this is stopped and reported as failed. */
const TIMEOUT_MS = 240_000;

/**
 * Loaded into each child before its program: samples the JavaScript heap, and when the process
 * exits writes its peak resident memory (kB) and the largest heap seen (bytes) as JSON.
 */
const PEAK_MEMORY = `data:text/javascript,${encodeURIComponent(
  [
    "import { writeFileSync } from 'node:fs';",
    'let heap = 0;',
    'const sample = () => { heap = Math.max(heap, process.memoryUsage().heapTotal); };',
    'setInterval(sample, 100).unref();',
    "process.on('exit', () => { sample(); writeFileSync(process.env.BENCH_PEAK_FILE, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, heap })); });",
  ].join(' '),
)}`;

export interface ChildRun {
  seconds: number;
  /** Peak resident memory in MB, or undefined when the child died before it could say. */
  peakMB: number | undefined;
  /** The largest JavaScript heap seen (sampled), in MB: the rest of the peak is native memory. */
  heapMB: number | undefined;
  code: number | null;
  output: string;
}

/** Runs `node <args>` with `env` added; resolves with its time, peak memory, exit code and output. */
export function runMeasured(
  args: string[],
  env: Record<string, string>,
  peakFile: string,
): Promise<ChildRun> {
  rmSync(peakFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', PEAK_MEMORY, ...args], {
      env: { ...process.env, ...env, BENCH_PEAK_FILE: peakFile, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const peak = existsSync(peakFile)
        ? (JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRSS: number; heap: number })
        : undefined;
      resolve({
        seconds,
        // maxRSS is in kibibytes.
        peakMB: peak ? (peak.maxRSS * 1024) / 1e6 : undefined,
        heapMB: peak ? peak.heap / 1e6 : undefined,
        code: signal ? null : code,
        output: signal ? `${output}\nStopped after ${Math.round(seconds)} s (${signal}).` : output,
      });
    });
  });
}

const VITE = path.resolve('node_modules', 'vite', 'bin', 'vite.js');

/** `vite build` of the lessons in `lessonsDir` into `outDir`, in a child process. */
export function viteBuild(lessonsDir: string, outDir: string, peakFile: string): Promise<ChildRun> {
  return runMeasured(
    [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { LESSONS_DIR: lessonsDir },
    peakFile,
  );
}

/** `npm run lessons -- check --dir <lessonsDir>`, as npm runs it (the CLI through tsx), in a child process. */
function lessonsCheck(lessonsDir: string, peakFile: string): Promise<ChildRun> {
  return runMeasured(
    ['--import', 'tsx', path.resolve('src', 'compiler', 'cli.ts'), 'check', '--dir', lessonsDir],
    {},
    peakFile,
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes
const ANSI = /\u001b\[[0-9;]*m/g;

/** A failed child's message, shortened: its error, without the stack. */
export function failure(run: ChildRun): string {
  const lines = run.output
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^(Check|See) https?:/.test(line));
  const start = Math.max(
    0,
    lines.findIndex((line) => /error/i.test(line)),
  );
  // Up to the error object's own fields (code, plugin, hook), which say less than its message.
  const end = lines.findIndex((line, i) => i > start && /^([a-z]+: ['{\d]|\}$)/.test(line));
  const message = lines.slice(start, Math.min(start + 9, end === -1 ? lines.length : end)).join(' ');
  return `exited with ${run.code ?? 'a signal'}: ${message.length > 600 ? `${message.slice(0, 600)}…` : message}`;
}

/** The slowest plugin hooks, from the bundler's own timings report when it prints one. */
function slowestHooks(run: ChildRun): string | undefined {
  const hooks = [...run.output.replace(ANSI, '').matchAll(/^\s*- plugin (\S+ \S+) \((\d+)%, ([\d.]+s)/gm)]
    .slice(0, 3)
    .map((match) => `${match[1]} ${match[3]}`);
  return hooks.length ? `slowest plugin hooks: ${hooks.join(', ')}` : undefined;
}

export async function measureBuildScale(work: string, sourceDir: string, loadNote: string): Promise<Row[]> {
  const rows: Row[] = [];
  const results = new Map<string, Map<number, ChildRun>>([
    ['vite build', new Map()],
    ['lessons check', new Map()],
  ]);
  for (const size of [SMALL, LARGE]) {
    const lessonsDir = path.join(work, `scale-${size}`);
    const outDir = path.join(work, `scale-${size}-dist`);
    const count = generateCourse(sourceDir, lessonsDir, size, LOCALES);
    const peakFile = path.join(work, 'peak-memory');
    const runs: [string, ChildRun][] = [
      ['vite build', await viteBuild(lessonsDir, outDir, peakFile)],
      ['lessons check', await lessonsCheck(lessonsDir, peakFile)],
    ];
    rmSync(outDir, { recursive: true, force: true });
    rmSync(lessonsDir, { recursive: true, force: true });
    const largest = size === LARGE;
    for (const [tool, run] of runs) {
      results.get(tool)?.set(size, run);
      const failed = run.code === 0 ? undefined : failure(run);
      const slow = [tool === 'vite build' ? slowestHooks(run) : undefined, loadNote]
        .filter(Boolean)
        .join('; ');
      rows.push(
        {
          section: SECTION,
          name: `${tool}, ${count.toLocaleString('en')} lessons × ${LOCALES.length} languages: time`,
          value: run.seconds,
          unit: 's',
          target: largest ? TARGET_SECONDS : null,
          better: 'lower',
          failed,
          reason: slow,
        },
        {
          section: SECTION,
          name: `${tool}, ${count.toLocaleString('en')} lessons: time per lesson`,
          value: (run.seconds * 1000) / count,
          unit: 'ms',
          target: null,
          better: 'lower',
        },
        {
          section: SECTION,
          name: `${tool}, ${count.toLocaleString('en')} lessons: peak memory`,
          value: run.peakMB,
          unit: 'MB',
          target: largest ? TARGET_MB : null,
          better: 'lower',
          reason:
            run.heapMB === undefined
              ? undefined
              : `the JavaScript heap peaked at about ${Math.round(run.heapMB)} MB, the rest is native memory (the bundler's, buffers) and code`,
        },
      );
    }
  }
  const factor = LARGE / SMALL;
  for (const [tool, runs] of results) {
    const a = runs.get(SMALL);
    const b = runs.get(LARGE);
    rows.push({
      section: SECTION,
      name: `${tool} growth, t(${LARGE.toLocaleString('en')})/t(${SMALL}) (linear: ≤ ${factor}, +${Math.round((NOISE - 1) * 100)}% noise)`,
      value: a && b ? b.seconds / a.seconds : undefined,
      unit: '×',
      target: Math.round(factor * NOISE * 100) / 100,
      better: 'lower',
      // A run that failed stopped early: its time says little about growth.
      ...(a?.code === 0 && b?.code === 0
        ? { reason: 'the time grows faster than the course' }
        : { failed: 'a run failed (see above), so its time is only up to the failure' }),
    });
  }
  return rows;
}
