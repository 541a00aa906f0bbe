/**
 * The termbase of each language (`locales/termbase/<locale>.tbx`): the agreed translation of each
 * English term and the variants not to use. TBX is the format Weblate reads as a glossary; a term
 * whose `administrativeStatus` is "forbidden" (or "obsolete") is a forbidden translation there too.
 * Only the part of TBX this project writes is read: `termEntry` > `langSet` > `tig` > `term`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentError } from './errors.ts';

/** One term of a language, with the English term it translates. */
export interface Term {
  id: string;
  english: string;
  text: string;
  forbidden: boolean;
}

export interface Termbase {
  locale: string;
  file: string;
  terms: Term[];
  errors: ContentError[];
}

/** A use of a forbidden variant in a translation. */
export interface ForbiddenUse extends ContentError {
  term: Term;
  /** The agreed translation of the same English term, if the termbase gives one. */
  agreed?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 1-based line and column of `offset` in `source`. */
function position(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/** Reads the termbase of `locale` from `source` (the text of `file`). */
export function parseTermbase(source: string, file: string, locale: string): Termbase {
  const terms: Term[] = [];
  const errors: ContentError[] = [];
  const error = (offset: number, message: string) =>
    errors.push({ file, ...position(source, offset), message });
  if (!/<martif[\s>]/.test(source)) error(0, 'not a TBX file: it has no <martif> element');
  const entries = /<termEntry\b([^>]*)>([\s\S]*?)<\/termEntry>/g;
  let count = 0;
  for (const entry of source.matchAll(entries)) {
    count++;
    const at = entry.index ?? 0;
    const id = /\bid="([^"]*)"/.exec(entry[1] ?? '')?.[1] ?? `entry ${count}`;
    const sets = new Map<string, { text: string; forbidden: boolean }[]>();
    for (const set of (entry[2] ?? '').matchAll(
      /<langSet\b[^>]*xml:lang="([^"]+)"[^>]*>([\s\S]*?)<\/langSet>/g,
    )) {
      const tigs = [...(set[2] ?? '').matchAll(/<tig>([\s\S]*?)<\/tig>/g)].map((tig) => ({
        text: decode(/<term>([\s\S]*?)<\/term>/.exec(tig[1] ?? '')?.[1] ?? ''),
        forbidden: /<termNote\s+type="administrativeStatus">\s*(forbidden|obsolete)/.test(tig[1] ?? ''),
      }));
      sets.set(set[1] ?? '', [...(sets.get(set[1] ?? '') ?? []), ...tigs]);
    }
    const english = sets.get('en')?.[0]?.text;
    const own = sets.get(locale) ?? [];
    if (!english) error(at, `term entry "${id}" has no English term (<langSet xml:lang="en">)`);
    else if (own.length === 0)
      error(at, `term entry "${id}" has no ${locale} term (<langSet xml:lang="${locale}">)`);
    for (const term of own) {
      if (!term.text) error(at, `term entry "${id}" has an empty ${locale} term`);
      else if (english) terms.push({ id, english, ...term });
    }
  }
  if (count === 0 && errors.length === 0) error(0, 'the termbase has no <termEntry>');
  return { locale, file, terms, errors };
}

/** The termbases in `dir` (`<locale>.tbx`), by locale; none when the folder does not exist. */
export function readTermbases(dir: string): Termbase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tbx'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return parseTermbase(readFileSync(file, 'utf8'), path.relative(process.cwd(), file), name.slice(0, -4));
    });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `text` (of `file`) uses a forbidden variant of `termbase`: as a whole word or phrase,
 * ignoring case, with any run of spaces or a line break between its words.
 */
export function forbiddenUses(termbase: Termbase, file: string, text: string): ForbiddenUse[] {
  const uses: (ForbiddenUse & { start: number; end: number })[] = [];
  for (const term of termbase.terms) {
    if (!term.forbidden) continue;
    const words = term.text.split(' ').map(escapeRegExp).join('\\s+');
    const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${words}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
    const agreed = termbase.terms.find((other) => other.english === term.english && !other.forbidden)?.text;
    for (const match of text.matchAll(pattern)) {
      const written = match[0].replace(/\s+/g, ' ');
      uses.push({
        file,
        ...position(text, match.index ?? 0),
        message: `"${written}" is a variant not to use for "${term.english}"${agreed ? `: write "${agreed}"` : ''} (${termbase.file})`,
        term,
        agreed,
        start: match.index ?? 0,
        end: (match.index ?? 0) + match[0].length,
      });
    }
  }
  // A variant inside a longer one found at the same place ("two-step" in "two-step verification") is the same use.
  return uses
    .filter(
      (use) =>
        !uses.some(
          (other) =>
            other !== use &&
            other.start <= use.start &&
            other.end >= use.end &&
            other.end - other.start > use.end - use.start,
        ),
    )
    .map(({ start: _start, end: _end, ...use }) => use);
}

/** The files of `locale` that terms are checked in: its lessons, glossary and workshop plans. */
export function translatedFiles(lessonsDir: string, locale: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === `${locale}.md`) files.push(full);
    }
  };
  walk(lessonsDir);
  return files.sort();
}
