/**
 * Reads `::: law COUNTRY checked=YYYY-MM-DD` blocks: a country's law behind a piece of advice,
 * named in bold, in one to three sentences. A translation keeps the same notes as its English.
 */
import type { Token } from 'markdown-it';
import {
  isLawCountry,
  isLawStale,
  LAW_COUNTRIES,
  LAW_NOTE_MAX_WORDS,
  LAW_NOTE_MAX_WORDS_TRANSLATED,
  LAW_STALE_MONTHS,
  type LawNote,
} from '../shared/law.ts';
import type { Block } from '../shared/types.ts';
import { type BlockContext, columnOf } from './questions.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORM = `"::: law COUNTRY checked=YYYY-MM-DD", with COUNTRY one of ${LAW_COUNTRIES.join(', ')}`;

/** What reading a law note needs beyond the other blocks: today, and a way to warn. */
export interface LawContext extends BlockContext {
  now: Date;
  /** Translations say what en.md says, which takes more words in some languages. */
  translation: boolean;
  warn: (line: number, col: number, message: string) => void;
}

function isRealDate(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The text a reader sees in inline tokens. */
function plainText(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.children ? plainText(token.children) : token.content)).join('');
}

/** The bold words a note starts with (the law and section), or null when it does not. */
function lawTitle(inline: Token | undefined): string | null {
  // markdown-it starts a paragraph's inline tokens with an empty text before the bold.
  const children = (inline?.children ?? []).filter((token) => token.type !== 'text' || token.content);
  if (children[0]?.type !== 'strong_open') return null;
  const end = children.findIndex((token) => token.type === 'strong_close');
  const title = plainText(children.slice(1, end)).trim();
  return title || null;
}

/** Reads the first line's country and date; null after reporting why it cannot be used. */
function readHeader(line: number, info: string, context: LawContext) {
  const [, country = '', ...rest] = info.split(/\s+/);
  if (!country || country.startsWith('checked=')) {
    context.report(line, columnOf(context, line, 'law') + 3, `a law note starts ${FORM}`);
    return null;
  }
  if (!isLawCountry(country)) {
    context.report(
      line,
      columnOf(context, line, country),
      `"${country}" is not a country of the course: ${FORM}`,
    );
    return null;
  }
  let checked = '';
  let ok = true;
  for (const word of rest) {
    if (word.startsWith('checked=') && !checked) checked = word.slice('checked='.length);
    else {
      context.report(
        line,
        columnOf(context, line, word),
        `"${word}" does not belong on the first line: ${FORM}`,
      );
      ok = false;
    }
  }
  if (!checked) {
    const col = (context.lines[line] ?? '').trimEnd().length + 1;
    context.report(
      line,
      col,
      'a law note needs "checked=YYYY-MM-DD": the day you checked it against the law',
    );
    return null;
  }
  const col = columnOf(context, line, `checked=${checked}`) + 'checked='.length;
  if (!isRealDate(checked)) {
    context.report(line, col, `"${checked}" is not a real date: write checked=YYYY-MM-DD`);
    return null;
  }
  if (checked > context.now.toISOString().slice(0, 10)) {
    context.report(line, col, `"${checked}" is in the future: write the day you checked the law`);
    return null;
  }
  if (isLawStale(checked, context.now)) {
    context.warn(
      line,
      col,
      `the ${country} law note was checked ${checked}, over ${LAW_STALE_MONTHS} months ago: check the law again`,
    );
  }
  return ok ? { country, checked } : null;
}

/** Reads a `::: law` block; `level` is the heading level that fits where it stands. */
export function readLawNote(
  open: Token,
  content: Token[],
  context: LawContext,
  level: number,
): LawNote | null {
  const line = open.map?.[0] ?? 0;
  const header = readHeader(line, open.info, context);
  if (content.length === 0) {
    context.report(
      line,
      1,
      'the law note is empty: name the law and section in bold, then what it means here',
    );
    return null;
  }
  // Inside a paragraph, tokens are one level down: anything else at the top is another kind of block.
  const top = content[0]?.level ?? 0;
  const other = content.find(
    (token) => token.level === top && token.type !== 'paragraph_open' && token.type !== 'paragraph_close',
  );
  if (other) {
    context.report(
      other.map?.[0] ?? line,
      1,
      'a law note is one to three short paragraphs: no headings, lists, quotes or code',
    );
  }
  const title = lawTitle(content[1]);
  if (!title) {
    const at = content[0]?.map?.[0] ?? line;
    context.report(at, 1, 'a law note starts with the law and section in bold: "**Act, section 12**: …"');
  }
  const words = plainText(content.filter((token) => token.type === 'inline'))
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const most = context.translation ? LAW_NOTE_MAX_WORDS_TRANSLATED : LAW_NOTE_MAX_WORDS;
  if (words > most) {
    context.report(
      line,
      1,
      `the law note has ${words} words: keep it to ${most} or fewer (one to three sentences)`,
    );
  }
  const html = context.blocks(content);
  if (!header || !title) return null;
  return {
    kind: 'law',
    country: header.country as LawNote['country'],
    checked: header.checked,
    title,
    html,
    level,
  };
}

function lawNotes(blocks: readonly Block[]): LawNote[] {
  return blocks.filter((block): block is LawNote => block.kind === 'law');
}

/**
 * Reports a translation whose law notes differ from en.md's: the same countries, in the same order,
 * with the same `checked` dates, so that no country's note is lost or left behind in a language.
 * `lines` are the file lines of the translation's notes, in order.
 */
export function compareLawNotes(
  english: readonly Block[],
  blocks: readonly Block[],
  lines: readonly number[],
  bodyLine: number,
  report: (line: number, col: number, message: string) => void,
): void {
  const key = (note: LawNote) => `${note.country} checked=${note.checked}`;
  const source = lawNotes(english).map(key);
  const translated = lawNotes(blocks).map(key);
  const differs = Math.max(source.length, translated.length);
  for (let index = 0; index < differs; index++) {
    if (source[index] === translated[index]) continue;
    const expected = source.length > 0 ? source.join(', ') : 'none';
    report(
      lines[index] ?? bodyLine,
      1,
      `the law notes must be those of en.md, in the same order and with the same dates: ${expected}`,
    );
    return;
  }
}
