/**
 * A one-line snippet of a section's text around the words a search matched, as plain pieces of
 * text (drawn as text nodes and `<mark>`, never as HTML: lessons and translations are untrusted).
 */

/** A piece of a snippet: text, marked when it is a word the search matched. */
export interface SnippetPiece {
  text: string;
  marked: boolean;
}

/**
 * A word: what lies between the separators the search index splits at (spaces and punctuation).
 * Combining marks (Hindi's vowel signs, Urdu's diacritics) and joiners are part of their word.
 */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** At most this many characters of context before the first match, so that it shows on one line. */
const BEFORE = 20;
/** At most this many characters in all (the line's end is cut by the style with an ellipsis). */
const LENGTH = 120;

/** `text` in pieces, its words that are among `terms` (the index's lower-case terms) marked. */
export function markWords(text: string, terms: readonly string[]): SnippetPiece[] {
  const wanted = new Set(terms.map((term) => term.toLowerCase()));
  const pieces: SnippetPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    if (!wanted.has(match[0].toLowerCase())) continue;
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), marked: false });
    pieces.push({ text: match[0], marked: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/**
 * The part of `text` around its first word among `terms`: a few words before it, more after,
 * cut only between words, with an ellipsis where text was left out. The start of the text when
 * no word matches (the search matched the heading or the lesson's title).
 */
export function snippet(text: string, terms: readonly string[]): SnippetPiece[] {
  const wanted = new Set(terms.map((term) => term.toLowerCase()));
  const words = [...text.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    marked: wanted.has(match[0].toLowerCase()),
  }));
  if (words.length === 0) return [];
  const first = Math.max(
    0,
    words.findIndex((word) => word.marked),
  );
  const anchor = words[first] as (typeof words)[number];
  let from = first;
  while (from > 0 && anchor.start - (words[from - 1] as (typeof words)[number]).start <= BEFORE) from--;
  // From the text's first or to its last word: its punctuation too (a question mark, a danda).
  const start = from === 0 ? 0 : (words[from] as (typeof words)[number]).start;
  let to = first;
  while (to + 1 < words.length && (words[to + 1] as (typeof words)[number]).end - start <= LENGTH) to++;
  const end = to === words.length - 1 ? text.length : (words[to] as (typeof words)[number]).end;
  const pieces = markWords(text.slice(start, end), terms);
  if (start > 0) pieces.unshift({ text: '… ', marked: false });
  if (end < text.length) pieces.push({ text: ' …', marked: false });
  return merge(pieces);
}

/** Neighbouring unmarked pieces joined, so each line is as few text nodes as it can be. */
function merge(pieces: SnippetPiece[]): SnippetPiece[] {
  const merged: SnippetPiece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && !last.marked && !piece.marked) last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}
