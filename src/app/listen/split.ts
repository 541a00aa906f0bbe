/**
 * Cutting text into pieces a speech engine reads whole. Browsers stop long utterances part way
 * (Chrome after about fifteen seconds on some phones), so a paragraph is read as several, each
 * ending where a sentence ends, and only a sentence too long on its own is cut at a comma or a space.
 */

/** About ten seconds of speech: short enough that no engine cuts it, long enough to sound whole. */
export const MAX_CHARS = 200;

/** The sentences of `text`, by the rules of its language (the danda and the Urdu full stop end one too). */
function sentences(text: string, locale: string): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((part) => part.segment.trim()).filter(Boolean);
}

/** A sentence longer than `max`, cut after a comma or semicolon where it can, else between words. */
function cutLong(sentence: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    // The last pause that fits (Latin and Arabic-script commas and semicolons), else the last space.
    const fits = rest.slice(0, max);
    const clause = Math.max(...[',', ';', '،', '؛', ':'].map((mark) => fits.lastIndexOf(mark)));
    const space = rest.slice(0, max + 1).lastIndexOf(' ');
    const at = clause > max / 3 ? clause + 1 : space > 0 ? space : max;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** `text` in pieces of at most `max` characters, whole sentences joined while they fit. */
export function splitForSpeech(text: string, locale: string, max = MAX_CHARS): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences(text.replace(/\s+/g, ' '), locale)) {
    for (const part of sentence.length > max ? cutLong(sentence, max) : [sentence]) {
      if (current && current.length + 1 + part.length > max) {
        pieces.push(current);
        current = part;
      } else current = current ? `${current} ${part}` : part;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
