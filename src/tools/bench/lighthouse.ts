/**
 * Lighthouse (its mobile defaults: a mid-range phone, simulated slow 4G and CPU) on the home page
 * and a lesson, in English and Urdu, against the system Chromium: a fresh browser for each run,
 * three runs a page, the run with the median performance score reported.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';
import type { Row } from './table.ts';

const SECTION = 'Lighthouse (mobile, median of 3)';
const RUNS = 3;
const CATEGORIES = [
  { id: 'performance', label: 'performance', target: 98 },
  { id: 'accessibility', label: 'accessibility', target: 100 },
  { id: 'best-practices', label: 'best practices', target: 100 },
] as const;

/** A real lesson of the course. */
const LESSON = 'passwords';

const PAGES = [
  { name: 'en home', hash: '#/en/' },
  { name: 'en lesson', hash: `#/en/lessons/${LESSON}` },
  { name: 'ur home', hash: '#/ur/' },
  { name: 'ur lesson', hash: `#/ur/lessons/${LESSON}` },
];

type Audit = Result['audits'][string];

/** The audits that cost a category points: id, with the measured value where there is one. */
function failingAudits(category: Result['categories'][string], audits: Result['audits']): string[] {
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => audits[ref.id])
    .filter((audit): audit is Audit => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => (audit.displayValue ? `${audit.id} (${audit.displayValue})` : audit.id));
}

/** Bytes of script the page itself fetched (compressed, as sent), not the service worker's copies. */
function scriptBytes(audits: Result['audits']): number {
  const details = audits['network-requests']?.details;
  const items = details?.type === 'table' ? details.items : [];
  return items
    .filter((item) => item.resourceType === 'Script' && item.sessionTargetType === 'page')
    .reduce((sum, item) => sum + (typeof item.transferSize === 'number' ? item.transferSize : 0), 0);
}

async function run(url: string, chromePath: string): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES.map((category) => category.id),
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result.');
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
  }
}

/**
 * What moved, and by how much, while `url` loaded on a Lighthouse-sized phone screen with the CPU
 * slowed four times: Lighthouse 12 cannot name the elements with this Chromium's traces.
 */
async function layoutShifts(url: string, chromePath: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.addInitScript(`
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          const node = entry.sources.map((source) => source.node).find(Boolean);
          const name = node ? node.nodeName.toLowerCase() + (node.className ? '.' + String(node.className).split(' ')[0] : '') : 'unknown';
          window.__shifts.push({ name, value: entry.value });
        }
      }).observe({ type: 'layout-shift', buffered: true });`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    // Long enough for the service worker to save the app and say so.
    await page.waitForTimeout(6000);
    const shifts = (await page.evaluate('window.__shifts')) as { name: string; value: number }[];
    return shifts.length
      ? shifts.map((shift) => `${shift.name} moved (${shift.value.toFixed(3)})`).join(', ')
      : 'no shift seen outside Lighthouse';
  } finally {
    await browser.close();
  }
}

/** Audits that axe cannot judge on parts of a page the browser has not laid out. */
const NOT_LAID_OUT = /^(color-contrast|target-size)$/;
const NOT_LAID_OUT_REASON =
  'lesson parts below the screen are laid out only as they come near (content-visibility: auto), ' +
  'and axe reads no colours or sizes for parts not laid out; with them laid out, axe finds nothing ' +
  '(the end-to-end accessibility test checks that)';

export async function measureLighthouse(url: string): Promise<Row[]> {
  const rows: Row[] = [];
  const chromePath = findChromium();
  for (const page of PAGES) {
    try {
      const results: Result[] = [];
      for (let i = 0; i < RUNS; i++) results.push(await run(`${url}${page.hash}`, chromePath));
      const score = (lhr: Result) => lhr.categories.performance?.score ?? 0;
      const sorted = [...results].sort((a, b) => score(a) - score(b));
      const lhr = sorted[Math.floor((sorted.length - 1) / 2)] as Result;
      const audits = lhr.audits;
      const shifted = (audits['cumulative-layout-shift']?.score ?? 1) < 1;
      const shifts = shifted ? await layoutShifts(`${url}${page.hash}`, chromePath) : '';
      for (const { id, label, target } of CATEGORIES) {
        const category = lhr.categories[id];
        const failing = category ? failingAudits(category, audits) : [];
        const value = category?.score;
        rows.push({
          section: SECTION,
          name: `${page.name}: ${label}`,
          value: typeof value === 'number' ? Math.round(value * 100) : undefined,
          unit: '',
          target,
          better: 'higher',
          reason: failing.length
            ? `audits below full marks: ${failing.join(', ')}` +
              (id === 'performance' && shifted ? `; layout shifts: ${shifts}` : '') +
              (id === 'performance'
                ? `; Lighthouse's CPU benchmark index ${lhr.environment.benchmarkIndex}`
                : '') +
              (id === 'accessibility' && failing.some((audit) => NOT_LAID_OUT.test(audit))
                ? `; ${NOT_LAID_OUT_REASON}`
                : '')
            : undefined,
          detail: `every run: ${results.map((result) => Math.round((result.categories[id]?.score ?? 0) * 100)).join(', ')}`,
          ...(typeof value === 'number' ? {} : { failed: `no ${label} score` }),
        });
      }
      for (const [id, label] of [
        ['largest-contentful-paint', 'LCP'],
        ['total-blocking-time', 'TBT'],
      ] as const) {
        rows.push({
          section: SECTION,
          name: `${page.name}: ${label}`,
          value: audits[id]?.numericValue,
          unit: 'ms',
          target: null,
          better: 'lower',
        });
      }
      rows.push({
        section: SECTION,
        name: `${page.name}: JavaScript the page loaded`,
        value: scriptBytes(audits) / 1000,
        unit: 'kB',
        target: null,
        better: 'lower',
      });
    } catch (error) {
      for (const { label, target } of CATEGORIES) {
        rows.push({
          section: SECTION,
          name: `${page.name}: ${label}`,
          value: undefined,
          unit: '',
          target,
          better: 'higher',
          failed: `Lighthouse failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
  }
  return rows;
}
