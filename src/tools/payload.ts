/**
 * What a build makes a phone download, gzip-compressed: the first visit, fonts, lesson chunks, the
 * whole offline install and its share per language. Used by `npm run size` and `npm run bench`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { manifestPath } from '../compiler/build-manifest.ts';
import { NAME_FONT_PREFIX } from '../compiler/language-name-fonts.ts';
import { LOCALES } from '../shared/locales.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

/** The font families the app bundles, and the language each one is for. */
const FONT_LOCALES: Record<string, string> = {
  'noto-nastaliq-urdu': 'ur',
  'noto-sans-devanagari': 'hi',
};

export interface Payload {
  /** Files loaded before the first page shows, and their gzip sizes in bytes. */
  firstVisit: { js: string[]; css: string[]; jsBytes: number; cssBytes: number };
  /** Font file sizes in bytes by family (woff2 is already compressed). */
  fonts: Record<string, number>;
  /** The fonts that draw only the language names in the chooser, in bytes. */
  nameFonts: number;
  /** The largest chunk of one lesson in one language, gzip. */
  largestLesson: { file: string; bytes: number };
  /** Every file of the build: the service worker, its runtime and everything it precaches, gzip. */
  everything: number;
  /**
   * The precache list split by who needs it, gzip: files only one language uses (its lessons,
   * course, glossary, search index, interface strings and fonts), and the rest, shared.
   */
  precache: { shared: number; byLocale: Record<string, number>; files: number };
}

/** The build manifest of `dist`, kept beside it (see compiler/build-manifest.ts). */
export function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(manifestPath(dist), 'utf8')) as Manifest;
}

export function gzipSize(dist: string, file: string): number {
  return gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
}

/** The entry and everything it imports statically: what loads before the first page shows. */
export function firstVisit(manifest: Manifest): { js: string[]; css: string[] } {
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

/** Every file of the build, relative to it, without Vite's own manifest folder. */
export function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const relative = path.join(prefix, name);
    if (name === '.vite') return [];
    return statSync(path.join(dir, name)).isDirectory()
      ? allFiles(path.join(dir, name), relative)
      : [relative];
  });
}

/**
 * The files the service worker saves for offline use, from its `precacheAndRoute([...])` list,
 * each once (the web app manifest and its icons are listed twice, and saved once).
 */
export function precacheList(dist: string): string[] {
  const worker = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  return [
    ...new Set([...worker.matchAll(/\{\s*"?url"?\s*:\s*"([^"]+)"/g)].map((match) => match[1] as string)),
  ];
}

/**
 * The language a built file belongs to, or undefined when every language uses it: modules the
 * lessons plugin makes per language (`virtual:lesson/<id>/<locale>`, `virtual:strings/<locale>/…`,
 * `virtual:search/<locale>`, …) and the fonts of one script.
 */
function localeOf(file: string, keyOf: Map<string, string>): string | undefined {
  const base = path.basename(file);
  for (const [family, locale] of Object.entries(FONT_LOCALES)) if (base.startsWith(family)) return locale;
  const key = keyOf.get(file);
  if (!key?.startsWith('virtual:')) return undefined;
  return key
    .slice('virtual:'.length)
    .split('/')
    .find((part) => (LOCALES as readonly string[]).includes(part));
}

/** Measures a finished build in `dist` (built with `build.manifest: true`). */
export function measurePayload(dist: string): Payload {
  const manifest = readManifest(dist);
  const first = firstVisit(manifest);
  const size = (file: string) => gzipSize(dist, file);
  const sum = (files: string[]) => files.reduce((total, file) => total + size(file), 0);
  const keyOf = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));

  const lessons = Object.entries(manifest)
    .filter(([key]) => key.startsWith('virtual:lesson/'))
    .map(([, chunk]) => ({ file: chunk.file, bytes: size(chunk.file) }));
  const largestLesson = lessons.reduce(
    (largest, lesson) => (lesson.bytes > largest.bytes ? lesson : largest),
    {
      file: '',
      bytes: 0,
    },
  );

  const files = allFiles(dist);
  const fonts: Record<string, number> = {};
  for (const family of Object.keys(FONT_LOCALES)) {
    fonts[family] = files
      .filter((file) => file.endsWith('.woff2') && path.basename(file).startsWith(family))
      .reduce((total, file) => total + statSync(path.join(dist, file)).size, 0);
  }

  const nameFonts = files
    .filter((file) => path.basename(file).startsWith(NAME_FONT_PREFIX))
    .reduce((total, file) => total + statSync(path.join(dist, file)).size, 0);

  const precached = precacheList(dist);
  const byLocale: Record<string, number> = Object.fromEntries(LOCALES.map((locale) => [locale, 0]));
  let shared = 0;
  for (const file of precached) {
    const locale = localeOf(file, keyOf);
    if (locale) byLocale[locale] = (byLocale[locale] ?? 0) + size(file);
    else shared += size(file);
  }

  return {
    firstVisit: { ...first, jsBytes: sum(first.js), cssBytes: sum(first.css) },
    fonts,
    nameFonts,
    largestLesson,
    everything: sum(files),
    precache: { shared, byLocale, files: precached.length },
  };
}
