/** Right-to-left text: isolating Latin expressions, and refusing invisible direction overrides. */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * Invisible characters that change the order text is shown in, and can make a reader see
 * "5678 1234" where "1234 5678" is written: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks U+200E, U+200F and U+061C. The compiler isolates Latin runs with
 * <bdi> itself, so no file needs them. They are also found written as an HTML character reference
 * (`&#x202E;`, `&#8238;`, `&rlm;`), which a lesson shows decoded. (Autolinks show their address as
 * written: see markdown.ts.)
 */
const CONTROLS =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|&#[xX]0*(?:61[cC]|200[eEfF]|202[a-eA-E]|206[6-9]);|&#0*(?:1564|820[67]|823[4-8]|829[4-7]);|&(?:lrm|rlm);/g;
/** In YAML and JSON, and a lesson's front matter, also as an escape in a quoted value (`"\u202E"`). */
const ESCAPED_CONTROLS = new RegExp(
  String.raw`${CONTROLS.source}|\\(?:u|U0000)(?:061[cC]|200[eEfF]|202[a-eA-E]|206[6-9])`,
  'g',
);

/** The character a match stands for: itself, or the one its escape writes. */
function codePoint(match: string): number {
  if (match.length === 1) return match.codePointAt(0) ?? 0;
  if (match === '&lrm;') return 0x200e;
  if (match === '&rlm;') return 0x200f;
  const decimal = /^&#(\d+);$/.exec(match);
  if (decimal) return Number(decimal[1]);
  return Number.parseInt(match.replace(/^(&#[xX]|\\[uU])|;$/g, ''), 16);
}

/**
 * Reports every direction control character, with its line and column (both 1-based). In a
 * lesson, escapes count only in the front matter; `escapes` makes them count everywhere (YAML, JSON).
 */
export function findDirectionControls(
  source: string,
  report: (line: number, col: number, message: string) => void,
  escapes = false,
) {
  const lines = source.split(/\r?\n/);
  // The front matter: between a first line '---' and the next '---'.
  const frontMatterEnd =
    lines[0]?.trim() === '---' ? lines.findIndex((line, index) => index > 0 && line.trim() === '---') : -1;
  lines.forEach((text, index) => {
    for (const match of text.matchAll(escapes || index < frontMatterEnd ? ESCAPED_CONTROLS : CONTROLS)) {
      const code = codePoint(match[0]).toString(16).toUpperCase().padStart(4, '0');
      const written = match[0].length > 1 ? ` (written "${match[0]}")` : '';
      report(
        index + 1,
        (match.index ?? 0) + 1,
        `invisible direction control U+${code}${written} is not allowed: delete it`,
      );
    }
  });
}

export interface BidiEnv {
  [key: string | symbol]: unknown;
  rtl?: boolean;
}

/** A character of right-to-left script (Hebrew, Arabic, Urdu and their punctuation): ends an expression. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/**
 * What an expression is made of: Latin letters and digits, the symbols that stand for a button in
 * a menu path (⋮ ⋯ ☰ ≡ ⚙), and inline code (see OBJECT).
 */
const LTR = /[\p{Script=Latin}0-9⋮⋯☰≡⚙\uE000]/u;
/** Stands for an inline code span in the flattened text of a paragraph. */
const OBJECT = '\uE000';
/** Stands for what an expression cannot cross: an image, a hard line break. */
const BARRIER = '\n';
const PAIRS: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '“': '”',
  '‘': '’',
  '«': '»',
  '"': '"',
  "'": "'",
};
const CLOSERS = new Set(Object.values(PAIRS));
/** Isolate controls the compiler writes around an expression split over several elements. */
const LRI = '\u2066';
const PDI = '\u2069';

const PAIR_LIST = Object.entries(PAIRS);

/** For each closing mark, how many of its opening marks are still open (for quotes: 1 or 0). */
class OpenPairs {
  private readonly open = new Map<string, number>();
  /** Counts `char` in. */
  add(char: string): void {
    if (!(char in PAIRS) && !CLOSERS.has(char)) return;
    for (const [opener, closer] of PAIR_LIST) {
      const depth = this.open.get(closer) ?? 0;
      if (opener === closer && char === opener) this.open.set(closer, 1 - depth);
      else if (char === opener) this.open.set(closer, depth + 1);
      else if (char === closer && depth > 0) this.open.set(closer, depth - 1);
    }
  }
  /** Whether `char` would close a pair none of whose opening marks was counted. */
  closesNothing(char: string): boolean {
    return CLOSERS.has(char) && (this.open.get(char) ?? 0) === 0;
  }
}

/** What a character is to an expression. */
enum Kind {
  Mark = 0,
  Ltr = 1,
  Rtl = 2,
  Space = 3,
}
/** Kinds by UTF-16 code unit, found once each: a lesson uses few distinct characters. */
const kinds = new Uint8Array(0x10000).fill(255);
function kindOf(code: number): Kind {
  let kind = kinds[code] as number;
  if (kind === 255) {
    // Halves of a surrogate pair (emoji and the like) are marks.
    const char = String.fromCharCode(code);
    kind = LTR.test(char) ? Kind.Ltr : RTL.test(char) ? Kind.Rtl : /\s/.test(char) ? Kind.Space : Kind.Mark;
    kinds[code] = kind;
  }
  return kind as Kind;
}

/**
 * The Latin expressions of `text`, as [start, end) offsets: Latin words and numbers with what
 * lies between them up to the next right-to-left letter ("Settings > [your name] > Privacy",
 * "3-2-1", "+92 300 1234567"), and the marks written against their ends ("#KeepItOn",
 * "Merdeka1957!", "example.org/"; after a number alone, only "%"). A bracket or quote at an end
 * belongs to the expression only when its partner is among its letters.
 */
export function latinExpressions(text: string): [number, number][] {
  const found: [number, number][] = [];
  const length = text.length;
  const kind = (at: number) => kindOf(text.charCodeAt(at));
  let i = 0;
  while (i < length) {
    if (kind(i) !== Kind.Ltr) {
      i++;
      continue;
    }
    let end = i + 1;
    let wordy = false;
    // Up to the last Latin letter or digit before a right-to-left letter or a barrier.
    for (let j = i; j < length && kind(j) !== Kind.Rtl && text[j] !== BARRIER; j++) {
      if (kind(j) !== Kind.Ltr) continue;
      end = j + 1;
      // Stryker disable next-line Regex: digits and letters are the only characters of this kind that matter here
      wordy ||= !/[0-9\uE000]/.test(text[j] as string);
    }
    // Marks written against its ends, up to a space or a right-to-left letter.
    let start = i;
    while (start > 0 && kind(start - 1) === Kind.Mark) start--;
    let after = end;
    while (after < length && kind(after) === Kind.Mark) after++;
    // A bracket or quote stays out, with what lies beyond it, when its partner is not among the
    // expression's own letters: "[your name]" in a menu path is the path's, «Signal» the sentence's.
    for (let j = i - 1; j >= start; j--) {
      const partner = PAIRS[text[j] as string];
      if (partner !== undefined && !text.slice(i, end).includes(partner)) {
        start = j + 1;
        break;
      }
    }
    // After a number alone, a full stop or a colon is the sentence's: "2." reads as a list number
    // in Urdu, with its dot after the number in right-to-left order.
    let pairs: OpenPairs | undefined;
    for (let j = end; j < after; j++) {
      const char = text[j] as string;
      if (!wordy && char !== '%') {
        after = j;
        break;
      }
      if (CLOSERS.has(char)) {
        if (!pairs) {
          pairs = new OpenPairs();
          for (let k = start; k < j; k++) pairs.add(text[k] as string);
        }
        if (pairs.closesNothing(char)) {
          after = j;
          break;
        }
      }
      pairs?.add(char);
    }
    found.push([start, after]);
    i = after;
  }
  return found;
}

/** How a text token is drawn in a right-to-left lesson: its pieces, the Latin ones isolated. */
interface Pieces {
  pieces: { text: string; latin: boolean }[];
}

/**
 * Finds the Latin expressions of each paragraph, heading, list item or table cell of a
 * right-to-left lesson, across line breaks and inline markup, and marks them for the renderer.
 */
function isolateExpressions(state: StateCore): void {
  if (!(state.env as BidiEnv | undefined)?.rtl) return;
  for (const block of state.tokens) {
    if (block.type === 'inline' && block.children) block.children = isolateInline(block.children, state);
  }
}

function isolateInline(children: Token[], state: StateCore): Token[] {
  // A line break inside a paragraph is a space: joined, a phrase broken over two lines is one.
  const joined: Token[] = [];
  for (const token of children) {
    const previous = joined.at(-1);
    const text = token.type === 'softbreak' ? ' ' : token.type === 'text' ? token.content : null;
    if (text !== null && previous?.type === 'text') previous.content += text;
    else if (token.type === 'softbreak') {
      const space = new state.Token('text', '', 0);
      space.content = ' ';
      joined.push(space);
    } else joined.push(token);
  }
  // A glossary term is drawn as a button, whose text is a paragraph of its own: inside it, its
  // own expressions; outside, it stands like a word in its neighbours' expression.
  const units: Token[][] = [];
  for (let i = 0; i < joined.length; i++) {
    const token = joined[i] as Token;
    if (token.type === 'link_open' && String(token.attrGet('href') ?? '').startsWith('term:')) {
      let close = i + 1;
      while (close < joined.length && joined[close]?.type !== 'link_close') close++;
      units.push([
        token,
        ...isolateInline(joined.slice(i + 1, close), state),
        ...joined.slice(close, close + 1),
      ]);
      i = close;
    } else units.push([token]);
  }
  // The paragraph as one string, and where each unit's text starts in it.
  let flat = '';
  const at: number[] = [];
  for (const unit of units) {
    at.push(flat.length);
    const token = unit[0] as Token;
    if (unit.length > 1 || token.type === 'code_inline') flat += OBJECT;
    else if (token.type === 'text') flat += token.content;
    else if (token.type === 'image' || token.type === 'hardbreak') flat += BARRIER;
  }
  const result: Token[] = [];
  const spans = latinExpressions(flat);
  const isolate = (content: string) => {
    const token = new state.Token('bidi_isolate', '', 0);
    token.content = content;
    return token;
  };
  // Spans and units both run in order: `first` is the first span not ended before this unit.
  let first = 0;
  units.forEach((unit, index) => {
    const from = at[index] as number;
    const to = (at[index + 1] ?? flat.length) as number;
    const token = unit[0] as Token;
    while (first < spans.length && (spans[first] as [number, number])[1] <= from) first++;
    const touching: [number, number][] = [];
    for (let k = first; k < spans.length && (spans[k] as [number, number])[0] < to; k++)
      touching.push(spans[k] as [number, number]);
    // An expression split over several tokens (emphasis, a link, code) is isolated as a whole.
    const opens = ([start, end]: [number, number]) => start >= from && end > to;
    const closes = ([start, end]: [number, number]) => end <= to && start < from;
    if (unit.length > 1 || token.type !== 'text') {
      if (touching.some(opens)) result.push(isolate(LRI));
      result.push(...unit);
      if (touching.some(closes)) result.push(isolate(PDI));
      return;
    }
    const pieces: Pieces['pieces'] = [];
    let last = from;
    for (const span of touching) {
      const a = Math.max(span[0], from);
      const b = Math.min(span[1], to);
      if (a > last) pieces.push({ text: flat.slice(last, a), latin: false });
      if (opens(span)) pieces.push({ text: LRI, latin: false });
      pieces.push({ text: flat.slice(a, b), latin: true });
      if (closes(span)) pieces.push({ text: PDI, latin: false });
      last = b;
    }
    if (to > last) pieces.push({ text: flat.slice(last, to), latin: false });
    token.meta = { ...(token.meta ?? {}), pieces } satisfies Pieces;
    result.push(token);
  });
  return result;
}

/**
 * In right-to-left lessons, isolates each Latin expression (product names, addresses, menu paths,
 * numbers) left to right in <bdi dir="ltr">, and marks code as left to right, so what was typed
 * reads on screen in the order it was typed inside Urdu text.
 */
export function bidiPlugin(md: MarkdownIt): void {
  const escapeHtml = md.utils.escapeHtml;
  md.core.ruler.push('bidi_isolate', isolateExpressions);
  md.renderer.rules.bidi_isolate = (tokens, index) => tokens[index]?.content ?? '';
  const text = md.renderer.rules.text;
  md.renderer.rules.text = (tokens, index, options, env: BidiEnv | undefined, self) => {
    const pieces = (tokens[index]?.meta as Partial<Pieces> | undefined)?.pieces;
    if (!env?.rtl || !pieces)
      return text ? text(tokens, index, options, env, self) : escapeHtml(tokens[index]?.content ?? '');
    let html = '';
    for (const { text, latin } of pieces)
      html += latin ? `<bdi dir="ltr">${escapeHtml(text)}</bdi>` : escapeHtml(text);
    return html;
  };
  for (const rule of ['code_inline', 'code_block', 'fence'] as const) {
    const original = md.renderer.rules[rule];
    md.renderer.rules[rule] = (tokens, index, options, env: BidiEnv | undefined, self) => {
      const token = tokens[index];
      if (env?.rtl && token) token.attrSet('dir', 'ltr');
      return original
        ? original(tokens, index, options, env, self)
        : self.renderToken(tokens, index, options);
    };
  }
}
